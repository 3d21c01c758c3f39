//! Explain [`lettre`] 0.11 SMTP errors (feature `lettre`).
//!
//! lettre reports a failed send as one [`lettre::transport::smtp::Error`]
//! whose `Display` reads `permanent error (535): 5.7.8 …`, `network error: Resource temporarily
//! unavailable (os error 11)` or `Connection error: Connection refused (os error 111)`. [`explain`]
//! (or the [`ExplainError::explain`] method) turns every kind of it into a [`LettreExplanation`]
//! you can show a person and act on:
//!
//! - a **server reply** (4xx or 5xx) becomes the crate's [`Explanation`], decided from the reply
//!   code, the enhanced status code and the server's text exactly as
//!   [`explain`](crate::explain()) does for a raw reply;
//! - anything else — a **timeout**, a **refused connection**, a host name **DNS** cannot resolve,
//!   a **TLS** failure, a connection the server **closed**, a **transport shut down**, an answer
//!   that is **not SMTP** at all, a sign-in method or extension the server does not offer, or a
//!   **client-side** error — becomes a [`Failure`] with its own summary and remedy.
//!
//! Both give a [`Reason`], a [`Retry`] verdict, a [`Bounce`], a [`FixOwner`], a summary and a
//! remedy.
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use lettre::transport::smtp::authentication::Credentials;
//! use lettre::{Message, SmtpTransport, Transport};
//! use smtp_codes::lettre::ExplainError;
//! use smtp_codes::{Locale, Retry};
//!
//! let email = Message::builder()
//!     .from("Alice <alice@example.org>".parse()?)
//!     .to("Bob <bob@example.net>".parse()?)
//!     .subject("Quarterly report")
//!     .body(String::from("The report is attached."))?;
//!
//! // STARTTLS on port 587 (needs one of lettre's TLS features, as its default features have;
//! // without one, only the plain-text `SmtpTransport::builder_dangerous` is available).
//! let mailer = SmtpTransport::starttls_relay("smtp.example.org")?
//!     .credentials(Credentials::new("alice@example.org".into(), "app-password".into()))
//!     .timeout(Some(Duration::from_secs(20)))
//!     .build();
//!
//! match mailer.send(&email) {
//!     Ok(_) => println!("sent"),
//!     Err(error) => {
//!         let why = error.explain();
//!         // For a 535 reply: "The server rejected the user name or password."
//!         eprintln!("{}", why.summary());
//!         // "Check the user name (often the full email address) and the password. …"
//!         eprintln!("{}", why.remedy());
//!         eprintln!("{}", why.text(Locale::Ja).remedy()); // or in the user's language
//!         eprintln!("reason: {}, retry: {}", why.reason(), why.retry().label(Locale::En));
//!         eprintln!("({error})"); // lettre's own text, for the log
//!         if why.retry() == Retry::Later {
//!             // Queue the message and try again with backoff.
//!         }
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Every text, of server replies and of transport failures alike, comes from the crate's
//! localized data (`[failure.*]` in `data/text/<locale>.toml`).

use core::fmt::{self, Display};
use std::error::Error as StdError;
use std::io;

use ::lettre::transport::smtp::Error as SmtpError;
use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::ui::ui;
use crate::{Bounce, Explanation, ExplanationText, FixOwner, Locale, Reason, Retry};

/// Explains any lettre SMTP error: a server reply or a transport failure.
///
/// ```
/// use std::str::FromStr;
/// use lettre::transport::smtp::response::Response;
/// use smtp_codes::lettre::{explain, Failure};
/// use smtp_codes::{Reason, Retry};
///
/// // lettre reports a reply it cannot parse as a response error.
/// let error = Response::from_str("SSH-2.0-OpenSSH_9.2p1\r\n").unwrap_err();
/// let why = explain(&error);
/// assert_eq!(why.failure(), Some(Failure::BadResponse));
/// assert_eq!((why.reason(), why.retry()), (Reason::Other, Retry::AfterFix));
/// assert_eq!(why.summary(), "The server answered with something that is not an SMTP reply.");
/// ```
pub fn explain(error: &SmtpError) -> LettreExplanation {
    if let Some(code) = error.status() {
        let code = u16::from(code);
        let text = reply_text(error);
        return match Explanation::from_parts(code, None, &text) {
            Some(explanation) => LettreExplanation::Reply(explanation),
            None => LettreExplanation::Failure(Failure::Other),
        };
    }
    LettreExplanation::Failure(classify(error))
}

