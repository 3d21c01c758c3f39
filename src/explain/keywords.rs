//! Finds the keyword rules of `data/explain.toml` in a reply's text, in one pass and without
//! allocating: phrases are bucketed by first byte and matched case-insensitively at word starts.

use crate::explain::{Reason, Retry};
use crate::generated::{KEYWORD_BUCKETS, KEYWORD_RULES, KEYWORDS};

/// One keyword rule: a reason (and whether it overrides any code), or a retry verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeywordRule {
    /// The text names this reason; `true` when it overrides even a specific code.
    Reason(Reason, bool),
    /// The text states this retry verdict.
    Retry(Retry),
}

/// The most specific keyword rules found in a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Found {
    /// The first reason rule (in data order) found, with its "always" flag.
    pub(crate) reason: Option<(Reason, bool)>,
    /// The first retry rule found.
    pub(crate) retry: Option<Retry>,
    best_reason: usize,
    best_retry: usize,
}

impl Found {
    pub(crate) const fn new() -> Found {
        Found { reason: None, retry: None, best_reason: usize::MAX, best_retry: usize::MAX }
    }

    /// Scans `text` and records matches; call once per segment of a text.
    pub(crate) fn scan(&mut self, text: &[u8]) {
        let mut at_word_start = true;
        for (i, &byte) in text.iter().enumerate() {
            let alnum = byte.is_ascii_alphanumeric();
            if alnum && at_word_start {
                self.match_at(&text[i..]);
            }
            at_word_start = !alnum;
        }
    }

    #[inline]
    fn match_at(&mut self, rest: &[u8]) {
        let first = rest[0].to_ascii_lowercase();
        let (start, end) = KEYWORD_BUCKETS[usize::from(first & 0x7f)];
        if start == end {
            return;
        }
        let head = head4(rest);
        for &(phrase, rule) in &KEYWORDS[usize::from(start)..usize::from(end)] {
            let rule = usize::from(rule);
            let phrase = phrase.as_bytes();
            if rest.len() < phrase.len() {
                continue;
            }
            if phrase.len() >= 4 && u32::from_le_bytes([phrase[0], phrase[1], phrase[2], phrase[3]]) != head {
                continue;
            }
            if !eq_lower(&rest[..phrase.len()], phrase) {
                continue;
            }
            match KEYWORD_RULES[rule] {
                KeywordRule::Reason(reason, always) if rule < self.best_reason => {
                    self.best_reason = rule;
                    self.reason = Some((reason, always));
                }
                KeywordRule::Retry(retry) if rule < self.best_retry => {
                    self.best_retry = rule;
                    self.retry = Some(retry);
                }
                _ => {}
            }
        }
    }
}

/// The first four bytes of `rest`, ASCII-lowercased, as a little-endian word (0 past the end).
#[inline(always)]
pub(crate) fn head4(rest: &[u8]) -> u32 {
    let b = |i: usize| rest.get(i).map_or(0, u8::to_ascii_lowercase);
    u32::from_le_bytes([b(0), b(1), b(2), b(3)])
}

/// `text` equals the lowercase `phrase`, ignoring ASCII case; inlined, unlike the std method.
#[inline(always)]
pub(crate) fn eq_lower(text: &[u8], phrase: &[u8]) -> bool {
    text.len() == phrase.len() && text.iter().zip(phrase).all(|(a, b)| a.to_ascii_lowercase() == *b)
}
