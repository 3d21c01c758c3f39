//! The one-pass scanner: every keyword phrase of `data/explain.toml`, every provider marker of
//! `data/providers.toml`, the excerpts of mail clients' own messages of `data/clients.toml`, the
//! phrases that name the command a reply answered, the words before a requested delay and the
//! phrases that name a failure with no reply (a timeout, DNS, TLS), found in one pass over a text
//! by one automaton.
//!
//! The generator (`xtask/src/codegen.rs`) compiles the patterns into a deterministic
//! Aho-Corasick automaton over ASCII-lowercased byte classes and writes it into
//! `src/generated.rs` as static arrays; `tests/codegen.rs` fails when it is stale. Keyword phrases,
//! provider markers and failure phrases match at a word start, command phrases and delay leads
//! anywhere; all ignore ASCII case (the other bytes of a client excerpt or of a keyword phrase in
//! another language, Cyrillic or CJK say, are compared as they are; the generator adds a keyword
//! phrase's capitalized form). A word start is where a text begins, or after a byte that ends a
//! word ([`row_after`]): ASCII punctuation or space, or a character of three or four bytes (a CJK
//! ideograph is a word of its own). A letter of two bytes (Latin beyond ASCII, Greek, Cyrillic,
//! Hebrew, Arabic) is inside a word, as an ASCII letter is, so a phrase in Cyrillic begins where
//! one in English would. Each byte costs one lookup of the byte (its class, its check and its
//! default transition) and one of a packed exception, which is the transition when its check is
//! the byte's class, else the default is: linear in the text, nothing to backtrack, no
//! allocation, `no_std`.
//!
//! A state is one u32, its base: the index of its slots in `SCAN_SLOTS`, its low bit set when it
//! has found something. Its row (inside a word, at a word start, or after a two-byte letter's
//! first byte: whose default transitions the next byte takes) is carried beside it ([`At`]), as
//! each byte's key gives the next one. A slot is 8 bits of check (a class + 1) and 24 of state,
//! so the encoding holds 2^24 slots, 254 byte classes (room for a class per byte that is not an
//! ASCII letter) and 2^24 distinct outputs: a state that has found something keeps its output's
//! index in a slot of its own, of a pseudo-class no byte has.

use crate::Command;
use crate::explain::{KeywordRule, Reason, Retry};
use crate::generated::{
    KEYWORD_RULES, SCAN_CHECK_SHIFT, SCAN_CLASS_COUNT, SCAN_CLASSES, SCAN_COMMANDS, SCAN_FAILURES,
    SCAN_OUTPUT_FLAG, SCAN_OUTPUTS, SCAN_ROWS, SCAN_SLOTS, SCAN_START,
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
    /// A verdict on an address named before it ends here ("unknown", "not found": see
    /// `explain::named_address`).
    pub(crate) verdict: bool,
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
    Verdict,
}

/// The rows: what the byte before a byte says about word starts.
const ROWS: usize = SCAN_ROWS.len();
/// Inside a word: no word-start phrase begins at the next byte.
const IN_WORD: u32 = 0;
/// At a word start: every phrase may begin at the next byte.
const WORD_START: u32 = 1;
/// After a two-byte letter's first byte: the next byte ends the letter, and the word goes on.
const IN_LETTER: u32 = 2;

/// The row after `byte` in `row` (the one before it): inside a word after an ASCII letter or
/// digit, and after a two-byte letter (Latin beyond ASCII, Greek, Cyrillic, Hebrew, Arabic:
/// first bytes `0xC3..=0xDF`; `0xC2` leads the Latin-1 signs and the no-break space, which end a
/// word); at a word start after every other byte: ASCII punctuation and space, and the bytes of a
/// character of three or four bytes (a CJK ideograph is a word of its own; no phrase begins with
/// a byte it goes on with). The generator builds the automaton by the same rule.
const fn row_after(row: u32, byte: u8) -> u32 {
    match byte {
        _ if byte.is_ascii_alphanumeric() => IN_WORD,
        0xC3..=0xDF => IN_LETTER,
        0x80..=0xBF if row == IN_LETTER => IN_WORD,
        _ => WORD_START,
    }
}

/// The row bits of a byte's key: the row after it, shifted into place for [`BYTES`].
const KEY_ROW: u32 = 0x300;

