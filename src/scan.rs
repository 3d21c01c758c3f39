//! The one-pass scanner: every keyword phrase of `data/explain.toml`, every provider marker of
//! `data/providers.toml`, the phrases that name the command a reply answered, the words before a
//! requested delay and the phrases that name a failure with no reply (a timeout, DNS, TLS), found
//! in one pass over a text by one automaton.
//!
//! The generator (`xtask/src/codegen.rs`) compiles the patterns into a deterministic
//! Aho-Corasick automaton over ASCII-lowercased byte classes and writes it into
//! `src/generated.rs` as static arrays; `tests/codegen.rs` fails when it is stale. Keyword phrases,
//! provider markers and failure phrases match at a word start (the byte before them, if any, is
//! not ASCII alphanumeric), command phrases and delay leads anywhere; all ignore ASCII case. Each byte costs
//! one class lookup and one transition (a packed exception, else one of two dense default rows):
//! linear in the text, nothing to backtrack, no allocation, `no_std`.

use crate::Command;
use crate::explain::{KeywordRule, Reason, Retry};
use crate::generated::{
    KEYWORD_RULES, SCAN_BASE_SHIFT, SCAN_CLASSES, SCAN_COMMANDS, SCAN_FAILURES, SCAN_OUTPUT_MASK,
    SCAN_OUTPUTS, SCAN_ROW_SHIFT, SCAN_ROWS, SCAN_SLOTS, SCAN_START,
};

/// What a state of the automaton has found; 255 stands for nothing of that kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Output {
    /// The first reason rule (index into `KEYWORD_RULES`) whose phrase ends here.
    pub(crate) reason_rule: u8,
    /// The first retry rule whose phrase ends here.
    pub(crate) retry_rule: u8,
    /// Bit i set: a marker of provider i ends here.
    pub(crate) providers: u64,
    /// The first command phrase (index into `SCAN_COMMANDS`) that ends here.
    pub(crate) command: u8,
    /// A delay lead ("try again in ") ends here.
    pub(crate) lead: bool,
    /// The first failure phrase (index into `SCAN_FAILURES`) that ends here.
    pub(crate) failure: u8,
}

/// The kinds of pattern, for the tests' reference matcher.
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Rule,
    Provider,
    Command,
    Lead,
    Failure,
}

/// One transition. A state is one u32: `base << SCAN_BASE_SHIFT | default row << SCAN_ROW_SHIFT |
/// output`. Its exceptions are the slots `base + class` that it owns; every other class takes
/// the transition of its default row.
#[inline(always)]
fn step(state: u32, byte: u8) -> u32 {
    let class = usize::from(SCAN_CLASSES[usize::from(byte)]);
    // Both loads at once: they do not depend on each other, only the choice does.
    let default = SCAN_ROWS[(state >> SCAN_ROW_SHIFT & 1) as usize][class];
    let (owner, next) = SCAN_SLOTS[(state >> SCAN_BASE_SHIFT) as usize + class];
    if owner == state { next } else { default }
}

/// What `state` has found, when it has found something.
#[inline(always)]
fn output(state: u32) -> Option<&'static Output> {
    match state & SCAN_OUTPUT_MASK {
        0 => None,
        index => Some(&SCAN_OUTPUTS[index as usize]),
    }
}

/// Runs the automaton over `text` from `state`, calling `found` with each output and the text
/// after it; returns the last state.
#[inline(always)]
fn run<'t>(mut state: u32, text: &'t [u8], mut found: impl FnMut(&Output, &'t [u8])) -> u32 {
    for (i, &byte) in text.iter().enumerate() {
        state = step(state, byte);
        if let Some(out) = output(state) {
            found(out, &text[i + 1..]);
        }
    }
    state
}

/// What the scanner found: the first keyword rules (in data order), the providers shown, the
/// command named and the first delay asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Matches {
    /// The first reason rule found (index into `KEYWORD_RULES`), 255 when none.
    reason_rule: u8,
    /// The first retry rule found, 255 when none.
    retry_rule: u8,
    /// Bit i set: provider i's marker is present.
    providers: u64,
    /// The first command phrase found (index into `SCAN_COMMANDS`), 255 when none.
    command: u8,
    /// The first delay asked for, in seconds.
    delay: Option<u32>,
    /// The first failure phrase found (index into `SCAN_FAILURES`), 255 when none.
    failure: u8,
}

impl Default for Matches {
    fn default() -> Matches {
        Matches::new()
    }
}

impl Matches {
    /// Nothing found yet.
    pub(crate) const fn new() -> Matches {
        Matches { reason_rule: 255, retry_rule: 255, providers: 0, command: 255, delay: None, failure: 255 }
    }

    /// What counts in the reply's own text: keywords and delays.
    #[inline(always)]
    fn reply(&mut self, out: &Output, rest: &[u8]) {
        self.reason_rule = self.reason_rule.min(out.reason_rule);
        self.retry_rule = self.retry_rule.min(out.retry_rule);
        if out.lead && self.delay.is_none() {
            self.delay = crate::explain::delay_after(rest);
        }
    }

    /// What counts anywhere in the text: providers and commands.
    #[inline(always)]
    fn anywhere(&mut self, out: &Output) {
        self.providers |= out.providers;
        self.command = self.command.min(out.command);
        self.failure = self.failure.min(out.failure);
    }

    /// Scans one segment of a reply's text.
    pub(crate) fn scan(&mut self, text: &[u8]) {
        run(SCAN_START, text, |out, rest| {
            self.reply(out, rest);
            self.anywhere(out);
        });
    }

