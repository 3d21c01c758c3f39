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
}
