//! Non-standard bounces, read by the kind of wording they use rather than per sender.
//!
//! The report text (before the copy of the returned message) is read line by line. A line that
//! leads with an address (`<bob@example.org>:`, `  bob@example.org`, `bob@example.org: 550 …`,
//! `>>> bob@example.org`, `* bob@example.org`, `-- bob@example.org`, `bob@… on <date>`) starts a
//! recipient; the lines after it, up to the next such line, are its diagnostic. When no line
//! leads with an address, sentences that name one with delivery wording (`Unable to deliver
//! message to <bob@…>`, `Unknown user: bob@…`) do. Every scan is one pass over capped text.

use super::limits::{MAX_DIAGNOSTIC_BYTES, MAX_RECIPIENTS};

/// A recipient found in the text, with the lines that speak about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) address: String,
    pub(crate) text: String,
}

/// ASCII case-insensitive substring search: finds candidates by the first byte, then compares.
fn contains_ci(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else { return true };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let last = h.len().saturating_sub(n.len());
    if h.len() < n.len() {
        return false;
    }
    let mut i = 0;
    while i <= last {
        match h[i..=last].iter().position(|b| *b == lower || *b == upper) {
            None => return false,
            Some(p) => {
                let at = i + p;
                if h[at + 1..at + n.len()].eq_ignore_ascii_case(rest) {
                    return true;
                }
                i = at + 1;
            }
        }
    }
    false
}

/// Whether the text holds any of the needles (lowercase), ASCII case-insensitively. Longer texts
/// are lowercased once and searched with `str::contains`.
pub(crate) fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    if haystack.len() <= 64 {
        return needles.iter().any(|n| contains_ci(haystack, n));
    }
    let lower = haystack.to_ascii_lowercase();
    needles.iter().any(|n| lower.contains(n))
}

/// [`contains_any`] on a text lowercased by the caller.
pub(crate) fn lower_has_any(lower: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| has(lower, n))
}

/// `haystack.contains(needle)`. `str::contains` compares every window of a short haystack
/// (shorter than its 16-byte blocks plus the needle) with `memcmp`; a first-byte scan is
/// cheaper there.
fn has(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if h.len() >= n.len() + 32 {
        return haystack.contains(needle);
    }
    let Some((&first, rest)) = n.split_first() else { return true };
    if h.len() < n.len() {
        return false;
    }
    h[..=h.len() - n.len()].iter().enumerate().any(|(i, &b)| b == first && &h[i + 1..i + n.len()] == rest)
}

/// Lines (lowercase phrases) that start the copy of the returned message.
const ORIGINAL_MARKERS: [&str; 22] = [
    "below this line is a copy",
    "this is a copy of the message",
    "copy of the original message",
    "original message follows",
    "original message -----",
    "original message headers",
    "message headers follow",
    "unsent message follows",
    "returned message",
    "header of the original message",
    "included is a copy",
    "original mail as follows",
    "original message ---",
    "original message:",
    "-------original message",
    "the original message was:",
    "message header follows",
    "headers of the original message",
    "content of the original message",
    "your message reads",
    "------ original message",
    "--- original message",
];

const HEADER_STARTS: [&str; 6] =
    ["received:", "return-path:", "dkim-signature:", "x-received:", "arc-seal:", "delivered-to:"];

