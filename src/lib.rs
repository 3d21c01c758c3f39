//! # smtp_codes
//!
//! Every SMTP reply code and RFC 3463 enhanced status code as typed data you can act on.
//!
//! - [`lookup`] a basic reply code (`535`) and get a `&'static` [`ReplyCode`] from a compile-time
//!   perfect-hash table: class, category, name, the RFC's text, our description, when you meet
//!   it, how to fix it, the commands it answers, its RFCs and its enhanced codes.
//! - [`lookup_enhanced`] an enhanced status code (`"5.7.8"`) for the whole IANA registry.
//! - [`compare`] two codes, as in "221 vs 535", and render it in any [`Locale`].
//!
//! ```
//! let entry = smtp_codes::lookup(535).unwrap();
//! assert_eq!(entry.to_string(), "535 Authentication Failed");
//! assert!(entry.class().is_permanent());
//! println!("{}", entry.remedy());
//!
//! let comparison = smtp_codes::compare(221, 535).unwrap();
//! println!("{}", comparison.render(smtp_codes::Locale::Ja));
//! ```
//!
//! ## Features
//! - `std` (default): links the standard library. Without it the crate is `no_std`; every
//!   lookup, parse, explanation, comparison and rendering works the same, and none allocates.
//!   The error types implement `core::error::Error` either way.
//! - `serde`: `Serialize` for every public data type (codes as numbers, enhanced codes as
//!   `"5.7.8"`), `Deserialize` for the value types.
//! - `lettre`: explain `lettre` 0.11 SMTP errors.
//! - `dsn`: read whole bounce emails (RFC 3464/6533 delivery status notifications and the
//!   non-standard bounces of big MTAs and providers), recipient by recipient: [`dsn::parse`]
//!   (MIME through `mail-parser`).
//!
//! ## Data
//! Facts come from the RFCs and the IANA registry (`data/codes.toml`, `data/enhanced.toml`);
//! every text a person reads is ours, per language (`data/text/*.toml`). `src/generated.rs` is
//! generated from them by `cargo run -p xtask -- codegen`.
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod class;
#[cfg(feature = "std")]
mod client;
mod command;
mod compare;
#[cfg(feature = "dsn")]
#[cfg_attr(docsrs, doc(cfg(feature = "dsn")))]
pub mod dsn;
mod enhanced;
mod error;
mod explain;
#[rustfmt::skip]
mod generated;
#[cfg(feature = "async-smtp")]
#[cfg_attr(docsrs, doc(cfg(feature = "async-smtp")))]
pub mod async_smtp;
#[cfg(feature = "lettre")]
#[cfg_attr(docsrs, doc(cfg(feature = "lettre")))]
pub mod lettre;
mod locale;
#[cfg(feature = "mail-send")]
#[cfg_attr(docsrs, doc(cfg(feature = "mail-send")))]
pub mod mail_send;
mod provider;
mod reply;
mod reply_code;
mod scan;
mod ui;

pub use class::{Category, Class};
#[cfg(feature = "std")]
pub use client::Explain;
pub use command::Command;
pub use compare::{Comparison, Difference};
pub use enhanced::{
    BriefText, EnhancedCode, EnhancedKey, EnhancedStatus, StatusClass, StatusPattern, StatusSubject,
};
pub use error::Error;
pub use explain::{
    Advice, Bounce, Context, Explanation, Failure, FixOwner, Reason, Retry, ServerRole, explain,
    explain_text, explain_text_with, explain_with,
};
pub use generated::codes;
pub use locale::Locale;
pub use provider::{Provider, ProviderRule};
pub use reply::{Limits, Line, Lines, ParseError, Reply, ReplyText};
pub use reply_code::{Reference, ReplyCode, Standing, Text};

/// The version of the IANA "SMTP Enhanced Status Codes" registry the data follows.
pub const ENHANCED_REGISTRY_VERSION: &str = "2024-12-06";

/// Everything known about a basic reply code, or `None` when no standard defines it.
///
/// Codes seen in the wild but in no RFC (571, 200, …) return `None`; [`Class::of`] still
/// classifies them.
///
/// ```
/// let entry = smtp_codes::lookup(535).unwrap();
/// assert_eq!(entry.name(), "Authentication Failed");
/// assert!(smtp_codes::lookup(571).is_none());
/// ```
#[inline]
pub fn lookup(code: u16) -> Option<&'static ReplyCode> {
    let index = generated::REPLY_CODE_INDEX.get(&code)?;
    generated::REPLY_CODES.get(usize::from(*index))
}

/// Like [`lookup`], with an error that says why a code has no entry.
pub(crate) fn lookup_known(code: u16) -> Result<&'static ReplyCode, Error> {
    if !(100..=999).contains(&code) {
        return Err(Error::NotAReplyCode(code));
    }
    lookup(code).ok_or(Error::UnknownReplyCode(code))
}

/// Every basic reply code the standards define, ordered by code.
///
/// ```
/// let codes: Vec<u16> = smtp_codes::all().map(|c| c.code()).collect();
/// assert_eq!(codes.len(), 45);
/// assert!(codes.windows(2).all(|w| w[0] < w[1]));
/// ```
pub fn all() -> impl ExactSizeIterator<Item = &'static ReplyCode> + DoubleEndedIterator + Clone {
    generated::REPLY_CODES.iter()
}

/// Compares two reply codes: classes, meanings, when each appears, fixes, key differences.
///
/// ```
/// use smtp_codes::{compare, Error};
/// assert!(compare(221, 535).is_ok());
/// assert_eq!(compare(221, 999), Err(Error::UnknownReplyCode(999)));
/// assert_eq!(compare(221, 42), Err(Error::NotAReplyCode(42)));
/// assert_eq!(compare(221, 599), Err(Error::UnknownReplyCode(599)));
/// ```
pub fn compare(first: u16, second: u16) -> Result<Comparison, Error> {
    Comparison::new(first, second)
}

/// The IANA registry entry of an enhanced status code, from `"5.7.8"` or an [`EnhancedCode`].
///
/// Returns `None` for text that is not an enhanced code, and for valid codes the registry does
/// not list (use [`EnhancedCode::subject_info`] for those).
///
/// ```
/// use smtp_codes::{lookup_enhanced, EnhancedCode};
/// assert_eq!(lookup_enhanced("5.7.8").unwrap().title(), "Authentication credentials invalid");
/// let code: EnhancedCode = "4.2.2".parse().unwrap();
/// assert_eq!(lookup_enhanced(code).unwrap().title(), "Mailbox full");
/// assert!(lookup_enhanced("5.7.708").is_none());
/// ```
pub fn lookup_enhanced<K: EnhancedKey>(code: K) -> Option<&'static EnhancedStatus> {
    code.to_enhanced_code()?.status()
}

/// Every entry of the IANA enhanced status code registry, in registry order.
pub fn all_enhanced() -> impl ExactSizeIterator<Item = &'static EnhancedStatus> + DoubleEndedIterator + Clone
{
    generated::ENHANCED.iter()
}
