//! [`Reason`]: why a server said what it said, in terms a person can act on.

use strum::{EnumString, IntoStaticStr};

use crate::{Error, Locale, generated};

/// Why a server replied as it did, in terms a person can act on.
///
/// The stable id is snake_case ([`as_str`](Self::as_str), serde, `FromStr`); `Display` is the
/// English label; [`label`](Self::label) gives it in any language.
///
/// ```
/// use smtp_codes::{Locale, Reason};
/// assert_eq!(Reason::AuthFailed.as_str(), "auth_failed");
/// assert_eq!(Reason::AuthFailed.to_string(), "Authentication failed");
/// assert_eq!("mailbox_full".parse::<Reason>().unwrap(), Reason::MailboxFull);
/// assert_eq!(Reason::AuthFailed.label(Locale::De), "Authentifizierung fehlgeschlagen");
/// assert_eq!(Reason::ALL.len(), 25);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumString, IntoStaticStr)]
#[strum(serialize_all = "snake_case", parse_err_ty = Error, parse_err_fn = reason_parse_error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Reason {
    /// The command was accepted.
    Ok,
    /// The server wants the client to authenticate first.
    AuthRequired,
    /// The credentials were rejected.
    AuthFailed,
    /// The authentication mechanism is not offered, too weak, or not usable here.
    AuthMechanism,
    /// The server requires TLS first.
    TlsRequired,
    /// The recipient address does not exist.
    MailboxUnknown,
    /// The recipient's mailbox is over quota.
    MailboxFull,
    /// The recipient's mailbox is disabled, inactive or locked.
    MailboxDisabled,
    /// The message exceeds a size limit.
    MessageTooLarge,
    /// The server will not relay to that destination.
    RelayDenied,
    /// The sender address was refused.
    SenderRejected,
    /// Blocked as spam, or the sender is on a blocklist or has a poor reputation.
    SpamBlocked,
    /// Refused by a local policy.
    PolicyBlocked,
    /// The sending domain failed SPF, DKIM or DMARC.
    SenderUnauthenticated,
    /// The sender exceeded a rate or volume limit.
    RateLimited,
    /// Deliberately deferred to see whether the sender retries.
    Greylisted,
    /// The server is busy, down or not accepting mail.
    ServiceUnavailable,
    /// A command or parameter could not be parsed.
    SyntaxError,
    /// The command is not known to the server.
    CommandUnrecognized,
    /// Commands were sent in the wrong order.
    BadSequence,
    /// The command or feature is not implemented.
    NotImplemented,
    /// Connection, DNS, routing or timeout problems.
    NetworkError,
    /// The message content or an attachment was refused.
    ContentRejected,
    /// The message stayed in a queue too long and was given up.
    Expired,
    /// None of the above.
    Other,
}

fn reason_parse_error(_: &str) -> Error {
    Error::UnknownName { kind: "reason" }
}

/// The texts of one [`Reason`] in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ReasonText {
    pub(crate) name: &'static str,
    pub(crate) summary: &'static str,
    pub(crate) remedy: &'static str,
}

impl Reason {
    /// Every reason, in declaration order.
    pub const ALL: [Reason; 25] = [
        Reason::Ok,
        Reason::AuthRequired,
        Reason::AuthFailed,
        Reason::AuthMechanism,
        Reason::TlsRequired,
        Reason::MailboxUnknown,
        Reason::MailboxFull,
        Reason::MailboxDisabled,
        Reason::MessageTooLarge,
        Reason::RelayDenied,
        Reason::SenderRejected,
        Reason::SpamBlocked,
        Reason::PolicyBlocked,
        Reason::SenderUnauthenticated,
        Reason::RateLimited,
        Reason::Greylisted,
        Reason::ServiceUnavailable,
        Reason::SyntaxError,
        Reason::CommandUnrecognized,
        Reason::BadSequence,
        Reason::NotImplemented,
        Reason::NetworkError,
        Reason::ContentRejected,
        Reason::Expired,
        Reason::Other,
    ];

    /// The stable snake_case id (`"auth_failed"`), as serde and `FromStr` use it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    fn texts(self, locale: Locale) -> ReasonText {
        generated::reason_texts(self)[locale.index()]
    }

    /// A short label ("Authentication failed") in the given language.
    pub fn label(self, locale: Locale) -> &'static str {
        self.texts(locale).name
    }

    /// One sentence a non-expert understands.
    pub fn summary(self, locale: Locale) -> &'static str {
        self.texts(locale).summary
    }

    /// What to do about it.
    pub fn remedy(self, locale: Locale) -> &'static str {
        self.texts(locale).remedy
    }
}

impl core::fmt::Display for Reason {
    /// The English label ("Authentication failed"); [`Reason::as_str`] gives the id.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(Locale::En))
    }
}
