//! The one-pass scanner: every keyword phrase of `data/explain.toml`, every provider marker of
//! `data/providers.toml`, the excerpts of mail clients' own messages of `data/clients.toml`, the
//! phrases that name the command a reply answered, the words before a requested delay and the
//! phrases that name a failure with no reply (a timeout, DNS, TLS), found in one pass over a text
//! by one automaton.
//!
//! The generator (`xtask/src/codegen.rs`) compiles the patterns into a deterministic
//! Aho-Corasick automaton over ASCII-lowercased byte classes and writes it into
//! `src/generated.rs` as static arrays; `tests/codegen.rs` fails when it is stale. Keyword phrases,
//! provider markers and failure phrases match at a word start (the byte before them, if any, is
//! not ASCII alphanumeric), command phrases and delay leads anywhere; all ignore ASCII case (the
//! other bytes of a client excerpt or of a keyword phrase in another language, Cyrillic or CJK
//! say, are compared as they are; the generator adds a keyword phrase's capitalized form). A byte
//! beyond ASCII is not alphanumeric here, so every byte of such a text is at a word start: a
//! phrase in Cyrillic costs many more slots than one in ASCII. Each byte costs
//! one lookup of the byte (its class, its check and its default transition) and one of a packed
//! exception, which is the transition when its check is the byte's class, else the default is:
//! linear in the text, nothing to backtrack, no allocation, `no_std`.
//!
//! A state is one u32, its base: the index of its slots in `SCAN_SLOTS`, its two low bits flags
//! (it has found something; it is at a word start). A slot is 8 bits of check (a class + 1) and
//! 24 of state, so the encoding holds 2^24 slots, 254 byte classes (room for a class per byte
//! that is not an ASCII letter) and 2^24 distinct outputs: a state that has found something
//! keeps its output's index in a slot of its own, of a pseudo-class no byte has.