/// [`explain`] as a method of lettre's SMTP error.
///
/// ```
/// use std::str::FromStr;
/// use lettre::transport::smtp::response::Response;
/// use smtp_codes::lettre::{explain, ExplainError};
///
/// let error = Response::from_str("HTTP/1.1 400 Bad Request\r\n").unwrap_err();
/// assert_eq!(error.explain(), explain(&error));
/// ```
pub trait ExplainError {
    /// What went wrong, whether to retry, who must act and what to do.
    fn explain(&self) -> LettreExplanation;
}

impl ExplainError for SmtpError {
    fn explain(&self) -> LettreExplanation {
        explain(self)
    }
}

/// What a lettre SMTP error means: the explanation of the server's reply, or the kind of
/// transport failure when no reply came.
///
/// `Display` prints the summary and the remedy in English; [`render`](Self::render) prints
/// everything with labels in any [`Locale`].
///
/// ```
/// use smtp_codes::lettre::{Failure, LettreExplanation};
/// use smtp_codes::{Bounce, Explanation, Reason, Retry};
///
/// let reply = Explanation::from_parts(552, None, "Error: Too much mail data").unwrap();
/// let why = LettreExplanation::from(reply);
/// assert_eq!((why.code(), why.reason()), (Some(552), Reason::MessageTooLarge));
/// assert_eq!(why.explanation(), Some(&reply));
///
/// let why = LettreExplanation::from(Failure::Timeout);
/// assert_eq!((why.code(), why.reason(), why.retry()), (None, Reason::NetworkError, Retry::Later));
/// assert_eq!(why.bounce(), Bounce::Soft);
/// assert!(why.to_string().starts_with("The mail server did not answer in time."));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[allow(clippy::exhaustive_enums)] // A lettre error is a server reply or it is not: two cases.
pub enum LettreExplanation {
    /// The server answered with a 4xx or 5xx reply.
    Reply(Explanation),
    /// No usable reply came: the connection, TLS, the client or the answer's format failed.
    Failure(Failure),
}

impl LettreExplanation {
    /// The reply code, when the server sent a reply.
    pub const fn code(&self) -> Option<u16> {
        match self {
            LettreExplanation::Reply(explanation) => Some(explanation.code()),
            LettreExplanation::Failure(_) => None,
        }
    }

    /// The explanation of the server's reply, when there was one.
    pub const fn explanation(&self) -> Option<&Explanation> {
        match self {
            LettreExplanation::Reply(explanation) => Some(explanation),
            LettreExplanation::Failure(_) => None,
        }
    }

    /// The kind of transport failure, when no reply came.
    pub const fn failure(&self) -> Option<Failure> {
        match self {
            LettreExplanation::Reply(_) => None,
            LettreExplanation::Failure(failure) => Some(*failure),
        }
    }

    /// Why sending failed.
    pub const fn reason(&self) -> Reason {
        match self {
            LettreExplanation::Reply(explanation) => explanation.reason(),
            LettreExplanation::Failure(failure) => failure.reason(),
        }
    }

    /// Whether and when to send again.
    pub const fn retry(&self) -> Retry {
        match self {
            LettreExplanation::Reply(explanation) => explanation.retry(),
            LettreExplanation::Failure(failure) => failure.retry(),
        }
    }

    /// How a mailing system should count this for the recipient address. A transport failure
    /// says nothing about the recipient, so it is always [`Bounce::Soft`].
    pub const fn bounce(&self) -> Bounce {
        match self {
            LettreExplanation::Reply(explanation) => explanation.bounce(),
            LettreExplanation::Failure(failure) => failure.bounce(),
        }
    }

    /// Who must act for the message to go through.
    pub fn fix_owner(&self) -> FixOwner {
        match self {
            LettreExplanation::Reply(explanation) => explanation.fix_owner(),
            LettreExplanation::Failure(failure) => failure.fix_owner(),
        }
    }

    /// One sentence a non-expert understands, in English; [`text`](Self::text) gives it in any
    /// language.
    pub fn summary(&self) -> &'static str {
        self.text(Locale::En).summary()
    }

    /// What to do about it, in English; [`text`](Self::text) gives it in any language.
    pub fn remedy(&self) -> &'static str {
        self.text(Locale::En).remedy()
    }

    /// The summary and the remedy in the given language.
    pub fn text(&self, locale: Locale) -> ExplanationText {
        match self {
            LettreExplanation::Reply(explanation) => explanation.text(locale),
            LettreExplanation::Failure(failure) => {
                ExplanationText::new(failure.summary(locale), failure.remedy(locale))
            }
        }
    }

    /// Everything about it, with labels in the given language.
    ///
    /// ```
    /// use smtp_codes::lettre::{Failure, LettreExplanation};
    /// let text = LettreExplanation::from(Failure::ConnectionRefused).render(smtp_codes::Locale::En).to_string();
    /// assert!(text.starts_with("Connection refused\n"));
    /// assert!(text.contains("Reason: Network problem"));
    /// ```
    pub fn render(&self, locale: Locale) -> impl Display + '_ {
        Rendered { explanation: self, locale }
    }
}

