//! Interoperability: the crate's [`Reason`] in Sisimai's vocabulary and as Amazon SES's
//! `bounceType`/`bounceSubType`.

use crate::{Reason, Retry};

/// Sisimai's reason name for a [`Reason`] (see the table in the [module docs](super)).
///
/// ```
/// use smtp_codes::{dsn, Reason};
/// assert_eq!(dsn::sisimai_reason(Reason::MailboxUnknown), "userunknown");
/// assert_eq!(dsn::sisimai_reason(Reason::SenderUnauthenticated), "authfailure");
/// ```
pub const fn sisimai_reason(reason: Reason) -> &'static str {
    match reason {
        Reason::Ok => "delivered",
        Reason::AuthRequired | Reason::AuthFailed | Reason::AuthMechanism => "securityerror",
        Reason::TlsRequired => "failedstarttls",
        Reason::MailboxUnknown => "userunknown",
        Reason::MailboxFull => "mailboxfull",
        Reason::MailboxDisabled => "suspend",
        Reason::MessageTooLarge => "mesgtoobig",
        Reason::RelayDenied => "norelaying",
        Reason::SenderRejected => "rejected",
        Reason::SpamBlocked => "blocked",
        Reason::PolicyBlocked => "policyviolation",
        Reason::SenderUnauthenticated => "authfailure",
        Reason::RateLimited => "ratelimited",
        Reason::Greylisted => "blocked",
        Reason::ServiceUnavailable => "systemerror",
        Reason::SyntaxError | Reason::CommandUnrecognized | Reason::BadSequence | Reason::NotImplemented => {
            "syntaxerror"
        }
        Reason::NetworkError => "networkerror",
        Reason::ContentRejected => "contenterror",
        Reason::Expired => "expired",
        Reason::Other => "undefined",
    }
}

/// Amazon SES's `bounceType`.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr)]
#[strum(parse_err_ty = crate::Error, parse_err_fn = ses_type_parse_error)]
#[allow(clippy::exhaustive_enums)] // SES documents exactly these three.
pub enum SesBounceType {
    /// A hard bounce: remove the address.
    Permanent,
    /// A soft bounce: it may go through later.
    Transient,
    /// SES could not tell.
    Undetermined,
}

/// Amazon SES's `bounceSubType`.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr)]
#[strum(parse_err_ty = crate::Error, parse_err_fn = ses_subtype_parse_error)]
#[non_exhaustive]
pub enum SesBounceSubType {
    /// Any other reason.
    General,
    /// The address does not exist.
    NoEmail,
    /// SES's own suppression list (only SES itself says this).
    Suppressed,
    /// The account-level suppression list (only SES itself says this).
    OnAccountSuppressionList,
    /// The mailbox is full.
    MailboxFull,
    /// The message is too large.
    MessageTooLarge,
    /// The content was refused.
    ContentRejected,
    /// An attachment was refused.
    AttachmentRejected,
    /// SES could not tell.
    Undetermined,
}

/// A `bounceType` with its `bounceSubType`.
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_structs)] // Exactly SES's two fields.
pub struct SesBounce {
    /// `bounceType`.
    pub bounce_type: SesBounceType,
    /// `bounceSubType`.
    pub sub_type: SesBounceSubType,
}