use crate::Command;
use crate::explain::{KeywordRule, Reason, Retry};
use crate::generated::{
    KEYWORD_RULES, SCAN_CHECK_SHIFT, SCAN_CLASS_COUNT, SCAN_CLASSES, SCAN_COMMANDS, SCAN_FAILURES,
    SCAN_OUTPUT_FLAG, SCAN_OUTPUTS, SCAN_ROW_FLAG, SCAN_ROWS, SCAN_SLOTS, SCAN_START,
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
    /// The first run of command phrases (index into `SCAN_COMMANDS`) one of which ends here.
    pub(crate) command: u8,
    /// A delay lead ("try again in ") ends here.
    pub(crate) lead: bool,
    /// The first run of failure phrases (index into `SCAN_FAILURES`) one of which ends here.
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

/// The row bit of a byte's key: set when the byte is not ASCII alphanumeric (the byte after it
/// is at a word start), where it shifts a row into place for [`BYTES`].
const KEY_ROW: u32 = 256;

/// `row << 8 | byte` → the default transition of that row on that byte `<< 32 |` the byte's
/// key: `class + 1 << SCAN_CHECK_SHIFT | tag`, the tag being `class | KEY_ROW` for a byte that
/// is not ASCII alphanumeric, else `class` (see `SCAN_SLOTS`). One load per byte gives its
/// class, its check, the row of the next byte and the default, none of them on the chain of
/// states.
static BYTES: [u64; 512] = {
    let mut bytes = [0u64; 512];
    let mut i = 0;
    while i < 512 {
        let byte = i & 255;
        let class = SCAN_CLASSES[byte] as u32;
        let row = if (byte as u8).is_ascii_alphanumeric() { 0 } else { KEY_ROW };
        let key = (class + 1) << SCAN_CHECK_SHIFT | class | row;
        bytes[i] = (SCAN_ROWS[i >> 8][class as usize] as u64) << 32 | key as u64;
        i += 1;
    }
    bytes
};

/// The row of `state`, shifted for [`BYTES`]: where a run starts.
#[inline(always)]
fn row_of(state: u32) -> u32 {
    const { assert!(KEY_ROW % SCAN_ROW_FLAG == 0) };
    (state & SCAN_ROW_FLAG) * (KEY_ROW / SCAN_ROW_FLAG)
}

/// One transition from `state` on `byte`, `row` the state's row ([`row_of`]; in a run, the row
/// the byte before gave); returns the next state and its row. A state is its base (see the
/// module's docs); its exceptions are the slots `base + class` whose check is that class; every
/// other class takes the transition of its default row.
#[inline(always)]
fn step_in(state: u32, row: u32, byte: u8) -> (u32, u32) {
    let (next, key) = step_wide(state as usize, row, byte);
    (next as u32, key)
}

/// [`step_in`] with the state in a full register: the loops keep it so, as a u32 state would be
/// widened before each load (a move on the chain of states).
#[inline(always)]
fn step_wide(state: usize, row: u32, byte: u8) -> (usize, u32) {
    let entry = BYTES[(row & KEY_ROW | u32::from(byte)) as usize];
    let (key, default) = (entry as u32, (entry >> 32) as u32);
    // The slot's load is the only one that depends on the state: its address is the state itself
    // from where the class's slots begin, no mask between (the table is padded so that no state's
    // index is out of it; the bounds check is a branch beside the chain of states, never taken).
    let slot = SCAN_SLOTS[usize::from(key as u8)..][state];
    // The slot without this byte's key: the next state when the slot is this state's, else at
    // least `1 << SCAN_CHECK_SHIFT` (another check is left, or a free slot's none removed). The
    // choice is a conditional move, not a branch: about half the bytes take the default, so a
    // branch would be mispredicted often.
    let next = (slot ^ key) as usize;
    (if next < 1 << SCAN_CHECK_SHIFT { next } else { default as usize }, key)
}

/// [`step_in`] reading the row from the state, for a single step.
#[inline(always)]
fn step(state: u32, byte: u8) -> u32 {
    step_in(state, row_of(state), byte).0
}

/// What `state` has found, when it has found something: the index in its slot of the output's
/// pseudo-class.
#[inline(always)]
fn output(state: u32) -> Option<&'static Output> {
    if state & SCAN_OUTPUT_FLAG == 0 {
        return None;
    }
    let index = SCAN_SLOTS[state as usize + SCAN_CLASS_COUNT] & ((1 << SCAN_CHECK_SHIFT) - 1);
    SCAN_OUTPUTS.get(index as usize)
}

/// Steps from `state` over `text[i..]` until a state that has found something, or the end;
/// returns that state and the index after the byte that led to it. The scan's inner loop: no
/// output is looked at but the test of the state's bits. Not inlined, as [`advance2`] (measured:
/// its copies inlined in each scan were 1% slower in `explain_text`).
#[inline(never)]
fn advance(state: u32, text: &[u8], mut i: usize) -> (u32, usize) {
    let (mut state, mut row) = (state as usize, row_of(state));
    while let Some(&byte) = text.get(i) {
        (state, row) = step_wide(state, row, byte);
        i += 1;
        if state & SCAN_OUTPUT_FLAG as usize != 0 {
            break;
        }
    }
    (state as u32, i)
}

/// [`advance`] for two runs at once over `first[i..n]` and `second[i..n]` (`n` at most either
/// length): stops after the first byte where either has found something. Not inlined, so that
/// the loop has the registers to itself (inlined, its slices' addresses were reloaded from the
/// stack at every byte).
#[inline(never)]
fn advance2(a: u32, b: u32, first: &[u8], second: &[u8], mut i: usize, n: usize) -> (u32, u32, usize) {
    let (first, second) = (&first[..n], &second[..n]);
    let (mut row_a, mut row_b) = (row_of(a), row_of(b));
    let (mut a, mut b) = (a as usize, b as usize);
    while i < n {
        (a, row_a) = step_wide(a, row_a, first[i]);
        (b, row_b) = step_wide(b, row_b, second[i]);
        i += 1;
        if (a | b) & SCAN_OUTPUT_FLAG as usize != 0 {
            break;
        }
    }
    (a as u32, b as u32, i)
}

