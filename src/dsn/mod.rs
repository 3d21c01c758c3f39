//! Whole bounce emails, recipient by recipient (feature `dsn`).
//!
//! [`parse`] reads a raw email as received and returns a [`Report`]: what the message is
//! ([`Kind`]: a bounce, a delay warning, a delivery receipt, an automatic reply, a complaint, or
//! none of these), the per-message fields, the `Message-ID` of the message that bounced, and
//! every [`Recipient`] with its fields, [`reason`](Recipient::reason),
//! [`retry`](Recipient::retry) verdict and the crate's [`Explanation`](crate::Explanation)
//! (summary and remedy in every language, who must act, the provider).
//!
//! ```
//! let raw = b"From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>\r\n\
//! Subject: failure notice\r\n\r\n\
//! Hi. This is the qmail-send program at mx.example.net.\r\n\
//! I'm afraid I wasn't able to deliver your message to the following addresses.\r\n\r\n\
//! <bob@example.org>:\r\n\
//! 192.0.2.1 does not like recipient.\r\n\
//! Remote host said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\r\n\
//! Giving up on 192.0.2.1.\r\n\r\n\
//! --- Below this line is a copy of the message.\r\n\r\n\
//! Message-ID: <42@example.net>\r\nSubject: hello\r\n";
//! let report = smtp_codes::dsn::parse(raw).unwrap();
//! assert_eq!(report.kind, smtp_codes::dsn::Kind::Bounce);
//! assert_eq!(report.original_message_id.as_deref(), Some("42@example.net"));
//! let bob = &report.recipients[0];
//! assert_eq!((bob.address.as_str(), bob.reply_code), ("bob@example.org", Some(550)));
//! assert_eq!(bob.reason(), smtp_codes::Reason::MailboxUnknown);
//! println!("{}", bob.explanation().unwrap().text(smtp_codes::Locale::Ja).remedy());
//! ```
//!
//! ## What it reads
//! - RFC 3464 `multipart/report; report-type=delivery-status` and RFC 6533
//!   `message/global-delivery-status`: every per-message and per-recipient field (folded lines
//!   joined, address types such as `rfc822;` and `utf-8;` kept), in [`Report`] and
//!   [`Recipient`]. A recipient without a `Diagnostic-Code` takes the lines the human-readable
//!   part writes about it.
//! - DSN fields written in the text of the message (Amazon WorkMail, some appliances).
//! - Amazon SES notifications (`notificationType` Bounce, Complaint, Delivery).
//! - Non-standard, human-readable bounces (qmail, Exim, old Sendmail, Exchange 2003, Gmail,
//!   Yahoo, Mail.ru, OpenSMTPD, DragonFly, Domino, …) by the kind of wording they use: the text
//!   before the returned copy, lines that lead with an address (`<bob@…>:`, `  bob@…`,
//!   `bob@…: 550 …`), else sentences that name an address with delivery wording. When none is
//!   found the returned message's `To` is the recipient.
//! - A bounce forwarded inside another message: attached (`message/rfc822` holding a report) or
//!   inline with `>` quoting.
//! - ARF feedback reports (RFC 5965) and Microsoft JMRP complaints, and automatic replies
//!   (RFC 3834: `Auto-Submitted`, `X-Autoreply`, out-of-office subjects) are recognized and not
//!   counted as bounces.
//!
//! Each recipient is explained from its reply (the `Diagnostic-Code` or the bounce's text)
//! through [`explain_text`](crate::explain_text); without a reply, from its `Status` (or a
//! status the MTA states, such as qmail's `(#5.1.1)`) and the bounce's wording. Failures with no
//! SMTP reply read as `network_error` (timeouts, DNS failures) or `expired` (4.4.7/5.4.7, "retry
//! timeout exceeded", a failed action on a temporary status). The status reported is the
//! remote server's own enhanced code when its reply has one of the `Status` field's class.
//!
//! ## Why mail-parser
//! MIME is read by [`mail-parser`](https://docs.rs/mail-parser) (Stalwart Labs): maintained,
//! fuzzed, zero-copy, tolerant of the broken MIME bounces are made of (missing boundaries, bad
//! base64 and quoted-printable, 8-bit headers, legacy charsets), and it never panics. Only the
//! delivery-status fields — header-like blocks — are read here. mail-parser is held below
//! 0.11.4 because later versions need a newer Rust than this crate's MSRV (1.85).
//!
//! ## Bounded work
//! At most [`MAX_INPUT_BYTES`] of input and [`MAX_RECIPIENTS`] recipients are read; text,
//! fields, MIME parts and per-recipient diagnostics have their own caps. Every scan is linear.
//!
//! ## Interoperability
//! [`sisimai_reason`] names a [`Reason`](crate::Reason) in Sisimai's vocabulary:
//!
//! | `Reason` | Sisimai |
//! | --- | --- |
//! | `ok` | `delivered` |
//! | `auth_required`, `auth_failed`, `auth_mechanism` | `securityerror` |
//! | `tls_required` | `failedstarttls` |
//! | `mailbox_unknown` | `userunknown` |
//! | `mailbox_full` | `mailboxfull` |
//! | `mailbox_disabled` | `suspend` |
//! | `message_too_large` | `mesgtoobig` |
//! | `relay_denied` | `norelaying` |
//! | `sender_rejected` | `rejected` |
//! | `spam_blocked`, `greylisted` | `blocked` |
//! | `policy_blocked` | `policyviolation` |
//! | `sender_unauthenticated` | `authfailure` |
//! | `rate_limited` | `ratelimited` |
//! | `service_unavailable` | `systemerror` |
//! | `syntax_error`, `command_unrecognized`, `bad_sequence`, `not_implemented` | `syntaxerror` |
//! | `network_error` | `networkerror` |
//! | `content_rejected` | `contenterror` |
//! | `expired` | `expired` |
//! | `other` | `undefined` |
//!
//! [`ses_bounce`] gives Amazon SES's `bounceType` / `bounceSubType`:
//!
//! | reason, retry | bounceType | bounceSubType |
//! | --- | --- | --- |
//! | `ok`, or retry not needed | Undetermined | Undetermined |
//! | `mailbox_unknown`, never / after a fix | Permanent | NoEmail |
//! | `mailbox_unknown`, later | Transient | General |
//! | `mailbox_full` | Transient | MailboxFull |
//! | `message_too_large` | Transient | MessageTooLarge |
//! | `content_rejected` | Transient | ContentRejected |
//! | `other`, later | Undetermined | Undetermined |
//! | any other, later | Transient | General |
//! | any other, never / after a fix | Permanent | General |
//!
//! `Suppressed`, `OnAccountSuppressionList` and `AttachmentRejected` are SES's own verdicts; no
//! reply from another server maps to them.

