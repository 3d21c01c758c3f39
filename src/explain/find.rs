//! Finds an SMTP reply inside free text: DSN `Diagnostic-Code:` fields, Postfix log lines,
//! lettre's error text, bounce messages.

use crate::EnhancedCode;

/// Where a reply was found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found<'t> {
    pub(crate) code: u16,
    /// The text of the reply: from its code to the end of its paragraph.
    pub(crate) region: &'t [u8],
    /// The enhanced code right after the reply code, if any.
    pub(crate) enhanced: Option<EnhancedCode>,
    /// The region's first enhanced code after a `#` (`crate::explain::hash_enhanced`), when
    /// the reply finder read it on its way.
    pub(crate) hash_enhanced: Option<Option<EnhancedCode>>,
    /// The region's [`continuation_prefix`], when the reply finder knows it.
    pub(crate) prefix: Option<usize>,
    /// Whether the region is [`continued`], when the reply finder knows it.
    pub(crate) continued: Option<bool>,
}

/// Texts that introduce a reply: Postfix "said: ", a DSN's "smtp; ", qmail's "Remote host said: ",
/// sendmail's "stat=Deferred: ".
const MARKERS: [&[u8]; 9] = [
    b"said: ",
    b"Deferred: ",
    b"smtp; ",
    b"smtp;",
    b"Diagnostic-Code: ",
    b"reply: ",
    b"response: ",
    b"ERROR_CODE :",
    b"ERROR_CODE: ",
];

/// Words that may stand right before a reply code in prose ("the server said 550 …"); after
/// any other word a number is prose ("Your order 550 has shipped").
const LEAD_WORDS: [&[u8]; 12] = [
    b"said",
    b"error",
    b"reply",
    b"replied",
    b"response",
    b"responded",
    b"code",
    b"status",
    b"smtp",
    b"returned",
    b"answered",
    b"with",
];

/// The longest region taken after a reply code: a long bounce paragraph is plenty.
const MAX_REGION: usize = 4096;

/// The length of a multi-line reply's repeated prefix at the start of `rest`: the reply's own
/// code followed by `-` (`550-`, `550-5.7.1 `), or by a space and an enhanced code
/// (`550 5.7.1 `); 0 when `rest` does not start with one.
pub(crate) fn continuation_prefix(rest: &[u8], code: u16) -> usize {
    // `code` is a reply code (200 to 599), as `line_code` reads them.
    if rest.len() < 4 || crate::reply::line_code(rest) != Some(code) {
        return 0;
    }
    let enhanced = |at: usize| {
        rest.get(at..).and_then(EnhancedCode::parse_prefix).map(|(_, used)| {
            let end = at + used;
            end + usize::from(rest.get(end).is_some_and(u8::is_ascii_whitespace))
        })
    };
    match rest[3] {
        b'-' => enhanced(4).unwrap_or(4),
        b' ' => enhanced(4).unwrap_or(0),
        _ => 0,
    }
}

/// The pieces of a reply's text between its repeated prefixes (`550-5.7.1 `), trimmed: its
/// lines, whether they stand apart or a relaying MTA joined them into one.
pub(crate) fn reply_pieces(region: &[u8], code: u16) -> impl Iterator<Item = &[u8]> {
    let mut rest = region;
    core::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let start = continuation_prefix(rest, code);
        let next = next_prefix(rest, start.max(1), code).unwrap_or(rest.len());
        let piece = rest[start.min(next)..next].trim_ascii();
        rest = &rest[next..];
        Some(piece)
    })
}

/// Whether a reply's text repeats its prefix after its start (`550-5.7.1 … multiple\n550 5.7.1
/// addresses`, or the same lines joined into one by a relaying MTA).
pub(crate) fn continued(region: &[u8], code: u16, prefix: Option<usize>) -> bool {
    // As `reply_pieces(region, code).nth(1).is_some()`: a second piece starts at the next prefix.
    // `prefix` is the region's own prefix when the finder knows it.
    let prefix = || prefix.unwrap_or_else(|| continuation_prefix(region, code));
    !region.is_empty() && next_prefix(region, prefix().max(1), code).is_some()
}

/// Where the next repeated prefix of a reply's text starts at or after `from` (at least 1): at a
/// byte after white space. Each byte equal to the code's first digit in turn, eight bytes at a
/// time between them.
fn next_prefix(rest: &[u8], from: usize, code: u16) -> Option<usize> {
    let first = b'0' + (code / 100 % 10) as u8;
    let mut from = from;
    while let Some(i) = crate::swar::find_byte(rest, from, first) {
        if rest[i - 1].is_ascii_whitespace() && continuation_prefix(&rest[i..], code) > 0 {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// A reply code, a space and an enhanced code of the code's class at the start of `rest`
/// (`503 5.5.1`): the code, the enhanced code and the index after it.
fn coded_status(rest: &[u8]) -> Option<(u16, EnhancedCode, usize)> {
    let code = crate::reply::line_code(rest)?;
    if rest.get(3) != Some(&b' ') {
        return None;
    }
    let (enhanced, used) = EnhancedCode::parse_prefix(&rest[4..])?;
    (u16::from(enhanced.class()) == code / 100).then_some((code, enhanced, 4 + used))
}

/// Where a different reply of the same class starts after the first in `region`: a code other
/// than `code` after white space, a space and an enhanced code of its class (Gmail's "550 5.2.1
/// The email account … is disabled. 503 5.5.1 RCPT first.", a bounce that quotes the refusal
/// and then the server's answer to the next command). The words after it belong to that later
/// reply, which is only a consequence of the first.
///
/// With it, on the same pass, the first repeated prefix of the reply's own code before it (or in
/// the whole region when there is none): at index 4 or after, after white space, where
/// [`continuation_prefix`] finds one.
///
/// The search begins at `from` (at least 4): after an enhanced code that follows the code and a
/// space (`550 5.7.1`), where no later reply or prefix can begin (its bytes are digits and dots,
/// and its first digit begins no code).
fn next_reply(region: &[u8], code: u16, from: usize) -> (Option<usize>, Option<usize>) {
    let first = b'0' + (code / 100 % 10) as u8;
    let mut from = from.max(4);
    let mut prefix = None;
    while let Some(i) = crate::swar::find_byte(region, from, first) {
        let rest = &region[i..];
        if region[i - 1].is_ascii_whitespace() {
            if coded_status(rest).is_some_and(|(other, _, end)| {
                other != code && matches!(rest.get(end), None | Some(b' ' | b'\r' | b'\n'))
            }) {
                return (Some(i), prefix);
            }
            if prefix.is_none() && continuation_prefix(rest, code) > 0 {
                prefix = Some(i);
            }
        }
        from = i + 1;
    }
    (None, prefix)
}

/// [`continued`] for a region of the reply finder, `first_prefix` being the first repeated prefix
/// [`next_reply`] saw in it (before the region was cut at the next reply): a prefix at or after
/// where the search would begin, with at least four bytes after it, is the one the search would
/// find (the cut only drops white space after it, which no prefix reads into); none seen, none
/// there (no prefix begins before index 4: the region begins with its code). Otherwise the
/// search is made.
#[inline]
fn continued_at(region: &[u8], code: u16, prefix: usize, first_prefix: Option<usize>) -> bool {
    let from = prefix.max(1);
    match first_prefix {
        Some(p) if p >= from && p + 4 < region.len() => true,
        None => false,
        Some(_) => next_prefix(region, from, code).is_some(),
    }
}

/// Sendmail's report of what the remote server replied: its own code (and status), the
/// recipient and `... `, then the remote reply (`554 <user@example.org>... 550 Host unknown`).
/// The remote reply is the one that says what happened. `after` is where the text after the
/// code (and status) starts in `region`.
#[inline(always)]
fn relayed_reply(region: &[u8], after: usize) -> Option<Found<'_>> {
    match region.get(after) {
        Some(b'<') => relayed_at(&region[after + 1..]),
        _ => None,
    }
}

/// [`relayed_reply`] after the `<`.
#[inline(never)]
fn relayed_at(rest: &[u8]) -> Option<Found<'_>> {
    let close = rest.iter().position(|&b| matches!(b, b'>' | b' ' | b'\r' | b'\n'))?;
    let inner = rest[close..].strip_prefix(b">... ")?;
    let code = crate::reply::line_code(inner).filter(|_| inner.get(3) == Some(&b' '))?;
    // One level: a relayed reply is read as it stands (no recursion on hostile input).
    find_in(inner, false).filter(|relayed| relayed.code == code && relayed.region.as_ptr() == inner.as_ptr())
}

/// Finds the reply in `text`: lettre's `error (535): …` form first, then the best three-digit
/// code at a word boundary that is not part of an IP address, a date, a time, a version number
/// or an identifier.
pub(crate) fn find(text: &[u8]) -> Option<Found<'_>> {
    find_in(text, true)
}