    /// Scans a reply's lines as one text, joined with single spaces: a phrase the server
    /// wrapped onto its next line ("… at a rate that" / "prevents additional messages") is found.
    pub(crate) fn scan_lines<'t>(&mut self, lines: impl Iterator<Item = &'t [u8]>) {
        let mut state = SCAN_START;
        for (i, line) in lines.enumerate() {
            if i > 0 {
                state = step(state, b' ');
                if let Some(out) = output(state) {
                    self.reply(out, b"");
                    self.anywhere(out);
                }
            }
            state = run(state, line, |out, rest| {
                self.reply(out, rest);
                self.anywhere(out);
            });
        }
    }

    /// Scans for provider markers, command phrases and failure phrases only (a host name, a text
    /// with no reply).
    pub(crate) fn scan_anywhere(&mut self, text: &[u8]) {
        run(SCAN_START, text, |out, _| self.anywhere(out));
    }

    /// Scans `text` for providers and commands, and `text[start..end]`, as if it stood alone, for
    /// keywords and delays: the same as [`scan_anywhere`](Self::scan_anywhere) on `text` and
    /// [`scan`](Self::scan) on the region, in one pass. From the region's start a second run
    /// begins in the start state; once both runs are in the same state (they stay together from
    /// then on) only one goes on.
    pub(crate) fn scan_within(&mut self, text: &[u8], start: usize, end: usize) {
        let (head, rest) = text.split_at(start.min(text.len()));
        let (region, tail) = rest.split_at(end.saturating_sub(start).min(rest.len()));
        let mut whole = run(SCAN_START, head, |out, _| self.anywhere(out));
        let mut alone = SCAN_START;
        let mut i = 0;
        while i < region.len() && whole != alone {
            whole = step(whole, region[i]);
            alone = step(alone, region[i]);
            i += 1;
            if let Some(out) = output(whole) {
                self.anywhere(out);
            }
            if let Some(out) = output(alone) {
                self.reply(out, &region[i..]);
            }
        }
        if whole == alone {
            whole = run(whole, &region[i..], |out, rest| {
                self.reply(out, rest);
                self.anywhere(out);
            });
        }
        run(whole, tail, |out, _| self.anywhere(out));
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

    /// The command the first command phrase (in list order) found names.
    pub(crate) fn command(&self) -> Option<Command> {
        SCAN_COMMANDS.get(usize::from(self.command)).copied()
    }

    /// The first delay the text asks for, in seconds.
    pub(crate) fn delay(&self) -> Option<u32> {
        self.delay
    }

    /// The failure the first failure phrase (in list order) found names.
    pub(crate) fn failure(&self) -> Option<crate::Failure> {
        SCAN_FAILURES.get(usize::from(self.failure)).copied()
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

    /// The semantics, spelled out: every pattern tried at every position, in position order.
    fn reference(text: &[u8], reply: bool) -> Matches {
        let mut m = Matches::new();
        for i in 0..text.len() {
            let word_start = i == 0 || !text[i - 1].is_ascii_alphanumeric();
            let mut delay_tried = false;
            for &(pattern, word_only, kind, value) in &SCAN_PATTERNS {
                let p = pattern.as_bytes();
                if p[0] != text[i].to_ascii_lowercase() || word_only && !word_start {
                    continue;
                }
                let hit = text.len() - i >= p.len()
                    && text[i..i + p.len()].iter().zip(p).all(|(a, b)| a.to_ascii_lowercase() == *b);
                if !hit {
                    continue;
                }
                match kind {
                    Kind::Rule if reply => match KEYWORD_RULES[usize::from(value)] {
                        KeywordRule::Reason(..) => m.reason_rule = m.reason_rule.min(value),
                        KeywordRule::Retry(_) => m.retry_rule = m.retry_rule.min(value),
                    },
                    Kind::Lead if reply && m.delay.is_none() && !delay_tried => {
                        // The first lead that matches at a position decides there.
                        delay_tried = true;
                        m.delay = crate::explain::delay_after(&text[i + p.len()..]);
                    }
                    Kind::Provider => m.providers |= 1 << (value & 63),
                    Kind::Command => m.command = m.command.min(value),
                    Kind::Failure => m.failure = m.failure.min(value),
                    _ => {}
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
        let mut anywhere = Matches::new();
        anywhere.scan_anywhere(text);
        assert_eq!(anywhere, reference(text, false));
        // Regions: providers from the whole text, keywords from the region alone.
        let len = text.len();
        for (start, end) in [(len / 3, len), (len / 2, len - len / 4), (1.min(len), len)] {
            let mut within = Matches::new();
            within.scan_within(text, start, end);
            let mut expected = reference(&text[start..end], true);
            expected.providers = all.providers;
            expected.command = all.command;
            expected.failure = all.failure;
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
            check(std::format!("{pattern}5 minutes, {pattern} 2 hours").as_bytes());
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

    #[test]
    fn the_tables_stay_small() {
        // Two dense rows, the packed exceptions and the outputs: a dense table of every state
        // would be ten times larger. Pinned so that growth is a decision.
        let bytes = core::mem::size_of_val(&SCAN_CLASSES)
            + core::mem::size_of_val(&SCAN_ROWS)
            + core::mem::size_of_val(&SCAN_SLOTS)
            + core::mem::size_of_val(&crate::generated::SCAN_OUTPUTS);
        assert!(bytes < 256 * 1024, "the scanner's tables take {bytes} bytes");
        const { assert!(SCAN_CLASS_COUNT <= 64, "at most 64 byte classes") };
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
            Just(b"12 hours".to_vec()),
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