/// What Amazon SES would call a failure with this reason and retry verdict (see the table in
/// the [module docs](super)).
///
/// ```
/// use smtp_codes::{dsn::{self, SesBounceType, SesBounceSubType}, Reason, Retry};
/// let b = dsn::ses_bounce(Reason::MailboxUnknown, Retry::Never);
/// assert_eq!((b.bounce_type, b.sub_type), (SesBounceType::Permanent, SesBounceSubType::NoEmail));
/// let b = dsn::ses_bounce(Reason::MailboxFull, Retry::AfterFix);
/// assert_eq!((b.bounce_type, b.sub_type), (SesBounceType::Transient, SesBounceSubType::MailboxFull));
/// ```
pub const fn ses_bounce(reason: Reason, retry: Retry) -> SesBounce {
    let (bounce_type, sub_type) = match (reason, retry) {
        (Reason::Ok, _) | (_, Retry::NotNeeded) => {
            (SesBounceType::Undetermined, SesBounceSubType::Undetermined)
        }
        (Reason::MailboxUnknown, Retry::Later) => (SesBounceType::Transient, SesBounceSubType::General),
        (Reason::MailboxUnknown, _) => (SesBounceType::Permanent, SesBounceSubType::NoEmail),
        (Reason::MailboxFull, _) => (SesBounceType::Transient, SesBounceSubType::MailboxFull),
        (Reason::MessageTooLarge, _) => (SesBounceType::Transient, SesBounceSubType::MessageTooLarge),
        (Reason::ContentRejected, _) => (SesBounceType::Transient, SesBounceSubType::ContentRejected),
        (Reason::Other, Retry::Later) => (SesBounceType::Undetermined, SesBounceSubType::Undetermined),
        (_, Retry::Later) => (SesBounceType::Transient, SesBounceSubType::General),
        (_, Retry::AfterFix | Retry::Never) => (SesBounceType::Permanent, SesBounceSubType::General),
    };
    SesBounce { bounce_type, sub_type }
}

impl SesBounceType {
    /// Every value, in declaration order.
    pub const ALL: [SesBounceType; 3] =
        [SesBounceType::Permanent, SesBounceType::Transient, SesBounceType::Undetermined];

    /// The stable id (SES's own spelling, `"NoEmail"`), as serde and `FromStr` use it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The label: Amazon SES's vocabulary is English, so every language reads the English
    /// label (the id is SES's own spelling).
    pub fn label(self, _locale: crate::Locale) -> &'static str {
        match self {
            SesBounceType::Permanent => "Permanent bounce",
            SesBounceType::Transient => "Transient bounce",
            SesBounceType::Undetermined => "Undetermined (SES could not tell)",
        }
    }
}

impl core::fmt::Display for SesBounceType {
    /// The English label; [`SesBounceType::as_str`] gives the id.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(crate::Locale::En))
    }
}

impl SesBounceSubType {
    /// Every value, in declaration order.
    pub const ALL: [SesBounceSubType; 9] = [
        SesBounceSubType::General,
        SesBounceSubType::NoEmail,
        SesBounceSubType::Suppressed,
        SesBounceSubType::OnAccountSuppressionList,
        SesBounceSubType::MailboxFull,
        SesBounceSubType::MessageTooLarge,
        SesBounceSubType::ContentRejected,
        SesBounceSubType::AttachmentRejected,
        SesBounceSubType::Undetermined,
    ];

    /// The stable id (SES's own spelling, `"NoEmail"`), as serde and `FromStr` use it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The label: Amazon SES's vocabulary is English, so every language reads the English
    /// label (the id is SES's own spelling).
    pub fn label(self, _locale: crate::Locale) -> &'static str {
        match self {
            SesBounceSubType::General => "General bounce",
            SesBounceSubType::NoEmail => "No such address",
            SesBounceSubType::Suppressed => "On the SES suppression list",
            SesBounceSubType::OnAccountSuppressionList => "On the account suppression list",
            SesBounceSubType::MailboxFull => "Mailbox full",
            SesBounceSubType::MessageTooLarge => "Message too large",
            SesBounceSubType::ContentRejected => "Content rejected",
            SesBounceSubType::AttachmentRejected => "Attachment rejected",
            SesBounceSubType::Undetermined => "Undetermined (SES could not tell)",
        }
    }
}

impl core::fmt::Display for SesBounceSubType {
    /// The English label; [`SesBounceSubType::as_str`] gives the id.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(crate::Locale::En))
    }
}

fn ses_type_parse_error(_: &str) -> crate::Error {
    crate::Error::UnknownName { kind: "SES bounce type" }
}

fn ses_subtype_parse_error(_: &str) -> crate::Error {
    crate::Error::UnknownName { kind: "SES bounce subtype" }
}