impl From<Explanation> for LettreExplanation {
    fn from(explanation: Explanation) -> Self {
        LettreExplanation::Reply(explanation)
    }
}

impl From<Failure> for LettreExplanation {
    fn from(failure: Failure) -> Self {
        LettreExplanation::Failure(failure)
    }
}

impl Display for LettreExplanation {
    /// The summary and the remedy, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LettreExplanation::Reply(explanation) => Display::fmt(explanation, f),
            LettreExplanation::Failure(failure) => {
                write!(f, "{} {}", failure.summary(Locale::En), failure.remedy(Locale::En))
            }
        }
    }
}

struct Rendered<'a> {
    explanation: &'a LettreExplanation,
    locale: Locale,
}

impl Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let failure = match self.explanation {
            LettreExplanation::Reply(explanation) => return explanation.render(self.locale).fmt(f),
            LettreExplanation::Failure(failure) => *failure,
        };
        let locale = self.locale;
        let ui = ui(locale);
        writeln!(f, "{}", failure.name(locale))?;
        writeln!(f)?;
        writeln!(f, "{}", ui.heading_summary)?;
        writeln!(f, "  {}", failure.summary(locale))?;
        writeln!(f)?;
        writeln!(f, "{}", ui.heading_remedy)?;
        writeln!(f, "  {}", failure.remedy(locale))?;
        writeln!(f)?;
        writeln!(f, "{}: {}", ui.label_reason, failure.reason().name(locale))?;
        writeln!(f, "{}: {}", ui.label_retry, failure.retry().label(locale))?;
        writeln!(f, "{}: {}", ui.label_bounce, failure.bounce().label(locale))?;
        writeln!(f, "{}: {}", ui.label_fix_owner, failure.fix_owner().label(locale))
    }
}

/// A lettre SMTP error that is not a server reply.
///
/// The string form is snake_case (`"connection_refused"`).
///
/// ```
/// use smtp_codes::lettre::Failure;
/// use smtp_codes::{FixOwner, Locale, Reason, Retry};
/// let failure = Failure::ConnectionRefused;
/// assert_eq!(failure.to_string(), "connection_refused");
/// assert_eq!((failure.reason(), failure.retry()), (Reason::NetworkError, Retry::AfterFix));
/// assert_eq!(failure.fix_owner(), FixOwner::SenderUser);
/// assert!(failure.summary(Locale::En).starts_with("Could not reach the mail server"));
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    strum::Display,
    EnumString,
    EnumIter,
    IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Failure {
    /// The server did not answer, or the connection did not open, within the timeout.
    Timeout,
    /// Nothing accepted the connection on that host and port.
    ConnectionRefused,
    /// The host name could not be resolved.
    Dns,
    /// The TLS handshake, the certificate or the TLS settings failed, or STARTTLS was required
    /// but the server does not offer it. Implicit TLS (`Tls::Wrapper`, as on port 465) against
    /// a port that speaks plain SMTP fails here too: the server's plain greeting is not TLS.
    Tls,
    /// The server closed or reset the connection before a complete reply.
    Closed,
    /// Another network error (unreachable network or host, an I/O error).
    Network,
    /// The transport (its connection pool) was shut down.
    Shutdown,
    /// The server's answer is not an SMTP reply.
    BadResponse,
    /// The server offers no authentication mechanism the client can use on this connection.
    AuthUnavailable,
    /// The message or its addresses need SMTPUTF8 or 8BITMIME, which the server does not offer.
    Unsupported,
    /// lettre refused to go on: invalid settings or an internal client error.
    Client,
    /// A failure lettre did not classify.
    Other,
}

/// What the crate says about one [`Failure`].
struct FailureInfo {
    failure: Failure,
    reason: Reason,
    retry: Retry,
    fix_owner: FixOwner,
}