/// `row << 8 | byte` → the default transition of that row on that byte `<< 32 |` the byte's
/// key: `class + 1 << SCAN_CHECK_SHIFT | tag`, the tag being `class | row_after(row, byte) << 8`
/// (see `SCAN_SLOTS`). One load per byte gives its class, its check, the row of the next byte
/// and the default, none of them on the chain of states. Four rows' room, so that every index
/// `KEY_ROW` lets through is in the table (no bounds check on the chain); the fourth, which no
/// key holds, is a copy of the first.
static BYTES: [u64; 256 * 4] = {
    const { assert!(ROWS == 3 && (4 << 8) - 1 == (KEY_ROW | 255) as usize) };
    let mut bytes = [0u64; 256 * 4];
    let mut i = 0;
    while i < bytes.len() {
        let (row, byte) = (((i >> 8) % ROWS) as u32, (i & 255) as u8);
        let class = SCAN_CLASSES[byte as usize] as u32;
        let key = (class + 1) << SCAN_CHECK_SHIFT | class | row_after(row, byte) << 8;
        bytes[i] = (SCAN_ROWS[row as usize][class as usize] as u64) << 32 | key as u64;
        i += 1;
    }
    bytes
};

/// Where a run is: its state, and the row the byte it read last gave (in the bits `KEY_ROW` of
/// `row`, as that byte's key holds it). Each state has one row (the generator's states tell the
/// rows apart), but the row is carried beside the state rather than kept in its bits, so that
/// the states pack densely.
#[derive(Debug, Clone, Copy)]
struct At {
    state: u32,
    row: u32,
}

/// Where every run starts: a word start, nothing begun.
const START: At = At { state: SCAN_START, row: WORD_START << 8 };

/// One transition on `byte`. A state is its base (see the module's docs); its exceptions are
/// the slots `base + class` whose check is that class; every other class takes the transition of
/// the default row `at.row`.
#[inline(always)]
fn step(at: At, byte: u8) -> At {
    let (next, row) = step_wide(at.state as usize, at.row, byte);
    At { state: next as u32, row }
}

/// [`step`] with the state in a full register: the loops keep it so, as a u32 state would be
/// widened before each load (a move on the chain of states). Returns the next state and the
/// byte's key, which holds the next row.
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

/// What the state of `at` has found, when it has found something: the index in its slot of the
/// output's pseudo-class.
#[inline(always)]
fn output(at: At) -> Option<&'static Output> {
    let state = at.state;
    if state & SCAN_OUTPUT_FLAG == 0 {
        return None;
    }
    let index = SCAN_SLOTS[state as usize + SCAN_CLASS_COUNT] & ((1 << SCAN_CHECK_SHIFT) - 1);
    SCAN_OUTPUTS.get(index as usize)
}

/// Steps from `at` over `text[i..]` until a state that has found something, or the end;
/// returns where it is then and the index after the byte that led to it. The scan's inner loop:
/// no output is looked at but the test of the state's bit. Not inlined, as [`advance2`]
/// (measured: its copies inlined in each scan were 1% slower in `explain_text`).
#[inline(never)]
fn advance(at: At, text: &[u8], mut i: usize) -> (At, usize) {
    let (mut state, mut row) = (at.state as usize, at.row);
    while let Some(&byte) = text.get(i) {
        (state, row) = step_wide(state, row, byte);
        i += 1;
        if state & SCAN_OUTPUT_FLAG as usize != 0 {
            break;
        }
    }
    (At { state: state as u32, row }, i)
}

/// [`advance`] for two runs at once over `first[i..n]` and `second[i..n]` (`n` at most either
/// length): stops after the first byte where either has found something. Not inlined, so that
/// the loop has the registers to itself (inlined, its slices' addresses were reloaded from the
/// stack at every byte).
#[inline(never)]
fn advance2(a: At, b: At, first: &[u8], second: &[u8], mut i: usize, n: usize) -> (At, At, usize) {
    let (first, second) = (&first[..n], &second[..n]);
    let (mut row_a, mut row_b) = (a.row, b.row);
    let (mut a, mut b) = (a.state as usize, b.state as usize);
    while i < n {
        (a, row_a) = step_wide(a, row_a, first[i]);
        (b, row_b) = step_wide(b, row_b, second[i]);
        i += 1;
        if (a | b) & SCAN_OUTPUT_FLAG as usize != 0 {
            break;
        }
    }
    (At { state: a as u32, row: row_a }, At { state: b as u32, row: row_b }, i)
}

/// Runs the automaton over `text` from `at`, calling `found` with each output and the text
/// after it; returns where it ends.
#[inline(always)]
fn run<'t>(mut at: At, text: &'t [u8], mut found: impl FnMut(&Output, &'t [u8])) -> At {
    let mut i = 0;
    while i < text.len() {
        (at, i) = advance(at, text, i);
        if let Some(out) = output(at) {
            found(out, &text[i..]);
        }
    }
    at
}

