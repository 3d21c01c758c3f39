//! [`Recipient`]: one recipient of a report, its fields and its explanation.

use core::fmt;

use crate::{Bounce, Command, EnhancedCode, Explanation, Reason, Retry};

use super::fields::Field;

/// A DSN value with its type: `rfc822; user@example.com`, `dns; mx.example.com`,
/// `smtp; 550 5.1.1 …`. The type is kept as written (`rfc822`, `utf-8`, `x-unix`, …); it is
/// empty when the sender wrote no `type;`.
///
/// ```
/// use smtp_codes::dsn::TypedValue;
/// let v = TypedValue::parse("utf-8; 用户@例子.广告");
/// assert_eq!((v.kind.as_str(), v.value.as_str()), ("utf-8", "用户@例子.广告"));
/// ```
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TypedValue {
    /// The type before the `;` (`rfc822`, `utf-8`, `dns`, `smtp`, `x-postfix`), as written.
    pub kind: String,
    /// The value after the `;`, trimmed; addresses without their angle brackets.
    pub value: String,
}

impl TypedValue {
    /// Splits `type; value`. Angle brackets around an address are removed.
    pub fn parse(raw: &str) -> TypedValue {
        let (kind, value) = match raw.split_once(';') {
            Some((kind, value)) if !kind.trim().contains(' ') && !kind.contains('@') => (kind.trim(), value),
            _ => ("", raw),
        };
        let value = value.trim();
        let value = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')).unwrap_or(value);
        TypedValue { kind: kind.to_owned(), value: value.trim().to_owned() }
    }
}

impl fmt::Display for TypedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind.is_empty() {
            f.write_str(&self.value)
        } else {
            write!(f, "{}; {}", self.kind, self.value)
        }
    }
}

/// The `Action` of a recipient (RFC 3464 §2.3.3).
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase", parse_err_ty = crate::Error, parse_err_fn = action_parse_error)]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Action {
    /// The message could not be delivered and will not be tried again.
    Failed,
    /// Not delivered yet; the MTA keeps trying.
    Delayed,
    /// Delivered to the recipient's mailbox.
    Delivered,
    /// Handed on to a system that sends no DSNs.
    Relayed,
    /// Delivered and forwarded to several addresses (a list or alias).
    Expanded,
}

impl Action {
    /// Reads an `Action` value (case-insensitive; RFC 3464 allows comments after it).
    ///
    /// ```
    /// use smtp_codes::dsn::Action;
    /// assert_eq!(Action::parse("Failed (bad address)"), Some(Action::Failed));
    /// assert_eq!(Action::parse("deliverable"), Some(Action::Delivered)); // Postfix's sendmail -bv
    /// assert_eq!(Action::parse("gone"), None);
    /// ```
    pub fn parse(raw: &str) -> Option<Action> {
        let word = raw.split(|c: char| c.is_whitespace() || c == '(' || c == ';').next()?;
        // Postfix's address verification reports (`sendmail -bv`) say "deliverable" and
        // "undeliverable".
        if word.eq_ignore_ascii_case("deliverable") {
            return Some(Action::Delivered);
        }
        if word.eq_ignore_ascii_case("undeliverable") {
            return Some(Action::Failed);
        }
        [Action::Failed, Action::Delayed, Action::Delivered, Action::Relayed, Action::Expanded]
            .into_iter()
            .find(|a| word.eq_ignore_ascii_case(<&str>::from(*a)))
    }
}

/// One recipient of a report: what the report says about it and what that means.
///
/// The fields are what the report states (from the `message/delivery-status` part, or read from
/// the text of a non-standard bounce); [`reason`](Self::reason), [`retry`](Self::retry) and
/// [`explanation`](Self::explanation) are the crate's reading of them.
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Recipient {
    /// The recipient's address: the `Final-Recipient` address, else `Original-Recipient`, else
    /// the address the text of the bounce names.
    pub address: String,
    /// `Final-Recipient`.
    pub final_recipient: Option<TypedValue>,
    /// `Original-Recipient`.
    pub original_recipient: Option<TypedValue>,
    /// `Action`, when given and known.
    pub action: Option<Action>,
    /// `Status` as written (`5.1.1`, sometimes with a comment).
    pub status_field: Option<String>,
    /// The status: the enhanced code of the remote server's reply when it has one of the same
    /// class as the `Status` field (it is more precise than a relaying MTA's summary), else the
    /// `Status` field.
    pub status: Option<EnhancedCode>,
    /// `Remote-MTA`.
    pub remote_mta: Option<TypedValue>,
    /// `Diagnostic-Code` (folded lines joined).
    pub diagnostic_code: Option<TypedValue>,
    /// `Last-Attempt-Date`.
    pub last_attempt_date: Option<String>,
    /// `Will-Retry-Until`.
    pub will_retry_until: Option<String>,
    /// Every field of the recipient's block, in order, unfolded (`X-Actual-Recipient`, …).
    pub fields: Vec<(String, String)>,
    /// The text the explanation was read from: the diagnostic code, or the lines of a
    /// non-standard bounce about this recipient.
    pub diagnostic: String,
    /// The SMTP command the remote server answered, when the report says (`in reply to RCPT TO
    /// command`, `after end of data`, `[RCPT_TO]`, …).
    pub command: Option<Command>,
    /// The reply code of the remote server, when the report holds a reply.
    pub reply_code: Option<u16>,
    pub(crate) explanation: Option<Explanation>,
    pub(crate) reason: Reason,
    pub(crate) retry: Retry,
}

