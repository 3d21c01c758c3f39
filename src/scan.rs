//! The one-pass scanner: every keyword phrase of `data/explain.toml` and every provider marker of
//! `data/providers.toml`, found in one pass over a text by one automaton.
//!
//! The generator (`xtask/src/codegen.rs`) compiles the patterns into a deterministic
//! Aho-Corasick automaton over ASCII-lowercased byte classes and writes it into
//! `src/generated.rs` as static arrays; `tests/codegen.rs` fails when it is stale. A pattern
//! matches at a word start (the byte before it, if any, is not ASCII alphanumeric), ignoring
//! ASCII case. Each byte costs one class lookup and one transition (a packed exception, else one
//! of two dense default rows): linear in the text, nothing to backtrack, no allocation, `no_std`.

use crate::explain::{KeywordRule, Reason, Retry};
use crate::generated::{
    KEYWORD_RULES, SCAN_CLASSES, SCAN_OUTPUTS, SCAN_ROWS, SCAN_SLOTS, SCAN_START, SCAN_STATES,
};

/// One transition.
#[inline(always)]
fn step(state: u16, byte: u8) -> u16 {
    let class = usize::from(SCAN_CLASSES[usize::from(byte)]);
    let (base, row, _) = SCAN_STATES[usize::from(state)];
    match SCAN_SLOTS[base as usize + class] {
        (owner, next) if owner == state => next,
        _ => SCAN_ROWS[usize::from(row)][class],
    }
}

/// Runs the automaton over `text` from `state`, calling `found` with each state that has found
/// something; returns the last state.
#[inline(always)]
fn run(mut state: u16, text: &[u8], mut found: impl FnMut(u16)) -> u16 {
    for &byte in text {
        state = step(state, byte);
        if SCAN_STATES[usize::from(state)].2 != 0 {
            found(state);
        }
    }
    state
}

/// What the scanner found: the first keyword rules (in data order) and the providers shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Matches {
    /// The first reason rule found (index into `KEYWORD_RULES`), 255 when none.
    reason_rule: u8,
    /// The first retry rule found, 255 when none.
    retry_rule: u8,
    /// Bit i set: provider i's marker is present.
    providers: u64,
}

impl Default for Matches {
    fn default() -> Matches {
        Matches::new()
    }
}

impl Matches {
    /// Nothing found yet.
    pub(crate) const fn new() -> Matches {
        Matches { reason_rule: 255, retry_rule: 255, providers: 0 }
    }

    #[inline(always)]
    fn keywords(&mut self, state: u16) {
        let (reason, retry, _) = SCAN_OUTPUTS[usize::from(SCAN_STATES[usize::from(state)].2)];
        self.reason_rule = self.reason_rule.min(reason);
        self.retry_rule = self.retry_rule.min(retry);
    }

    #[inline(always)]
    fn providers(&mut self, state: u16) {
        self.providers |= SCAN_OUTPUTS[usize::from(SCAN_STATES[usize::from(state)].2)].2;
    }

    /// Scans one segment of a text for keywords and provider markers.
    pub(crate) fn scan(&mut self, text: &[u8]) {
        run(SCAN_START, text, |state| {
            self.keywords(state);
            self.providers(state);
        });
    }

    /// Scans for provider markers only (a host name).
    pub(crate) fn scan_providers(&mut self, text: &[u8]) {
        run(SCAN_START, text, |state| self.providers(state));
    }

    /// Scans `text` for provider markers and `text[start..end]`, as if it stood alone, for
    /// keywords: the same as [`scan_providers`](Self::scan_providers) on `text` and the keywords
    /// of [`scan`](Self::scan) on the region, in one pass. From the region's start a second run
    /// begins in the start state; once both runs are in the same state (they stay together from
    /// then on) only one goes on.
    pub(crate) fn scan_within(&mut self, text: &[u8], start: usize, end: usize) {
        let (head, rest) = text.split_at(start.min(text.len()));
        let (region, tail) = rest.split_at((end - start).min(rest.len()));
        let mut whole = run(SCAN_START, head, |state| self.providers(state));
        let mut alone = SCAN_START;
        let mut i = 0;
        while i < region.len() && whole != alone {
            whole = step(whole, region[i]);
            alone = step(alone, region[i]);
            self.providers(whole);
            self.keywords(alone);
            i += 1;
        }
        let whole = if whole == alone {
            run(whole, &region[i..], |state| {
                self.keywords(state);
                self.providers(state);
            })
        } else {
            whole
        };
        run(whole, tail, |state| self.providers(state));
    }

    /// The first reason rule found, with its "always" flag.
    pub(crate) fn reason(&self) -> Option<(Reason, bool)> {
        match KEYWORD_RULES.get(usize::from(self.reason_rule)) {
            Some(&KeywordRule::Reason(reason, always)) => Some((reason, always)),
            _ => None,
        }
    }

    /// The first retry rule found.
    pub(crate) fn retry(&self) -> Option<Retry> {
        match KEYWORD_RULES.get(usize::from(self.retry_rule)) {
            Some(&KeywordRule::Retry(retry)) => Some(retry),
            _ => None,
        }
    }

