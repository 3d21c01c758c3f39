//! [`Failure`]: what went wrong when no SMTP reply came — a timeout, a refused connection, a
//! name DNS cannot find, TLS — as every client integration and every bounce reports it.

use strum::EnumString;

use crate::explain::ReasonText;
use crate::{Error, FixOwner, Locale, Reason, Retry, generated};

/// A failure with no SMTP reply: the connection, DNS, TLS, the client or the answer's format.
///
/// The stable id is snake_case ([`as_str`](Self::as_str), serde, `FromStr`); `Display` is the
/// English label; [`label`](Self::label) gives it in any language.
///
/// ```
/// use smtp_codes::{Failure, FixOwner, Locale, Reason, Retry};
/// let failure = Failure::ConnectionRefused;
/// assert_eq!(failure.as_str(), "connection_refused");
/// assert_eq!(failure.to_string(), "Connection refused");
/// assert_eq!((failure.reason(), failure.retry()), (Reason::NetworkError, Retry::AfterFix));
/// assert_eq!(failure.fix_owner(), FixOwner::SenderUser);
/// assert!(failure.summary().starts_with("Could not reach the mail server"));
/// // Offline is not a typo: a resolver that does not answer is retried later.
/// assert_eq!(Failure::DnsUnavailable.retry(), Retry::Later);
/// assert_eq!(Failure::HostNotFound.retry(), Retry::AfterFix);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumString)]
#[strum(serialize_all = "snake_case", parse_err_ty = Error, parse_err_fn = failure_parse_error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Failure {
    /// The server did not answer, or the connection did not open, within the timeout.
    Timeout,
    /// Nothing accepted the connection on that host and port.
    ConnectionRefused,
    /// The host name does not exist in DNS (NXDOMAIN, `EAI_NONAME`): usually a typo.
    HostNotFound,
    /// The resolver did not answer (`EAI_AGAIN`, "Temporary failure in name resolution"):
    /// this machine may be offline. Temporary.
    DnsUnavailable,
    /// The TLS handshake, the certificate or the TLS settings failed once both sides tried TLS:
    /// an untrusted, expired or misnamed certificate, a protocol version neither side accepts.
    /// Implicit TLS (as on port 465) against a port that speaks plain SMTP fails here too: the
    /// server's plain greeting is not TLS. A connection failure ([`Reason::NetworkError`]).
    Tls,
    /// TLS was required (by this client's settings, the sender's REQUIRETLS or the server) but
    /// the server does not offer it: no STARTTLS in its EHLO reply, no TLS support at all.
    /// [`Reason::TlsRequired`].
    TlsUnavailable,
    /// The server closed or reset the connection before a complete reply.
    Closed,
    /// Another network error (unreachable network or host, an I/O error). Temporary.
    Network,
    /// The transport (its connection pool) was shut down.
    Shutdown,
    /// The server's answer is not an SMTP reply.
    BadResponse,
    /// The server offers no authentication mechanism the client can use on this connection.
    AuthUnavailable,
    /// The message or its addresses need SMTPUTF8 or 8BITMIME, which the server does not offer.
    Unsupported,
    /// The client refused to go on: invalid settings or an internal client error.
    Client,
    /// A failure nobody classified.
    Other,
}

fn failure_parse_error(_: &str) -> Error {
    Error::UnknownName { kind: "failure" }
}

impl Failure {
    /// Every failure, in declaration order.
    pub const ALL: [Failure; 14] = [
        Failure::Timeout,
        Failure::ConnectionRefused,
        Failure::HostNotFound,
        Failure::DnsUnavailable,
        Failure::Tls,
        Failure::TlsUnavailable,
        Failure::Closed,
        Failure::Network,
        Failure::Shutdown,
        Failure::BadResponse,
        Failure::AuthUnavailable,
        Failure::Unsupported,
        Failure::Client,
        Failure::Other,
    ];

    /// The stable snake_case id (`"connection_refused"`), as serde and `FromStr` use it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Failure::Timeout => "timeout",
            Failure::ConnectionRefused => "connection_refused",
            Failure::HostNotFound => "host_not_found",
            Failure::DnsUnavailable => "dns_unavailable",
            Failure::Tls => "tls",
            Failure::TlsUnavailable => "tls_unavailable",
            Failure::Closed => "closed",
            Failure::Network => "network",
            Failure::Shutdown => "shutdown",
            Failure::BadResponse => "bad_response",
            Failure::AuthUnavailable => "auth_unavailable",
            Failure::Unsupported => "unsupported",
            Failure::Client => "client",
            Failure::Other => "other",
        }
    }

    fn texts(self, locale: Locale) -> &'static ReasonText {
        generated::failure_texts(self).get(locale)
    }

    /// A short label ("Connection refused") in the given language.
    pub fn label(self, locale: Locale) -> &'static str {
        self.texts(locale).name
    }

    /// Why sending failed, as one of the crate's reasons.
    pub const fn reason(self) -> Reason {
        generated::failure_policy(self).0
    }

    /// Whether and when to send again.
    pub const fn retry(self) -> Retry {
        generated::failure_policy(self).1
    }

    /// Who must act for the message to go through.
    pub const fn fix_owner(self) -> FixOwner {
        generated::failure_policy(self).2
    }

    /// One sentence a non-expert understands, in English; [`text`](Self::text) gives it in any
    /// language.
    pub fn summary(self) -> &'static str {
        self.texts(Locale::En).summary
    }

    /// What to do about it, in English; [`text`](Self::text) gives it in any language.
    pub fn remedy(self) -> &'static str {
        self.texts(Locale::En).remedy
    }

    /// The summary and the remedy in the given language.
    pub fn text(self, locale: Locale) -> crate::text::Advice {
        let texts = self.texts(locale);
        crate::text::Advice::new(texts.summary, texts.remedy)
    }

    /// The failure that a text reports in words, when it reports one: an error message of a
    /// client library, or the part of a bounce that says why no reply came
    /// (`connect to mx.example.com[192.0.2.1]:25: Connection timed out`,
    /// `Host or domain name not found. Name service error for name=example.invalid type=MX`).
    ///
    /// ```
    /// use smtp_codes::Failure;
    /// assert_eq!(Failure::from_text("Temporary failure in name resolution"), Some(Failure::DnsUnavailable));
    /// assert_eq!(Failure::from_text("failed to lookup address information: Name or service not known"), Some(Failure::HostNotFound));
    /// assert_eq!(Failure::from_text("Your order has shipped"), None);
    /// ```
    pub fn from_text(text: &str) -> Option<Failure> {
        find(text.as_bytes())
    }
}

impl core::fmt::Display for Failure {
    /// The English label ("Connection refused").
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(Locale::En))
    }
}

/// The first failure phrase (in the order of the generator's list, at a word start) in `text`;
/// the one-pass scanner finds them.
pub(crate) fn find(text: &[u8]) -> Option<Failure> {
    let mut found = crate::scan::Matches::new();
    found.scan_anywhere(text);
    found.failure()
}