/// Every verdict of the transport failures, in the order of [`Failure`]'s variants. Their texts
/// are in the language files, like every text of the crate.
const FAILURES: [FailureInfo; 12] = [
    FailureInfo {
        failure: Failure::Timeout,
        reason: Reason::NetworkError,
        retry: Retry::Later,
        fix_owner: FixOwner::SenderAdmin,
    },
    FailureInfo {
        failure: Failure::ConnectionRefused,
        reason: Reason::NetworkError,
        retry: Retry::AfterFix,
        fix_owner: FixOwner::SenderUser,
    },
    FailureInfo {
        failure: Failure::Dns,
        reason: Reason::NetworkError,
        retry: Retry::AfterFix,
        fix_owner: FixOwner::SenderUser,
    },
    FailureInfo {
        failure: Failure::Tls,
        reason: Reason::NetworkError,
        retry: Retry::AfterFix,
        fix_owner: FixOwner::SenderUser,
    },
    FailureInfo {
        failure: Failure::Closed,
        reason: Reason::NetworkError,
        retry: Retry::Later,
        fix_owner: FixOwner::SenderAdmin,
    },
    FailureInfo {
        failure: Failure::Network,
        reason: Reason::NetworkError,
        retry: Retry::Later,
        fix_owner: FixOwner::SenderAdmin,
    },
    FailureInfo {
        failure: Failure::Shutdown,
        reason: Reason::ServiceUnavailable,
        retry: Retry::AfterFix,
        fix_owner: FixOwner::SenderUser,
    },
    FailureInfo {
        failure: Failure::BadResponse,
        reason: Reason::Other,
        retry: Retry::AfterFix,
        fix_owner: FixOwner::SenderUser,
    },
    FailureInfo {
        failure: Failure::AuthUnavailable,
        reason: Reason::AuthMechanism,
        retry: Retry::AfterFix,
        fix_owner: FixOwner::SenderUser,
    },
    FailureInfo {
        failure: Failure::Unsupported,
        reason: Reason::NotImplemented,
        retry: Retry::AfterFix,
        fix_owner: FixOwner::SenderUser,
    },
    FailureInfo {
        failure: Failure::Client,
        reason: Reason::Other,
        retry: Retry::AfterFix,
        fix_owner: FixOwner::SenderUser,
    },
    FailureInfo {
        failure: Failure::Other,
        reason: Reason::Other,
        retry: Retry::Later,
        fix_owner: FixOwner::SenderAdmin,
    },
];

// Each entry of the table stands at the index of its variant.
const _: () = {
    let mut index = 0;
    while index < FAILURES.len() {
        assert!(FAILURES[index].failure as usize == index, "FAILURES is not in variant order");
        index += 1;
    }
};

impl Failure {
    const fn info(self) -> &'static FailureInfo {
        &FAILURES[self as usize]
    }

    fn texts(self, locale: Locale) -> crate::explain::ReasonText {
        crate::generated::failure_texts(self)[locale.index()]
    }

    /// A short label ("Connection refused") in the given language.
    pub fn name(self, locale: Locale) -> &'static str {
        self.texts(locale).name
    }

    /// Why sending failed, as one of the crate's reasons.
    pub const fn reason(self) -> Reason {
        self.info().reason
    }

    /// Whether and when to send again.
    pub const fn retry(self) -> Retry {
        self.info().retry
    }

    /// Always [`Bounce::Soft`]: a transport failure says nothing about the recipient address, so
    /// a mailing system must not give up on it.
    pub const fn bounce(self) -> Bounce {
        Bounce::Soft
    }

    /// Who must act for the message to go through.
    pub const fn fix_owner(self) -> FixOwner {
        self.info().fix_owner
    }

    /// One sentence a non-expert understands, in the given language.
    pub fn summary(self, locale: Locale) -> &'static str {
        self.texts(locale).summary
    }

    /// What to do about it, in the given language.
    pub fn remedy(self, locale: Locale) -> &'static str {
        self.texts(locale).remedy
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

