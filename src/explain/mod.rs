//! Explanations of real server replies: why, whether to retry, who must act, what to do.

mod find;
mod keywords;
mod reason;
mod verdict;

use core::fmt::{self, Display};

pub(crate) use keywords::{KeywordRule, eq_lower, head4};
pub use reason::Reason;
pub(crate) use reason::ReasonText;
pub use verdict::{Bounce, FixOwner, Retry};

use crate::compare::Label;
use crate::provider::{self, Provider, ProviderRule, Segments};
use crate::ui::ui;
use crate::{Class, EnhancedCode, EnhancedStatus, Locale, ParseError, Reply, ReplyCode, generated};

/// The human texts of an [`Explanation`] in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ExplanationText {
    summary: &'static str,
    remedy: &'static str,
}

impl ExplanationText {
    #[cfg_attr(not(feature = "lettre"), allow(dead_code))]
    pub(crate) const fn new(summary: &'static str, remedy: &'static str) -> ExplanationText {
        ExplanationText { summary, remedy }
    }

    /// One sentence a non-expert understands.
    pub const fn summary(&self) -> &'static str {
        self.summary
    }

    /// What to do about it.
    pub const fn remedy(&self) -> &'static str {
        self.remedy
    }
}

/// What a reply means for the person who sent the mail: the reason, whether to retry, who must
/// act, a one-sentence summary and a remedy.
///
/// Built by [`explain`](crate::explain), [`explain_text`](crate::explain_text) or
/// [`Explanation::from_reply`]. `Display` prints the summary and the remedy in English;
/// [`render`](Self::render) prints everything in any [`Locale`].
///
/// ```
/// use smtp_codes::{explain, Reason, Retry, FixOwner};
/// let e = explain("535 5.7.8 Error: authentication failed").unwrap();
/// assert_eq!(e.reason(), Reason::AuthFailed);
/// assert_eq!(e.retry(), Retry::AfterFix);
/// assert_eq!(e.fix_owner(), FixOwner::SenderUser);
/// assert_eq!(e.summary(), "The server rejected the user name or password.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Explanation {
    code: u16,
    enhanced: Option<EnhancedCode>,
    reason: Reason,
    retry: Retry,
    provider: Option<u8>,
    rule: Option<u8>,
}

impl Explanation {
    /// Explains a parsed reply.
    pub fn from_reply(reply: &Reply<'_>) -> Explanation {
        let enhanced = reply.enhanced().or_else(|| {
            // qmail and some others write the enhanced code at the end: "(#5.7.1)".
            reply.lines().find_map(|line| hash_enhanced(line.text()))
        });
        let text = reply.text();
        Explanation::decide(reply.code(), enhanced, &|visit| text.segments().for_each(&mut *visit), None)
    }

    /// Explains a reply from its parts: the code, the enhanced code if known, and the text.
    ///
    /// Useful when a library has already split a reply (lettre's `Response`, a log parser).
    ///
    /// ```
    /// use smtp_codes::{Explanation, Reason};
    /// let e = Explanation::from_parts(550, None, "Requested action not taken: mailbox unavailable (user unknown)").unwrap();
    /// assert_eq!(e.reason(), Reason::MailboxUnknown);
    /// assert!(Explanation::from_parts(42, None, "").is_none());
    /// ```
    pub fn from_parts(code: u16, enhanced: Option<EnhancedCode>, text: &str) -> Option<Explanation> {
        Class::of(code)?;
        let enhanced = enhanced
            .or_else(|| crate::reply::leading_enhanced(text.as_bytes()))
            .or_else(|| hash_enhanced(text.as_bytes()));
        Some(Explanation::decide(code, enhanced, &|visit| visit(text.as_bytes()), None))
    }

