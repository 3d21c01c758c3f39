//! The SMTP command a diagnostic says the remote server was answering.

use crate::Command;

use super::plain::contains_any;

/// Reads the command stage from a diagnostic: Postfix `(in reply to RCPT TO command)`, Exim
/// `after RCPT TO:` / `after end of data`, Yahoo `[RCPT_TO]`, qmail `RCPT TO response`,
/// DragonFly `did not like our final DATA`, x3 `SMTP:RCPT`, m-FILTER's `SMTP command` section.
pub(crate) fn command(text: &str) -> Option<Command> {
    if contains_any(
        text,
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
    if contains_any(text, &["sender was rejected", "sender address rejected"]) {
        return Some(Command::Mail);
    }
    let bytes = text.as_bytes();
    let words: [(&[u8], Command); 8] = [
        (b"RCPT", Command::Rcpt),
        (b"MAIL", Command::Mail),
        (b"DATA", Command::Data),
        (b"EHLO", Command::Ehlo),
        (b"HELO", Command::Helo),
        (b"STARTTLS", Command::StartTls),
        (b"AUTH", Command::Auth),
        (b"BDAT", Command::Bdat),
    ];
    let mut best: Option<(usize, Command)> = None;
    for (word, cmd) in words {
        let mut from = 0;
        while let Some(pos) = find(&bytes[from..], word).map(|p| p + from) {
            let before_ok = pos == 0 || !bytes[pos - 1].is_ascii_alphanumeric();
            let after = bytes.get(pos + word.len()).copied();
            let after_ok =
                !after.is_some_and(|b| b.is_ascii_alphanumeric()) || word == b"RCPT" || word == b"MAIL";
            // Upper case only: "mail" and "data" are ordinary words in prose.
            if before_ok && after_ok && (word == b"RCPT" || after != Some(b'-')) {
                if best.is_none_or(|(p, _)| pos < p) {
                    best = Some((pos, cmd));
                }
                break;
            }
            from = pos + 1;
        }
    }
    best.map(|(_, cmd)| cmd)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

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