/// Drops the repetitions of the leading enhanced code (`5.1.1 one5.1.1 two` →
/// `5.1.1 one two`) and collapses runs of white space.
fn normalize_reply_text(raw: &str) -> String {
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

fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The kind of a lettre error that is not a server reply.
fn classify(error: &SmtpError) -> Failure {
    if error.is_transport_shutdown() {
        return Failure::Shutdown;
    }
    let io_kind = io_kind(error);
    // lettre's `Display` names the kind first: "network error: …", "Connection error: …",
    // "tls error: …", "response error: …", "internal client error: …".
    let text = chain_text(error);
    let has = |needles: &[&str]| needles.iter().any(|needle| text.contains(needle));

    // On Unix a read that times out on a blocking socket with a timeout reports `WouldBlock`
    // (EAGAIN), which lettre's `is_timeout` does not count.
    if error.is_timeout()
        || matches!(io_kind, Some(io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock))
        || has(&["timed out"])
    {
        return Failure::Timeout;
    }
    if io_kind == Some(io::ErrorKind::ConnectionRefused) || has(&["connection refused"]) {
        return Failure::ConnectionRefused;
    }
    if text.starts_with("tls error") {
        return Failure::Tls;
    }
    if error.is_response() {
        return if has(&["incomplete response"]) { Failure::Closed } else { Failure::BadResponse };
    }
    if error.is_client() {
        return if has(&["starttls", "not encrypted", "tls"]) {
            Failure::Tls
        } else if has(&["authentication mechanism"]) {
            Failure::AuthUnavailable
        } else if has(&["smtputf8", "8bitmime"]) {
            Failure::Unsupported
        } else {
            Failure::Client
        };
    }
    if has(DNS_WORDS) {
        return Failure::Dns;
    }
    if has(SETTINGS_WORDS) {
        return Failure::Client;
    }
    if matches!(
        io_kind,
        Some(
            io::ErrorKind::ConnectionReset
                | io::ErrorKind::ConnectionAborted
                | io::ErrorKind::BrokenPipe
                | io::ErrorKind::UnexpectedEof
        )
    ) {
        return Failure::Closed;
    }
    if has(TLS_WORDS) {
        return Failure::Tls;
    }
    if io_kind.is_some() || text.starts_with("network error") || text.starts_with("connection error") {
        return Failure::Network;
    }
    Failure::Other
}

/// Words of the resolver errors of glibc, musl, macOS and Windows, and of lettre.
const DNS_WORDS: &[&str] = &[
    "failed to lookup address",
    "could not resolve",
    "name or service not known",
    "nodename nor servname",
    "no such host",
    "name resolution",
    "no address associated",
    "name does not resolve",
    "host not found",
];

/// Words of rustls, native-tls (OpenSSL, Secure Transport, SChannel) and boring errors.
///
/// lettre reports a rustls failure during the handshake as a *network* error (`network error:
/// received corrupt message of type InvalidContentType`, `network error: invalid peer
/// certificate: UnknownIssuer`) because rustls surfaces it from the first read; its
/// `is_tls()` is false then, and exists only with a lettre TLS feature anyway. So TLS failures
/// are recognized by these words, whatever features lettre was built with.
const TLS_WORDS: &[&str] = &[
    "tls",
    "ssl",
    "certificate",
    "handshake",
    "corrupt message",
    "received fatal alert",
    "received unexpected message",
    "peer is incompatible",
    "peer misbehaved",
    "decrypt peer's message",
    "peer sent excess record size",
    "wrong version number",
    "invalidcontenttype",
    "unknownissuer",
    "notvalidforname",
    "x509",
    "valid dns name",
];

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

/// The kind of the first `std::io::Error` in the error's source chain.
fn io_kind(error: &SmtpError) -> Option<io::ErrorKind> {
    let mut source = error.source();
    while let Some(err) = source {
        if let Some(io_error) = err.downcast_ref::<io::Error>() {
            return Some(io_error.kind());
        }
        source = err.source();
    }
    None
}

/// The error's text and the texts of its sources, lower-cased.
fn chain_text(error: &SmtpError) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(err) = source {
        text.push_str(" | ");
        text.push_str(&err.to_string());
        source = err.source();
    }
    text.to_lowercase()
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn every_failure_has_texts() {
        assert_eq!(Failure::iter().count(), FAILURES.len());
        for failure in Failure::iter() {
            assert_eq!(failure.info().failure, failure);
            assert!(failure.summary(Locale::En).ends_with('.'), "{failure}");
            assert!(failure.remedy(Locale::En).ends_with('.'), "{failure}");
            assert!(!failure.remedy(Locale::En).contains("  "), "{failure}");
            assert_eq!(failure.bounce(), Bounce::Soft);
            assert_eq!(failure.to_string().parse::<Failure>(), Ok(failure));
        }
    }

    #[test]
    fn joined_reply_text_is_kept() {
        // lettre 0.11.23: lines joined by spaces, the repeated enhanced code stripped.
        let text = "5.1.1 The email account that you tried to reach does not exist. Please try \
                    double-checking the recipient's email address.";
        assert_eq!(normalize_reply_text(text), collapse_spaces(text));
    }

    #[test]
    fn glued_reply_text_is_split() {
        // Earlier 0.11 releases: lines glued together, each starting with the enhanced code.
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
}