/// The high bit of each byte of `word` that is ASCII but not alphanumeric (exact in every byte):
/// the bytes after which a text is at a word start whatever came before.
#[inline(always)]
fn ascii_not_alphanumeric(word: u64) -> u64 {
    use crate::swar::bytes_between;
    // A letter with bit 0x20 set is lowercase; no other byte becomes a lowercase letter so.
    let alphanumeric =
        bytes_between(word, b'0', b'9') | bytes_between(word | 0x2020_2020_2020_2020, b'a', b'z');
    !(alphanumeric | word) & 0x8080_8080_8080_8080
}

/// Whether a text is at a word start after `byte`, whatever came before it.
fn ends_a_word(byte: u8) -> bool {
    byte.is_ascii() && !byte.is_ascii_alphanumeric()
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
/// longer text is cut in two after an ASCII byte that is not alphanumeric, and both parts run at
/// once (two independent chains: twice the work in flight). The second part starts in the start
/// state, as a text of its own would: at a word start, which it is (its previous byte ends a
/// word, [`ends_a_word`]), so what it finds is exactly what the whole text holds from the cut on,
/// except for the phrases that began before the cut. Those are the first run's: it goes on
/// past the cut until it is in the same state as the second run at the same byte; from there
/// on the two runs are the same run. Both runs report the phrases found in that stretch, and
/// every output but the delay is a minimum or a union, so twice is harmless; the delay is the
/// first run's if it found one (it read everything before), else the second run's.
#[inline(always)]
fn run_split<'t>(
    at: At,
    text: &'t [u8],
    matches: &mut Matches,
    found: impl Fn(&mut Matches, &Output, &'t [u8]),
) -> At {
    let half = text.len() / 2;
    let cut = match text.get(half..) {
        Some(second) if text.len() >= SPLIT_MIN => match ascii_not_alphanumeric(crate::swar::load(second, 0))
        {
            // The first of the next eight bytes that ends a word, in one word (the end of a word
            // of unknown length was a mispredicted loop exit), else byte by byte.
            0 => second.iter().position(|&b| ends_a_word(b)).map(|p| half + p + 1),
            found => Some(half + crate::swar::first(found) + 1),
        },
        _ => None,
    };
    match cut.filter(|&cut| cut < text.len()) {
        Some(cut) => run_cut(at, text, cut, matches, found),
        None => run(at, text, |out, rest| found(matches, out, rest)),
    }
}

/// [`run_split`] with its cut: `text[cut - 1]` ends a word ([`ends_a_word`]), `0 < cut < text.len()`.
#[inline(always)]
fn run_cut<'t>(
    at: At,
    text: &'t [u8],
    cut: usize,
    matches: &mut Matches,
    found: impl Fn(&mut Matches, &Output, &'t [u8]),
) -> At {
    let (first, second) = text.split_at(cut);
    let mut later = Matches::new();
    let (mut a, mut b) = (at, START);
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
    let mut replay = START;
    for (i, &byte) in second.iter().enumerate() {
        if i == MEET {
            last = run(a, &second[i..], |out, rest| found(matches, out, rest));
            break;
        }
        // Both at the same byte, after a byte that ends a word: one row for both.
        let (next, _) = step_wide(a.state as usize, replay.row, byte);
        replay = step(replay, byte);
        a = At { state: next as u32, row: replay.row };
        if let Some(out) = output(a) {
            found(matches, out, &second[i + 1..]);
        }
        last = a;
        if a.state == replay.state {
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
    /// A verdict on a named address is in the reply's text.
    verdict: bool,
}

impl Default for Matches {
    fn default() -> Matches {
        Matches::new()
    }
}

impl Matches {
    /// Nothing found yet.
    pub(crate) const fn new() -> Matches {
        Matches {
            reason_rule: 255,
            retry_rule: 255,
            providers: 0,
            command: 255,
            delay: None,
            failure: 255,
            verdict: false,
        }
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
        self.verdict |= later.verdict;
    }

    /// What counts in the reply's own text: keywords, delays and verdicts on a named address.
    #[inline(always)]
    fn reply(&mut self, out: &Output, rest: &[u8]) {
        self.reason_rule = self.reason_rule.min(out.reason_rule);
        self.retry_rule = self.retry_rule.min(out.retry_rule);
        self.verdict |= out.verdict;
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
        run_split(START, text, self, |m, out, rest| {
            m.reply(out, rest);
            m.anywhere(out);
        });
    }

    /// Scans a reply's lines as one text, joined with single spaces: a phrase the server
    /// wrapped onto its next line ("… at a rate that" / "prevents additional messages") is found.
    pub(crate) fn scan_lines<'t>(&mut self, lines: impl Iterator<Item = &'t [u8]>) {
        let mut at = START;
        for (i, line) in lines.enumerate() {
            if i > 0 {
                at = step(at, b' ');
                if let Some(out) = output(at) {
                    self.reply(out, b"");
                    self.anywhere(out);
                }
            }
            at = run_split(at, line, self, |m, out, rest| {
                m.reply(out, rest);
                m.anywhere(out);
            });
        }
    }

    /// Scans for provider markers, command phrases and failure phrases only (a host name, a text
    /// with no reply).
    pub(crate) fn scan_anywhere(&mut self, text: &[u8]) {
        run_split(START, text, self, |m, out, _| m.anywhere(out));
    }

    /// Scans `text` for providers and commands, and `text[start..end]`, as if it stood alone, for
    /// keywords and delays: the same as [`scan_anywhere`](Self::scan_anywhere) on `text` and
    /// [`scan`](Self::scan) on the region, in one pass. From the region's start a second run
    /// begins in the start state; once both runs are in the same state (they stay together from
    /// then on: a state has one row) only one goes on.
    pub(crate) fn scan_within(&mut self, text: &[u8], start: usize, end: usize) {
        let (head, rest) = text.split_at(start.min(text.len()));
        let (region, tail) = rest.split_at(end.saturating_sub(start).min(rest.len()));
        let mut whole = run_split(START, head, self, |m, out, _| m.anywhere(out));
        let mut alone = START;
        let mut i = 0;
        while i < region.len() && whole.state != alone.state {
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
        if whole.state == alone.state {
            whole = run_split(whole, &region[i..], self, |m, out, rest| {
                m.reply(out, rest);
                m.anywhere(out);
            });
        }
        run_split(whole, tail, self, |m, out, _| m.anywhere(out));
    }

    /// Whether the reply's text holds a verdict on an address named before it (the words are
    /// read again only then: `explain::named_address`).
    pub(crate) fn verdict(&self) -> bool {
        self.verdict
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

    /// Whether a report's words say the message could not be delivered, and no retry phrase was
    /// found (`KeywordRule::Undelivered` is the last retry rule).
    pub(crate) fn undelivered(&self) -> bool {
        matches!(KEYWORD_RULES.get(usize::from(self.retry_rule)), Some(KeywordRule::Undelivered))
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
    use crate::generated::SCAN_PATTERNS;
    use proptest::prelude::*;

    extern crate std;
    use std::string::String;
    use std::vec::Vec;

    /// The indices of `SCAN_PATTERNS` by their first byte, in their order.
    fn by_first_byte() -> &'static [Vec<usize>] {
        static BUCKETS: std::sync::OnceLock<Vec<Vec<usize>>> = std::sync::OnceLock::new();
        BUCKETS.get_or_init(|| {
            let mut buckets = std::vec![Vec::new(); 256];
            for (index, (pattern, ..)) in SCAN_PATTERNS.iter().enumerate() {
                buckets[usize::from(pattern.as_bytes()[0])].push(index);
            }
            buckets
        })
    }

    /// The semantics, spelled out: every pattern tried at every position, in position order.
    fn reference(text: &[u8], reply: bool) -> Matches {
        let mut m = Matches::new();
        let mut row = WORD_START;
        for i in 0..text.len() {
            let word_start = row == WORD_START;
            row = row_after(row, text[i]);
            let mut delay_tried = false;
            // The patterns whose first byte is this one, in their order (a plain filter, kept
            // aside so that the debug build's corpus comparison takes minutes, not ten).
            for &index in &by_first_byte()[usize::from(text[i].to_ascii_lowercase())] {
                let (pattern, word_only, kind, value) = SCAN_PATTERNS[index];
                let p = pattern.as_bytes();
                if word_only && !word_start {
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
                        KeywordRule::Retry(..) | KeywordRule::Undelivered => {
                            m.retry_rule = m.retry_rule.min(value)
                        }
                    },
                    Kind::Lead if reply && m.delay.is_none() && !delay_tried => {
                        // The first lead that matches at a position decides there.
                        delay_tried = true;
                        m.delay = crate::explain::delay_after(&text[i + p.len()..]);
                    }
                    Kind::Provider => m.providers |= 1 << (value & 63),
                    Kind::Command => m.command = m.command.min(value),
                    Kind::Failure => m.failure = m.failure.min(value),
                    Kind::Verdict if reply => m.verdict = true,
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
        let last = run(START, text, |out, rest| report(&mut one, out, rest));
        let mut two = Matches::new();
        let split_last = run_cut(START, text, cut, &mut two, report);
        assert_eq!(
            (two, split_last.state, split_last.row & KEY_ROW),
            (one, last.state, last.row & KEY_ROW),
            "cut at {cut} of {:?}",
            String::from_utf8_lossy(text)
        );
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
                if ends_a_word(text[cut - 1]) {
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
    fn ascii_not_alphanumeric_marks_exactly_the_bytes_that_end_a_word() {
        for byte in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[at] = byte;
                let mask = ascii_not_alphanumeric(u64::from_le_bytes(bytes));
                let expected = if ends_a_word(byte) { 0x80u64 << (8 * at) } else { 0 };
                assert_eq!(mask, expected, "{byte} at {at}");
            }
        }
    }

    #[test]
    fn the_tables_are_consistent() {
        for byte in 0..=255u8 {
            let class = SCAN_CLASSES[usize::from(byte)];
            assert_eq!(class, SCAN_CLASSES[usize::from(byte.to_ascii_lowercase())]);
            for row in [IN_WORD, WORD_START, IN_LETTER] {
                // The bytes of a class end in the same row.
                assert_eq!(row_after(row, byte), row_after(row, first_byte_of(class)), "{byte}");
            }
        }
    }

    /// The first byte of a class.
    fn first_byte_of(class: u8) -> u8 {
        (0..=255u8).find(|&b| SCAN_CLASSES[usize::from(b)] == class).unwrap()
    }

    #[test]
    fn the_tables_stay_small() {
        // Three dense rows, the packed exceptions and the outputs: a dense table of every state
        // would be ten times larger. Pinned so that growth is a decision: the mail clients'
        // excerpts took it from 285 to 430 KB (their states packed last; about 1% on a scan), the
        // twelfth round's platform socket words and servers' words in other languages to 494 KiB;
        // the thirteenth round's rows carried beside the states (their bases pack densely) and
        // two-byte letters inside words (fewer exceptions) took it down to 442 KiB, and its
        // phrases in Cyrillic, Greek, Hebrew, Arabic and Persian (680 patterns with their
        // capitalized forms, packed after the states a text in English reaches) and the words of
        // an undelivered report up to 538 KiB; the fourteenth round's phrases and the verdicts on a
        // named address to 540 KiB.
        let bytes = core::mem::size_of_val(&SCAN_CLASSES)
            + core::mem::size_of_val(&SCAN_ROWS)
            + core::mem::size_of_val(&BYTES)
            + core::mem::size_of_val(&SCAN_SLOTS)
            + core::mem::size_of_val(&crate::generated::SCAN_OUTPUTS);
        assert!(bytes < 560 * 1024, "the scanner's tables take {bytes} bytes");
    }

    #[test]
    fn every_state_has_one_row_and_its_slots_in_the_table() {
        // Every state a scan can reach, from the start over every class: its slots (and its
        // output's) are in the table, its output flag is what its slots say, and it is always
        // reached in the same row (the row is carried beside the state, so the generator's
        // states must tell the rows apart), the one `row_after` gives.
        let classes: Vec<u8> = (0..SCAN_CLASS_COUNT as u8).map(first_byte_of).collect();
        let mut rows: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
        rows.insert(START.state, START.row);
        let mut queue = std::vec![START];
        while let Some(at) = queue.pop() {
            assert!(at.state as usize + 255 < SCAN_SLOTS.len());
            let held = SCAN_SLOTS[at.state as usize + SCAN_CLASS_COUNT] >> SCAN_CHECK_SHIFT;
            assert_eq!(at.state & SCAN_OUTPUT_FLAG != 0, held as usize == SCAN_CLASS_COUNT + 1);
            for &byte in &classes {
                let next = step(at, byte);
                let row = next.row & KEY_ROW;
                assert_eq!(row, row_after(at.row >> 8 & 3, byte) << 8);
                match rows.entry(next.state) {
                    std::collections::hash_map::Entry::Occupied(seen) => assert_eq!(*seen.get(), row),
                    std::collections::hash_map::Entry::Vacant(new) => {
                        new.insert(row);
                        queue.push(At { state: next.state, row });
                    }
                }
            }
        }
        for row in &SCAN_ROWS {
            assert!(row.iter().all(|state| rows.contains_key(state)));
        }
        for (index, &slot) in SCAN_SLOTS.iter().enumerate() {
            let check = (slot >> SCAN_CHECK_SHIFT) as usize;
            assert!(check <= SCAN_CLASS_COUNT + 1 && index >= check.saturating_sub(1));
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