impl Recipient {
    pub(crate) fn new(address: String) -> Recipient {
        Recipient {
            address,
            final_recipient: None,
            original_recipient: None,
            action: None,
            status_field: None,
            status: None,
            remote_mta: None,
            diagnostic_code: None,
            last_attempt_date: None,
            will_retry_until: None,
            fields: Vec::new(),
            diagnostic: String::new(),
            command: None,
            reply_code: None,
            explanation: None,
            reason: Reason::Other,
            retry: Retry::Never,
        }
    }

    pub(crate) fn from_fields(fields: Vec<Field>) -> Recipient {
        let get = |name: &str| super::fields::get(&fields, name);
        let final_recipient = get("Final-Recipient").map(TypedValue::parse);
        let original_recipient = get("Original-Recipient").map(TypedValue::parse);
        let address = final_recipient
            .as_ref()
            .or(original_recipient.as_ref())
            .map(|v| v.value.clone())
            .unwrap_or_default();
        let mut r = Recipient::new(address);
        r.final_recipient = final_recipient;
        r.original_recipient = original_recipient;
        r.action = get("Action").and_then(Action::parse);
        r.status_field = get("Status").map(str::to_owned);
        r.status =
            get("Status").and_then(|s| EnhancedCode::parse_prefix(s.trim().as_bytes())).map(|(c, _)| c);
        r.remote_mta = get("Remote-MTA").map(TypedValue::parse);
        r.diagnostic_code = get("Diagnostic-Code").map(TypedValue::parse);
        r.last_attempt_date = get("Last-Attempt-Date").map(str::to_owned);
        r.will_retry_until = get("Will-Retry-Until").map(str::to_owned);
        r.fields = fields;
        r
    }

    /// Why delivery failed (or [`Reason::Ok`] for a delivery receipt).
    pub const fn reason(&self) -> Reason {
        self.reason
    }

    /// Whether and when sending to this recipient again may work.
    pub const fn retry(&self) -> Retry {
        self.retry
    }

    /// What the failure says about this recipient's address, as
    /// [`Explanation::bounce`](crate::Explanation::bounce) defines it: hard when the address
    /// itself is the problem and retrying cannot help, soft when delivery to it failed for now,
    /// `None` for a delivery or a problem not about the recipient (the sender, the message, its
    /// reputation).
    pub fn bounce(&self) -> Option<Bounce> {
        crate::explain::bounce_of(self.reason, self.retry)
    }

    /// The crate's explanation (summary and remedy in every language, who must act, the
    /// provider), when the report held a reply or a status to explain.
    pub const fn explanation(&self) -> Option<&Explanation> {
        self.explanation.as_ref()
    }
}

impl Action {
    /// Every value, in declaration order.
    pub const ALL: [Action; 5] =
        [Action::Failed, Action::Delayed, Action::Delivered, Action::Relayed, Action::Expanded];

    /// The stable id (`"failed"`, RFC 3464's own word), as serde and `FromStr` use it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The label in the given language.
    pub fn label(self, locale: crate::Locale) -> &'static str {
        let ui = crate::ui::ui(locale);
        match self {
            Action::Failed => ui.dsn_action_failed,
            Action::Delayed => ui.dsn_action_delayed,
            Action::Delivered => ui.dsn_action_delivered,
            Action::Relayed => ui.dsn_action_relayed,
            Action::Expanded => ui.dsn_action_expanded,
        }
    }
}

impl core::fmt::Display for Action {
    /// The English label; [`Action::as_str`] gives the id.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(crate::Locale::En))
    }
}

fn action_parse_error(_: &str) -> crate::Error {
    crate::Error::UnknownName { kind: "action" }
}
