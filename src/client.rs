//! What every client integration shares: the [`Explain`] trait, the classification of
//! failures with no reply, and the normalization of the reply texts clients hand over.

use std::error::Error as StdError;
use std::io;

use crate::{Context, Explanation, Failure};

/// Explains a client's error as an [`Explanation`]: `error.explain()`.
///
/// Implemented for the SMTP errors of lettre (feature `lettre`), mail-send (feature
/// `mail-send`) and async-smtp (feature `async-smtp`). Whatever the client, the result is the
/// same type: a server reply's explanation ([`Explanation::code`] is `Some`) or a failure with
/// no reply ([`Explanation::failure`] is `Some`), with the same accessors.
///
/// ```
/// use smtp_codes::{Context, Explain, Explanation, Failure};
///
/// // Any error type of yours can join in.
/// struct MyError;
/// impl Explain for MyError {
///     fn explain_with(&self, context: &Context<'_>) -> Explanation {
///         Explanation::from_failure_with(Failure::Timeout, context)
///     }
/// }
/// assert_eq!(MyError.explain().failure(), Some(Failure::Timeout));
/// ```
pub trait Explain {
    /// What went wrong, whether to retry, who must act and what to do.
    fn explain(&self) -> Explanation {
        self.explain_with(&Context::UNKNOWN)
    }