/// [`find`], looking inside Sendmail's report of a remote reply when `relayed` is set.
fn find_in(text: &[u8], relayed: bool) -> Option<Found<'_>> {
    // The leading fast path also looks for lettre's form, and finds the paragraph's end and the
    // first enhanced code after a `#`, when it read the whole text.
    let leading = leading_candidate(text);
    if leading.as_ref().is_none_or(|leading| !leading.complete) {
        if let Some(found) = find_lettre_forms(text) {
            return Some(found);
        }
    }
    let (best, paragraph_end, spaced, hash) = match leading {
        Some(leading) => (Some(leading.best), leading.paragraph_end, Some(leading.spaced), leading.hash),
        None => (best_candidate(text), None, None, None),
    };
    let (_, at, code) = best?;
    // PHPMailer's "SMTP code: 554": a colon (ASCII or full-width) and a space before the code,
    // and "SMTP" shortly before (every language keeps it) first; the rest out of line.
    if at >= 2
        && text[at - 1] == b' '
        && matches!(text[at - 2], b':' | 0x9A)
        && crate::explain::keywords::find_ignore_case(&text[at.saturating_sub(PHPMAILER_NEAR)..at], b"smtp")
            .is_some()
    {
        if let Some(found) = phpmailer_at(text, at, code) {
            return Some(found);
        }
    }
    let at = first_line_of_reply(text, at, code);
    let region = match paragraph_end {
        Some(end) if at < end => &text[at..end],
        _ => paragraph(&text[at..]),
    };
    // The enhanced code the fast path parsed after the code at the start and a space.
    let parsed_after = match spaced {
        Some(Some((_, used))) if at == 0 => 4 + used,
        _ => 4,
    };
    let (reply_end, first_prefix) = next_reply(region, code, parsed_after);
    let region = match reply_end {
        Some(end) => region[..end].trim_ascii_end(),
        None => region,
    };
    // The enhanced code after the code at the start and a space, as the fast path parsed it,
    // when the reply is the whole text (so that the parse read the same bytes).
    let reuse = at == 0 && region.len() == text.len() && !matches!(text.get(4), Some(b' ' | b'\''));
    let hash = hash.filter(|_| at == 0 && region.len() == text.len());
    if let Some(parsed) = spaced.filter(|_| reuse && text.get(3) == Some(&b' ')) {
        let after_code = &region[4..];
        let enhanced = parsed.and_then(|(e, used)| {
            matches!(after_code.get(used), None | Some(b' ' | b'\t' | b'\r' | b'\n' | b';' | b',' | b')'))
                .then_some(e)
        });
        // As `continuation_prefix(region, code)` finds it after `550 `: the enhanced code and a
        // white space after it, else none.
        let prefix = parsed.map_or(0, |(_, used)| {
            4 + used + usize::from(after_code.get(used).is_some_and(u8::is_ascii_whitespace))
        });
        if relayed {
            if let Some(relayed) = relayed_reply(region, prefix.max(4)) {
                return Some(relayed);
            }
        }
        let continued = Some(continued_at(region, code, prefix, first_prefix));
        return Some(Found { code, region, enhanced, hash_enhanced: hash, prefix: Some(prefix), continued });
    }
    // After the code and its separator (" ", "-", ": ", "-'"), or Zoho's ", ERROR_CODE :".
    let after_code = region.get(3..).unwrap_or_default();
    let after_code = after_code.strip_prefix(b", ERROR_CODE :").unwrap_or(after_code);
    let after_code = match after_code.first() {
        Some(b' ' | b'-' | b':') => &after_code[1..],
        _ => after_code,
    };
    let after_code = after_code.strip_prefix(b" ").unwrap_or(after_code);
    let after_code = after_code.strip_prefix(b"'").unwrap_or(after_code);
    let parsed = EnhancedCode::parse_prefix(after_code).filter(|&(_, used)| {
        matches!(after_code.get(used), None | Some(b' ' | b'\t' | b'\r' | b'\n' | b';' | b',' | b')'))
    });
    let enhanced = parsed.map(|(e, _)| e);
    // Sendmail's relayed form follows the code and a single space, and the status with its
    // space when there is one.
    if relayed
        && region.get(3) == Some(&b' ')
        && region.get(4..).is_some_and(|rest| rest.as_ptr() == after_code.as_ptr())
    {
        if let Some(relayed) = relayed_reply(region, parsed.map_or(4, |(_, used)| 5 + used)) {
            return Some(relayed);
        }
    }
    let continued = Some(continued_at(region, code, continuation_prefix(region, code), first_prefix));
    Some(Found { code, region, enhanced, hash_enhanced: hash, prefix: None, continued })
}

