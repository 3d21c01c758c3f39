//! The caps that bound the work on any input.

/// Bytes of input read; the rest of a longer input is ignored (and the report says
/// `truncated`). Bounces that return a giant attachment keep their report at the start.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
/// Recipients read from one report.
pub const MAX_RECIPIENTS: usize = 1000;
/// MIME parts looked at.
pub(crate) const MAX_PARTS: usize = 256;
/// Bytes of human-readable text and of delivery-status fields read.
pub(crate) const MAX_TEXT_BYTES: usize = 256 * 1024;
/// Fields read from one delivery-status part.
pub(crate) const MAX_FIELDS: usize = 20 * MAX_RECIPIENTS;
/// Bytes kept of one field value.
pub(crate) const MAX_FIELD_BYTES: usize = 8 * 1024;
/// Bytes of diagnostic text kept per recipient.
pub(crate) const MAX_DIAGNOSTIC_BYTES: usize = 4 * 1024;
/// Bytes kept of a header value (RFC 5322 §2.1.1 allows 998 a line).
pub(crate) const MAX_HEADER_BYTES: usize = 998;
