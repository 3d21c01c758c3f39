//! Explain [`mail_send`] SMTP errors (feature `mail-send`; mail-send 0.5, 0.6 or 0.7).
//!
//! mail-send reports a failed send as one [`mail_send::Error`]. A server reply comes as
//! `UnexpectedReply(Response)` or, after every sign-in method failed, `AuthenticationFailed(Response)`,
//! whose smtp-proto `Response` keeps the code, the enhanced status code **apart** (`esc`, `[0, 0, 0]`
//! when the server gave none) and the text lines joined by `\n`, the enhanced code stripped from
//! each. [`explain`] (or the [`Explain`] trait's `error.explain()`) rebuilds the reply as the
//! server sent it and explains it as [`explain`](crate::explain()) does a raw reply; every other
//! variant gets its [`Failure`]:
//!
//! | `mail_send::Error` | explained as | proven on loopback by `tests/mail_send.rs` |
//! |---|---|---|
//! | `UnexpectedReply` (4xx, 5xx) | the reply | 421, 451, 452, 530, 550 5.1.1 (one line and three), 552, 550 5.7.60 |
//! | `AuthenticationFailed` | the reply, answering `AUTH` | 535 5.7.8, 454 4.7.0 |
//! | `Io` | by its kind and words: refused, closed, DNS, TLS | connection refused, unknown host |
//! | `Tls` | [`Failure::Tls`] | untrusted certificate (STARTTLS and implicit TLS), implicit TLS against a plain port |
//! | `Timeout` | [`Failure::Timeout`] | silent server, STARTTLS against an implicit-TLS port |
//! | `MissingStartTls` | [`Failure::TlsUnavailable`] | STARTTLS required, not offered |
//! | `UnsupportedAuthMechanism` | [`Failure::AuthUnavailable`] | AUTH not offered on a plain connection |
//! | `UnparseableReply` | [`Failure::BadResponse`] | an SSH banner; a server hanging up without a word |
//! | `Base64` | [`Failure::BadResponse`] | a sign-in challenge that is not base64 |
//! | `Auth` (invalid challenge) | [`Failure::BadResponse`] | an `AUTH LOGIN` challenge asking for neither user name nor password |
//! | `MissingRcptTo`, `MissingMailFrom` | [`Failure::Client`] | a message without recipients / sender |
//! | `InvalidTLSName` | [`Failure::Tls`] | not provoked: every name that reaches the TLS step resolved in DNS first, and such names are valid TLS names |
//! | `MissingCredentials` | [`Failure::Client`] | not provoked: only `send_signed` (DKIM, feature `dkim`) returns it, when signing fails, which involves no server |
//!
//! mail-send reads end of file and a reply it cannot parse alike (`UnparseableReply`): a server
//! that hangs up before replying is explained as an answer that is not SMTP. mail-send 0.5's
//! `connect_plain` bounds only the TCP connection by its timeout, not the greeting: a silent
//! server ends in `UnparseableReply` when it hangs up, not in `Timeout`.
//!
//! The dependency accepts mail-send 0.5, 0.6 and 0.7 (the same `Error` variants); the
//! repository's lock file pins 0.5.0, the newest release whose dependencies build on the crate's
//! minimum Rust 1.85 (0.5.1 and later need smtp-proto 0.2, which needs Rust 1.88; 0.7 also needs
//! encodify, Rust 1.89).
//!
//! ```no_run
//! # async fn send() {
//! use mail_send::SmtpClientBuilder;
//! use mail_send::smtp::message::Message;
//! use smtp_codes::{Context, Explain, Locale, Retry};
//!
//! let message = Message::new("alice@example.org", ["bob@example.net"], &b"Subject: Hi\r\n\r\nHello.\r\n"[..]);
//! let result = async {
//!     SmtpClientBuilder::new("smtp.example.org", 587)
//!         .implicit_tls(false)
//!         .credentials(("alice@example.org", "app-password"))
//!         .connect()
//!         .await?
//!         .send(message)
//!         .await
//! };
//! if let Err(error) = result.await {
//!     // The client knows it talks to its own submission server.
//!     let why = error.explain_with(&Context::submission("smtp.example.org"));
//!     eprintln!("{}", why.summary());
//!     eprintln!("{}", why.text(Locale::De).remedy()); // or in the user's language
//!     eprintln!("({error})"); // mail-send's own text, for the log
//!     if why.retry() == Retry::Later {
//!         // Queue the message and try again with backoff.
//!     }
//! }
//! # }
//! ```

use ::mail_send::Error as MailSendError;

use crate::client::{classify_chain, normalize_reply_text};
use crate::{Command, Context, EnhancedCode, Explain, Explanation, Failure};