/// The first candidate that reaches [`MAX_SCORE`] in `text` (one after a marker: nothing can beat
/// it, and the rest of the text is not read), else the first candidate with the highest score,
/// every byte considered: (score, where, code).
fn best_candidate(text: &[u8]) -> Option<(u32, usize, u16)> {
    let mut best: Option<(u32, usize, u16)> = None;
    let mut i = 0;
    while i + 3 <= text.len() {
        if i + 8 <= text.len() {
            // No code starts before the first of the next six bytes that begins three digits,
            // the first from 2 to 5.
            match code_starts(&text[i..i + 8]) {
                0 => {
                    i += 6;
                    continue;
                }
                found => i += (found.trailing_zeros() / 8) as usize,
            }
        }
        // A code is three digits: most digits from 2 to 5 are not followed by two more.
        if !matches!(text[i..], [b'2'..=b'5', b'0'..=b'9', b'0'..=b'9', ..]) {
            i += 1;
            continue;
        }
        if let Some((score, code)) = candidate(text, i) {
            if score >= MAX_SCORE {
                return Some((score, i, code));
            }
            if best.is_none_or(|(s, _, _)| score > s) {
                best = Some((score, i, code));
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    best
}

/// A reply quoted in angle brackets inside `region` (`<421 4.4.2 Connection timed out>`): a code,
/// a space and an enhanced code of its class right after a `<`, up to the closing `>`. An expiry
/// quotes the last error so (Amazon SES: "554 4.4.7 Message expired: unable to deliver in 840
/// minutes.<421 4.4.2 Connection timed out>").
#[cfg(feature = "dsn")]
pub(crate) fn quoted_reply(region: &[u8]) -> Option<Found<'_>> {
    let mut from = 0;
    while let Some(open) = crate::swar::find_byte(region, from, b'<') {
        from = open + 1;
        let rest = &region[open + 1..];
        let Some((code, enhanced, end)) = coded_status(rest) else { continue };
        if !matches!(rest.get(end), Some(b' ' | b'>')) {
            continue;
        }
        let end = rest.iter().position(|&b| b == b'>').unwrap_or(rest.len());
        return Some(Found {
            code,
            region: &rest[..end],
            enhanced: Some(enhanced),
            hash_enhanced: None,
            prefix: None,
            continued: None,
        });
    }
    None
}

/// The start of a multi-line reply whose line at `at` was chosen: the earlier lines right
/// before it that continue the same reply (`550-5.7.1 …`), each at a line start, and the first
/// line's code after the words a report puts before it (Exim's "host mx.example.net
/// [192.0.2.1]: 550-5.7.1 …", "Error: 550-5.2.1 …").
fn first_line_of_reply(text: &[u8], mut at: usize, code: u16) -> usize {
    while at >= 2 && text[at - 1] == b'\n' {
        let end = if text[at - 2] == b'\r' { at - 2 } else { at - 1 };
        let start = text[..end].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = &text[start..end];
        if line.get(3) != Some(&b'-') || continuation_prefix(line, code) == 0 {
            if let Some(first) = continued_after_words(line, code) {
                at = start + first;
            }
            break;
        }
        at = start;
    }
    at
}

/// Where a line that begins with a report's words goes on with the first line of a multi-line
/// reply of `code`: the last `550-` in it after a space, a colon, a quote or a bracket.
fn continued_after_words(line: &[u8], code: u16) -> Option<usize> {
    // Each byte equal to the code's first digit in turn, eight bytes at a time between them.
    let first = b'0' + (code / 100 % 10) as u8;
    let (mut from, mut last) = (1, None);
    while let Some(at) = crate::swar::find_byte(line, from, first) {
        let dashed = crate::reply::line_code(&line[at..]) == Some(code) && line.get(at + 3) == Some(&b'-');
        if dashed && matches!(line[at - 1], b' ' | b':' | b'\t' | b'"' | b'\'' | b'(') {
            last = Some(at);
        }
        from = at + 1;
    }
    last
}

/// The reply the `(` at `text[paren]` opens: lettre's `error (535): …` or Python's `(550, b'…')`
/// (the comma after three bytes first, the rest out of line).
#[inline(always)]
fn paren_form(text: &[u8], paren: usize) -> Option<Found<'_>> {
    if let Some(code) = lettre_code(text, paren) {
        return Some(lettre_display_at(text, paren, code));
    }
    if text.get(paren + 4) == Some(&b',') {
        return python_tuple_at(text, paren);
    }
    None
}

/// lettre 0.11's forms and Python's reply tuple: lettre's `Display` or Python's tuple (the first
/// in the text, [`lettre_display_at`], [`python_tuple_at`]) over lettre's `Debug` (the first
/// marker, [`lettre_debug_at`]). One search for both, each `(` and `C` in turn
/// (eight bytes at a time between them); after the first `Debug` marker, each `(` only.
fn find_lettre_forms(text: &[u8]) -> Option<Found<'_>> {
    let mut from = 0;
    let mut debug = None;
    while let Some(i) = find_paren_or_c(text, from) {
        from = i + 1;
        if text[i] == b'(' {
            if let Some(found) = paren_form(text, i) {
                return Some(found);
            }
        } else if text[i..].starts_with(LETTRE_DEBUG) {
            debug = Some(i + LETTRE_DEBUG.len());
            break;
        }
    }
    if debug.is_some() {
        while let Some(paren) = crate::swar::find_byte(text, from, b'(') {
            from = paren + 1;
            if let Some(found) = paren_form(text, paren) {
                return Some(found);
            }
        }
    }
    lettre_debug_at(text, debug?)
}

/// The next `(` or `C` in `bytes` at or after `from`, eight bytes at a time.
#[inline]
fn find_paren_or_c(bytes: &[u8], from: usize) -> Option<usize> {
    crate::swar::find_either(bytes, from, b'(', b'C')
}

/// What lettre's `Debug` of its reply code starts with.
const LETTRE_DEBUG: &[u8] = b"Code { severity: ";

/// lettre 0.11's `Debug` of its reply code, as logs print a `lettre::transport::smtp::Error`:
/// "Code { severity: PermanentNegativeCompletion, category: Unspecified3, detail: Five }" is
/// 535. The first marker in the text; `None` when there is none.
#[cfg(test)]
fn find_lettre_debug(text: &[u8]) -> Option<Found<'_>> {
    // The first marker: each `C` in turn (eight bytes at a time between them).
    let mut from = 0;
    let at = loop {
        let c = crate::swar::find_byte(text, from, LETTRE_DEBUG[0])?;
        if text[c..].starts_with(LETTRE_DEBUG) {
            break c + LETTRE_DEBUG.len();
        }
        from = c + 1;
    };
    lettre_debug_at(text, at)
}