    /// Decides from the code, the enhanced code and the reply's text (`segments`). `context`,
    /// when given, is the whole text the reply was found in (a log line, a session transcript):
    /// a provider shown there (`relay=…`, the server's greeting) counts as shown.
    fn decide(
        code: u16,
        enhanced: Option<EnhancedCode>,
        segments: Segments<'_>,
        context: Option<&[u8]>,
    ) -> Explanation {
        let mut providers = provider::Scan::default();
        match context {
            Some(context) => providers.scan(context),
            None => segments(&mut |segment| providers.scan(segment)),
        }
        let provider = providers.provider();
        let class = Class::of(code).unwrap_or(Class::PermanentNegative);
        if class.is_positive() {
            return Explanation {
                code,
                enhanced,
                reason: Reason::Ok,
                retry: Retry::NotNeeded,
                provider,
                rule: None,
            };
        }
        if let Some(index) = provider::matching_rule(&providers, code, enhanced, segments) {
            let rule = provider::rule(index);
            return Explanation {
                code,
                enhanced,
                reason: rule.reason(),
                retry: rule.retry(),
                provider,
                rule: Some(index),
            };
        }
        // Keywords only matter once no provider rule has decided.
        let mut keywords = keywords::Found::new();
        segments(&mut |segment| keywords.scan(segment));
        // From the code: a specific enhanced code first, then the reply code, then the class.
        let from_enhanced = enhanced.and_then(|e| {
            let (reason, weak) =
                *generated::ENHANCED_REASONS.get(&crate::enhanced::status_key(e.subject(), e.detail()))?;
            Some((reason, weak || used_loosely(e, code)))
        });
        let from_basic = generated::BASIC_REASONS.get(&code).copied();
        let fallback = if class.is_transient() { Reason::ServiceUnavailable } else { Reason::Other };
        let (mut reason, weak) = match (from_enhanced, from_basic) {
            (Some((r, false)), _) => (r, false),
            (Some((_, true)), Some((b, false))) => (b, false),
            (Some((r, true)), _) => (r, true),
            (None, Some(b)) => b,
            (None, None) => (fallback, true),
        };
        // The text, when it is clearly more specific.
        if let Some((keyword, always)) = keywords.reason {
            if always || weak {
                reason = keyword;
            }
        }
        let (_, transient, permanent) = generated::reason_policy(reason);
        let mut retry = if class.is_transient() { transient } else { permanent };
        if class.is_permanent() {
            if let Some(verdict) = keywords.retry {
                retry = verdict;
            }
        }
        Explanation { code, enhanced, reason, retry, provider, rule: None }
    }

    /// The reply code.
    pub const fn code(&self) -> u16 {
        self.code
    }

    /// The class of the reply code.
    pub fn class(&self) -> Class {
        Class::of(self.code).unwrap_or(Class::PermanentNegative)
    }

