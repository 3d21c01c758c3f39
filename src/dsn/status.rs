//! An enhanced status code an MTA states in its own words, outside any SMTP reply: qmail's
//! `(#5.1.1)`, a line that starts with the code (`5.1.1 <bob@…>... User Unknown`,
//! `-- 5.4.1 Recipient address rejected`), or a labelled one (`ERROR_CODE :5.1.1`).

use crate::EnhancedCode;

/// The first stated enhanced code in the text, if any.
pub(crate) fn stated(text: &str) -> Option<EnhancedCode> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'2' | b'4' | b'5') {
            continue;
        }
        // What comes before: a line start (after bullets and spaces), '#', or ':'.
        let before = bytes[..i].iter().rev().find(|c| !matches!(c, b' ' | b'\t' | b'-' | b'*'));
        if !matches!(before, None | Some(b'\n' | b'#' | b':' | b'(')) {
            continue;
        }
        if let Some((code, used)) = EnhancedCode::parse_prefix(&bytes[i..]) {
            if !bytes.get(i + used).is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
                return Some(code);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_codes() {
        let s = |t: &str| stated(t).map(|c| c.to_string());
        assert_eq!(s("Sorry, no mailbox here by that name. (#5.1.1)").as_deref(), Some("5.1.1"));
        assert_eq!(s("host: mx\n5.1.1 <a@b.c>... User Unknown").as_deref(), Some("5.1.1"));
        assert_eq!(s("-- 5.4.1 Recipient address rejected").as_deref(), Some("5.4.1"));
        assert_eq!(
            s("Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <a@b.c>").as_deref(),
            Some("5.1.1")
        );
        assert_eq!(s("version 5.1.1 released"), None);
        assert_eq!(s("at 192.0.2.1: 5.1.1.1"), None);
    }
}