/// lettre's `Debug` after its marker (at `text[at]`): the code its names stand for. The region is
/// the rest of the paragraph (lettre's `source`, when it printed one).
fn lettre_debug_at(text: &[u8], at: usize) -> Option<Found<'_>> {
    const SEVERITIES: [&[u8]; 4] = [
        b"PositiveCompletion",
        b"PositiveIntermediate",
        b"TransientNegativeCompletion",
        b"PermanentNegativeCompletion",
    ];
    const CATEGORIES: [&[u8]; 6] =
        [b"Syntax", b"Information", b"Connections", b"Unspecified3", b"Unspecified4", b"MailSystem"];
    const DETAILS: [&[u8]; 10] =
        [b"Zero", b"One", b"Two", b"Three", b"Four", b"Five", b"Six", b"Seven", b"Eight", b"Nine"];
    // The digit a variant name stands for (its place among `names`), and the bytes after it.
    fn digit<'t>(rest: &'t [u8], names: &[&[u8]]) -> Option<(u16, &'t [u8])> {
        let len = rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let place = names.iter().position(|name| *name == &rest[..len])?;
        Some((place as u16, &rest[len..]))
    }
    let (severity, rest) = digit(&text[at..], &SEVERITIES)?;
    let (category, rest) = digit(rest.strip_prefix(b", category: ")?, &CATEGORIES)?;
    let (detail, rest) = digit(rest.strip_prefix(b", detail: ")?, &DETAILS)?;
    let rest = rest.strip_prefix(b" }")?;
    let code = (severity + 2) * 100 + category * 10 + detail;
    let region = paragraph(trim_start(rest));
    Some(Found { code, region, enhanced: None, hash_enhanced: None, prefix: None, continued: None })
}

/// lettre 0.11's `Display`: "permanent error (535): 5.7.8 …" / "transient error (421): …", or
/// Python's tuple `(535, b'5.7.8 …')`. The first in the text; an "error (" without a code after
/// it is passed over.
#[cfg(test)]
fn find_lettre(text: &[u8]) -> Option<Found<'_>> {
    let mut from = 0;
    loop {
        let paren = crate::swar::find_byte(text, from, b'(')?;
        from = paren + 1;
        if let Some(found) = paren_form(text, paren) {
            return Some(found);
        }
    }
}

/// lettre's `Display` whose `(` at `text[paren]` opens its `code`.
fn lettre_display_at(text: &[u8], paren: usize, code: u16) -> Found<'_> {
    let rest = &text[paren + 5..];
    let rest = rest.strip_prefix(b":").unwrap_or(rest);
    let rest = trim_start(rest);
    let region = paragraph(rest);
    let enhanced = EnhancedCode::parse_prefix(region).and_then(|(e, used)| {
        matches!(region.get(used), None | Some(b' ' | b'\t' | b'\r' | b'\n')).then_some(e)
    });
    Found { code, region, enhanced, hash_enhanced: None, prefix: None, continued: None }
}

/// Python's smtplib reply as its exceptions print it, when the `(` at `text[paren]` opens one:
/// `(550, b'5.1.1 <bob@example.org>: Recipient address rejected')` (`SMTPDataError`,
/// `SMTPSenderRefused`, each recipient of `SMTPRecipientsRefused`), the bytes' repr in single or
/// double quotes, or a string's. The region is the words between the quotes.
#[inline(never)]
fn python_tuple_at(text: &[u8], paren: usize) -> Option<Found<'_>> {
    let code = crate::reply::line_code(text.get(paren + 1..)?)?;
    let rest = text.get(paren + 4..)?.strip_prefix(b", ")?;
    let rest = rest.strip_prefix(b"b").unwrap_or(rest);
    let (&quote, words) = rest.split_first()?;
    if quote != b'\'' && quote != b'"' {
        return None;
    }
    // The closing quote: not escaped, before the tuple's next item or its end.
    let end = (0..words.len())
        .find(|&j| {
            words[j] == quote
                && (j == 0 || words[j - 1] != b'\\')
                && matches!(words.get(j + 1), None | Some(b')' | b','))
        })
        .unwrap_or(words.len());
    let region = paragraph(&words[..end]);
    let enhanced = EnhancedCode::parse_prefix(region).and_then(|(e, used)| {
        matches!(region.get(used), None | Some(b' ' | b'\t' | b'\r' | b'\n')).then_some(e)
    });
    Some(Found { code, region, enhanced, hash_enhanced: None, prefix: None, continued: None })
}

/// How far before a code the "SMTP" of PHPMailer's words for it begins, at most: 21 bytes and the
/// space before the code (Urdu's "SMTP سرور کوڈ: "; `tests/clients.rs` reads every language).
const PHPMAILER_NEAR: usize = 24;

/// PHPMailer's error, its reply's words before the code (PHPMailer cut the code and enhanced
/// code off each line): "SMTP server error: DATA END command failed Detail: Message rejected as
/// spam SMTP code: 554 Additional SMTP info: 5.7.1", in any of its languages ("Code SMTP : 554
/// Informations supplémentaires SMTP : 5.7.1"), when the code chosen at `text[at]` follows its
/// words for the code. The region is the words after its words for the detail (none when it
/// printed no detail); the enhanced code is the one after its words for it.
#[inline(never)]
fn phpmailer_at(text: &[u8], at: usize, code: u16) -> Option<Found<'_>> {
    use crate::explain::keywords::{ends_with_lower, starts_with_lower};
    use crate::generated::{PHPMAILER_CODE, PHPMAILER_CODE_EX, PHPMAILER_DETAIL};
    let before = text[..at].trim_ascii_end();
    let lead = PHPMAILER_CODE.iter().find(|lead| ends_with_lower(before, lead))?;
    let words = before[..before.len() - lead.len()].trim_ascii_end();
    // After the last of its words for the detail, if any: each colon from the end in turn (its
    // words for the detail end with one, ASCII or full-width).
    let mut end = words.len();
    let start = loop {
        let Some(colon) = words[..end].iter().rposition(|&b| b == b':' || b == 0x9A) else { break None };
        if PHPMAILER_DETAIL.iter().any(|lead| ends_with_lower(&words[..=colon], lead)) {
            break Some(colon + 1);
        }
        end = colon;
    };
    let region = start.map_or(&words[words.len()..], |start| words[start..].trim_ascii());
    let after = text.get(at + 3..).unwrap_or_default().trim_ascii_start();
    let enhanced = PHPMAILER_CODE_EX
        .iter()
        .find(|lead| starts_with_lower(after, lead))
        .and_then(|lead| EnhancedCode::parse_prefix(after[lead.len()..].trim_ascii_start()))
        .map(|(status, _)| status)
        .filter(|status| u16::from(status.class()) == code / 100);
    Some(Found { code, region, enhanced, hash_enhanced: None, prefix: None, continued: None })
}

/// The code of lettre's `error (535)` when the `(` at `text[paren]` opens one.
fn lettre_code(text: &[u8], paren: usize) -> Option<u16> {
    if paren < 6 || &text[paren - 6..paren] != b"error " {
        return None;
    }
    let code = crate::reply::line_code(&text[paren + 1..])?;
    (text.get(paren + 4) == Some(&b')')).then_some(code)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[n..]
}