    /// What the crate knows about the reply code, when a standard defines it.
    pub fn reply_code(&self) -> Option<&'static ReplyCode> {
        crate::lookup(self.code)
    }

    /// The enhanced status code the server gave: at the RFC 2034 position, or else in qmail's
    /// `(#5.7.1)` form.
    pub const fn enhanced(&self) -> Option<EnhancedCode> {
        self.enhanced
    }

    /// The registry entry of the enhanced code, when the registry lists it.
    pub fn enhanced_status(&self) -> Option<&'static EnhancedStatus> {
        self.enhanced?.status()
    }

    /// Why the server replied as it did.
    pub const fn reason(&self) -> Reason {
        self.reason
    }

    /// Whether and when to send again.
    pub const fn retry(&self) -> Retry {
        self.retry
    }

    /// How a mailing system should count this: a hard bounce when sending again cannot help,
    /// a soft one when it may, none for a positive reply.
    pub const fn bounce(&self) -> Bounce {
        match self.retry {
            Retry::NotNeeded => Bounce::None,
            Retry::Later => Bounce::Soft,
            Retry::AfterFix | Retry::Never => Bounce::Hard,
        }
    }

    /// Who must act for the message to go through.
    pub fn fix_owner(&self) -> FixOwner {
        generated::reason_policy(self.reason).0
    }

    /// One sentence a non-expert understands, in English (the provider's case when a provider
    /// rule matched). [`text`](Self::text) gives it in any language.
    pub fn summary(&self) -> &'static str {
        self.text(Locale::En).summary()
    }

    /// What to do about it, in English (the provider-specific remedy when a provider rule
    /// matched). [`text`](Self::text) gives it in any language.
    pub fn remedy(&self) -> &'static str {
        self.text(Locale::En).remedy()
    }

    /// The summary and the remedy in the given language.
    ///
    /// ```
    /// use smtp_codes::{explain, Locale};
    /// let e = explain("552 5.2.2 Mailbox full").unwrap();
    /// assert_ne!(e.text(Locale::Ja).summary(), e.summary());
    /// ```
    pub fn text(&self, locale: Locale) -> ExplanationText {
        match self.provider_rule() {
            Some(rule) => ExplanationText { summary: rule.summary(locale), remedy: rule.remedy(locale) },
            None => {
                ExplanationText { summary: self.reason.summary(locale), remedy: self.reason.remedy(locale) }
            }
        }
    }

    /// The provider the reply shows (by a host name, a help link or wording only it uses).
    /// Never guessed: a reply that shows no provider has none.
    pub fn provider(&self) -> Option<&'static Provider> {
        self.provider.map(provider::provider)
    }

    /// The provider rule that decided this explanation, if one matched.
    pub fn provider_rule(&self) -> Option<&'static ProviderRule> {
        self.rule.map(provider::rule)
    }

    /// Everything about the reply, with labels in the given language.
    ///
    /// ```
    /// let e = smtp_codes::explain("550 5.1.1 <user@example.com>: Recipient address rejected").unwrap();
    /// let text = e.render(smtp_codes::Locale::Ja).to_string();
    /// assert!(text.contains("550") && text.contains("5.1.1"));
    /// ```
    pub fn render(&self, locale: Locale) -> impl Display + '_ {
        Rendered { explanation: self, locale }
    }
}

/// Whether the registry ties the enhanced code to specific reply codes, and this is not one.
fn used_loosely(enhanced: EnhancedCode, code: u16) -> bool {
    enhanced.status().is_some_and(|status| {
        !status.basic_codes().is_empty()
            && status.basic_codes_note().is_none()
            && !status.basic_codes().contains(&code)
    })
}

/// qmail's `(#5.7.1)` and Sendmail-style `#5.1.0` forms anywhere in a line.
fn hash_enhanced(text: &[u8]) -> Option<EnhancedCode> {
    text.iter().enumerate().filter(|(_, b)| **b == b'#').find_map(|(i, _)| {
        let rest = &text[i + 1..];
        let (code, used) = EnhancedCode::parse_prefix(rest)?;
        matches!(rest.get(used), None | Some(b')' | b' ' | b'.' | b',')).then_some(code)
    })
}

#[cfg(feature = "serde")]
impl serde::Serialize for Explanation {
    /// The verdicts, with the English summary and remedy.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Explanation", 11)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("enhanced", &self.enhanced)?;
        s.serialize_field("reason", &self.reason)?;
        s.serialize_field("retry", &self.retry)?;
        s.serialize_field("bounce", &self.bounce())?;
        s.serialize_field("fix_owner", &self.fix_owner())?;
        s.serialize_field("provider", &self.provider().map(Provider::id))?;
        s.serialize_field("provider_rule", &self.provider_rule().map(ProviderRule::id))?;
        s.serialize_field("summary", self.summary())?;
        s.serialize_field("remedy", self.remedy())?;
        s.end()
    }
}

impl Display for Explanation {
    /// The summary and the remedy, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.summary(), self.remedy())
    }
}

struct Rendered<'a> {
    explanation: &'a Explanation,
    locale: Locale,
}

