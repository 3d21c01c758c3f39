//! A reply code that a mail client names in its own words: Evolution shows a reply that carried
//! no words of its own as its text for the code (`RCPT TO <x> gescheitert: Angeforderte Aktion
//! abgebrochen: Speicherzuteilung überschritten`, its German for 552), in any of its languages
//! (`[[code_text]]` and `[[step_prefix]]` in `data/clients.toml`).
//!
//! A text is read so only when it ends with such a text, whole: after a colon (ASCII,
//! full-width or Khmer) or as all of it, trimmed, without a final full stop, ignoring ASCII case. The
//! words before that colon may name the step that failed (`RCPT TO <%s> failed`).

use super::trim_spaces_end;
use crate::Command;
use crate::generated::{CODE_TEXT_ENDS, CODE_TEXT_MAX, CODE_TEXT_REPLIES, CODE_TEXTS, STEP_PREFIXES};
use crate::swar::{bytes_between, word_at};

/// A client's text for a reply code, found at the end of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CodeText {
    /// The reply code the text stands for.
    pub(crate) code: u16,
    /// The client's English words for that code.
    pub(crate) english: &'static str,
    /// The step that failed, when the words before the text name it.
    pub(crate) command: Option<Command>,
}

/// Keys shorter than this are refused by the generator: shorter words stand for no code.
const SHORTEST: usize = 8;

/// The client's text for a reply code that `text` ends with, if any: the longest such ending.
/// Not inlined: few texts come this far, and the caller's other paths keep their registers.
#[inline(never)]
pub(crate) fn find(text: &[u8]) -> Option<CodeText> {
    let text = trim_end(text);
    // Most texts end with bytes no code text ends with: a Bloom filter of 2 KiB decides (about
    // 1% pass by chance). A key of sixteen bytes or more is known by its last sixteen, a shorter
    // one by its last eight.
    let n = text.len();
    if n < SHORTEST {
        return None;
    }
    let known = |end: u64| {
        [end >> 50, end >> 36 & 0x3FFF, end >> 22 & 0x3FFF]
            .iter()
            .all(|&bit| CODE_TEXT_ENDS[bit as usize / 64 % CODE_TEXT_ENDS.len()] & 1 << (bit % 64) != 0)
    };
    let last = lowercase(word_at(text, n - 8));
    let long = n >= 16 && known(end(lowercase(word_at(text, n - 16)), last));
    if !long && !known(end_short(last)) {
        return None;
    }
    if let Some(index) = lookup(trim_start(text)) {
        return Some(reply(index, None));
    }
    // After each colon near enough to the end, from the first (the longest ending) on.
    let window = text.len().saturating_sub(CODE_TEXT_MAX + 4);
    let mut i = window;
    while i < text.len() {
        let colon = match text[i..] {
            [b':', ..] => Some(i + 1),
            // Full-width (Chinese, Japanese) and Khmer ("៖") colons.
            [0xEF, 0xBC, 0x9A, ..] | [0xE1, 0x9F, 0x96, ..] => Some(i + 3),
            _ => None,
        };
        if let Some(after) = colon {
            if let Some(index) = lookup(trim_start(&text[after..])) {
                return Some(reply(index, step(&text[..i])));
            }
        }
        i += 1;
    }
    None
}

/// The hash of a text's last sixteen bytes (ASCII lowercased, as two little-endian words) whose
/// three 14-bit slices are looked up in `CODE_TEXT_ENDS` (the generator sets them for every key).
fn end(before_last: u64, last: u64) -> u64 {
    (before_last.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ last).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
}

/// [`end`] for a key shorter than sixteen bytes, by its last eight.
fn end_short(last: u64) -> u64 {
    last.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// `word` with its ASCII capitals lowercased (bit 0x20 set in each byte from `A` to `Z`).
fn lowercase(word: u64) -> u64 {
    word | bytes_between(word, b'A', b'Z') >> 2
}

/// The code text at `index` of `CODE_TEXT_REPLIES`, with the step the words before it name.
fn reply(index: u8, command: Option<Command>) -> CodeText {
    let (code, english) = CODE_TEXT_REPLIES[usize::from(index)];
    CodeText { code, english, command }
}

/// The index of the code text `words` is (its ASCII lowercased, in a buffer of its own).
fn lookup(words: &[u8]) -> Option<u8> {
    if words.len() < SHORTEST || words.len() > CODE_TEXT_MAX {
        return None;
    }
    let mut key = [0u8; CODE_TEXT_MAX];
    let key = &mut key[..words.len()];
    key.copy_from_slice(words);
    key.make_ascii_lowercase();
    CODE_TEXTS.get(&*key).copied()
}

/// The step that the words before a code text's colon name (`RCPT TO <x> failed`).
fn step(before: &[u8]) -> Option<Command> {
    let before = trim_spaces_end(before);
    let last = before.last()?.to_ascii_lowercase();
    STEP_PREFIXES.iter().find_map(|&(head, tail, command)| {
        // The last byte first: it tells most prefixes apart.
        if tail.last().is_some_and(|&byte| byte != last) {
            return None;
        }
        let rest = before.len().checked_sub(tail.len())?;
        if !before[rest..].eq_ignore_ascii_case(tail) {
            return None;
        }
        let named =
            head.is_empty() || before[..rest].windows(head.len()).any(|w| w.eq_ignore_ascii_case(head));
        named.then_some(command)
    })
}

/// `text` without the spaces, full stops (ASCII or ideographic) that end it.
fn trim_end(mut text: &[u8]) -> &[u8] {
    loop {
        text = trim_spaces_end(text);
        match text {
            [rest @ .., b'.'] => text = rest,
            [rest @ .., 0xE3, 0x80, 0x82] => text = rest,
            _ => return text,
        }
    }
}

/// `text` without the spaces that begin it: ASCII ones, no-break spaces (U+00A0, U+202F).
fn trim_start(mut text: &[u8]) -> &[u8] {
    loop {
        match text {
            [b' ' | b'\t' | b'\r' | b'\n', rest @ ..] => text = rest,
            [0xC2, 0xA0, rest @ ..] => text = rest,
            [0xE2, 0x80, 0xAF, rest @ ..] => text = rest,
            _ => return text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_text_after_a_step_names_its_code_and_step() {
        let found = find("RCPT TO <user@example.com> gescheitert: Angeforderte Aktion abgebrochen: Speicherzuteilung überschritten".as_bytes());
        assert_eq!(
            found,
            Some(CodeText {
                code: 552,
                english: "Requested mail action aborted: exceeded storage allocation",
                command: Some(Command::Rcpt)
            })
        );
    }

    #[test]
    fn a_code_text_alone_or_with_a_full_stop_is_read_without_a_step() {
        let found = find(b"  transaction failed.\n").map(|f| (f.code, f.command));
        assert_eq!(found, Some((554, None)));
        let found =
            find("问候应答错误：服务不可用，正在关闭传输通道".as_bytes()).map(|f| (f.code, f.command));
        assert_eq!(found, Some((421, Some(Command::Connect))));
    }

    #[test]
    fn other_endings_are_no_code_text() {
        for text in [
            "",
            "x",
            "Transaction failed because of spam",
            "RCPT TO <user@example.com> failed: mailbox unavailable",
            "The command failed: Authentication",
        ] {
            assert_eq!(find(text.as_bytes()), None, "{text}");
        }
    }
}