/// A score for a reply code starting at `i`, or `None` when no code starts there.
fn candidate(text: &[u8], i: usize) -> Option<(u32, u16)> {
    candidate_parsed(text, i).map(|(score, code, _)| (score, code))
}

/// An enhanced code parsed at the start of some bytes, with the bytes it used.
type Parsed = Option<(EnhancedCode, usize)>;

/// [`candidate`], with the enhanced code parsed after the code and a space, if any
/// (`EnhancedCode::parse_prefix(&text[i + 4..])` when `text[i + 3]` is a space, else `None`).
#[inline(always)]
fn candidate_parsed(text: &[u8], i: usize) -> Option<(u32, u16, Parsed)> {
    let code = crate::reply::line_code(&text[i..])?;
    let before = if i == 0 { None } else { Some(text[i - 1]) };
    // Not inside a number, a word, an address, a date or a time: "192.0.2.250", "x250",
    // "2024-05", "12:250", "#550", "=550".
    let head = &text[..i];
    // Every marker ends with a space, a ':' or a ';'.
    let introduced = matches!(before, Some(b' ' | b':' | b';'))
        && MARKERS.iter().any(|marker| marker.last() == before.as_ref() && head.ends_with(marker));
    // Exchange's NDR writes "#550 5.1.1 RESOLVER…": a '#' is allowed before a code that an
    // enhanced code follows.
    let hash_form = before == Some(b'#') && enhanced_after(text, i + 3, b' ').is_some();
    if let Some(b) = before {
        if !introduced
            && !hash_form
            && (b.is_ascii_alphanumeric()
                || matches!(b, b'.' | b':' | b'-' | b'/' | b'#' | b'=' | b'_' | b'+' | b'%' | b'$'))
        {
            return None;
        }
    }
    let mut after = text.get(i + 3).copied();
    // "550: 5.2.2 …" and "550, ERROR_CODE :5.1.1": a separator before the text.
    if matches!(after, Some(b':')) && enhanced_after(text, i + 3, b':').is_some()
        || introduced && matches!(after, Some(b','))
    {
        after = Some(b' ');
    }
    // A client library's quoted code after "got code" (Swift Mailer: 'Expected response code 354
    // but got code "503"'): a bare code.
    if after == Some(b'"') && before == Some(b'"') && got_after_expected(head) {
        after = None;
    }
    let line_start = before.is_none() || before == Some(b'\n') || hash_form && i == 1;
    // The enhanced code after the code and a space, parsed once for both uses below.
    let spaced = match text.get(i + 3) {
        Some(b' ') => EnhancedCode::parse_prefix(&text[i + 4..]),
        _ => None,
    };
    let has_enhanced = || {
        spaced.is_some_and(|(_, used)| {
            matches!(text.get(i + 4 + used), None | Some(b' ' | b'\r' | b'\n' | b',' | b';'))
        }) || enhanced_after(text, i + 3, b':').is_some()
    };
    // Amazon SES quotes the remote reply after a dash: "5.3.0 - Other mail system problem
    // 550-'Unknown user …'".
    let ses_quoted = text.get(i + 3..i + 5) == Some(b"-'".as_slice());
    if !introduced && !line_start && !ses_quoted && !has_enhanced() && !led_in(head) {
        return None;
    }
    // In a transcript or a log the reply that matters is the failure: a refusal outranks an
    // equally well-formed positive reply.
    let mut score = if code >= 400 { 2 } else { 1 };
    match after {
        // A bare code ("421") only at the start of a line or after a marker: elsewhere a lone
        // number at the end of a text is a port, a count or an id.
        None | Some(b'\r' | b'\n') if !(line_start || introduced || got_after_expected(head)) => return None,
        None | Some(b'\r' | b'\n') => {}
        Some(b' ') => {
            score += 1;
            let rest = &text[i + 4..];
            // After "550:" or "550," (read as a space) the code, if any, is parsed here.
            let parsed = if text[i + 3] == b' ' { spaced } else { EnhancedCode::parse_prefix(rest) };
            if let Some((enhanced, used)) = parsed {
                if matches!(rest.get(used), None | Some(b' ' | b'\r' | b'\n')) {
                    score += if u16::from(enhanced.class()) == code / 100 { 4 } else { 2 };
                }
            }
        }
        Some(b'-') => {
            // "550-5.7.26 …": a multi-line reply as it was received ("550-'5.2.2 …'" quoted).
            let rest = &text[i + 4..];
            let rest = rest.strip_prefix(b"'").unwrap_or(rest);
            match EnhancedCode::parse_prefix(rest) {
                Some(_) => score += 4,
                None if introduced || rest.first().is_some_and(|b| b.is_ascii_alphabetic()) => score += 1,
                None => return None, // "250-300": a range
            }
        }
        Some(_) => return None,
    }
    if introduced {
        score += 8;
    }
    if line_start {
        score += 2;
    }
    Some((score, code, spaced))
}

/// The enhanced code after `at` when `text[at]` is `separator` and one follows it, with the
/// separator's optional trailing space.
fn enhanced_after(text: &[u8], at: usize, separator: u8) -> Option<EnhancedCode> {
    if text.get(at) != Some(&separator) {
        return None;
    }
    let rest = &text[at + 1..];
    let rest = if separator == b' ' { rest } else { rest.strip_prefix(b" ").unwrap_or(rest) };
    let (enhanced, used) = EnhancedCode::parse_prefix(rest)?;
    matches!(rest.get(used), None | Some(b' ' | b'\r' | b'\n' | b',' | b';')).then_some(enhanced)
}

/// Whether the text before a mid-line code leads into a reply: punctuation that opens a quote
/// or a field, or a word such as "said" or "error".
fn led_in(head: &[u8]) -> bool {
    let trimmed = head.len() - head.iter().rev().take_while(|b| **b == b' ' || **b == b'\t').count();
    let head = &head[..trimmed];
    // A full-width colon (Chinese, Japanese: "SMTP代码： 554") leads in as an ASCII one does.
    if head.ends_with("\u{ff1a}".as_bytes()) {
        return true;
    }
    match head.last() {
        None | Some(b'\n') => true,
        // A port named before its number ("port: 587" in Node's error objects) is not a reply.
        Some(b':') => !crate::explain::eq_lower(last_word(&head[..head.len() - 1]).0, b"port"),
        Some(b';' | b'(' | b'[' | b'"' | b'\'' | b'>' | b'|' | b',' | b'<' | b'.' | b'!' | b'-') => true,
        Some(_) => {
            let (word, before) = last_word(head);
            if crate::explain::eq_lower(word, b"got") {
                // A client library's "Expected smtp code 250, got 552": the code it got.
                return expected_before(before);
            }
            LEAD_WORDS.iter().any(|lead| crate::explain::eq_lower(word, lead))
                // Not the code a client expected ("Expected response code 354 but got an
                // empty response"): that one was never received.
                && !(crate::explain::eq_lower(word, b"code") && expected_just_before(before))
        }
    }
}