impl Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.explanation;
        let locale = self.locale;
        let ui = ui(locale);
        match e.reply_code() {
            Some(entry) => write!(f, "{}: {}", ui.label_reply, Label(entry, locale))?,
            None => write!(f, "{}: {} ({})", ui.label_reply, e.code, e.class().pattern())?,
        }
        if let Some(enhanced) = e.enhanced {
            match enhanced.status() {
                Some(status) => write!(f, " · {} {}", enhanced, status.text(locale).name())?,
                None => match enhanced.subject_info() {
                    Some(subject) => write!(f, " · {} ({})", enhanced, subject.text(locale).name())?,
                    None => write!(f, " · {enhanced}")?,
                },
            }
        }
        writeln!(f)?;
        writeln!(f)?;
        writeln!(f, "{}", ui.heading_summary)?;
        writeln!(f, "  {}", e.text(locale).summary())?;
        writeln!(f)?;
        writeln!(f, "{}", ui.heading_remedy)?;
        writeln!(f, "  {}", e.text(locale).remedy())?;
        writeln!(f)?;
        if let Some(provider) = e.provider() {
            writeln!(f, "{}: {}", ui.label_provider, provider.name(locale))?;
        }
        writeln!(f, "{}: {}", ui.label_reason, e.reason.name(locale))?;
        writeln!(f, "{}: {}", ui.label_retry, e.retry.label(locale))?;
        writeln!(f, "{}: {}", ui.label_bounce, e.bounce().label(locale))?;
        writeln!(f, "{}: {}", ui.label_fix_owner, e.fix_owner().label(locale))?;
        if let Some(link) =
            e.provider_rule().and_then(ProviderRule::link).or(e.provider().map(Provider::docs))
        {
            writeln!(f, "{}: {}", ui.label_more, link)?;
        }
        Ok(())
    }
}

/// Explains one SMTP reply (line ends optional; CRLF or LF).
///
/// ```
/// use smtp_codes::{explain, Reason, Retry, Bounce};
/// let e = explain("550 5.1.1 <user@example.com>: Recipient address rejected: User unknown").unwrap();
/// assert_eq!((e.reason(), e.retry(), e.bounce()), (Reason::MailboxUnknown, Retry::Never, Bounce::Hard));
/// // The text wins when it is clearly more specific than the code:
/// let e = explain("550 5.1.1 <user@example.com> - 192.0.2.1 has sent to too many recipients this hour").unwrap();
/// assert_eq!((e.reason(), e.retry()), (Reason::RateLimited, Retry::Later));
/// assert!(explain("hello").is_err());
/// ```
pub fn explain(reply: &str) -> Result<Explanation, ParseError> {
    Reply::parse(reply.as_bytes()).map(|reply| Explanation::from_reply(&reply))
}

/// Finds an SMTP reply inside free text and explains it: a DSN `Diagnostic-Code: smtp; 550 …`,
/// a Postfix log line `… said: 550 5.1.1 … (in reply to RCPT TO command)`, lettre's error text
/// `permanent error (535): 5.7.8 …`. IP addresses, dates, times, version numbers and queue ids
/// are not taken for reply codes. `None` when the text holds no reply.
///
/// ```
/// use smtp_codes::{explain_text, Reason};
/// let log = "Nov 23 17:20:31 mx postfix/smtp[4242]: 4B1C2D3E5F: to=<user@example.com>, \
///            relay=mx.example.com[192.0.2.250]:25, delay=0.52, dsn=5.1.1, status=bounced \
///            (host mx.example.com[192.0.2.250] said: 550 5.1.1 <user@example.com>: Recipient \
///            address rejected: User unknown (in reply to RCPT TO command))";
/// let e = explain_text(log).unwrap();
/// assert_eq!((e.code(), e.reason()), (550, Reason::MailboxUnknown));
/// assert!(explain_text("version 2.5.1 released on 2024-05-01 from 192.0.2.250").is_none());
/// ```
pub fn explain_text(text: &str) -> Option<Explanation> {
    let found = find::find(text.as_bytes())?;
    let enhanced = found.enhanced.or_else(|| hash_enhanced(found.region));
    Some(Explanation::decide(found.code, enhanced, &|visit| visit(found.region), Some(text.as_bytes())))
}
