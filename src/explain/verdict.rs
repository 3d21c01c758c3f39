//! The verdicts of an explanation: [`Retry`], [`Bounce`] and [`FixOwner`].

use strum::{Display, EnumIter, EnumString, IntoStaticStr};

use crate::{Error, Locale, ui::ui};

/// Whether and when to send again.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Display, EnumString, EnumIter, IntoStaticStr,
)]
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

/// How a mailing system should count a failed delivery.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Display, EnumString, EnumIter, IntoStaticStr,
)]
#[strum(serialize_all = "snake_case", parse_err_ty = Error, parse_err_fn = bounce_parse_error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[allow(clippy::exhaustive_enums)] // Hard, soft or none: the mailing industry's fixed vocabulary.
pub enum Bounce {
    /// A permanent failure: stop sending to this address until the cause changes.
    Hard,
    /// A temporary failure: the message may still be delivered.
    Soft,
    /// Not a failure.
    None,
}

fn bounce_parse_error(_: &str) -> Error {
    Error::UnknownName { kind: "bounce" }
}

/// Who has to act to make the message go through.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Display, EnumString, EnumIter, IntoStaticStr,
)]
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
    /// A short label in the given language ("hard bounce").
    pub fn label(self, locale: Locale) -> &'static str {
        let ui = ui(locale);
        match self {
            Bounce::Hard => ui.bounce_hard,
            Bounce::Soft => ui.bounce_soft,
            Bounce::None => ui.bounce_none,
        }
    }
}

impl FixOwner {
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
