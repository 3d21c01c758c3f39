//! Explanations of real server replies: why, whether to retry, who must act, what to do.

mod reason;

pub use reason::Reason;
pub(crate) use reason::ReasonText;
