//! The verdicts of an explanation: [`Retry`], [`Bounce`] and [`FixOwner`].

use strum::EnumString;

use crate::{Error, Locale, ui::ui};

/// Whether and when to send again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumString)]
#[strum(serialize_all = "snake_case", parse_err_ty = Error, parse_err_fn = retry_parse_error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[allow(clippy::exhaustive_enums)] // Callers match on the verdict; four cover every case by design.
pub enum Retry {
    /// A 2xx or 3xx reply: nothing failed.
    NotNeeded,
    /// The problem is temporary: the same message may go through later (with backoff).
    Later,
    /// It keeps failing until someone changes something: credentials, TLS, DNS records,
    /// the message.
    AfterFix,
    /// Sending the same thing again will fail again.
    Never,
}

fn retry_parse_error(_: &str) -> Error {
    Error::UnknownName { kind: "retry" }
}

/// What a failure says about the recipient address, for a mailing system's bounce handling.
///
/// Only failures about the recipient count: sign-in, TLS, connection, sender or message problems
/// are not bounces, and [`Explanation::bounce`](crate::Explanation::bounce) gives `None` for them
/// (and for positive replies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumString)]
#[strum(serialize_all = "snake_case", parse_err_ty = Error, parse_err_fn = bounce_parse_error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[allow(clippy::exhaustive_enums)] // Hard or soft: the mailing industry's fixed vocabulary.
pub enum Bounce {
    /// The address itself is the problem (it does not exist, or is disabled): stop sending to
    /// it until the cause changes.
    Hard,
    /// The address is fine, delivery to it failed for now (a full mailbox, a busy or
    /// rate-limiting server): the message may still be delivered.
    Soft,
}

/// What a reason says about the recipient address (data/explain.toml `bounce`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BounceScope {
    /// The address is the problem: hard when permanent, soft when temporary.
    Address,
    /// Delivery to the address failed for now: soft; hard when it can never succeed (the
    /// retry verdict is [`Retry::Never`]: the recipient's domain does not exist).
    Delivery,
    /// Not about the recipient.
    NotAboutRecipient,
}

/// What a failure with this reason and retry verdict says about the recipient's address (see
/// [`Bounce`]): hard when the address is the problem and sending again cannot help, or when
/// delivery to it can never succeed; soft when delivery failed for now; `None` for a success or
/// a problem not about the recipient. The one rule behind `Explanation::bounce` and
/// `dsn::Recipient::bounce`.
pub(crate) fn bounce_of(reason: crate::Reason, retry: Retry) -> Option<Bounce> {
    if retry == Retry::NotNeeded {
        return None;
    }
    match crate::generated::reason_policy(reason).bounce {
        BounceScope::Address if matches!(retry, Retry::Never | Retry::AfterFix) => Some(Bounce::Hard),
        BounceScope::Delivery if retry == Retry::Never => Some(Bounce::Hard),
        BounceScope::Address | BounceScope::Delivery => Some(Bounce::Soft),
        BounceScope::NotAboutRecipient => None,
    }
}

/// The verdicts of one reason (data/explain.toml `[reason]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ReasonPolicy {
    pub(crate) fix_owner: FixOwner,
    pub(crate) transient: Retry,
    pub(crate) permanent: Retry,
    pub(crate) bounce: BounceScope,
    pub(crate) submission_fix_owner: FixOwner,
}

fn bounce_parse_error(_: &str) -> Error {
    Error::UnknownName { kind: "bounce" }
}

/// Who has to act to make the message go through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumString)]
#[strum(serialize_all = "snake_case", parse_err_ty = Error, parse_err_fn = owner_parse_error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum FixOwner {
    /// The person sending: their settings, credentials, the address or the message.
    SenderUser,
    /// The sender's mail administrator or provider: DNS records, IP reputation, server setup.
    SenderAdmin,
    /// The recipient or the receiving side's administrator.
    RecipientSide,
    /// Nobody: nothing failed, or it resolves by itself.
    Nobody,
}

fn owner_parse_error(_: &str) -> Error {
    Error::UnknownName { kind: "fix owner" }
}

impl Retry {
    /// Every value, in declaration order.
    pub const ALL: [Retry; 4] = [Retry::NotNeeded, Retry::Later, Retry::AfterFix, Retry::Never];

    /// The stable snake_case id, as serde and `FromStr` use it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Retry::NotNeeded => "not_needed",
            Retry::Later => "later",
            Retry::AfterFix => "after_fix",
            Retry::Never => "never",
        }
    }

    /// A short label in the given language ("retry later; the problem is temporary").
    pub fn label(self, locale: Locale) -> &'static str {
        let ui = ui(locale);
        match self {
            Retry::NotNeeded => ui.retry_not_needed,
            Retry::Later => ui.retry_later,
            Retry::AfterFix => ui.retry_after_fix,
            Retry::Never => ui.retry_never,
        }
    }
}

impl Bounce {
    /// Every value, in declaration order.
    pub const ALL: [Bounce; 2] = [Bounce::Hard, Bounce::Soft];

    /// The stable snake_case id, as serde and `FromStr` use it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Bounce::Hard => "hard",
            Bounce::Soft => "soft",
        }
    }

    /// A short label in the given language ("hard bounce").
    pub fn label(self, locale: Locale) -> &'static str {
        let ui = ui(locale);
        match self {
            Bounce::Hard => ui.bounce_hard,
            Bounce::Soft => ui.bounce_soft,
        }
    }
}

impl FixOwner {
    /// Every value, in declaration order.
    pub const ALL: [FixOwner; 4] =
        [FixOwner::SenderUser, FixOwner::SenderAdmin, FixOwner::RecipientSide, FixOwner::Nobody];

    /// The stable snake_case id, as serde and `FromStr` use it.
    pub const fn as_str(self) -> &'static str {
        match self {
            FixOwner::SenderUser => "sender_user",
            FixOwner::SenderAdmin => "sender_admin",
            FixOwner::RecipientSide => "recipient_side",
            FixOwner::Nobody => "nobody",
        }
    }

    /// A short label in the given language ("you, the sender").
    pub fn label(self, locale: Locale) -> &'static str {
        let ui = ui(locale);
        match self {
            FixOwner::SenderUser => ui.fix_owner_sender_user,
            FixOwner::SenderAdmin => ui.fix_owner_sender_admin,
            FixOwner::RecipientSide => ui.fix_owner_recipient_side,
            FixOwner::Nobody => ui.fix_owner_nobody,
        }
    }
}

impl core::fmt::Display for Retry {
    /// The English label; [`Retry::as_str`] gives the id.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(Locale::En))
    }
}

impl core::fmt::Display for Bounce {
    /// The English label; [`Bounce::as_str`] gives the id.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(Locale::En))
    }
}

impl core::fmt::Display for FixOwner {
    /// The English label; [`FixOwner::as_str`] gives the id.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(Locale::En))
    }
}