mod error;
mod explain;
mod fields;
mod interop;
mod limits;
mod lines;
mod mime;
mod phrases;
mod plain;
mod recipient;
mod report;
mod ses;
mod stage;
mod status;

pub use error::DsnError;
pub use interop::{SesBounce, SesBounceSubType, SesBounceType, ses_bounce, sisimai_reason};
pub use limits::{MAX_INPUT_BYTES, MAX_RECIPIENTS};
pub use recipient::{Action, Recipient, TypedValue};
pub use report::{Format, Kind, Report};

use crate::Command;
use plain::contains_any;

/// Subjects of automatic replies.
const AUTO_REPLY_SUBJECTS: [&str; 14] = [
    "auto reply",
    "auto-reply",
    "autoreply",
    "automatic reply",
    "auto:",
    "out of office",
    "out of the office",
    "away until",
    "vacation",
    "abwesenheit",
    "réponse automatique",
    "respuesta automática",
    "自動返信",
    "自動応答",
];

fn is_auto_reply(parts: &mime::Parts) -> bool {
    let subject = parts.subject.as_deref().unwrap_or("");
    let marked = parts.markers.iter().any(|m| {
        m.starts_with("auto-submitted: auto-replied")
            || m.starts_with("x-autoreply")
            || m.starts_with("x-autorespond")
            || m.starts_with("x-autoreply-from")
            || m == "precedence: auto_reply"
    });
    marked || contains_any(subject, &AUTO_REPLY_SUBJECTS)
}