/// Runs the automaton over `text` from `state`, calling `found` with each output and the text
/// after it; returns the last state.
#[inline(always)]
fn run<'t>(mut state: u32, text: &'t [u8], mut found: impl FnMut(&Output, &'t [u8])) -> u32 {
    let mut i = 0;
    while i < text.len() {
        (state, i) = advance(state, text, i);
        if let Some(out) = output(state) {
            found(out, &text[i..]);
        }
    }
    state
}

/// The high bit of each byte of `word` that is not ASCII alphanumeric (exact in every byte).
#[inline(always)]
fn not_alphanumeric(word: u64) -> u64 {
    use crate::swar::bytes_between;
    // A letter with bit 0x20 set is lowercase; no other byte becomes a lowercase letter so.
    let alphanumeric =
        bytes_between(word, b'0', b'9') | bytes_between(word | 0x2020_2020_2020_2020, b'a', b'z');
    !alphanumeric & 0x8080_8080_8080_8080
}

/// Texts shorter than this are scanned by one run: two would not pay for their bookkeeping.
const SPLIT_MIN: usize = 32;

/// How many bytes past the cut the first run may go to meet the second; beyond, it goes on alone.
const MEET: usize = 32;

/// Runs the automaton over `text` from `state` as [`run`] does, reporting each output to `found`
/// with `matches` (the outputs of the text's first part) or with a second `Matches` (those of
/// its second part), merged into `matches` at the end; returns the last state.
///
/// Each byte's transition needs the previous one's, so one run is a chain of dependent loads. A
/// longer text is cut in two after a byte that is not alphanumeric, and both parts run at once
/// (two independent chains: twice the work in flight). The second part starts in the start
/// state, as a text of its own would: at a word start, which it is (its previous byte is not
/// alphanumeric), so what it finds is exactly what the whole text holds from the cut on,
/// except for the phrases that began before the cut. Those are the first run's: it goes on
/// past the cut until it is in the same state as the second run at the same byte; from there
/// on the two runs are the same run. Both runs report the phrases found in that stretch, and
/// every output but the delay is a minimum or a union, so twice is harmless; the delay is the
/// first run's if it found one (it read everything before), else the second run's.
#[inline(always)]
fn run_split<'t>(
    state: u32,
    text: &'t [u8],
    matches: &mut Matches,
    found: impl Fn(&mut Matches, &Output, &'t [u8]),
) -> u32 {
    let half = text.len() / 2;
    let cut = match text.get(half..) {
        Some(second) if text.len() >= SPLIT_MIN => match not_alphanumeric(crate::swar::load(second, 0)) {
            // The first of the next eight bytes that is not alphanumeric, in one word (the end
            // of a word of unknown length was a mispredicted loop exit), else byte by byte.
            0 => second.iter().position(|b| !b.is_ascii_alphanumeric()).map(|p| half + p + 1),
            found => Some(half + crate::swar::first(found) + 1),
        },
        _ => None,
    };
    match cut.filter(|&cut| cut < text.len()) {
        Some(cut) => run_cut(state, text, cut, matches, found),
        None => run(state, text, |out, rest| found(matches, out, rest)),
    }
}

