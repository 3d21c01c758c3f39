//! [`DsnError`]: why an input is not an email at all.

/// Why [`parse`](super::parse) could not read an input as an email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DsnError {
    /// The input is empty (or only white space).
    #[error("the input is empty")]
    Empty,
    /// No header could be read: this is not an email.
    #[error("no email headers found in {0} bytes")]
    NotAnEmail(usize),
    /// The MIME structure is too corrupt to read (in debug builds, mail-parser's own
    /// consistency check failed on it; release builds read what they can).
    #[error("the MIME structure is too corrupt to read")]
    UnreadableMime,
}