/// Removes one level of `>` quoting when most lines carry it (a bounce forwarded inline by a
/// person or a filter), so the bounce inside reads as a bounce.
pub(crate) fn unquote(text: String) -> String {
    // Without a line that starts with '>' nothing is quoted (the count below would say so).
    if !text.starts_with('>') && !text.contains("\n>") {
        return text;
    }
    let (mut quoted, mut lines) = (0usize, 0usize);
    for line in super::lines::lines(&text).filter(|l| !l.trim().is_empty()).take(200) {
        lines += 1;
        quoted += usize::from(line.starts_with('>'));
    }
    if lines < 4 || quoted * 2 < lines {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for line in super::lines::lines(&text) {
        let line = line.strip_prefix('>').map_or(line, |l| l.strip_prefix(' ').unwrap_or(l));
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The first byte offset of `needle` in `haystack` (for the table below, built at compile time).
const fn find_const(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i + needle.len() <= haystack.len() {
        let mut j = 0;
        while j < needle.len() && haystack[i + j] == needle[j] {
            j += 1;
        }
        if j == needle.len() {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The words every marker holds, each found by its rarer letter (`g`, `y`) at this offset.
const MARKER_WORDS: [&[u8]; 3] = [b"original", b"message", b"copy"];

/// For each marker, the word of [`MARKER_WORDS`] it holds and where: a marker is looked for only
/// where its word stands in a line. Built at compile time; a marker without one fails the build.
const MARKER_AT: [(usize, usize); ORIGINAL_MARKERS.len()] = {
    let mut out = [(0, 0); ORIGINAL_MARKERS.len()];
    let mut i = 0;
    while i < ORIGINAL_MARKERS.len() {
        let marker = ORIGINAL_MARKERS[i].as_bytes();
        let mut w = 0;
        loop {
            assert!(w < MARKER_WORDS.len(), "a marker without original, message or copy");
            if let Some(at) = find_const(marker, MARKER_WORDS[w]) {
                out[i] = (w, at);
                break;
            }
            w += 1;
        }
        i += 1;
    }
    out
};

/// Whether a marker stands in the lowercase line with the rare letter of its word at `i`.
fn marker_at(line: &[u8], i: usize) -> bool {
    let (word, start) = match line[i] {
        b'g' if line.get(i.wrapping_sub(3)..i + 5) == Some(b"original") => (0, i - 3),
        b'g' if line.get(i.wrapping_sub(5)..i + 2) == Some(b"message") => (1, i - 5),
        b'y' if line.get(i.wrapping_sub(3)..i + 1) == Some(b"copy") => (2, i - 3),
        _ => return false,
    };
    MARKER_AT.iter().zip(ORIGINAL_MARKERS).any(|(&(w, at), marker)| {
        w == word && start >= at && line.get(start - at..start - at + marker.len()) == Some(marker.as_bytes())
    })
}

/// Whether the lowercase line holds one of [`ORIGINAL_MARKERS`] (the same as searching for each
/// of them): the words of [`MARKER_WORDS`] are found by their rarer letter, eight bytes at a
/// time, and only the markers that hold the word found are compared, where it stands.
fn has_marker(line: &[u8]) -> bool {
    use crate::swar::{bytes_equal, first, load};
    (0..line.len()).step_by(8).any(|at| {
        let word = load(line, at);
        // Candidates past the first match are checked, as `bytes_equal` may mark them.
        let mut candidates = bytes_equal(word, b'g') | bytes_equal(word, b'y');
        while candidates != 0 {
            let i = at + first(candidates);
            if i < line.len() && marker_at(line, i) {
                return true;
            }
            candidates &= candidates - 1;
        }
        false
    })
}

/// Where the returned message starts in the text (its length when it holds none). `lower` is the
/// text with ASCII letters lowercased (the same byte offsets).
pub(crate) fn split_original(text: &str, lower: &str) -> usize {
    debug_assert_eq!(text.len(), lower.len());
    let mut offset = 0;
    for line in super::lines::split_inclusive(text) {
        let header = line.as_bytes().first().is_some_and(|b| matches!(b | 0x20, b'r' | b'd' | b'x' | b'a'))
            && HEADER_STARTS.iter().any(|h| {
                line.len() >= h.len() && line.as_bytes()[..h.len()].eq_ignore_ascii_case(h.as_bytes())
            });
        if header {
            return offset;
        }
        let lower_line = &lower[offset..offset + line.len()];
        // Postfix's advice is not a marker: "delete your own text from the attached returned
        // message."
        if has_marker(lower_line.as_bytes()) && !has(lower_line, "your own text") {
            let trimmed = line.trim();
            if trimmed.len() < 120 && !trimmed.trim_start_matches(['-', '=', '*', ' ', '>']).is_empty() {
                return offset;
            }
        }
        offset += line.len();
    }
    text.len()
}

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b) || b >= 0x80
}

fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b >= 0x80
}

/// Byte ranges of the addresses in a line.
pub(crate) fn addresses(line: &str) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = bytes[from..].iter().position(|b| *b == b'@').map(|p| p + from) {
        let mut start = at;
        while start > 0 && is_local(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && is_domain(bytes[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        while start < at && matches!(bytes[start], b'.' | b'\'' | b'=') {
            start += 1;
        }
        let domain = &line.get(at + 1..end).unwrap_or("");
        if start < at && domain.contains('.') && line.is_char_boundary(start) && line.is_char_boundary(end) {
            out.push((start, end));
        }
        from = end.max(at + 1);
        if out.len() > 8 {
            break;
        }
    }
    out
}

/// Header names whose lines never introduce a recipient (they quote the sent message).
const HEADER_NAMES: [&str; 16] = [
    "from",
    "to",
    "cc",
    "bcc",
    "subject",
    "date",
    "sent",
    "reply-to",
    "sender",
    "return-path",
    "message-id",
    "received",
    "delivered-to",
    "envelope-to",
    "in-reply-to",
    "references",
];

fn is_header_line(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '\t', '>']);
    match t.split_once(':') {
        Some((name, _)) => {
            let name = name.trim();
            HEADER_NAMES.iter().any(|h| name.eq_ignore_ascii_case(h))
                || name.as_bytes().get(..2).is_some_and(|p| p.eq_ignore_ascii_case(b"x-"))
        }
        None => false,
    }
}

/// Labels some MTAs put before a recipient's address.
const LABELS: [&str; 8] = [
    "rcpt to:",
    "recipient address:",
    "recipient:",
    "failed recipient:",
    "original-recipient:",
    "final-recipient:",
    "address:",
    "rfc822;",
];

/// The address a line leads with, if it does.
fn leading_address(line: &str) -> Option<&str> {
    if !line.contains('@') || is_header_line(line) {
        return None;
    }
    let mut t = line.trim_start_matches([' ', '\t', '>', '*', '-', '•', '·']);
    let quoted_command = line[..line.len() - t.len()].contains(">>>");
    // Sendmail's transcript: "550 <bob@example.org>... User unknown".
    if let Some(rest) = t.get(3..).filter(|_| t.as_bytes()[..3].iter().all(u8::is_ascii_digit)) {
        if rest.starts_with(" <") {
            t = &rest[1..];
        }
    }
    for label in LABELS.iter().filter(|_| !quoted_command) {
        if t.len() >= label.len() && t.as_bytes()[..label.len()].eq_ignore_ascii_case(label.as_bytes()) {
            t = t[label.len()..].trim_start();
            break;
        }
    }
    let t = t.trim_start_matches(['"', '<', '\'', '(']);
    let skipped = line.len() - t.len();
    let (start, end) = *addresses(t).first()?;
    if start != 0 {
        return None;
    }
    let rest = t[end..].trim_start_matches(['>', '"', '\'', ')']);
    let ok = rest.is_empty()
        || rest.starts_with([':', ' ', '\t', '[', '(', '<', ',', '.', ';'])
        || rest.starts_with("...");
    ok.then(|| &line[skipped..skipped + end])
}

/// Whether the line before introduces the sender, not a recipient (Exim's "A message sent by").
fn introduces_sender(previous: &str) -> bool {
    let p = previous.trim_end().to_ascii_lowercase();
    p.ends_with("sent by") || p.ends_with("sent by:") || p.ends_with(" from") || p.ends_with(" from:")
}

/// Delivery wording that makes a sentence naming an address a recipient line.
const SENTENCE_WORDS: [&str; 22] = [
    "deliver",
    "recipient",
    "reject",
    "unknown",
    "could not",
    "couldn't",
    "unable",
    "fail",
    "error",
    "not listed",
    "mailbox",
    "no such",
    "invalid",
    "refused",
    "denied",
    "not found",
    "exist",
    "disabled",
    "quota",
    "bounce",
    "user",
    "address",
];

const NOT_RECIPIENT_WORDS: [&str; 5] =
    ["contact", "please", "generated from", "expanded from", "envelope-from"];

fn push_line(text: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() || text.len() >= MAX_DIAGNOSTIC_BYTES {
        return;
    }
    if !text.is_empty() {
        text.push('\n');
    }
    let end =
        super::fields::floor_char_boundary(line, MAX_DIAGNOSTIC_BYTES - text.len().min(MAX_DIAGNOSTIC_BYTES));
    text.push_str(&line[..end]);
}

/// Whether the text has anything to say (more than brackets and punctuation).
fn says_something(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphanumeric()).nth(3).is_some()
}

/// Whether a line of `text` starts with a reply code (`550 …`, `550-…`).
fn has_reply_line(text: &str) -> bool {
    super::lines::lines(text).any(|l| {
        let l = l.trim_start().as_bytes();
        crate::reply::line_code(l).is_some() && matches!(l.get(3), None | Some(b' ' | b'-'))
    })
}

/// The recipients a non-standard report names, each with its diagnostic lines: the lines after
/// it, or, when those say nothing, the lines before it (some bounces give the reason first).
pub(crate) fn recipients(report: &str) -> Vec<Found> {
    let lines: Vec<&str> = super::lines::lines(report).collect();
    let mut starts: Vec<(usize, String, usize)> = Vec::new(); // (line, address, rest offset)
    let mut previous = "";
    for (i, line) in lines.iter().enumerate() {
        if let Some(address) = leading_address(line) {
            if !introduces_sender(previous) {
                // The rest of the line after the address; the whole line when a reply code
                // comes first (Sendmail's "550 <bob@…>... User unknown").
                let at = line.find(address).unwrap_or(0);
                let rest =
                    if line[..at].bytes().any(|b| b.is_ascii_digit()) { 0 } else { at + address.len() };
                starts.push((i, address.to_owned(), rest));
            }
        }
        if !line.trim().is_empty() {
            previous = line;
        }
    }
    if starts.is_empty() {
        for (i, line) in lines.iter().enumerate() {
            // A line without '@' names no address (checked first: it is the cheapest test).
            if !line.contains('@')
                || is_header_line(line)
                || !contains_any(line, &SENTENCE_WORDS)
                || contains_any(line, &NOT_RECIPIENT_WORDS)
            {
                continue;
            }
            if let Some(&(s, e)) = addresses(line).first() {
                starts.push((i, line[s..e].to_owned(), 0));
            }
        }
    }
    let mut out: Vec<Found> = Vec::new();
    for (n, (line, address, rest)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(lines.len(), |next| next.0);
        let index = match out.iter().position(|f| f.address.eq_ignore_ascii_case(address)) {
            Some(index) => index,
            None if out.len() < MAX_RECIPIENTS => {
                out.push(Found { address: address.clone(), text: String::new() });
                out.len() - 1
            }
            None => break,
        };
        let mut text = String::new();
        push_line(
            &mut text,
            lines[*line].get(*rest..).unwrap_or("").trim_start_matches(['>', ':', '"', ' ']),
        );
        for l in lines[line + 1..end].iter().take_while(|l| !super::fields::starts_report_fields(l)) {
            push_line(&mut text, l);
        }
        let mut begin = if n == 0 { 0 } else { starts[n - 1].0 + 1 };
        let mut before_end = *line;
        // The reason first, the details after (Verizon's "Error message below: 550 …" then
        // "Message details: … RCPT TO: <bob@…>"): the paragraph of the reply before, when only
        // the lines before hold one.
        if !has_reply_line(&text) {
            if let Some(reply) = lines[begin..*line].iter().rposition(|l| has_reply_line(l)) {
                let reply = begin + reply;
                begin = lines[begin..reply]
                    .iter()
                    .rposition(|l| l.trim().is_empty())
                    .map_or(begin, |b| begin + b + 1);
                before_end =
                    lines[reply..*line].iter().position(|l| l.trim().is_empty()).map_or(*line, |e| reply + e);
                text.clear();
            }
        }
        if !says_something(&text) {
            for l in &lines[begin..before_end] {
                push_line(&mut text, l);
            }
        }
        let found = &mut out[index];
        if !found.text.is_empty() && says_something(&text) {
            found.text.push('\n');
        }
        if says_something(&text) || found.text.is_empty() {
            found.text.push_str(&text);
        }
    }
    out
}

/// The value of the first header `name` in quoted headers (case-insensitive, `>` quoting and
/// indentation allowed). `lower` is the text with ASCII letters lowercased: only the lines where
/// the name stands are read.
pub(crate) fn quoted_header(text: &str, lower: &str, name: &str) -> Option<String> {
    debug_assert_eq!(text.len(), lower.len());
    let header = |line: &str| {
        let t = line.trim_start_matches([' ', '\t', '>']);
        let (n, v) = t.split_once(':')?;
        n.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_owned()).filter(|v| !v.is_empty())
    };
    let needle = name.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower.get(from..).and_then(|rest| rest.find(needle.as_str())) {
        // The line the name stands in, as `str::lines` gives it.
        let start = text[..from + at].rfind('\n').map_or(0, |p| p + 1);
        if let Some(value) = super::lines::lines(&text[start..]).next().and_then(header) {
            return Some(value);
        }
        from = text[from + at..].find('\n').map_or(text.len(), |p| from + at + p + 1);
    }
    None
}

/// Sender names of mail systems' own notices (Verizon's SMS gateway writes `post_master`).
pub(crate) const DAEMON_SENDERS: [&str; 3] = ["mailer-daemon", "postmaster", "post_master"];

/// Subjects, senders and phrases of bounces.
const BOUNCE_WORDS: [&str; 36] = [
    "undeliver",
    "undelivered",
    "returned mail",
    "delivery status notification",
    "delivery failure",
    "failure notice",
    "delivery failed",
    "could not be delivered",
    "couldn't be delivered",
    "not be delivered",
    "unable to deliver",
    "wasn't able to deliver",
    "delivery has failed",
    "mail system error",
    "non remis",
    "unzustellbar",
    "returned to sender",
    "this is the mail system",
    "qmail-send",
    "mailer-daemon",
    "postmaster",
    "delivery problem",
    "permanent error",
    "failed permanently",
    "mail failure",
    "error sending",
    "could not deliver",
    "did not reach",
    "delivery notification",
    "was not delivered",
    "mail delivery",
    "failed to deliver",
    "loop",
    "rejected",
    "delivery error",
    "error delivering",
];

/// Whether a message without DSN fields reads like a bounce. `lower_report` is the report text
/// with ASCII letters lowercased.
pub(crate) fn looks_like_bounce(subject: &str, from: &str, lower_report: &str) -> bool {
    contains_any(subject, &BOUNCE_WORDS) || contains_any(from, &DAEMON_SENDERS) || {
        let head = &lower_report[..super::fields::floor_char_boundary(lower_report, 4096)];
        lower_has_any(head, &BOUNCE_WORDS)
    }
}

/// Whether the text says delivery is only delayed (and still being tried). `lower_report` is the
/// report text with ASCII letters lowercased.
pub(crate) fn says_delayed(subject: &str, lower_report: &str) -> bool {
    let head = &lower_report[..super::fields::floor_char_boundary(lower_report, 4096)];
    let delayed = contains_any(subject, &["delayed", "delay", "warning"])
        || lower_has_any(
            head,
            &[
                "will continue to try",
                "still trying",
                "will be retried",
                "has not yet been delivered",
                "not been delivered yet",
                "delivery is delayed",
                "this is only a warning",
                "will retry",
            ],
        );
    delayed && !lower_has_any(head, &["permanent", "given up", "gave up", "failed permanently"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_search() {
        assert!(contains_ci("Mail Delivery Failed", "delivery failed"));
        assert!(contains_ci("abc", ""));
        assert!(!contains_ci("ab", "abc"));
        assert!(contains_ci("xxABC", "abc"));
        assert!(!contains_ci("xxAB", "abc"));
    }

    #[test]
    fn every_marker_names_the_original_a_message_or_a_copy() {
        for (marker, &(w, at)) in ORIGINAL_MARKERS.iter().zip(&MARKER_AT) {
            assert!(marker.as_bytes()[at..].starts_with(MARKER_WORDS[w]), "{marker}");
            for pad in 0..17 {
                // Every position against the eight-byte words the letters are found in.
                let line = format!("{}{marker} yy message copy", "x".repeat(pad));
                assert!(has_marker(line.as_bytes()), "{line}");
                let cut = &line[..pad + marker.len() - 1];
                assert_eq!(has_marker(cut.as_bytes()), lower_has_any(cut, &ORIGINAL_MARKERS), "{cut}");
            }
        }
        for line in [
            "a messag copied origin",
            "the message was sent",
            "message: original message follows",
            "copy of the copy of the original message",
            "copy",
            "original",
            "",
        ] {
            assert_eq!(has_marker(line.as_bytes()), lower_has_any(line, &ORIGINAL_MARKERS), "{line}");
        }
        let text = "Hi\n---- Original Message ----\nFrom: a@example.com\n";
        assert_eq!(split_original(text, &text.to_ascii_lowercase()), 3);
        assert_eq!(split_original("Hi\nthere", "hi\nthere"), 8);
        assert_eq!(unquote(String::from("a\nb>c\n")), "a\nb>c\n");
        assert_eq!(unquote(String::from("> a\n> b\n> c\n>d\n")), "a\nb\nc\nd\n");
    }

    #[test]
    fn short_and_long_searches() {
        let long = "x".repeat(100) + "needle";
        for (h, n) in
            [("abc", "abc"), ("abc", "bc"), ("abc", "abcd"), ("ab", ""), ("", "a"), (long.as_str(), "needle")]
        {
            assert_eq!(has(h, n), h.contains(n), "{h} {n}");
        }
        assert!(!has(&long, "needles"));
    }

    #[test]
    fn quoted_headers_as_read_line_by_line() {
        let by_line = |text: &str, name: &str| {
            text.lines().find_map(|line| {
                let t = line.trim_start_matches([' ', '\t', '>']);
                let (n, v) = t.split_once(':')?;
                n.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_owned()).filter(|v| !v.is_empty())
            })
        };
        let texts = [
            "",
            "Message-ID: <a@b>",
            "x\r\n> message-id:\r\n  MESSAGE-ID : <c@d>\r\nTo: e@f\r\n",
            "Subject: the message-id: was lost\nIn-Reply-To: x\nMessage-Id:<g@h>\n",
            "To:\nto: \nTo: i@j\r",
            "nothing here\nmessage-id",
        ];
        for text in texts {
            for name in ["Message-ID", "To"] {
                assert_eq!(
                    quoted_header(text, &text.to_ascii_lowercase(), name),
                    by_line(text, name),
                    "{text:?} {name}"
                );
            }
        }
    }

    #[test]
    fn leads() {
        assert_eq!(leading_address("<bob@example.org>:"), Some("bob@example.org"));
        assert_eq!(leading_address("  bob@example.org"), Some("bob@example.org"));
        assert_eq!(leading_address(">>> bob@example.org <bob@example.org>"), Some("bob@example.org"));
        assert_eq!(leading_address("bob@example.org: 550 5.1.1 no"), Some("bob@example.org"));
        assert_eq!(leading_address("To: bob@example.org"), None);
        assert_eq!(leading_address("Unknown user: bob@example.org"), None);
    }

    #[test]
    fn exim_two_recipients() {
        let text = "The following address(es) failed:\n  a@example.jp\n    SMTP error from remote mail server after RCPT TO:<a@example.jp>:\n    host mx: 550 5.1.1 <a@example.jp>... User Unknown\n  b@example.jp\n    host mx: 550 5.2.1 <b@example.jp>... Full\n";
        let found = recipients(text);
        assert_eq!(found.len(), 2);
        assert!(found[1].text.contains("5.2.1"));
    }
}
