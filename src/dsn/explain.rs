//! The one place a parsed recipient meets the crate's explanations.
//!
//! The reply is explained by [`explain_text_with`] with the recipient's command stage as its
//! [`Context`]; the report's action, status and wording then decide what the reply alone cannot.
//!
//! What the report decides beyond the reply, from the report's own wording (`[bounce]` in
//! `data/explain.toml`):
//! - no reply: a *carrier* reply code of the status's class (550/451/250) passed to
//!   `from_parts` with the `Status`, a status the MTA states (`(#5.1.1)`), or one its wording
//!   implies (`implied`); `reply_code` stays `None`. Two carriers tell when nothing decided.
//! - transport failures without a reply (`no_reply`) → `network_error`, or an unknown address
//!   when the recipient's domain does not exist (`no_such_domain`); giving up (`gave_up`,
//!   x.4.7, a failed action on a 4.x.x status) → `expired`.
//! - the command: a refusal after `MAIL FROM` is about the sender.
//! - `x-unix;` diagnostics: a local delivery program failed.

use crate::generated::{BOUNCE_GAVE_UP, BOUNCE_IMPLIED, BOUNCE_NO_REPLY, BOUNCE_NO_SUCH_DOMAIN};
use crate::{Command, Context, EnhancedCode, Explanation, Reason, Retry, explain_text_with};

use super::phrases::{Found, Phrases};
use super::recipient::{Action, Recipient};

/// The lists of [`WORDING`], by index.
const GAVE_UP: usize = 0;
const NO_REPLY: usize = 1;
const NO_SUCH_DOMAIN: usize = 2;
const IMPLIED: usize = 3;
const GROUPS: usize = 4;

/// The phrases of the bounce's wording read here, found in one pass over the diagnostic.
fn wording(text: &str) -> Found {
    static WORDING: std::sync::OnceLock<Phrases> = std::sync::OnceLock::new();
    WORDING
        .get_or_init(|| {
            let implied: Vec<&'static str> = BOUNCE_IMPLIED.iter().map(|&(phrase, _, _)| phrase).collect();
            Phrases::new(&[
                &BOUNCE_GAVE_UP,
                &BOUNCE_NO_REPLY,
                &BOUNCE_NO_SUCH_DOMAIN,
                &implied,
                &["groups.google.com/support"],
            ])
        })
        .scan(text.as_bytes(), 0)
}

