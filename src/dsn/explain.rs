//! The one place a parsed recipient meets the crate's explanations.
//!
//! Built on the public API only ([`explain_text`], [`Explanation::from_parts`]), so that it can
//! be rewired in one file when the explanation API gains a context (the SMTP command, replies
//! that never came).

use crate::{EnhancedCode, Explanation, Reason, Retry, explain_text};

use super::plain::contains_any;
use super::recipient::{Action, Recipient};

/// Wording of an MTA that stopped retrying.
const GAVE_UP: [&str; 14] = [
    "retry timeout exceeded",
    "too long in queue",
    "message expired",
    "delivery time expired",
    "delivery expired",
    "cannot send message for",
    "could not be delivered for",
    "retry time not reached for any host after a long failure period",
    "was not delivered within",
    "message timeout",
    "queue lifetime",
    "have been failing for",
    "undeliverable for",
    "expired after",
];

/// Wording of a transport failure without any SMTP reply.
const NO_REPLY: [&str; 12] = [
    "connection timed out",
    "timed out",
    "connection refused",
    "host or domain name not found",
    "host not found",
    "name service error",
    "no route to host",
    "network is unreachable",
    "could not connect",
    "connection reset",
    "lost connection",
    "no mx",
];

/// The reply code that carries a status with no reply into [`Explanation::from_parts`]: it only
/// gives the class; the recipient's `reply_code` stays `None`.
fn carrier(status: Option<EnhancedCode>, action: Option<Action>) -> u16 {
    match (status.map(EnhancedCode::class), action) {
        (Some(2), _) | (None, Some(Action::Delivered | Action::Relayed | Action::Expanded)) => 250,
        (Some(4), _) | (None, Some(Action::Delayed)) => 451,
        _ => 550,
    }
}

/// Explains one recipient from its status, diagnostic text and action, and stores the reply
/// code, the status (when only the diagnostic had it), the reason and the retry verdict.
pub(crate) fn explain(recipient: &mut Recipient) {
    let text = recipient.diagnostic.as_str();
    let found = explain_text(text);
    recipient.reply_code = found.map(|e| e.code());
    let explanation = found.or_else(|| {
        let code = carrier(recipient.status, recipient.action);
        Explanation::from_parts(code, recipient.status, text)
    });
    let Some(explanation) = explanation else { return };
    if let Some(enhanced) = explanation.enhanced() {
        let vague = recipient.status.is_none_or(|s| s.subject() == 0 && s.detail() == 0);
        if vague && enhanced.class() == recipient.status.map_or(enhanced.class(), EnhancedCode::class) {
            recipient.status = Some(enhanced);
        }
    }
    let mut reason = explanation.reason();
    let mut retry = explanation.retry();
    let gave_up =
        recipient.status.is_some_and(|s| s.subject() == 4 && s.detail() == 7) || contains_any(text, &GAVE_UP);
    let no_reply = recipient.reply_code.is_none();
    if no_reply && contains_any(text, &NO_REPLY) {
        reason = Reason::NetworkError;
        retry = Retry::AfterFix;
    }
    let failed = !matches!(
        recipient.action,
        Some(Action::Delayed | Action::Delivered | Action::Relayed | Action::Expanded)
    );
    if gave_up
        && failed
        && (no_reply || matches!(reason, Reason::NetworkError | Reason::ServiceUnavailable | Reason::Other))
    {
        reason = Reason::Expired;
        retry = Retry::AfterFix;
    }
    match recipient.action {
        Some(Action::Delayed) => retry = Retry::Later,
        Some(Action::Delivered | Action::Relayed | Action::Expanded) => {
            reason = Reason::Ok;
            retry = Retry::NotNeeded;
        }
        _ => {}
    }
    recipient.reason = reason;
    recipient.retry = retry;
    recipient.explanation = Some(explanation);
}
