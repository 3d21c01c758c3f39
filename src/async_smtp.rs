//! Explain [`async_smtp`] 0.10 SMTP errors (feature `async-smtp`).
//!
//! async-smtp reports a failed send as one [`async_smtp::error::Error`]. A server reply comes as
//! `Transient(Response)` (4xx) or `Permanent(Response)` (5xx), whose `Response` keeps the code and
//! the text **lines** (`Vec<String>`), each still starting with the enhanced status code; its
//! `Display` joins them with `"; "`. [`explain`] (or the [`Explain`] trait's `error.explain()`)
//! joins the lines with spaces, keeps the enhanced code once and explains the reply as
//! [`explain`](crate::explain()) does a raw one; every other variant gets its [`Failure`].
//!
//! async-smtp does not connect by itself: the application opens the TCP (and TLS) stream, and its
//! errors become `Error::Io` and `Error::Timeout` through `?` (`From<std::io::Error>`,
//! `From<tokio::time::error::Elapsed>`), as in the example below.
//!
//! | `async_smtp::error::Error` | explained as | proven on loopback by `tests/async_smtp.rs` |
//! |---|---|---|
//! | `Transient` | the reply | 421, 451, 452 |
//! | `Permanent` | the reply | 530, 535, 550 5.1.1 (three lines), 550 5.7.60 |
//! | `Io` | by its kind and words | refused, closed without a word, untrusted certificate (STARTTLS and implicit TLS) |
//! | `Timeout` | [`Failure::Timeout`] | silent server |
//! | `Client` | STARTTLS not offered: [`Failure::TlsUnavailable`]; a challenge it cannot answer: [`Failure::BadResponse`]; else [`Failure::Client`] | STARTTLS not offered, unrecognized `AUTH LOGIN` challenge |
//! | `Parsing` | [`Failure::BadResponse`] | an SSH banner |
//! | `ChallengeParsing` | [`Failure::BadResponse`] | an `AUTH LOGIN` challenge that is not base64 |
//! | `ResponseParsing`, `Utf8Parsing` | [`Failure::BadResponse`] | not provoked, see below |
//! | `AddrParseError` | [`Failure::Client`] | an IP address setting that does not parse |
//! | `Resolution` | by its words: [`Failure::HostNotFound`] | not provoked: async-smtp 0.10 never returns it |
//!
//! `ResponseParsing` comes from an `EHLO` reply with no server name, a `334` with no challenge or
//! more than ten challenges; `Utf8Parsing` from a base64 challenge that is not UTF-8. The test
//! server cannot send those (aiosmtpd always names itself and encodes its challenges), so they are
//! covered by unit tests only.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use std::time::Duration;
//!
//! use async_smtp::{Envelope, SendableEmail, SmtpClient, SmtpTransport};
//! use smtp_codes::{Context, Explain, Locale};
//! use tokio::io::BufStream;
//! use tokio::net::TcpStream;
//!
//! async fn send(email: SendableEmail) -> Result<(), async_smtp::error::Error> {
//!     let limit = Duration::from_secs(20);
//!     let stream = tokio::time::timeout(limit, TcpStream::connect("mx.example.net:25")).await??;
//!     let mut transport = tokio::time::timeout(limit, SmtpTransport::new(SmtpClient::new(), BufStream::new(stream))).await??;
//!     transport.send(email).await?;
//!     Ok(())
//! }
//!
//! let email = SendableEmail::new(
//!     Envelope::new(Some("alice@example.org".parse()?), vec!["bob@example.net".parse()?])?,
//!     "Subject: Hi\r\n\r\nHello.\r\n",
//! );
//! if let Err(error) = send(email).await {
//!     // This client delivers to the recipient's own server.
//!     let why = error.explain_with(&Context::mx("mx.example.net"));
//!     eprintln!("{}", why.render(Locale::En));
//!     eprintln!("({error})"); // async-smtp's own text, for the log
//! }
//! # Ok(())
//! # }
//! ```

use ::async_smtp::error::Error as AsyncSmtpError;
use ::async_smtp::response::Response;

use crate::client::{classify_chain, normalize_reply_text};
use crate::{Context, Explain, Explanation, Failure};

