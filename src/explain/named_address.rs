//! A verdict said of an address named between the words: `User <benny> unknown`, `Recipient
//! <user@example.com> not found`, `Local User [user@example.com] not found.`, `Mailbox ( x )
//! does not exist`. The phrases of `data/explain.toml` hold the subject and the verdict side by
//! side ("user unknown"); a server that puts the address between them says the same thing.
//!
//! The subjects and verdicts are `[named_address]` in `data/explain.toml`. Read only where the
//! scanner found no words that name a reason (or only vague ones) and flagged a verdict in its
//! one pass, so a text without one costs nothing more.

use crate::explain::Reason;
use crate::explain::keywords::starts_with_lower;
use crate::generated::{NAMED_SUBJECTS, NAMED_VERDICTS};

/// The longest address (with its brackets) read between a subject and its verdict: RFC 5321's
/// path limit.
const ADDRESS_MAX: usize = 256;

/// The reason a verdict on a named address gives in `segment`, if it holds one: a subject
/// ([`NAMED_SUBJECTS`]) at a word start, one space, the address (in `<>`, `()`, `[]` or quotes,
/// or a word with an `@`), one space, a verdict ([`NAMED_VERDICTS`]) that ends a word.
pub(crate) fn verdict_on_address(segment: &[u8]) -> Option<Reason> {
    let mut i = 0;
    while i < segment.len() {
        let word_start = i == 0 || !segment[i - 1].is_ascii_alphanumeric();
        if word_start {
            if let Some(reason) = NAMED_SUBJECTS.iter().find_map(|&(subject, reason)| {
                let text = &segment[i..];
                let rest = text.get(subject.len()..).filter(|_| starts_with_lower(text, subject))?;
                let rest = rest.strip_prefix(b" ")?;
                let rest = &rest[address_len(rest)?..];
                let rest = rest.strip_prefix(b" ")?;
                NAMED_VERDICTS.iter().any(|verdict| ends_word(rest, verdict)).then_some(reason)
            }) {
                return Some(reason);
            }
        }
        i += 1;
    }
    None
}

/// How many bytes of `text` an address takes: one in brackets or quotes up to its closing one,
/// or a word (up to a space) holding an `@`; none if `text` does not begin with one.
fn address_len(text: &[u8]) -> Option<usize> {
    let window = &text[..text.len().min(ADDRESS_MAX)];
    let close = match window.first()? {
        b'<' => b'>',
        b'(' => b')',
        b'[' => b']',
        b'"' => b'"',
        b'\'' => b'\'',
        _ => {
            let word = window.iter().position(|&b| b == b' ').unwrap_or(window.len());
            return window[..word].contains(&b'@').then_some(word);
        }
    };
    let end = window[1..].iter().position(|&b| b == close)?;
    // At least one byte inside: "User <> unknown" names no address.
    (end > 0).then_some(end + 2)
}

/// Whether `text` begins with `word` (lowercase, as the generator checks; `text` in any ASCII
/// case) and the word ends there.
fn ends_word(text: &[u8], word: &[u8]) -> bool {
    starts_with_lower(text, word) && text.get(word.len()).is_none_or(|b| !b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verdict_on_an_address_between_the_words() {
        let cases: [(&str, Option<Reason>); 14] = [
            ("User <benny> unknown", Some(Reason::MailboxUnknown)),
            ("User (user@example.com) unknown.", Some(Reason::MailboxUnknown)),
            ("Local User [user@example.com] not found.", Some(Reason::MailboxUnknown)),
            ("Mailbox ( user@example.com ) not found or inactivated", Some(Reason::MailboxUnknown)),
            ("Recipient user@example.com does not exist here", Some(Reason::MailboxUnknown)),
            ("Account 'jdoe' is unknown", Some(Reason::MailboxUnknown)),
            ("Sender <a@example.org> not found", Some(Reason::SenderRejected)),
            ("Sender address <a@example.org> unknown", Some(Reason::SenderRejected)),
            // No address between: the phrases' job, not this one's.
            ("User unknown", None),
            // A word without an `@` is not an address.
            ("User benny unknown", None),
            // The verdict must end a word, and come right after the address.
            ("User <benny> unknownish", None),
            ("User <benny> has unknown settings", None),
            // An empty pair of brackets names nothing; an unclosed one is not read.
            ("User <> unknown", None),
            ("User <benny unknown", None),
        ];
        for (text, reason) in cases {
            assert_eq!(verdict_on_address(text.as_bytes()), reason, "{text:?}");
        }
    }

    #[test]
    fn the_subject_must_begin_a_word() {
        assert_eq!(verdict_on_address(b"Superuser <root> unknown"), None);
        assert_eq!(verdict_on_address(b"5.1.1 user <root> unknown"), Some(Reason::MailboxUnknown));
    }
}
