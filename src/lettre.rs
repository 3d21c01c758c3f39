//! Explain [`lettre`] 0.11 SMTP errors (feature `lettre`).
//!
//! lettre reports a failed send as one [`lettre::transport::smtp::Error`] whose `Display` reads
//! `permanent error (535): 5.7.8 …`, `network error: Resource temporarily unavailable (os error
//! 11)` or `Connection error: Connection refused (os error 111)`. [`explain`] (or the
//! [`Explain`] trait's `error.explain()`) turns every kind of it into the crate's
//! [`Explanation`]:
//!
//! - a **server reply** (4xx or 5xx) is explained from the reply code, the enhanced status code
//!   and the server's text exactly as [`explain`](crate::explain()) does for a raw reply;
//! - anything else — a **timeout**, a **refused connection**, a host name **DNS** cannot
//!   resolve (or a resolver that does not answer), a **TLS** failure, a connection the server
//!   **closed**, a **transport shut down**, an answer that is **not SMTP**, a sign-in method or
//!   extension the server does not offer, a **client-side** error — gets its [`Failure`].
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use lettre::transport::smtp::authentication::Credentials;
//! use lettre::{Message, SmtpTransport, Transport};
//! use smtp_codes::{Context, Explain, Locale, Retry};
//!
//! let email = Message::builder()
//!     .from("Alice <alice@example.org>".parse()?)
//!     .to("Bob <bob@example.net>".parse()?)
//!     .subject("Quarterly report")
//!     .body(String::from("The report is attached."))?;
//!
//! let mailer = SmtpTransport::starttls_relay("smtp.example.org")?
//!     .credentials(Credentials::new("alice@example.org".into(), "app-password".into()))
//!     .timeout(Some(Duration::from_secs(20)))
//!     .build();
//!
//! match mailer.send(&email) {
//!     Ok(_) => println!("sent"),
//!     Err(error) => {
//!         // The client knows it talks to its own submission server.
//!         let why = error.explain_with(&Context::submission("smtp.example.org"));
//!         eprintln!("{}", why.summary()); // "The server rejected the user name or password."
//!         eprintln!("{}", why.remedy());
//!         eprintln!("{}", why.text(Locale::Ja).remedy()); // or in the user's language
//!         eprintln!("({error})"); // lettre's own text, for the log
//!         if why.retry() == Retry::Later {
//!             // Queue the message and try again with backoff.
//!         }
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::error::Error as StdError;

use ::lettre::transport::smtp::Error as SmtpError;

use crate::client::{chain_text, classify_chain, normalize_reply_text};
use crate::{Context, Explain, Explanation, Failure};

/// Explains any lettre SMTP error: a server reply or a failure with no reply.
///
/// ```
/// use std::str::FromStr;
/// use lettre::transport::smtp::response::Response;
/// use smtp_codes::{Failure, Reason, Retry};
///
/// // lettre reports a reply it cannot parse as a response error.
/// let error = Response::from_str("SSH-2.0-OpenSSH_9.2p1\r\n").unwrap_err();
/// let why = smtp_codes::lettre::explain(&error);
/// assert_eq!(why.failure(), Some(Failure::BadResponse));
/// assert_eq!((why.reason(), why.retry()), (Reason::NetworkError, Retry::AfterFix));
/// assert_eq!(why.summary(), "The server answered with something that is not an SMTP reply.");
/// ```
pub fn explain(error: &SmtpError) -> Explanation {
    explain_with(error, &Context::UNKNOWN)
}

/// [`explain`] with what the client knows: the server's role, its host name, the command.
pub fn explain_with(error: &SmtpError, context: &Context<'_>) -> Explanation {
    if let Some(code) = error.status() {
        let text = reply_text(error);
        if let Some(explanation) = Explanation::from_parts_with(u16::from(code), None, &text, context) {
            return explanation;
        }
    }
    Explanation::from_failure_with(classify(error), context)
}

impl Explain for SmtpError {
    fn explain_with(&self, context: &Context<'_>) -> Explanation {
        explain_with(self, context)
    }
}

/// The server's text of a reply error, with the lines of a multi-line reply joined by spaces
/// and the enhanced code kept once.
///
/// lettre 0.11.23 and later give the lines joined by spaces with the repeated enhanced code
/// stripped; earlier 0.11 releases glue the lines together with nothing between them, the
/// enhanced code repeated at the start of each line.
fn reply_text(error: &SmtpError) -> String {
    let raw = match error.source() {
        Some(source) => source.to_string(),
        // `transient error (421): text` without a separate source: keep what follows the code.
        None => {
            let display = error.to_string();
            match display.split_once("): ") {
                Some((_, text)) => text.to_owned(),
                None => String::new(),
            }
        }
    };
    normalize_reply_text(&raw)
}

/// The kind of a lettre error that is not a server reply.
fn classify(error: &SmtpError) -> Failure {
    if error.is_transport_shutdown() {
        return Failure::Shutdown;
    }
    // lettre's `Display` names the kind first: "network error: …", "Connection error: …",
    // "tls error: …", "response error: …", "internal client error: …".
    let text = chain_text(error);
    let has = |needles: &[&str]| needles.iter().any(|needle| text.contains(needle));
    if error.is_timeout() {
        return Failure::Timeout;
    }
    if text.starts_with("tls error") {
        return Failure::Tls;
    }
    if error.is_response() {
        return if has(&["incomplete response"]) { Failure::Closed } else { Failure::BadResponse };
    }
    if error.is_client() {
        return if has(&["starttls", "not encrypted", "tls"]) {
            Failure::TlsUnavailable
        } else if has(&["authentication mechanism"]) {
            Failure::AuthUnavailable
        } else if has(&["smtputf8", "8bitmime"]) {
            Failure::Unsupported
        } else {
            Failure::Client
        };
    }
    if has(SETTINGS_WORDS) {
        return Failure::Client;
    }
    let fallback = if text.starts_with("network error") || text.starts_with("connection error") {
        Failure::Network
    } else {
        Failure::Other
    };
    classify_chain(error, fallback)
}

/// Words of lettre's connection URL errors (`SmtpTransport::from_url`).
const SETTINGS_WORDS: &[&str] = &[
    "host undefined",
    "unknown scheme",
    "relative url",
    "empty host",
    "invalid port",
    "invalid domain character",
    "invalid international domain",
];
