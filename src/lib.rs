//! # smtp_codes
//!
//! What an SMTP reply means for the person who sent the mail — why it happened, whether to
//! retry, who must act, and what to do — plus every SMTP reply code and RFC 3463 enhanced status
//! code as typed reference data.
//!
//! ## Explain a reply
//!
//! [`explain`] a reply as the server sent it, or [`explain_text`] a reply found inside a log line,
//! a DSN or an error message. Both return one [`Explanation`]: a [`Reason`], a [`Retry`]
//! verdict, a [`Bounce`] verdict for the recipient address, a [`FixOwner`], and a summary and a
//! remedy a non-expert understands, in English or any [`Locale`].
//!
//! ```
//! use smtp_codes::{explain, Bounce, Reason, Retry};
//! let why = explain("550 5.1.1 <bob@example.com>: Recipient address rejected").unwrap();
//! assert_eq!((why.reason(), why.retry(), why.bounce()), (Reason::MailboxUnknown, Retry::Never, Some(Bounce::Hard)));
//! println!("{why}"); // The recipient's address does not exist … Check the address for typos …
//!
//! let why = smtp_codes::explain_text("postfix/smtp[123]: to=<a@example.org>, status=deferred (host mx.example.org said: 452 4.2.2 Mailbox full)").unwrap();
//! assert_eq!(why.reason(), Reason::MailboxFull);
//! ```
//!
//! What the client knows changes the verdict: [`explain_with`] and [`explain_text_with`] take a
//! [`Context`] — the [`ServerRole`] (your own submission server or someone else's MX), its host
//! name and the [`Command`] the reply answered.
//!
//! ```
//! use smtp_codes::{explain_with, Command, Context, FixOwner};
//! let context = Context::submission("smtp.office365.com").with_command(Command::Mail);
//! let why = explain_with("550 5.7.60 SMTP; Client does not have permissions to send as this sender", &context).unwrap();
//! assert_eq!(why.fix_owner(), FixOwner::SenderUser);
//! ```
//!
//! ## Explain a client library's error
//!
//! The [`Explain`] trait turns the errors of SMTP client libraries into the same
//! [`Explanation`], whether the server replied or the connection, DNS or TLS failed (then
//! [`Explanation::failure`] names the [`Failure`]): `lettre` 0.11 ([`lettre`] module, feature
//! `lettre`), `mail-send` 0.5–0.7 ([`mail_send`], feature `mail-send`) and `async-smtp` 0.10
//! ([`async_smtp`], feature `async-smtp`).
//!
//! ```ignore
//! use smtp_codes::{Context, Explain};
//! if let Err(error) = mailer.send(&email) {
//!     let why = error.explain_with(&Context::submission("smtp.gmail.com"));
//!     eprintln!("{}\n{}", why.summary(), why.remedy());
//! }
//! ```
//!
//! ## Look a code up, compare two
//!
//! [`lookup`] a basic reply code (`535`) for its `&'static` [`ReplyCode`] entry — class, name,
//! the RFC's text, what it means, when you meet it, how to fix it, its commands, RFCs and
//! enhanced codes — and [`lookup_enhanced`] an [`EnhancedCode`] (`"5.7.8"`) in the IANA
//! registry. [`compare`] two codes, as in "221 vs 535". [`Code`] holds any code from 200 to 599,
//! defined or not; [`codes`] names the 45 standard ones as `u16` constants for `match` arms.
//! [`Reply`] is the zero-copy parser underneath.
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
//! ## Layout
//!
//! The crate root holds the jobs — the free functions — and the types you pass to them or get
//! straight back from them, plus [`Error`]. A type you only reach through another type's
//! accessor lives in a module named for its subject:
//!
//! - [`reference`](mod@reference): the reference book behind [`ReplyCode`] and [`EnhancedStatus`] — `Class`,
//!   `Category`, `Standing`, `Reference`, enhanced `StatusClass`/`StatusSubject`/`StatusPattern`,
//!   `EnhancedKey`, comparison `Difference`s, the registry version;
//! - [`reply`]: the parser's pieces — `Line`, `Lines`, `ReplyText`, `Limits` (and [`Reply`],
//!   [`ParseError`] again);
//! - [`provider`]: `Provider` and `ProviderRule`, the provider knowledge;
//! - [`text`]: the bundles that `text(locale)` returns — `CodeTexts`, `Brief`, `Advice`;
//! - [`codes`]: the 45 standard codes as `u16` constants;
//! - [`lettre`], [`mail_send`], [`async_smtp`]: the client integrations, behind their features;
//! - [`dsn`]: whole bounce emails, recipient by recipient (feature `dsn`).
//!
//! ## Conventions
//!
//! **Enums.** Every public enum whose values are a vocabulary — [`Reason`], [`Retry`],
//! [`Bounce`], [`FixOwner`], [`Failure`], [`ServerRole`], [`Command`], [`Locale`],
//! `reference::{Class, Category, Standing}` — works the same way:
//! - `as_str()` is the stable id (`"auth_failed"`, `"rcpt"`, `"transient_negative"`; for
//!   `Locale` the BCP 47 tag), and serde and `FromStr` use that same string;
//! - `Display` is the English human label (`"Authentication failed"`), never the id, and
//!   `label(locale)` gives the label in any language;
//! - an inherent `ALL` constant lists every value, so you never need strum (which stays an
//!   implementation detail: no strum trait is part of the API).
//!
//! Enums whose variants carry data ([`Error`], [`ParseError`], `reference::Difference`) are
//! not vocabularies and have no ids. `tests/conventions.rs` checks every vocabulary enum,
//! the `dsn` module's (`Kind`, `Format`, `Action`, `SesBounceType`, `SesBounceSubType`)
//! included; Amazon SES's types keep SES's own spelling as their ids and English labels.
//!
//! **Localized text.** Accessors without a locale give English: `name()`, `description()`,
//! `summary()`, `remedy()` on [`ReplyCode`], [`EnhancedStatus`], [`Explanation`], [`Reason`],
//! [`Failure`] and `provider::ProviderRule`. `text(locale)` gives the same texts in any language,
//! as one struct from [`text`]; `label(locale)` gives a short label; `render(locale)` formats a
//! whole page. Nothing else takes a locale.
//!
//! **Names.** "Text" used to name five things. Now each name says what it holds:
//! [`text::CodeTexts`] (name, description, when, remedy of a code), [`text::Brief`] (name and
//! description of an enhanced class or subject), [`text::Advice`] (summary and remedy),
//! [`reply::ReplyText`] (the words a server sent), and [`reply::Line::as_bytes`] (one line's raw
//! bytes).
//!
//! **Codes.** [`Code`] is a validated `Copy` code (200 to 599) with the table entry as an
//! `Option`, so a code no standard defines (571) still has a type; [`ReplyCode`] is the
//! `&'static` reference entry of a defined code. The parser and explanations return plain `u16`
//! codes, so the [`codes`] constants match them directly.
//!
//! ## Features
//! - `std` (default): links the standard library. Without it the crate is `no_std`; every
//!   lookup, parse, explanation, comparison and rendering works the same, and none allocates.
//!   The error types implement `core::error::Error` either way.
//! - `all-languages` (default) = `lang-de`, `lang-es`, `lang-fr`, `lang-ja`, `lang-pt-br`,
//!   `lang-zh`. English is always compiled in; a language whose feature is off is not compiled
//!   at all (a server that only needs English saves its texts), its [`Locale`] variant stays and
//!   falls back to English, [`Locale::is_enabled`] says which are in, and [`Locale::negotiate`]
//!   only picks enabled languages. For English only:
//!   `smtp_codes = { version = "…", default-features = false, features = ["std"] }`.
//! - `serde`: `Serialize` for every public data type (codes as numbers, enhanced codes as
//!   `"5.7.8"`, enums as their ids), `Deserialize` for the value types.
//! - `lettre`, `mail-send`, `async-smtp`: the client integrations.
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
#[cfg_attr(not(any(feature = "lettre", feature = "mail-send", feature = "async-smtp")), allow(dead_code))]
mod client;
mod code;
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
pub mod provider;
pub mod reply;
mod reply_code;
mod scan;
mod swar;
pub mod text;
mod ui;

