//! [`Report`]: what a whole message is, and what it says about each recipient.

use super::recipient::{Recipient, TypedValue};

/// What a message is.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case", parse_err_ty = crate::Error, parse_err_fn = kind_parse_error)]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Kind {
    /// A bounce: delivery failed for at least one recipient.
    Bounce,
    /// A delay warning: not delivered yet, still being tried.
    Delay,
    /// A delivery, relay or expansion receipt: nothing failed.
    Receipt,
    /// An automatic reply (RFC 3834): vacation, out of office. Not a delivery failure.
    AutoReply,
    /// An abuse or complaint report (ARF, RFC 5965): the recipient marked the mail as spam.
    Feedback,
    /// Not a delivery report of any kind.
    NotAReport,
}

/// How the report was written: which parser read the recipients.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case", parse_err_ty = crate::Error, parse_err_fn = format_parse_error)]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Format {
    /// RFC 3464 `multipart/report; report-type=delivery-status`.
    DeliveryStatus,
    /// RFC 6533 `message/global-delivery-status` (internationalized addresses).
    GlobalDeliveryStatus,
    /// DSN fields (`Final-Recipient:`, `Status:`, …) written inside the text of the message.
    FieldsInText,
    /// An Amazon SES notification (JSON in the body).
    SesNotification,
    /// A non-standard, human-readable bounce (qmail, Exim, old Sendmail, Exchange, Gmail,
    /// Yahoo, …), read by its wording.
    PlainText,
    /// An ARF feedback report (RFC 5965).
    FeedbackReport,
    /// An automatic reply, recognized by its headers or subject.
    AutoReply,
    /// Nothing recognized.
    Unknown,
}

/// A whole report read from a raw email: what it is, the per-message fields and each
/// recipient with its explanation.
///
/// ```
/// let raw = b"From: MAILER-DAEMON@mx.example.com\r\nSubject: Undelivered Mail\r\n\
/// Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n\
/// --b\r\nContent-Type: text/plain\r\n\r\nSorry.\r\n\
/// --b\r\nContent-Type: message/delivery-status\r\n\r\n\
/// Reporting-MTA: dns; mx.example.com\r\n\r\n\
/// Final-Recipient: rfc822; bob@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\
/// Diagnostic-Code: smtp; 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\r\n\
/// --b--\r\n";
/// let report = smtp_codes::dsn::parse(raw).unwrap();
/// assert_eq!(report.kind, smtp_codes::dsn::Kind::Bounce);
/// let bob = &report.recipients[0];
/// assert_eq!(bob.address, "bob@example.org");
/// assert_eq!(bob.reason(), smtp_codes::Reason::MailboxUnknown);
/// assert_eq!(bob.reply_code, Some(550));
/// ```
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// What the message is.
    pub kind: Kind,
    /// How it was written.
    pub format: Format,
    /// `Reporting-MTA`.
    pub reporting_mta: Option<TypedValue>,
    /// `Received-From-MTA`.
    pub received_from_mta: Option<TypedValue>,
    /// `Arrival-Date`.
    pub arrival_date: Option<String>,
    /// `Original-Envelope-Id`.
    pub original_envelope_id: Option<String>,
    /// `X-Postfix-Queue-ID`.
    pub postfix_queue_id: Option<String>,
    /// Every per-message field, in order, unfolded.
    pub fields: Vec<(String, String)>,
    /// The recipients, in the order the report lists them.
    pub recipients: Vec<Recipient>,
    /// The `Message-ID` of the message that bounced (from the returned message or its
    /// headers), so a sender can mark it failed.
    pub original_message_id: Option<String>,
    /// The report's own `Subject`.
    pub subject: Option<String>,
    /// The report's own `From` address.
    pub from: Option<String>,
    /// Whether the input was longer than [`MAX_INPUT_BYTES`](super::MAX_INPUT_BYTES) (only
    /// its beginning was read) or listed more than [`MAX_RECIPIENTS`](super::MAX_RECIPIENTS).
    pub truncated: bool,
}

