//! The SMTP command a diagnostic says the remote server was answering.

use crate::Command;

use super::plain::lower_has_any;

/// Reads the command stage from a diagnostic: Postfix `(in reply to RCPT TO command)`, Exim
/// `after RCPT TO:` / `after end of data`, Yahoo `[RCPT_TO]`, qmail `RCPT TO response`,
/// DragonFly `did not like our final DATA`, x3 `SMTP:RCPT`, m-FILTER's `SMTP command` section.
pub(crate) fn command(text: &str) -> Option<Command> {
    command_in(text, &text.to_ascii_lowercase())
}

/// [`command`], with the text lowercased (ASCII letters) by the caller.
pub(crate) fn command_in(text: &str, lower: &str) -> Option<Command> {
    debug_assert_eq!(text.len(), lower.len());
    if lower_has_any(
        lower,
        &[
            "end of data",
            "final data",
            "after data",
            "after sending the message",
            "failed after i sent the message",
            "after i sent the message",
        ],
    ) {
        return Some(Command::EndOfData);
    }
    // qmail: "Connected to 192.0.2.1 but sender was rejected."
    if lower_has_any(lower, &["sender was rejected", "sender address rejected"]) {
        return Some(Command::Mail);
    }
    // One pass: the first place a command word stands (each word starts with its own letter,
    // so the earliest valid occurrence of any word is the one found first). Only capitals from
    // A to S can start one; they are found eight bytes at a time.
    let bytes = text.as_bytes();
    for at in (0..bytes.len()).step_by(8) {
        let mut capitals = crate::swar::bytes_between(crate::swar::load(bytes, at), b'A', b'S');
        while capitals != 0 {
            let pos = at + crate::swar::first(capitals);
            capitals &= capitals - 1;
            let (word, cmd): (&[u8], Command) = match bytes.get(pos) {
                Some(b'R') => (b"RCPT", Command::Rcpt),
                Some(b'M') => (b"MAIL", Command::Mail),
                Some(b'D') => (b"DATA", Command::Data),
                Some(b'E') => (b"EHLO", Command::Ehlo),
                Some(b'H') => (b"HELO", Command::Helo),
                Some(b'S') => (b"STARTTLS", Command::StartTls),
                Some(b'A') => (b"AUTH", Command::Auth),
                Some(b'B') => (b"BDAT", Command::Bdat),
                _ => continue,
            };
            if !bytes[pos..].starts_with(word) {
                continue;
            }
            let before_ok = pos == 0 || !bytes[pos - 1].is_ascii_alphanumeric();
            let after = bytes.get(pos + word.len()).copied();
            let after_ok =
                !after.is_some_and(|b| b.is_ascii_alphanumeric()) || word == b"RCPT" || word == b"MAIL";
            // Upper case only: "mail" and "data" are ordinary words in prose.
            if before_ok && after_ok && (word == b"RCPT" || after != Some(b'-')) {
                return Some(cmd);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte reading the capital search replaced.
    fn first_word(text: &str) -> Option<Command> {
        let bytes = text.as_bytes();
        for (pos, &b) in bytes.iter().enumerate() {
            let (word, cmd): (&[u8], Command) = match b {
                b'R' => (b"RCPT", Command::Rcpt),
                b'M' => (b"MAIL", Command::Mail),
                b'D' => (b"DATA", Command::Data),
                b'E' => (b"EHLO", Command::Ehlo),
                b'H' => (b"HELO", Command::Helo),
                b'S' => (b"STARTTLS", Command::StartTls),
                b'A' => (b"AUTH", Command::Auth),
                b'B' => (b"BDAT", Command::Bdat),
                _ => continue,
            };
            if !bytes[pos..].starts_with(word) {
                continue;
            }
            let before_ok = pos == 0 || !bytes[pos - 1].is_ascii_alphanumeric();
            let after = bytes.get(pos + word.len()).copied();
            let after_ok =
                !after.is_some_and(|b| b.is_ascii_alphanumeric()) || word == b"RCPT" || word == b"MAIL";
            if before_ok && after_ok && (word == b"RCPT" || after != Some(b'-')) {
                return Some(cmd);
            }
        }
        None
    }

    #[test]
    fn command_words_as_read_byte_by_byte() {
        let words =
            ["RCPT", "MAIL", "DATA", "EHLO", "HELO", "STARTTLS", "AUTH", "BDAT", "RCP", "XDATA", "DATA-"];
        let fill = ["", " ", "x", "é", "TO", ":", "5", "\n", "ABCDEFGHIJKLMNOPQRS"];
        for a in words {
            for b in words {
                for f in fill {
                    for g in fill {
                        let text = format!("{f}{a}{g}{b}{f}{g}");
                        assert_eq!(command(&text), command_phrases_or(&text, first_word(&text)), "{text}");
                    }
                }
            }
        }
    }

    /// What `command` answers when the phrases say nothing: `word`.
    fn command_phrases_or(text: &str, word: Option<Command>) -> Option<Command> {
        let lower = text.to_ascii_lowercase();
        if [
            "end of data",
            "final data",
            "after data",
            "after sending the message",
            "after i sent the message",
        ]
        .iter()
        .any(|p| lower.contains(p))
        {
            return Some(Command::EndOfData);
        }
        if lower.contains("sender was rejected") || lower.contains("sender address rejected") {
            return Some(Command::Mail);
        }
        word
    }

    #[test]
    fn stages() {
        assert_eq!(command("host x said: 550 5.1.1 no (in reply to RCPT TO command)"), Some(Command::Rcpt));
        assert_eq!(command("550 5.1.1 User Unknown [RCPT_TO]"), Some(Command::Rcpt));
        assert_eq!(
            command("SMTP error from remote mail server after end of data:"),
            Some(Command::EndOfData)
        );
        assert_eq!(
            command("SMTP error from remote mail server after MAIL FROM:<a@b.c> SIZE=1:"),
            Some(Command::Mail)
        );
        assert_eq!(command("the mail data was fine"), None);
    }
}