#[cfg(feature = "std")]
pub use client::Explain;
pub use code::Code;
pub use command::Command;
pub use compare::Comparison;
pub use enhanced::{EnhancedCode, EnhancedStatus};
pub use error::Error;
pub use explain::{
    Bounce, Context, Explanation, Failure, FixOwner, Reason, Retry, ServerRole, explain, explain_text,
    explain_text_with, explain_with,
};
pub use generated::codes;
pub use locale::Locale;
pub use reply::{ParseError, Reply};
pub use reply_code::ReplyCode;

// Paths the crate's own modules use (`crate::Class`); the public paths are in `reference`.
use class::{Category, Class};
use enhanced::EnhancedKey;
use reply_code::Standing;

pub mod reference {
    //! The reference book behind [`ReplyCode`](crate::ReplyCode) and
    //! [`EnhancedStatus`](crate::EnhancedStatus): what the digits of a code mean, the documents
    //! that define it, how it is established, the enhanced status classes and subjects, and the
    //! ways two codes differ. You reach these through the accessors of the root types
    //! (`entry.class()`, `entry.references()`, `comparison.differences()`); name them from here
    //! when you need to.
    //!
    //! ```
    //! use smtp_codes::reference::{Class, Standing};
    //! let entry = smtp_codes::lookup(535).unwrap();
    //! assert_eq!(entry.class(), Class::PermanentNegative);
    //! assert_eq!(entry.standing(), Standing::StandardsTrack);
    //! assert_eq!(Class::of(571), Some(Class::PermanentNegative)); // any code, defined or not
    //! ```
    pub use crate::class::{Category, Class};
    pub use crate::compare::Difference;
    pub use crate::enhanced::{EnhancedKey, StatusClass, StatusPattern, StatusSubject};
    pub use crate::reply_code::{Reference, Standing};

    /// The version of the IANA "SMTP Enhanced Status Codes" registry the data follows.
    pub const ENHANCED_REGISTRY_VERSION: &str = "2024-12-06";
}

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
