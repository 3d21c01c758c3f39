//! [`Reason`]: why a server said what it said, in terms a person can act on.

use strum::{Display, EnumIter, EnumString, IntoStaticStr};

use crate::{Error, Locale, generated};

/// Why a server replied as it did, in terms a person can act on.
///
/// The string form is snake_case (`"auth_failed"`), and so is the serde form.
///
/// ```
/// use smtp_codes::{Locale, Reason};
/// assert_eq!(Reason::AuthFailed.to_string(), "auth_failed");
/// assert_eq!("mailbox_full".parse::<Reason>().unwrap(), Reason::MailboxFull);
/// assert_eq!(Reason::AuthFailed.name(Locale::En), "Authentication failed");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Display, EnumString, EnumIter, IntoStaticStr,
)]
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
    fn texts(self, locale: Locale) -> ReasonText {
        generated::reason_texts(self)[locale.index()]
    }

    /// A short label ("Authentication failed").
    pub fn name(self, locale: Locale) -> &'static str {
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