/// The status the first `[bounce] implied` phrase in the text stands for, of the class given.
fn implied_status(found: Found, class: u8) -> Option<EnhancedCode> {
    let class = if class == 4 { 4 } else { 5 };
    let (_, subject, detail) = BOUNCE_IMPLIED[found.first(IMPLIED)?];
    EnhancedCode::new(class, subject, detail)
}

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
/// code, the status (when the reply has a more precise one), the reason and the retry verdict.
pub(crate) fn explain(recipient: &mut Recipient) {
    let text = recipient.diagnostic.as_str();
    let words = wording(text);
    // `x-unix; 255` is a local program's exit code, not an SMTP reply.
    // A recipient that is a pipe (`|/usr/bin/procmail`) is a local program too.
    let smtp = recipient.diagnostic_code.as_ref().is_none_or(|d| !d.kind.eq_ignore_ascii_case("x-unix"))
        && !recipient.address.starts_with('|');
    // A reply found in the text; failures without one are read below from the report's own
    // wording and status.
    let mut context = Context::new();
    context.command = recipient.command;
    let found = if smtp { explain_text_with(text, &context).filter(|e| e.code().is_some()) } else { None };
    recipient.reply_code = found.and_then(|e| e.code());
    // An expiry that quotes the remote server's last reply (Amazon SES's "554 4.4.7 Message
    // expired: … <421 4.4.2 Connection timed out>"): that reply and its status are what the
    // remote end said; the explanation stays the expiry.
    let quoted = found
        .and_then(|e| e.enhanced())
        .filter(|e| e.subject() == 4 && e.detail() == 7)
        .and_then(|_| crate::explain::quoted_cause(text));
    if let Some((code, _)) = quoted {
        recipient.reply_code = Some(code);
    }
    // Gave up: 4.4.7/5.4.7 ("delivery time expired") or the MTA's own words; less surely, a
    // failed action on a temporary status (the MTA stopped retrying a temporary failure).
    let says_expired = recipient.status.is_some_and(|s| s.subject() == 4 && s.detail() == 7);
    let gave_up = says_expired || words.any(GAVE_UP);
    let stopped_retrying =
        recipient.action == Some(Action::Failed) && recipient.status.is_some_and(|s| s.class() == 4);
    if found.is_none() && recipient.status.is_none_or(|s| s.subject() == 0 && s.detail() == 0) {
        // No reply, and no precise Status field: a code the MTA states in its own words.
        if let Some(stated) = super::status::stated(text) {
            if recipient.status.is_none_or(|s| s.class() == stated.class()) {
                recipient.status = Some(stated);
            }
        }
    }
    let mut unexplained = false;
    let explanation = found.or_else(|| {
        let code = carrier(recipient.status, recipient.action);
        let specific = recipient.status.filter(|s| s.subject() != 0 || s.detail() != 0);
        // A bounce's own wording ("The recipient name is not recognized", "Domain does not
        // exist") stands for the status it implies; the crate then explains that status.
        let implied = specific.or_else(|| implied_status(words, (code / 100) as u8));
        let explanation = Explanation::from_parts(code, implied.or(recipient.status), text)?;
        // Neither a reply, nor a specific status, nor a known phrase: the carrier's default would
        // speak for a reply that never came. Two carriers with different defaults tell.
        if implied.is_none() {
            let other = if code == 550 { 554 } else { code };
            unexplained = other != code
                && Explanation::from_parts(other, recipient.status, text)
                    .is_some_and(|e| e.reason() != explanation.reason());
        }
        Some(explanation)
    });
    let Some(explanation) = explanation else { return };
    if let Some(enhanced) = quoted.map(|(_, status)| status).or_else(|| found.and_then(|e| e.enhanced())) {
        // The remote server's own code is more precise than the relaying MTA's summary
        // (`Status: 4.4.7` over `450 4.7.1 …`), unless it only gives the class.
        let specific = enhanced.subject() != 0 || enhanced.detail() != 0;
        let vague = recipient.status.is_none_or(|s| s.subject() == 0 && s.detail() == 0);
        let same_class = recipient.status.is_none_or(|s| s.class() == enhanced.class());
        if same_class && (specific || vague) {
            recipient.status = Some(enhanced);
        }
    }
    let mut reason = if unexplained { Reason::Other } else { explanation.reason() };
    let mut retry = explanation.retry();
    // A transcript's own words before a generic reply (Sendmail's `mail.local: unknown user`
    // before `554 … Service unavailable`) name the failure the reply only summarises.
    if found.is_some() && matches!(reason, Reason::ServiceUnavailable | Reason::Other | Reason::PolicyBlocked)
    {
        if let Some(words) = crate::explain::words_before_reply(text) {
            reason = words;
            let policy = crate::generated::reason_policy(words);
            retry = if explanation.code().is_some_and(|c| c / 100 == 4) {
                policy.transient
            } else {
                policy.permanent
            };
        }
    }
    if unexplained && retry == Retry::Never {
        // Nothing says why, so nothing says sending again is hopeless: a permanent failure of
        // unknown cause waits for someone to look.
        retry = Retry::AfterFix;
    }
    let no_reply = recipient.reply_code.is_none();
    let says_no_reply = words.any(NO_REPLY);
    if no_reply && says_no_reply {
        reason = Reason::NetworkError;
        // Words that say the domain accepts no mail ("No MX record found") keep "never".
        let no_mail_host =
            explanation.reason() == Reason::NetworkError && explanation.retry() == Retry::Never;
        retry = if no_mail_host { Retry::Never } else { Retry::AfterFix };
    }
    // The recipient's domain does not exist (the DNS answered so): a permanent failure worded so
    // is about the address itself — unknown, and never worth sending to again as written.
    let permanent = recipient.status.is_none_or(|s| s.class() == 5)
        && recipient.reply_code.is_none_or(|c| c >= 500)
        && recipient.action != Some(Action::Delayed);
    if permanent && reason == Reason::NetworkError && words.any(NO_SUCH_DOMAIN) {
        reason = Reason::MailboxUnknown;
        retry = Retry::Never;
    }
    let failed = !matches!(
        recipient.action,
        Some(Action::Delayed | Action::Delivered | Action::Relayed | Action::Expanded)
    );
    // Expired when nothing else says why, or when the MTA's own x.4.7 summary goes with no reply
    // but a transport failure (the reply, when there is one, is the remote server's own word).
    let expiry_explains = unexplained
        || reason == Reason::Other
        || (says_expired
            && found.is_none()
            && matches!(reason, Reason::NetworkError | Reason::ServiceUnavailable));
    if failed && (gave_up || stopped_retrying) && expiry_explains {
        reason = Reason::Expired;
        retry = Retry::AfterFix;
    }
    // The cause over the expiry: a report that gave up and also names why (a transport failure
    // in its words, or a specific status such as qmail's `(#4.4.1)`) is about that cause; the
    // verdict stays "after a fix". A status of x.4.7 ("delivery time expired") is the MTA's own
    // summary and stands.
    // The words may already have given way to that status (`Explanation::decide` reads a
    // specific status as the cause over expiry words): the verdict is still "after a fix".
    let cause_already = failed && (gave_up || stopped_retrying) && found.is_none();
    if (failed && reason == Reason::Expired || cause_already) && !says_expired {
        let cause = if says_no_reply {
            Some(Reason::NetworkError)
        } else {
            let class = recipient.status.map_or(5, EnhancedCode::class);
            recipient
                .status
                .filter(|s| s.subject() != 0 || s.detail() != 0)
                .or_else(|| implied_status(words, class))
                .filter(|s| s.subject() != 4 || s.detail() != 7)
                .and_then(crate::explain::status_reason)
                .filter(|&(cause, weak)| !weak && cause != Reason::Expired)
                .map(|(cause, _)| cause)
        };
        if let Some(cause) = cause.filter(|&cause| reason == Reason::Expired || reason == cause) {
            reason = cause;
            retry = Retry::AfterFix;
        }
    }
    // Google Groups' notice (in the poster's language, with no reply): the group may not exist,
    // or the sender may not post to it — a refusal of the sender, as Sisimai files it.
    let domain = recipient.address.rsplit_once('@').map_or("", |(_, domain)| domain);
    let group = domain.eq_ignore_ascii_case("googlegroups.com") || words.any(GROUPS);
    if failed && found.is_none() && group {
        reason = Reason::SenderRejected;
        retry = Retry::AfterFix;
    }
    // A refusal of MAIL FROM is about the sender, never the recipient's mailbox (until the
    // explanation API takes the command itself).
    if recipient.command == Some(Command::Mail)
        && matches!(reason, Reason::MailboxUnknown | Reason::MailboxDisabled | Reason::Other)
    {
        reason = Reason::SenderRejected;
        retry = Retry::AfterFix;
    }
    // `x-unix;` diagnostics and pipe recipients come from a local delivery program (procmail, a
    // pipe): the receiving system failed, whatever words the program printed.
    if !smtp && failed {
        reason = Reason::ServiceUnavailable;
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
    recipient.explanation = Some(explanation.with_verdict(reason, retry));
}