    /// The first provider (in data order) whose marker was found.
    pub(crate) fn provider(&self) -> Option<u8> {
        (self.providers != 0).then(|| self.providers.trailing_zeros() as u8)
    }
}

#[cfg(test)]
mod tests {
    //! The automaton against a naive reference matcher: every pattern tried at every word start.
    use super::*;
    use crate::generated::{SCAN_ALNUM, SCAN_CLASS_COUNT, SCAN_PATTERNS};
    use proptest::prelude::*;

    extern crate std;
    use std::string::String;
    use std::vec::Vec;

    /// Today's semantics, spelled out: a pattern matches where it starts at a word start.
    fn reference(text: &[u8], keywords: bool) -> Matches {
        let mut m = Matches::new();
        for i in 0..text.len() {
            if i > 0 && text[i - 1].is_ascii_alphanumeric() {
                continue;
            }
            for &(pattern, rule, provider) in &SCAN_PATTERNS {
                let p = pattern.as_bytes();
                if p[0] != text[i].to_ascii_lowercase() {
                    continue;
                }
                let hit = text.len() - i >= p.len()
                    && text[i..i + p.len()].iter().zip(p).all(|(a, b)| a.to_ascii_lowercase() == *b);
                if !hit {
                    continue;
                }
                if rule != 255 && keywords {
                    match KEYWORD_RULES[usize::from(rule)] {
                        KeywordRule::Reason(..) => m.reason_rule = m.reason_rule.min(rule),
                        KeywordRule::Retry(_) => m.retry_rule = m.retry_rule.min(rule),
                    }
                }
                if provider != 255 {
                    m.providers |= 1 << (provider & 63);
                }
            }
        }
        m
    }

    fn check(text: &[u8]) {
        let all = reference(text, true);
        let mut scanned = Matches::new();
        scanned.scan(text);
        assert_eq!(scanned, all, "{:?}", String::from_utf8_lossy(text));
        let mut providers = Matches::new();
        providers.scan_providers(text);
        assert_eq!(providers, Matches { providers: all.providers, ..Matches::new() });
        // Regions: providers from the whole text, keywords from the region alone.
        let len = text.len();
        for (start, end) in [(len / 3, len), (len / 2, len - len / 4), (1.min(len), len)] {
            let mut within = Matches::new();
            within.scan_within(text, start, end);
            let mut expected = reference(&text[start..end], true);
            expected.providers = all.providers;
            assert_eq!(within, expected, "{start}..{end} of {:?}", String::from_utf8_lossy(text));
        }
    }

    fn corpus() -> Vec<Vec<u8>> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
        let mut texts = Vec::new();
        for file in ["replies.tsv", "dev.tsv"] {
            // The corpora ship with the repository, not with the published crate.
            let Ok(text) = std::fs::read(root.join(file)) else { continue };
            texts.extend(text.split(|&b| b == b'\n').skip(1).map(<[u8]>::to_vec));
        }
        texts
    }

    #[test]
    fn the_automaton_agrees_with_the_reference_on_the_corpora() {
        let texts = corpus();
        for text in &texts {
            check(text);
            check(&text.to_ascii_uppercase());
        }
        // Every pattern alone, inside a word, after punctuation and upper-cased.
        for &(pattern, ..) in &SCAN_PATTERNS {
            check(pattern.as_bytes());
            check(std::format!("x{pattern}").as_bytes());
            check(std::format!("({pattern}) and {}", pattern.to_ascii_uppercase()).as_bytes());
        }
    }

    #[test]
    fn the_tables_are_consistent() {
        assert_eq!(SCAN_ALNUM.len(), SCAN_CLASS_COUNT);
        for byte in 0..=255u8 {
            let class = usize::from(SCAN_CLASSES[usize::from(byte)]);
            assert_eq!(SCAN_ALNUM[class], byte.is_ascii_alphanumeric());
            assert_eq!(class, usize::from(SCAN_CLASSES[usize::from(byte.to_ascii_lowercase())]));
        }
    }

    /// Texts made of pieces of patterns, so that partial and overlapping matches are common.
    fn pieces() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            (0..SCAN_PATTERNS.len(), any::<bool>()).prop_map(|(i, upper)| {
                let p = SCAN_PATTERNS[i].0;
                let cut = p.len() - p.len() / 3;
                let s = if upper { p.to_ascii_uppercase() } else { p.into() };
                s.as_bytes()[..if i % 2 == 0 { s.len() } else { cut }].to_vec()
            }),
            proptest::collection::vec(any::<u8>(), 0..4),
            Just(b" ".to_vec()),
        ];
        proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn the_automaton_agrees_with_the_reference_on_random_texts(text in pieces()) {
            check(&text);
        }

        #[test]
        fn the_automaton_agrees_with_the_reference_on_random_bytes(text in proptest::collection::vec(any::<u8>(), 0..200)) {
            check(&text);
        }
    }
}
