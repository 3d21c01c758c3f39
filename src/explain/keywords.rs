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
}

/// `text` equals the lowercase `phrase`, ignoring ASCII case; inlined, unlike the std method.
#[inline(always)]
pub(crate) fn eq_lower(text: &[u8], phrase: &[u8]) -> bool {
    text.len() == phrase.len() && text.iter().zip(phrase).all(|(a, b)| a.to_ascii_lowercase() == *b)
}

/// Where `needle` first occurs in `haystack`, ignoring ASCII case (the needle may have any case).
pub(crate) fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&head, tail)) = needle.split_first() else { return Some(0) };
    // The first byte alone, then the rest where it matches.
    haystack
        .windows(needle.len())
        .position(|w| w[0].eq_ignore_ascii_case(&head) && w[1..].eq_ignore_ascii_case(tail))
}