    /// [`explain`](Self::explain) with what the client knows: the server's role, its host name,
    /// the command the reply answered.
    fn explain_with(&self, context: &Context<'_>) -> Explanation;
}

/// The failure an error with no SMTP reply stands for: by the first `std::io::Error` in its
/// source chain, then by the words of the whole chain, else `fallback`.
#[cfg_attr(not(any(feature = "lettre", feature = "mail-send", feature = "async-smtp")), allow(dead_code))]
pub(crate) fn classify_chain(error: &(dyn StdError + 'static), fallback: Failure) -> Failure {
    let mut source: Option<&(dyn StdError + 'static)> = Some(error);
    let mut io_failure = None;
    while let Some(err) = source {
        if let Some(io_error) = err.downcast_ref::<io::Error>() {
            io_failure = io_kind_failure(io_error.kind());
            if io_failure.is_some() {
                break;
            }
        }
        source = err.source();
    }
    let words = crate::explain::find_failure(chain_text(error).as_bytes());
    more_precise(words, io_failure).unwrap_or(fallback)
}

/// What the words say where they are more precise than the io error's kind (a DNS or TLS
/// failure inside an `Other` or `InvalidData` io error), the kind otherwise, else the words.
fn more_precise(words: Option<Failure>, kind: Option<Failure>) -> Option<Failure> {
    match words {
        Some(Failure::HostNotFound | Failure::DnsUnavailable | Failure::Tls | Failure::TlsUnavailable) => {
            words
        }
        _ => kind.or(words),
    }
}

#[cfg_attr(not(any(feature = "lettre", feature = "mail-send", feature = "async-smtp")), allow(dead_code))]
fn io_kind_failure(kind: io::ErrorKind) -> Option<Failure> {
    use io::ErrorKind;
    match kind {
        // On Unix a read that times out on a blocking socket reports `WouldBlock` (EAGAIN).
        ErrorKind::TimedOut | ErrorKind::WouldBlock => Some(Failure::Timeout),
        ErrorKind::ConnectionRefused => Some(Failure::ConnectionRefused),
        ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::BrokenPipe
        | ErrorKind::UnexpectedEof => Some(Failure::Closed),
        ErrorKind::NotConnected | ErrorKind::AddrNotAvailable => Some(Failure::Network),
        _ => None,
    }
}

impl Failure {
    /// The failure an operating system error stands for, by its kind or its words.
    ///
    /// ```
    /// use std::io;
    /// use smtp_codes::Failure;
    /// let refused = io::Error::from(io::ErrorKind::ConnectionRefused);
    /// assert_eq!(Failure::from_io_error(&refused), Some(Failure::ConnectionRefused));
    /// let offline = io::Error::other("failed to lookup address information: Temporary failure in name resolution");
    /// assert_eq!(Failure::from_io_error(&offline), Some(Failure::DnsUnavailable));
    /// ```
    pub fn from_io_error(error: &io::Error) -> Option<Failure> {
        more_precise(
            crate::explain::find_failure(error.to_string().as_bytes()),
            io_kind_failure(error.kind()),
        )
    }
}

/// The error's text and the texts of its sources, lower-cased, joined by `" | "`.
#[cfg_attr(not(any(feature = "lettre", feature = "mail-send", feature = "async-smtp")), allow(dead_code))]
pub(crate) fn chain_text(error: &(dyn StdError + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(err) = source {
        text.push_str(" | ");
        text.push_str(&err.to_string());
        source = err.source();
    }
    text.to_lowercase()
}

/// Drops the repetitions of the leading enhanced code (`5.1.1 one5.1.1 two` →
/// `5.1.1 one two`) and collapses runs of white space.
#[cfg_attr(not(any(feature = "lettre", feature = "mail-send", feature = "async-smtp")), allow(dead_code))]
pub(crate) fn normalize_reply_text(raw: &str) -> String {
    let text = raw.trim();
    let bytes = text.as_bytes();
    let literal = match crate::EnhancedCode::parse_prefix(bytes) {
        Some((_, used)) if matches!(bytes.get(used), None | Some(b' ' | b'\t')) => &text[..used],
        _ => "",
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    if !literal.is_empty() {
        out.push_str(literal);
        rest = &text[literal.len()..];
        while let Some(at) = find_repeated(rest, literal) {
            out.push_str(&rest[..at]);
            out.push(' ');
            rest = &rest[at + literal.len()..];
        }
    }
    out.push_str(rest);
    collapse_spaces(&out)
}

/// The next place `literal` stands on its own in `text`: not after a digit or a dot, and
/// followed by white space or the end.
#[cfg_attr(not(any(feature = "lettre", feature = "mail-send", feature = "async-smtp")), allow(dead_code))]
fn find_repeated(text: &str, literal: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find(literal) {
        let at = from + found;
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + literal.len()).copied();
        if !matches!(before, Some(b'0'..=b'9')) && matches!(after, None | Some(b' ' | b'\t' | b'\r' | b'\n'))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg_attr(not(any(feature = "lettre", feature = "mail-send", feature = "async-smtp")), allow(dead_code))]
pub(crate) fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Reason;

    #[test]
    fn joined_reply_text_is_kept() {
        // lettre 0.11.23: lines joined by spaces, the repeated enhanced code stripped.
        let text = "5.1.1 The email account that you tried to reach does not exist. Please try \
                    double-checking the recipient's email address.";
        assert_eq!(normalize_reply_text(text), collapse_spaces(text));
    }

    #[test]
    fn glued_reply_text_is_split() {
        // Earlier lettre 0.11 releases: lines glued together, each starting with the enhanced code.
        let glued = "5.1.1 The email account that you tried to reach does not exist. Please try5.1.1 \
                     double-checking the recipient's email address.5.1.1 https://support.google.com/mail/?p=NoSuchUser";
        assert_eq!(
            normalize_reply_text(glued),
            "5.1.1 The email account that you tried to reach does not exist. Please try \
             double-checking the recipient's email address. https://support.google.com/mail/?p=NoSuchUser"
        );
        let e = Explanation::from_parts(550, None, &normalize_reply_text(glued)).unwrap();
        assert_eq!(e.reason(), Reason::MailboxUnknown);
        assert_eq!(e.enhanced().map(|c| c.to_string()), Some("5.1.1".to_owned()));
    }

    #[test]
    fn numbers_that_only_look_like_the_code_stay() {
        assert_eq!(
            normalize_reply_text("4.7.1 try again in 14.7.1 minutes"),
            "4.7.1 try again in 14.7.1 minutes"
        );
        assert_eq!(normalize_reply_text("4.7.1 see 4.7.10"), "4.7.1 see 4.7.10");
        assert_eq!(normalize_reply_text("Error: Too much mail data"), "Error: Too much mail data");
        assert_eq!(normalize_reply_text("  5.7.8  "), "5.7.8");
        assert_eq!(normalize_reply_text(""), "");
    }

    #[test]
    fn io_errors_classify_by_kind_and_words() {
        let kinds = [
            (io::ErrorKind::TimedOut, Failure::Timeout),
            (io::ErrorKind::ConnectionRefused, Failure::ConnectionRefused),
            (io::ErrorKind::ConnectionReset, Failure::Closed),
            (io::ErrorKind::UnexpectedEof, Failure::Closed),
        ];
        for (kind, failure) in kinds {
            assert_eq!(classify_chain(&io::Error::from(kind), Failure::Other), failure, "{kind:?}");
        }
        let nx = io::Error::other("failed to lookup address information: Name or service not known");
        assert_eq!(classify_chain(&nx, Failure::Other), Failure::HostNotFound);
        let offline =
            io::Error::other("failed to lookup address information: Temporary failure in name resolution");
        assert_eq!(classify_chain(&offline, Failure::Other), Failure::DnsUnavailable);
        assert_eq!(classify_chain(&io::Error::other("mystery"), Failure::Network), Failure::Network);
    }
}