impl Report {
    pub(crate) fn empty() -> Report {
        Report {
            kind: Kind::NotAReport,
            format: Format::Unknown,
            reporting_mta: None,
            received_from_mta: None,
            arrival_date: None,
            original_envelope_id: None,
            postfix_queue_id: None,
            fields: Vec::new(),
            recipients: Vec::new(),
            original_message_id: None,
            subject: None,
            from: None,
            truncated: false,
        }
    }

    pub(crate) fn set_message_fields(&mut self, fields: Vec<(String, String)>) {
        let get = |name: &str| super::fields::get(&fields, name);
        self.reporting_mta = get("Reporting-MTA").map(TypedValue::parse);
        self.received_from_mta = get("Received-From-MTA").map(TypedValue::parse);
        self.arrival_date = get("Arrival-Date").map(str::to_owned);
        self.original_envelope_id = get("Original-Envelope-Id").map(str::to_owned);
        self.postfix_queue_id = get("X-Postfix-Queue-ID").map(str::to_owned);
        self.fields = fields;
    }

    /// Whether this is a bounce or a delay warning: a delivery failure a sender should record.
    pub const fn is_failure(&self) -> bool {
        matches!(self.kind, Kind::Bounce | Kind::Delay)
    }
}

impl Kind {
    /// Every value, in declaration order.
    pub const ALL: [Kind; 6] =
        [Kind::Bounce, Kind::Delay, Kind::Receipt, Kind::AutoReply, Kind::Feedback, Kind::NotAReport];

    /// The stable id (`"auto_reply"`), as serde and `FromStr` use it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The label in the given language.
    pub fn label(self, locale: crate::Locale) -> &'static str {
        let ui = crate::ui::ui(locale);
        match self {
            Kind::Bounce => ui.dsn_kind_bounce,
            Kind::Delay => ui.dsn_kind_delay,
            Kind::Receipt => ui.dsn_kind_receipt,
            Kind::AutoReply => ui.dsn_kind_auto_reply,
            Kind::Feedback => ui.dsn_kind_feedback,
            Kind::NotAReport => ui.dsn_kind_not_a_report,
        }
    }
}

impl core::fmt::Display for Kind {
    /// The English label; [`Kind::as_str`] gives the id.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(crate::Locale::En))
    }
}

impl Format {
    /// Every value, in declaration order.
    pub const ALL: [Format; 8] = [
        Format::DeliveryStatus,
        Format::GlobalDeliveryStatus,
        Format::FieldsInText,
        Format::SesNotification,
        Format::PlainText,
        Format::FeedbackReport,
        Format::AutoReply,
        Format::Unknown,
    ];

    /// The stable id (`"plain_text"`), as serde and `FromStr` use it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The label in the given language.
    pub fn label(self, locale: crate::Locale) -> &'static str {
        let ui = crate::ui::ui(locale);
        match self {
            Format::DeliveryStatus => ui.dsn_format_delivery_status,
            Format::GlobalDeliveryStatus => ui.dsn_format_global_delivery_status,
            Format::FieldsInText => ui.dsn_format_fields_in_text,
            Format::SesNotification => ui.dsn_format_ses_notification,
            Format::PlainText => ui.dsn_format_plain_text,
            Format::FeedbackReport => ui.dsn_format_feedback_report,
            Format::AutoReply => ui.dsn_format_auto_reply,
            Format::Unknown => ui.dsn_format_unknown,
        }
    }
}

impl core::fmt::Display for Format {
    /// The English label; [`Format::as_str`] gives the id.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(crate::Locale::En))
    }
}

fn kind_parse_error(_: &str) -> crate::Error {
    crate::Error::UnknownName { kind: "report kind" }
}

fn format_parse_error(_: &str) -> crate::Error {
    crate::Error::UnknownName { kind: "report format" }
}