/// Whether `head` ends with a client library's "got " after its "expected" ("Expected smtp code
/// 250, got 552"): the code after it is the reply, even at the text's end.
fn got_after_expected(head: &[u8]) -> bool {
    // "got 552", "Got: 535", "got code \"503\"" (the quote is read by the caller).
    let head = head.strip_suffix(b"\"").unwrap_or(head);
    let Some(head) = head.strip_suffix(b" ") else { return false };
    let head = head.strip_suffix(b":").unwrap_or(head);
    let (word, before) = last_word(head);
    let (word, before) = if crate::explain::eq_lower(word, b"code") {
        last_word(before.trim_ascii_end())
    } else {
        (word, before)
    };
    crate::explain::eq_lower(word, b"got") && expected_before(before)
}

/// The last word of `head` (ASCII letters at its end) and the bytes before it.
fn last_word(head: &[u8]) -> (&[u8], &[u8]) {
    let start = head.iter().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |p| p + 1);
    (&head[start..], &head[..start])
}

/// Whether a client library's "expected" stands in the line before `head`'s end: "Expected
/// smtp code 250, got …".
fn expected_before(head: &[u8]) -> bool {
    let line = head.iter().rposition(|&b| b == b'\n').map_or(head, |p| &head[p + 1..]);
    let line = &line[line.len().saturating_sub(80)..];
    crate::explain::find_ignore_case(line, b"expect").is_some()
}

/// Whether the word before "code" is "expected" or "expecting", or "expected" comes before one
/// qualifier ("Expected response code 354", "expected SMTP code", "expecting reply code").
fn expected_just_before(head: &[u8]) -> bool {
    let mut head = head;
    for _ in 0..2 {
        let trimmed = head.len() - head.iter().rev().take_while(|b| **b == b' ').count();
        let (word, before) = last_word(&head[..trimmed]);
        if crate::explain::eq_lower(word, b"expected") || crate::explain::eq_lower(word, b"expecting") {
            return true;
        }
        if word.is_empty() {
            return false;
        }
        head = before;
    }
    false
}

/// Whether `head` ends with a field name that introduces a status: `Status:`, or .NET's "The
/// server response was:" ("The SMTP server requires a secure connection or the client was not
/// authenticated. The server response was: 5.7.0 Authentication required").
fn status_lead(head: &[u8]) -> bool {
    const LEADS: [&[u8]; 2] = [b"status:", b"response was:"];
    LEADS.iter().any(|lead| crate::explain::ends_with_lower(head, lead))
}

/// An enhanced status that stands alone at the start of a line or after a `;`, `Status:` or "The
/// server response was:" (class 4 or 5 only: a "2.5.1" in prose is a version), with the text
/// from it to its paragraph's end.
pub(crate) fn status_only(text: &[u8]) -> Option<(EnhancedCode, &[u8])> {
    // Each `.` in turn (eight bytes at a time between them), and the byte before it.
    let mut from = 1;
    while let Some(dot) = crate::swar::find_byte(text, from, b'.') {
        from = dot + 1;
        let i = dot - 1;
        if i + 5 > text.len() {
            break;
        }
        if let Some(found) = status_alone_at(text, i) {
            return Some(found);
        }
    }
    None
}

/// The enhanced status at `text[i]` when it stands alone: class 4 or 5, at the start of a line or
/// after a `;`, a quote or a field name ([`status_lead`]), and followed by the end of a word.
fn status_alone_at(text: &[u8], i: usize) -> Option<(EnhancedCode, &[u8])> {
    if !matches!(text[i], b'4' | b'5') {
        return None;
    }
    let before = i.checked_sub(1).map(|p| text[p]);
    let head = &text[..i];
    let head = &head[..head.len() - head.iter().rev().take_while(|c| **c == b' ').count()];
    let at_start = matches!(before, None | Some(b'\n'))
        || matches!(head.last(), None | Some(b'\n' | b';' | b'\''))
        || status_lead(head);
    // After a colon and a space, as a client's error puts the server's words ("SmtpCommandException:
    // 5.7.3 STARTTLS is required"): only a status of RFC 3463's subjects (0 to 7) with words
    // after it, so that a version after a colon ("Exim version: 4.94.2") is not read as one.
    let after_colon = before == Some(b' ') && head.last() == Some(&b':');
    if !at_start && !after_colon {
        return None;
    }
    let (status, used) = EnhancedCode::parse_prefix(&text[i..])?;
    let end = text.get(i + used);
    let stands_alone = if at_start {
        matches!(end, None | Some(b' ' | b'\r' | b'\n' | b',' | b';' | b')'))
    } else {
        status.subject() <= 7
            && end == Some(&b' ')
            && text.get(i + used + 1).is_some_and(u8::is_ascii_alphabetic)
    };
    stands_alone.then(|| (status, paragraph(&text[i..])))
}

/// The reply's text from its code: up to a blank line, at most [`MAX_REGION`] bytes.
fn paragraph(text: &[u8]) -> &[u8] {
    let limit = text.len().min(MAX_REGION);
    let text = &text[..limit];
    let mut end = limit;
    let mut from = 0;
    while let Some(i) = crate::reply::find_newline(text, from) {
        if blank_after(text, i) {
            end = i;
            break;
        }
        from = i + 1;
    }
    &text[..end]
}

/// Whether the line after the line feed at `newline` is blank (spaces, tabs, a CR at most), or
/// there is none.
fn blank_after(text: &[u8], newline: usize) -> bool {
    let next = &text[newline + 1..];
    let blank = next.iter().take_while(|b| **b == b' ' || **b == b'\t' || **b == b'\r').count();
    next.get(blank).is_none_or(|b| *b == b'\n')
}

/// The high bit of each of the first six of the eight bytes that starts three ASCII digits, the
/// first from 2 to 5 (a reply code's shape), in little-endian order.
#[inline(always)]
fn code_starts(bytes: &[u8]) -> u64 {
    let x = crate::swar::word_at(bytes, 0);
    let digits = crate::swar::bytes_between(x, b'0', b'9');
    crate::swar::bytes_between(x, b'2', b'5') & digits >> 8 & digits >> 16 & 0x0000_8080_8080_8080
}

/// The score from which the first candidate wins: only one after a marker reaches it, with an
/// enhanced code after it (base 1, space 1, enhanced code of its class 4, marker 8; a marker and
/// the start of a line exclude each other, and no other candidate reaches 10).
const MAX_SCORE: u32 = 14;

/// The highest score a candidate that is neither after a marker nor at a line start can reach:
/// base 2, space 1, enhanced code of its class 4.
const MAX_MID_LINE_SCORE: u32 = 7;

/// The highest score such a candidate can reach with no enhanced code right after it: base 2,
/// space 1.
const MID_LINE_SCORE_WITHOUT_STATUS: u32 = 3;

