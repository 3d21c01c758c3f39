//! The crate's error type for lookups and conversions.

/// What went wrong when a value given to this crate is not what it should be.
///
/// Every variant names the offending value where it is small enough to carry without allocating.
/// Parsing a server reply has its own error, [`ParseError`](crate::ParseError).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "error", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Error {
    /// The number cannot be an SMTP reply code at all: reply codes have three digits.
    #[error("{0} is not a reply code at all: SMTP reply codes have three digits")]
    NotAReplyCode(u16),
    /// The number has the shape of a reply code (three digits), but no standard defines it
    /// (571, 999).
    #[error("{0} is not a known SMTP reply code")]
    UnknownReplyCode(u16),
    /// The text is not an enhanced status code of the form `class.subject.detail`
    /// (class 2, 4 or 5; subject and detail of 1 to 3 digits).
    #[error("not an enhanced status code: expected class.subject.detail such as 5.7.8")]
    InvalidEnhancedCode,
    /// The text names no known value of the given kind (`"class"`, `"category"`, `"locale"`, …).
    #[error("unrecognized {kind} name")]
    UnknownName {
        /// Which kind of value was being parsed.
        kind: &'static str,
    },
}