/// Reads a whole email, as received, as a delivery report.
///
/// Never panics; the work is bounded (see [`MAX_INPUT_BYTES`], [`MAX_RECIPIENTS`]). A message
/// that is no report of any kind is `Ok` with [`Kind::NotAReport`].
///
/// # Errors
/// [`DsnError::Empty`] for empty input, [`DsnError::NotAnEmail`] when no header can be read,
/// [`DsnError::UnreadableMime`] when MIME is too corrupt to read (debug builds only).
///
/// ```
/// use smtp_codes::dsn::{parse, DsnError, Kind};
/// assert_eq!(parse(b"").unwrap_err(), DsnError::Empty);
/// let hello = parse(b"From: a@example.com\r\nSubject: lunch?\r\n\r\nAt noon.\r\n").unwrap();
/// assert_eq!(hello.kind, Kind::NotAReport);
/// ```
pub fn parse(raw: &[u8]) -> Result<Report, DsnError> {
    parse_at(raw, 0)
}

fn parse_at(raw: &[u8], depth: u8) -> Result<Report, DsnError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(DsnError::Empty);
    }
    let mut report = Report::empty();
    let raw = match raw.get(..MAX_INPUT_BYTES) {
        Some(head) if head.len() < raw.len() => {
            report.truncated = true;
            head
        }
        _ => raw,
    };
    let parts = mime::read(raw)?.ok_or(DsnError::NotAnEmail(raw.len()))?;
    report.subject.clone_from(&parts.subject);
    report.from.clone_from(&parts.from);
    // The text lowercased once (ASCII letters only: the same byte offsets) for every
    // case-insensitive search below.
    let lower = parts.text.to_ascii_lowercase();
    let split = plain::split_original(&parts.text, &lower);
    let (text, returned) = parts.text.split_at(split);
    let (lower_text, lower_returned) = lower.split_at(split);
    report.original_message_id = parts.original_message_id.clone().or_else(|| {
        plain::quoted_header(returned, lower_returned, "Message-ID")
            .map(|id| id.trim_matches(['<', '>']).to_owned())
    });

    let subject = parts.subject.as_deref().unwrap_or("");
    let from = parts.from.as_deref().unwrap_or("");
    // ARF (RFC 5965), or a complaint in a bare attached message (Microsoft's JMRP).
    let jmrp = parts.delivery_status.is_none()
        && parts.original_to.is_some()
        && contains_any(subject, &["complaint about message", "abuse report"]);
    let arf = parts.report_type.as_deref() == Some("feedback-report");
    if parts.feedback.is_some() || arf || jmrp {
        report.kind = Kind::Feedback;
        report.format = Format::FeedbackReport;
        let groups = fields::groups(parts.feedback.as_deref().unwrap_or(""));
        let mut addresses: Vec<String> = groups
            .message
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("Original-Rcpt-To"))
            .map(|(_, v)| v.trim_matches(['<', '>', ' ']).to_owned())
            .take(MAX_RECIPIENTS)
            .collect();
        if addresses.is_empty() {
            addresses.extend(parts.original_to.clone());
        }
        report.set_message_fields(groups.message);
        for address in addresses {
            let mut r = Recipient::new(address);
            // A complaint: the recipient asked not to get this mail.
            r.retry = crate::Retry::Never;
            report.recipients.push(r);
        }
        return Ok(report);
    }

    // Read only when needed: a complete delivery-status part makes it unnecessary.
    let mut found_in_text: Option<Vec<plain::Found>> = None;
    // The command stage of each recipient's diagnostic, when `read_fields` has read it.
    let mut stages = Vec::new();
    if let Some((status, global)) = &parts.delivery_status {
        report.format = if *global { Format::GlobalDeliveryStatus } else { Format::DeliveryStatus };
        read_fields(&mut report, status, (text, lower_text), &mut found_in_text, &mut stages);
    }
    if report.recipients.is_empty()
        && plain::lower_has_any(&lower, &["final-recipient:", "original-recipient:"])
    {
        report.format = Format::FieldsInText;
        read_fields(&mut report, &parts.text, (text, lower_text), &mut found_in_text, &mut stages);
    }
    if report.recipients.is_empty() {
        if let Some((kind, recipients)) = ses::read(&parts.text) {
            report.format = Format::SesNotification;
            report.kind = kind;
            if report.original_message_id.is_none() {
                report.original_message_id = ses::message_id(&parts.text);
            }
            report.recipients = recipients;
            finish(&mut report, &[]);
            if kind == Kind::Feedback {
                report.recipients.iter_mut().for_each(|r| r.explanation = None);
            }
            return Ok(report);
        }
    }
    if report.recipients.is_empty() {
        let found_in_text = found_in_text.unwrap_or_else(|| plain::recipients(text));
        let bounce = plain::looks_like_bounce(subject, from, lower_text);
        let auto_subject = contains_any(subject, &AUTO_REPLY_SUBJECTS);
        let auto = auto_subject || ((found_in_text.is_empty() || !bounce) && is_auto_reply(&parts));
        if auto && !contains_any(from, &plain::DAEMON_SENDERS) {
            report.kind = Kind::AutoReply;
            report.format = Format::AutoReply;
            if let Some(from) = &parts.from {
                let mut r = Recipient::new(from.clone());
                r.reason = crate::Reason::Ok;
                r.retry = crate::Retry::NotNeeded;
                report.recipients.push(r);
            }
            return Ok(report);
        }
        if let Some(inner) = parts.inner_report.as_deref().filter(|_| depth < 2 && found_in_text.is_empty()) {
            // A bounce forwarded inside another message (a filter's notice around it).
            if let Ok(inner) = parse_at(inner, depth + 1) {
                if inner.is_failure() && !inner.recipients.is_empty() {
                    return Ok(inner);
                }
            }
        }
        if !bounce {
            return Ok(report);
        }
        report.format = Format::PlainText;
        let delayed = plain::says_delayed(subject, lower_text);
        for found in found_in_text {
            let mut r = Recipient::new(found.address);
            r.diagnostic = found.text;
            r.action = Some(if delayed { Action::Delayed } else { Action::Failed });
            report.recipients.push(r);
        }
        if report.recipients.is_empty() {
            let to = parts.original_to.clone().or_else(|| {
                plain::quoted_header(returned, lower_returned, "To")
                    .and_then(|to| plain::addresses(&to).first().map(|&(s, e)| to[s..e].to_owned()))
            });
            if let Some(to) = to {
                let mut r = Recipient::new(to);
                let end = fields::floor_char_boundary(text, 2048);
                r.diagnostic = text[..end].trim().to_owned();
                r.action = Some(if delayed { Action::Delayed } else { Action::Failed });
                report.recipients.push(r);
            }
        }
    }
    finish(&mut report, &stages);
    Ok(report)
}