/// Explains any mail-send error: a server reply or a failure with no reply.
///
/// ```
/// use smtp_codes::{Failure, Reason, Retry};
/// let why = smtp_codes::mail_send::explain(&mail_send::Error::MissingStartTls);
/// assert_eq!((why.failure(), why.reason()), (Some(Failure::TlsUnavailable), Reason::TlsRequired));
/// assert_eq!(why.retry(), Retry::AfterFix);
/// let why = smtp_codes::mail_send::explain(&mail_send::Error::Timeout);
/// assert_eq!((why.failure(), why.retry()), (Some(Failure::Timeout), Retry::Later));
/// ```
pub fn explain(error: &MailSendError) -> Explanation {
    explain_with(error, &Context::UNKNOWN)
}

/// [`explain`] with what the client knows: the server's role, its host name, the command.
///
/// An `AuthenticationFailed` reply answered `AUTH`: it is explained so unless the context names
/// another command.
///
/// ```
/// use smtp_codes::{Context, FixOwner, Reason};
/// let error = mail_send::Error::UnsupportedAuthMechanism;
/// let why = smtp_codes::mail_send::explain_with(&error, &Context::submission("smtp.example.org"));
/// assert_eq!(why.reason(), Reason::AuthMechanism);
/// assert_eq!(why.fix_owner(), FixOwner::SenderUser);
/// assert_eq!(why.bounce(), None);
/// ```
pub fn explain_with(error: &MailSendError, context: &Context<'_>) -> Explanation {
    let failure = match error {
        MailSendError::UnexpectedReply(reply) => {
            return explain_reply(reply.code, reply.esc, &reply.message, context)
                .unwrap_or_else(|| Explanation::from_failure_with(Failure::BadResponse, context));
        }
        MailSendError::AuthenticationFailed(reply) => {
            let context = match context.command {
                Some(_) => *context,
                None => context.with_command(Command::Auth),
            };
            return explain_reply(reply.code, reply.esc, &reply.message, &context)
                .unwrap_or_else(|| Explanation::from_failure_with(Failure::BadResponse, &context));
        }
        MailSendError::Io(io_error) => classify_chain(io_error, Failure::Network),
        MailSendError::Tls(_) | MailSendError::InvalidTLSName => Failure::Tls,
        MailSendError::MissingStartTls => Failure::TlsUnavailable,
        MailSendError::Timeout => Failure::Timeout,
        MailSendError::UnsupportedAuthMechanism => Failure::AuthUnavailable,
        // A sign-in challenge that is not base64, or not what the mechanism expects; and a reply
        // that does not parse (mail-send reports end of file the same way).
        MailSendError::Base64(_) | MailSendError::Auth(_) | MailSendError::UnparseableReply => {
            Failure::BadResponse
        }
        MailSendError::MissingCredentials | MailSendError::MissingMailFrom | MailSendError::MissingRcptTo => {
            Failure::Client
        }
    };
    Explanation::from_failure_with(failure, context)
}

impl Explain for MailSendError {
    fn explain_with(&self, context: &Context<'_>) -> Explanation {
        explain_with(self, context)
    }
}

/// Explains an smtp-proto reply: the enhanced code smtp-proto took out of the text goes back in
/// front of it, the lines are joined by spaces.
fn explain_reply(code: u16, esc: [u8; 3], message: &str, context: &Context<'_>) -> Option<Explanation> {
    let enhanced = match esc {
        [0, 0, 0] => None,
        [class, subject, detail] => EnhancedCode::new(class, subject.into(), detail.into()),
    };
    let text = match enhanced {
        Some(enhanced) => normalize_reply_text(&format!("{enhanced} {message}")),
        None => normalize_reply_text(message),
    };
    Explanation::from_parts_with(code, enhanced, &text, context)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Reason;

    #[test]
    fn smtp_proto_lines_are_rebuilt() {
        let lines = "The email account that you tried to reach does not exist. Please try\n\
                     double-checking the recipient's email address.";
        let why = explain_reply(550, [5, 1, 1], lines, &Context::UNKNOWN).expect("a reply");
        assert_eq!(why.reason(), Reason::MailboxUnknown);
        assert_eq!(why.enhanced().map(|e| e.to_string()).as_deref(), Some("5.1.1"));
        let why =
            explain_reply(552, [0, 0, 0], "Error: Too much mail data", &Context::UNKNOWN).expect("a reply");
        assert_eq!((why.enhanced(), why.reason()), (None, Reason::MessageTooLarge));
        assert!(explain_reply(42, [0, 0, 0], "", &Context::UNKNOWN).is_none());
    }
}
