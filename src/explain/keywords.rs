//! The keyword rules of `data/explain.toml`; `crate::scan` finds them in a text.

use crate::explain::{Reason, Retry};

/// One keyword rule: a reason (and whether it overrides any code), or a retry verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeywordRule {
    /// The text names this reason; `true` when it overrides even a specific code.
    Reason(Reason, bool),
    /// The text states this retry verdict; `true` when it refines a 4xx reply too (otherwise
    /// only a 5xx one).
    Retry(Retry, bool),
    /// A report says the message could not be delivered (and, with no reply, no more): read
    /// only where nothing else decides.
    Undelivered,
}

/// `text` equals the lowercase `phrase`, ignoring ASCII case; inlined, unlike the std method.
#[inline(always)]
pub(crate) fn eq_lower(text: &[u8], phrase: &[u8]) -> bool {
    text.len() == phrase.len() && text.iter().zip(phrase).all(|(a, b)| a.to_ascii_lowercase() == *b)
}

/// Whether `text` starts with `prefix` (lowercase ASCII), ignoring ASCII case.
pub(crate) fn starts_with_lower(text: &[u8], prefix: &[u8]) -> bool {
    text.get(..prefix.len()).is_some_and(|start| eq_lower(start, prefix))
}

/// `text` ends with the lowercase `suffix`, ignoring ASCII case.
pub(crate) fn ends_with_lower(text: &[u8], suffix: &[u8]) -> bool {
    text.len() >= suffix.len() && eq_lower(&text[text.len() - suffix.len()..], suffix)
}

/// Where `needle` first occurs in `haystack`, ignoring ASCII case (the needle may have any case).
/// The places where both the needle's first and last bytes match are marked eight at a time (a
/// letter with its case bit set in both), and the rest compared there: a pair of bytes that far
/// apart matches much more rarely than the first byte alone ('s', 't', 'd' are common).
pub(crate) fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    find_any_ignore_case(haystack, [needle])
}

/// Where `a` or `b` (of the same length) first occurs in `haystack`, ignoring ASCII case: one
/// pass for both, as [`find_ignore_case`].
pub(crate) fn find_either_ignore_case(haystack: &[u8], a: &[u8], b: &[u8]) -> Option<usize> {
    find_any_ignore_case(haystack, [a, b])
}

/// Where any of `needles` (all of the same length) first occurs in `haystack`, ignoring ASCII
/// case, as [`find_ignore_case`] searches.
#[inline(always)]
fn find_any_ignore_case<const N: usize>(haystack: &[u8], needles: [&[u8]; N]) -> Option<usize> {
    use crate::swar::{bytes_equal, load, word_at};
    let len = needles.first()?.len();
    debug_assert!(needles.iter().all(|needle| needle.len() == len), "needles of one length");
    let (Some(span), Some(last)) = (len.checked_sub(1), haystack.len().checked_sub(len)) else {
        return (len == 0).then_some(0);
    };
    // A letter with bit 0x20 set in the needle and in every byte: only its two cases match it.
    let fold = |byte: u8| {
        let case = if byte.is_ascii_alphabetic() { 0x20 } else { 0 };
        (byte | case, 0x0101_0101_0101_0101 * u64::from(case))
    };
    let pairs = needles.map(|needle| (fold(needle[0]), fold(needle[span])));
    // Every place whose bytes equal a needle's first and last is marked (and some after one,
    // checked all the same).
    let marks = |first_bytes: u64, last_bytes: u64| {
        pairs.iter().fold(0, |marks, &((head, head_fold), (tail, tail_fold))| {
            marks | bytes_equal(first_bytes | head_fold, head) & bytes_equal(last_bytes | tail_fold, tail)
        })
    };
    // The first place marked in `found` (bit 8k + 7 for `haystack[from + k]`) that holds a
    // needle, at or before `last`.
    let first_match = |from: usize, mut found: u64| {
        while found != 0 {
            let at = from + crate::swar::first(found);
            if at > last {
                return None;
            }
            if needles.iter().any(|needle| haystack[at..at + len].eq_ignore_ascii_case(needle)) {
                return Some(at);
            }
            found &= found - 1;
        }
        None
    };
    let mut i = 0;
    // While the text holds both words: one load each.
    while i + span + 8 <= haystack.len() {
        let found = marks(word_at(haystack, i), word_at(haystack, i + span));
        if found != 0 {
            if let Some(at) = first_match(i, found) {
                return Some(at);
            }
        }
        i += 8;
    }
    // The last places, the text's end read as zeros.
    while i <= last {
        if let Some(at) = first_match(i, marks(load(haystack, i), load(haystack, i + span))) {
            return Some(at);
        }
        i += 8;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::find_ignore_case;

    #[test]
    fn finds_as_a_plain_search_does() {
        let naive = |haystack: &[u8], needle: &[u8]| {
            haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
        };
        let haystacks: [&[u8]; 5] = [
            b"Temporary failure, TEMPORAR temporar",
            b"x: retry timeout exceeded; mailbox is full: Retry Timeout Exceeded",
            b"tttttttttttttttt@@@@``````  TeMpOrArY",
            b"remote delivery deferred: \xff\xc3\xa9 delivery Deferred",
            b"",
        ];
        let needles: [&[u8]; 7] =
            [b"temporar", b": retry timeout exceeded", b"@", b"`", b" ", b"delivery deferred", b"t"];
        for haystack in haystacks {
            for from in 0..haystack.len() {
                for needle in needles {
                    let haystack = &haystack[from..];
                    assert_eq!(
                        find_ignore_case(haystack, needle),
                        naive(haystack, needle),
                        "{haystack:?} {needle:?}"
                    );
                }
            }
        }
        assert_eq!(find_ignore_case(b"abc", b""), Some(0));
    }
}