/// Recipients from delivery-status fields; a recipient without a `Diagnostic-Code` takes what
/// the text says about it. The report's text comes with its lowercase copy.
fn read_fields(
    report: &mut Report,
    text: &str,
    (report_text, lower_report_text): (&str, &str),
    found_in_text: &mut Option<Vec<plain::Found>>,
    stages: &mut Vec<Option<Option<Command>>>,
) {
    let groups = fields::groups(text);
    let single = groups.recipients.len() == 1;
    if groups.recipients.len() >= MAX_RECIPIENTS {
        report.truncated = true;
    }
    report.set_message_fields(groups.message);
    // Whether the prose names a command stage at all: only then is it read per recipient.
    let mut prose_names_stage: Option<bool> = None;
    for group in groups.recipients {
        let mut r = Recipient::from_fields(group);
        let from_text = match &r.diagnostic_code {
            Some(code) if !code.value.trim().is_empty() => None,
            _ => found_in_text
                .get_or_insert_with(|| plain::recipients(report_text))
                .iter()
                .find(|f| f.address.eq_ignore_ascii_case(&r.address)),
        };
        r.diagnostic = match (&r.diagnostic_code, from_text) {
            (Some(code), Some(found)) if code.value.trim().is_empty() => found.text.clone(),
            (Some(code), _) => code.value.clone(),
            (None, Some(found)) => found.text.clone(),
            // The only recipient, named differently in the text (a pipe, a file): the text.
            (None, None) if single => block_naming(report_text, &r.address).unwrap_or_else(|| {
                let end = fields::floor_char_boundary(report_text, 2048);
                report_text[..end].trim().to_owned()
            }),
            (None, None) => String::new(),
        };
        if r.address.is_empty() && !r.fields.is_empty() {
            continue;
        }
        let own = from_text.is_none().then(|| stage::command(&r.diagnostic));
        if own == Some(None)
            && *prose_names_stage
                .get_or_insert_with(|| stage::command_in(report_text, lower_report_text).is_some())
        {
            // The command stage the text tells about this recipient (Postfix writes "(in reply
            // to MAIL FROM command)" in its prose, not in the Diagnostic-Code).
            r.command = found_in_text
                .get_or_insert_with(|| plain::recipients(report_text))
                .iter()
                .find(|f| f.address.eq_ignore_ascii_case(&r.address))
                .and_then(|f| stage::command(&f.text));
        }
        // `finish` reads the stage of the diagnostic again unless it is known here (a diagnostic
        // still empty is filled there).
        stages.push(own.filter(|_| !r.diagnostic.is_empty()));
        report.recipients.push(r);
    }
}