/// [`run_split`] with its cut: `text[cut - 1]` is not ASCII alphanumeric, `0 < cut < text.len()`.
#[inline(always)]
fn run_cut<'t>(
    state: u32,
    text: &'t [u8],
    cut: usize,
    matches: &mut Matches,
    found: impl Fn(&mut Matches, &Output, &'t [u8]),
) -> u32 {
    let (first, second) = text.split_at(cut);
    let mut later = Matches::new();
    let (mut a, mut b) = (state, SCAN_START);
    let both = first.len().min(second.len());
    let mut i = 0;
    while i < both {
        (a, b, i) = advance2(a, b, first, second, i, both);
        if let Some(out) = output(a) {
            found(matches, out, &text[i..]);
        }
        if let Some(out) = output(b) {
            found(&mut later, out, &second[i..]);
        }
    }
    while i < first.len() {
        (a, i) = advance(a, first, i);
        if let Some(out) = output(a) {
            found(matches, out, &text[i..]);
        }
    }
    let mut j = both;
    while j < second.len() {
        (b, j) = advance(b, second, j);
        if let Some(out) = output(b) {
            found(&mut later, out, &second[j..]);
        }
    }
    // The first run past the cut, until it meets the second: the second run's states are
    // replayed from the cut (`replay`), byte by byte beside the first. When they have not met by
    // the end of the text (or within MEET bytes, and then the first run reads the rest alone),
    // the first run's last state is the text's; what the second found is true all the same.
    let mut last = a;
    // Both at the same byte, after a byte that is not alphanumeric: one row for both.
    let (mut replay, mut row) = (SCAN_START, row_of(SCAN_START));
    for (i, &byte) in second.iter().enumerate() {
        if i == MEET {
            last = run(a, &second[i..], |out, rest| found(matches, out, rest));
            break;
        }
        a = step_in(a, row, byte).0;
        (replay, row) = step_in(replay, row, byte);
        if let Some(out) = output(a) {
            found(matches, out, &second[i + 1..]);
        }
        last = a;
        if a == replay {
            last = b;
            break;
        }
    }
    matches.merge(&later);
    last
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
    /// The first run of command phrases found (index into `SCAN_COMMANDS`), 255 when none.
    command: u8,
    /// The first delay asked for, in seconds.
    delay: Option<u32>,
    /// The first run of failure phrases found (index into `SCAN_FAILURES`), 255 when none.
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

    /// Adds what `later` found after the text `self` was found in.
    #[inline(always)]
    fn merge(&mut self, later: &Matches) {
        self.reason_rule = self.reason_rule.min(later.reason_rule);
        self.retry_rule = self.retry_rule.min(later.retry_rule);
        self.providers |= later.providers;
        self.command = self.command.min(later.command);
        self.delay = self.delay.or(later.delay);
        self.failure = self.failure.min(later.failure);
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
        run_split(SCAN_START, text, self, |m, out, rest| {
            m.reply(out, rest);
            m.anywhere(out);
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
            state = run_split(state, line, self, |m, out, rest| {
                m.reply(out, rest);
                m.anywhere(out);
            });
        }
    }

    /// Scans for provider markers, command phrases and failure phrases only (a host name, a text
    /// with no reply).
    pub(crate) fn scan_anywhere(&mut self, text: &[u8]) {
        run_split(SCAN_START, text, self, |m, out, _| m.anywhere(out));
    }

    /// Scans `text` for providers and commands, and `text[start..end]`, as if it stood alone, for
    /// keywords and delays: the same as [`scan_anywhere`](Self::scan_anywhere) on `text` and
    /// [`scan`](Self::scan) on the region, in one pass. From the region's start a second run
    /// begins in the start state; once both runs are in the same state (they stay together from
    /// then on) only one goes on.
    pub(crate) fn scan_within(&mut self, text: &[u8], start: usize, end: usize) {
        let (head, rest) = text.split_at(start.min(text.len()));
        let (region, tail) = rest.split_at(end.saturating_sub(start).min(rest.len()));
        let mut whole = run_split(SCAN_START, head, self, |m, out, _| m.anywhere(out));
        let mut alone = SCAN_START;
        let (mut row_whole, mut row_alone) = (row_of(whole), row_of(alone));
        let mut i = 0;
        while i < region.len() && whole != alone {
            (whole, row_whole) = step_in(whole, row_whole, region[i]);
            (alone, row_alone) = step_in(alone, row_alone, region[i]);
            i += 1;
            if let Some(out) = output(whole) {
                self.anywhere(out);
            }
            if let Some(out) = output(alone) {
                self.reply(out, &region[i..]);
            }
        }
        if whole == alone {
            whole = run_split(whole, &region[i..], self, |m, out, rest| {
                m.reply(out, rest);
                m.anywhere(out);
            });
        }
        run_split(whole, tail, self, |m, out, _| m.anywhere(out));
    }

    /// The first reason rule found, with its "always" flag.
    pub(crate) fn reason(&self) -> Option<(Reason, bool)> {
        match KEYWORD_RULES.get(usize::from(self.reason_rule)) {
            Some(&KeywordRule::Reason(reason, always)) => Some((reason, always)),
            _ => None,
        }
    }

    /// The first retry rule found, with whether it refines a 4xx reply too.
    pub(crate) fn retry(&self) -> Option<(Retry, bool)> {
        match KEYWORD_RULES.get(usize::from(self.retry_rule)) {
            Some(&KeywordRule::Retry(retry, any_class)) => Some((retry, any_class)),
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
    use crate::generated::{SCAN_ALNUM, SCAN_PATTERNS};
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
                        KeywordRule::Retry(..) => m.retry_rule = m.retry_rule.min(value),
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

    /// A scan whose text is cut at `cut`, against one run: the same outputs, the same last state.
    fn check_cut(text: &[u8], cut: usize) {
        let report = |m: &mut Matches, out: &Output, rest: &[u8]| {
            m.reply(out, rest);
            m.anywhere(out);
        };
        let mut one = Matches::new();
        let last = run(SCAN_START, text, |out, rest| report(&mut one, out, rest));
        let mut two = Matches::new();
        let split_last = run_cut(SCAN_START, text, cut, &mut two, report);
        assert_eq!((two, split_last), (one, last), "cut at {cut} of {:?}", String::from_utf8_lossy(text));
    }

    #[test]
    fn a_text_cut_anywhere_scans_as_one_run() {
        let mut texts = corpus();
        // Long phrases cut early (the first run does not meet the second within MEET bytes),
        // and phrases that repeat across the cut.
        for &(pattern, ..) in &SCAN_PATTERNS {
            texts.push(std::format!("try again in {pattern} {pattern} 5 minutes {pattern}").into_bytes());
        }
        for text in &texts {
            for cut in 1..text.len() {
                if !text[cut - 1].is_ascii_alphanumeric() {
                    check_cut(text, cut);
                }
            }
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
    fn not_alphanumeric_marks_exactly_the_bytes_that_are_not() {
        for byte in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[at] = byte;
                let mask = not_alphanumeric(u64::from_le_bytes(bytes));
                let expected = if byte.is_ascii_alphanumeric() { 0 } else { 0x80u64 << (8 * at) };
                assert_eq!(mask, expected, "{byte} at {at}");
            }
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
        // would be ten times larger. Pinned so that growth is a decision: the mail clients'
        // excerpts took it from 285 to 430 KB (their states packed last; about 1% on a scan), the
        // twelfth round's platform socket words and servers' words in other languages to 494 KiB.
        let bytes = core::mem::size_of_val(&SCAN_CLASSES)
            + core::mem::size_of_val(&SCAN_ROWS)
            + core::mem::size_of_val(&BYTES)
            + core::mem::size_of_val(&SCAN_SLOTS)
            + core::mem::size_of_val(&crate::generated::SCAN_OUTPUTS);
        assert!(bytes < 500 * 1024, "the scanner's tables take {bytes} bytes");
    }

    #[test]
    fn every_state_is_in_the_table_with_its_flags() {
        // Every state the slots and rows hold, and the start: its slots (and its output's) are in
        // the table, and its flags are what its slots say.
        let mut states: Vec<u32> = SCAN_ROWS.iter().flatten().copied().collect();
        states.push(SCAN_START);
        for (index, &slot) in SCAN_SLOTS.iter().enumerate() {
            let check = (slot >> SCAN_CHECK_SHIFT) as usize;
            if check != 0 && check <= SCAN_CLASS_COUNT {
                let tag = (check - 1) as u32 | u32::from(!SCAN_ALNUM[check - 1]) << 8;
                states.push(slot & ((1 << SCAN_CHECK_SHIFT) - 1) ^ tag);
            }
            assert!(check <= SCAN_CLASS_COUNT + 1 && index >= check.saturating_sub(1));
        }
        for state in states {
            assert!(state as usize + 255 < SCAN_SLOTS.len());
            let held = SCAN_SLOTS[state as usize + SCAN_CLASS_COUNT] >> SCAN_CHECK_SHIFT;
            assert_eq!(state & SCAN_OUTPUT_FLAG != 0, held as usize == SCAN_CLASS_COUNT + 1);
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