/// Fast path for a text that starts with its reply (as most pasted replies do): when the
/// candidate at the start scores at least [`MAX_MID_LINE_SCORE`], only a candidate after a
/// marker or at a line start can score higher, and those follow a `:`, a `;` or a line feed;
/// when it scores more than [`MID_LINE_SCORE_WITHOUT_STATUS`], also one with an enhanced code
/// right after it, five or six bytes before a `.`. Each of these bytes in turn (eight at a time
/// between them): the first candidate after a marker that reaches [`MAX_SCORE`] wins, else the
/// first candidate with the highest score, as in the full scan ([`best_candidate`]). `None` when
/// the text does not start so.
///
/// With it, where the paragraph that starts the text ends (as [`paragraph`] finds it), when the
/// text is no longer than [`MAX_REGION`] and every line feed was read: the first line feed
/// before a blank line, else the text's end.
fn leading_candidate(text: &[u8]) -> Option<Leading> {
    if !matches!(text, [b'2'..=b'5', b'0'..=b'9', b'0'..=b'9', ..]) {
        return None;
    }
    let (score, code, spaced) =
        candidate_parsed(text, 0).filter(|&(score, ..)| score > MID_LINE_SCORE_WITHOUT_STATUS)?;
    let mut best = (score, 0, code);
    let mut paragraph_end = None;
    let mut hash = None;
    let mut from = 1;
    while let Some(b) = find_boundary(text, from) {
        from = b + 1;
        match text[b] {
            // lettre's form and Python's tuple win over any other: `find` looks for them.
            b'(' if paren_form(text, b).is_some() => return None,
            b'#' if hash.is_none() => {
                hash = crate::explain::hash_enhanced_at(text, b);
                continue;
            }
            b'(' | b'#' => continue,
            b'\n' if paragraph_end.is_none() && blank_after(text, b) => paragraph_end = Some(b),
            _ => {}
        }
        // After a line feed, a `:` or a `;`, and after a `: ` or a `; `.
        let after_space = text[b] != b'\n' && text.get(b + 1) == Some(&b' ');
        for at in [b + 1, b + 2].into_iter().take(1 + usize::from(after_space)) {
            if !matches!(text.get(at..), Some([b'2'..=b'5', b'0'..=b'9', b'0'..=b'9', ..])) {
                continue;
            }
            match candidate(text, at) {
                Some((score, code)) if score >= MAX_SCORE => {
                    let best = (MAX_SCORE, at, code);
                    return Some(Leading { best, paragraph_end: None, spaced, hash: None, complete: false });
                }
                Some((score, code)) if score > best.0 => best = (score, at, code),
                _ => {}
            }
        }
    }
    if score < MAX_MID_LINE_SCORE {
        // A candidate mid-line scores more than one without a status only with an enhanced code
        // right after it (`550 5.`, `550-5.`, `550:5.`, `550-'5.`): five or six bytes before a
        // `.`. Each `.` in turn; the first candidate with the highest score wins.
        let mut from = 5;
        while let Some(dot) = crate::swar::find_byte(text, from, b'.') {
            from = dot + 1;
            for at in [dot - 5, dot.wrapping_sub(6)] {
                if at == 0 || !matches!(text.get(at..), Some([b'2'..=b'5', b'0'..=b'9', b'0'..=b'9', ..])) {
                    continue;
                }
                match candidate(text, at) {
                    Some((score, code)) if score > best.0 || score == best.0 && at < best.1 => {
                        best = (score, at, code);
                    }
                    _ => {}
                }
            }
        }
    }
    let paragraph_end = (text.len() <= MAX_REGION).then(|| paragraph_end.unwrap_or(text.len()));
    Some(Leading { best, paragraph_end, spaced, hash: Some(hash), complete: true })
}

/// What the leading fast path found.
struct Leading {
    /// The best candidate: (score, where, code).
    best: (u32, usize, u16),
    /// Where the paragraph that starts the text ends, when known.
    paragraph_end: Option<usize>,
    /// The enhanced code parsed after the code at the start and a space, if any.
    spaced: Parsed,
    /// The text's first enhanced code after a `#`, when every `#` was read.
    hash: Option<Option<EnhancedCode>>,
    /// Whether the whole text was read (so that it holds no lettre form).
    complete: bool,
}

/// The next `:`, `;`, line feed, `(` or `#` in `bytes` at or after `from`, eight bytes at a time.
#[inline]
fn find_boundary(bytes: &[u8], from: usize) -> Option<usize> {
    use crate::swar::{first, load};
    let mut i = from;
    while i + 8 <= bytes.len() {
        let found = boundaries(load(bytes, i));
        if found != 0 {
            return Some(i + first(found));
        }
        i += 8;
    }
    if bytes.len() >= 8 && i < bytes.len() {
        // The last few bytes in one word (the zero bytes past the end are none of these).
        let found = boundaries(crate::swar::load_tail(bytes, i));
        return (found != 0).then(|| i + first(found));
    }
    bytes.get(i..)?.iter().position(|&b| matches!(b, b':' | b';' | b'\n' | b'(' | b'#')).map(|p| i + p)
}

/// The high bit of each byte of `word` that is a `:`, a `;`, a line feed, a `(` or a `#` (the
/// lowest exact, as [`crate::swar::bytes_equal`]).
#[inline(always)]
fn boundaries(word: u64) -> u64 {
    use crate::swar::bytes_equal;
    bytes_equal(word, b':')
        | bytes_equal(word, b';')
        | bytes_equal(word, b'\n')
        | bytes_equal(word, b'(')
        | bytes_equal(word, b'#')
}

/// The first candidate right after a marker (`said: `, `smtp;`, …) that reaches [`MAX_SCORE`],
/// each `:` and `;` in turn: what [`best_candidate`] stops at, when there is one.
#[cfg(test)]
fn marker_candidate(text: &[u8]) -> Option<(usize, u16)> {
    let mut from = 0;
    while let Some(c) = find_colon_or_semicolon(text, from) {
        let at = if text.get(c + 1) == Some(&b' ') { c + 2 } else { c + 1 };
        // As in the full scan: only three digits can start a code.
        if matches!(text[at.min(text.len())..], [b'2'..=b'5', b'0'..=b'9', b'0'..=b'9', ..]) {
            if let Some((score, code)) = candidate(text, at) {
                if score >= MAX_SCORE {
                    return Some((at, code));
                }
            }
        }
        from = c + 1;
    }
    None
}