/// Explains any async-smtp error: a server reply or a failure with no reply.
///
/// ```
/// use async_smtp::error::Error;
/// use smtp_codes::{Failure, Reason, Retry};
///
/// let reply: async_smtp::response::Response =
///     "550-5.1.1 No such user here\r\n550 5.1.1 Check the address\r\n".parse().unwrap();
/// let why = smtp_codes::async_smtp::explain(&Error::from(reply));
/// assert_eq!((why.code(), why.reason(), why.retry()), (Some(550), Reason::MailboxUnknown, Retry::Never));
///
/// let why = smtp_codes::async_smtp::explain(&Error::Client("server does not support STARTTLS"));
/// assert_eq!((why.failure(), why.reason()), (Some(Failure::TlsUnavailable), Reason::TlsRequired));
/// ```
pub fn explain(error: &AsyncSmtpError) -> Explanation {
    explain_with(error, &Context::UNKNOWN)
}

/// [`explain`] with what the client knows: the server's role, its host name, the command.
pub fn explain_with(error: &AsyncSmtpError, context: &Context<'_>) -> Explanation {
    let failure = match error {
        AsyncSmtpError::Transient(reply) | AsyncSmtpError::Permanent(reply) => {
            return explain_reply(reply, context)
                .unwrap_or_else(|| Explanation::from_failure_with(Failure::BadResponse, context));
        }
        // End of file before a complete reply: async-smtp's own "incomplete" io error.
        AsyncSmtpError::Io(io_error)
            if io_error.kind() == std::io::ErrorKind::Other && io_error.to_string() == "incomplete" =>
        {
            Failure::Closed
        }
        AsyncSmtpError::Io(io_error) => classify_chain(io_error, Failure::Network),
        AsyncSmtpError::Timeout(_) => Failure::Timeout,
        AsyncSmtpError::Client(text) => {
            let text = text.to_ascii_lowercase();
            if text.contains("starttls") {
                Failure::TlsUnavailable
            } else if text.contains("challenge") || text.contains("unknown error code") {
                Failure::BadResponse
            } else {
                Failure::Client
            }
        }
        AsyncSmtpError::Parsing(_)
        | AsyncSmtpError::ResponseParsing(_)
        | AsyncSmtpError::ChallengeParsing(_)
        | AsyncSmtpError::Utf8Parsing(_) => Failure::BadResponse,
        AsyncSmtpError::AddrParseError(_) => Failure::Client,
        AsyncSmtpError::Resolution => classify_chain(error, Failure::HostNotFound),
    };
    Explanation::from_failure_with(failure, context)
}

impl Explain for AsyncSmtpError {
    fn explain_with(&self, context: &Context<'_>) -> Explanation {
        explain_with(self, context)
    }
}

/// Explains an async-smtp reply: its lines joined by spaces, the enhanced code kept once.
fn explain_reply(reply: &Response, context: &Context<'_>) -> Option<Explanation> {
    let code: u16 = reply.code.to_string().parse().ok()?;
    let text = normalize_reply_text(&reply.message.join(" "));
    Explanation::from_parts_with(code, None, &text, context)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Reason;

    fn explain_str(reply: &str) -> Explanation {
        let reply: Response = reply.parse().expect("a reply");
        explain(&AsyncSmtpError::from(reply))
    }

    #[test]
    fn lines_are_joined_and_the_enhanced_code_kept_once() {
        let why = explain_str(
            "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n\
             550 5.1.1 double-checking the recipient's email address.\r\n",
        );
        assert_eq!((why.code(), why.reason()), (Some(550), Reason::MailboxUnknown));
        assert_eq!(why.enhanced().map(|e| e.to_string()).as_deref(), Some("5.1.1"));
        let why = explain_str("452 4.2.2 Mailbox full\r\n");
        assert_eq!((why.code(), why.reason()), (Some(452), Reason::MailboxFull));
    }

    #[test]
    fn errors_no_test_server_sends_are_explained() {
        let cases = [
            (AsyncSmtpError::ResponseParsing("Could not read server name"), Failure::BadResponse),
            (AsyncSmtpError::ResponseParsing("Unexpected number of challenges"), Failure::BadResponse),
            (AsyncSmtpError::Utf8Parsing(String::from_utf8(vec![0xff]).unwrap_err()), Failure::BadResponse),
            (AsyncSmtpError::Client("Unknown error code"), Failure::BadResponse),
            (AsyncSmtpError::Client("This mechanism does expect a challenge"), Failure::BadResponse),
            (AsyncSmtpError::Resolution, Failure::HostNotFound),
            (AsyncSmtpError::Io(std::io::Error::other("incomplete")), Failure::Closed),
        ];
        for (error, failure) in cases {
            assert_eq!(explain(&error).failure(), Some(failure), "{error}");
        }
    }
}