/// The paragraph of `text` that names `address` (Exim's `save to /var/mail/…` with the error
/// under it): from the line that names it to the next blank line.
fn block_naming(text: &str, address: &str) -> Option<String> {
    if address.len() < 3 {
        return None;
    }
    let at = text.find(address)?;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let rest = &text[start..];
    let end = rest.find("\n\n").or_else(|| rest.find("\n\r\n")).unwrap_or(rest.len());
    let end = fields::floor_char_boundary(rest, end.min(2048));
    Some(rest[..end].trim().to_owned())
}

/// Explains every recipient and decides the kind from their actions. `stages` has the command
/// stage of the first recipients' diagnostics where `read_fields` has read it.
fn finish(report: &mut Report, stages: &[Option<Option<Command>>]) {
    for (i, r) in report.recipients.iter_mut().enumerate() {
        if r.diagnostic.is_empty() {
            if let Some(code) = &r.diagnostic_code {
                r.diagnostic.clone_from(&code.value);
            }
        }
        let stage = stages.get(i).copied().flatten().unwrap_or_else(|| stage::command(&r.diagnostic));
        r.command = stage.or(r.command);
        explain::explain(r);
    }
    if report.kind != Kind::NotAReport || report.recipients.is_empty() {
        return;
    }
    let any = |f: fn(&Recipient) -> bool| report.recipients.iter().any(f);
    report.kind = if any(|r| r.action == Some(Action::Failed)) {
        Kind::Bounce
    } else if any(|r| r.action == Some(Action::Delayed)) {
        Kind::Delay
    } else if any(|r| matches!(r.action, Some(Action::Delivered | Action::Relayed | Action::Expanded))) {
        Kind::Receipt
    } else if any(|r| r.status.is_some_and(|s| s.class() == 4))
        && !any(|r| r.status.is_some_and(|s| s.class() == 5))
    {
        Kind::Delay
    } else if any(|r| r.status.is_some_and(|s| s.class() == 2))
        && !any(|r| r.status.is_some_and(|s| s.class() != 2))
    {
        Kind::Receipt
    } else {
        Kind::Bounce
    };
}