#[cfg(test)]
fn find_colon_or_semicolon(bytes: &[u8], from: usize) -> Option<usize> {
    crate::swar::find_either(bytes, from, b':', b';')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    extern crate std;
    use std::vec::Vec;

    /// [`status_only`] byte by byte, as it was written before it searched for the dots.
    fn status_only_bytewise(text: &[u8]) -> Option<(EnhancedCode, &[u8])> {
        (0..text.len().saturating_sub(4))
            .filter(|&i| text[i + 1] == b'.')
            .find_map(|i| status_alone_at(text, i))
    }

    /// Every candidate with its score, byte by byte: the first with the highest score.
    fn best_bytewise(text: &[u8]) -> Option<(u32, usize, u16)> {
        (0..text.len())
            .filter(|&i| matches!(text[i..], [b'2'..=b'5', b'0'..=b'9', b'0'..=b'9', ..]))
            .filter_map(|i| candidate(text, i).map(|(score, code)| (score, i, code)))
            .fold(
                None,
                |best: Option<(u32, usize, u16)>, c| {
                    if best.is_none_or(|b| c.0 > b.0) { Some(c) } else { best }
                },
            )
    }

    /// The fast paths choose what `find` chose before them: the first candidate after a marker
    /// that reaches [`MAX_SCORE`], else the first with the highest score (positions and codes).
    fn check_fast_paths(text: &[u8]) {
        assert_eq!(
            status_only(text),
            status_only_bytewise(text),
            "{:?}",
            std::string::String::from_utf8_lossy(text)
        );
        if let Some(found) = find(text) {
            if let Some(prefix) = found.prefix {
                assert_eq!(prefix, continuation_prefix(found.region, found.code));
            }
            if let Some(continued) = found.continued {
                assert_eq!(continued, super::continued(found.region, found.code, found.prefix));
            }
        }
        assert_eq!(
            find_lettre_forms(text),
            find_lettre(text).or_else(|| find_lettre_debug(text)),
            "{:?}",
            std::string::String::from_utf8_lossy(text)
        );
        let before =
            marker_candidate(text).map(|(at, code)| (MAX_SCORE, at, code)).or_else(|| best_bytewise(text));
        let place = |best: Option<(u32, usize, u16)>| best.map(|(_, at, code)| (at, code));
        assert_eq!(
            place(best_candidate(text)),
            place(before),
            "{:?}",
            std::string::String::from_utf8_lossy(text)
        );
        if let Some(Leading { best: fast, paragraph_end: end, hash, complete, .. }) = leading_candidate(text)
        {
            if complete {
                assert!(find_lettre(text).is_none(), "{:?}", std::string::String::from_utf8_lossy(text));
                assert_eq!(hash, Some(super::super::hash_enhanced(text)));
            }
            assert_eq!(place(Some(fast)), place(before), "{:?}", std::string::String::from_utf8_lossy(text));
            if let Some(end) = end {
                assert_eq!(&text[..end], paragraph(text), "{:?}", std::string::String::from_utf8_lossy(text));
            }
        }
    }

    #[test]
    fn lettre_debug_marker_after_other_capitals() {
        let text: &[u8] =
            b"Connection Closed (Code {severity}): Code { severity: PermanentNegativeCompletion, \
            category: Unspecified3, detail: Five } Cancelled";
        assert_eq!(find_lettre_debug(text).map(|found| found.code), Some(535));
        assert!(find_lettre_debug(b"Code { severity").is_none());
        assert!(find_lettre_debug(b"C").is_none());
    }

    #[test]
    fn a_later_code_with_an_enhanced_code_outranks_a_bare_leading_one() {
        // An enhanced code after `550 `, `550-'` (led in by "said"), `550:` and `#550 `.
        let texts: [&[u8]; 5] = [
            b"550 rejected 550 5.7.1 x",
            b"550 rejected, said 550-'5.7.1 x",
            b"550 rejected 550:5.7.1 x",
            b"250 ok #550 5.1.1 y",
            b"451 later\r\n550-5.1.1 z",
        ];
        for text in texts {
            assert!(leading_candidate(text).is_some_and(|leading| leading.best.1 > 0), "{text:?}");
            check_fast_paths(text);
        }
    }

    #[test]
    fn the_fast_paths_agree_with_the_full_scan_on_the_corpora() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
        for file in ["replies.tsv", "dev.tsv"] {
            // The corpora ship with the repository, not with the published crate.
            let Ok(text) = std::fs::read(root.join(file)) else { continue };
            for line in text.split(|&b| b == b'\n').skip(1) {
                let raw = line.split(|&b| b == b'\t').next().unwrap_or_default();
                // As written (one line), and with its lines joined by CRLF.
                check_fast_paths(raw);
                let mut lines = Vec::new();
                for (i, piece) in raw.split(|&b| b == b'\\').enumerate() {
                    match piece.strip_prefix(b"n") {
                        Some(rest) if i > 0 => {
                            lines.extend_from_slice(b"\r\n");
                            lines.extend_from_slice(rest);
                        }
                        _ => {
                            if i > 0 {
                                lines.push(b'\\');
                            }
                            lines.extend_from_slice(piece);
                        }
                    }
                }
                check_fast_paths(&lines);
            }
        }
    }

    /// Texts made of reply-like pieces, so that codes, markers and line starts are common.
    fn pieces() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop::sample::select(
            &[
                "550",
                "451",
                "250",
                "5.1.1",
                "4.7.1",
                "2.0.0",
                " ",
                "-",
                ":",
                ";",
                "\n",
                "\r\n",
                "said: ",
                "error (",
                ")",
                "(#",
                "#",
                "error (550): ",
                "smtp; ",
                "smtp;",
                "Diagnostic-Code: ",
                "#",
                "x",
                "(",
                "error ",
                "550-",
                "550 ",
                "5.7.26 ",
                ", ERROR_CODE :",
                "'",
                "12",
                ".",
                " 503 5.5.1 ",
                "550 5.1.1",
                "Status: ",
                "4.",
                "5.2.2",
                "C",
                "Code { severity: ",
                "Code { severity: PermanentNegativeCompletion, category: Unspecified3, detail: Five }",
                "TransientNegativeCompletion, category: MailSystem, detail: One } ",
            ][..],
        )
        .prop_map(|p| p.as_bytes().to_vec());
        proptest::collection::vec(piece, 0..16).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn the_fast_paths_agree_with_the_full_scan(text in pieces()) {
            check_fast_paths(&text);
        }
    }

    #[test]
    fn code_starts_marks_exactly_the_three_digit_starts() {
        let samples: [&[u8]; 6] =
            [b"x550 5.1", b"25012345", b"1.2.3.45", b"\xff550\x80299", b"99999999", b"5x50 550"];
        for bytes in samples {
            let mask = code_starts(bytes);
            for j in 0..8 {
                let expected = j < 6 && matches!(bytes[j..], [b'2'..=b'5', b'0'..=b'9', b'0'..=b'9', ..]);
                assert_eq!(mask >> (8 * j + 7) & 1 == 1, expected, "{j} of {bytes:?}");
            }
        }
        for byte in 0..=255u8 {
            let mask = crate::swar::bytes_between(u64::from_le_bytes([byte; 8]), b'0', b'9');
            assert_eq!(mask != 0, byte.is_ascii_digit(), "{byte}");
        }
    }
}
