//! Provider knowledge: how to recognise Gmail, Microsoft 365, Yahoo… in a reply, and the
//! remedies their specific replies need (`data/providers.toml`).

use core::fmt;

use crate::explain::{Reason, Retry};
use crate::generated::{Lang, PROVIDER_RULES, PROVIDERS};
use crate::text::Advice;
use crate::{EnhancedCode, Locale};

/// A mailbox provider or sending service the crate knows.
///
/// ```
/// let e = smtp_codes::explain("550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's\r\n550 5.7.26 DMARC policy. - gsmtp").unwrap();
/// let provider = e.provider().unwrap();
/// assert_eq!(provider.id(), "gmail");
/// assert_eq!(provider.label(smtp_codes::Locale::En), "Gmail / Google Workspace");
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct Provider {
    pub(crate) id: &'static str,
    pub(crate) docs: &'static str,
    pub(crate) markers: &'static [&'static str],
    pub(crate) statuses: &'static [(EnhancedCode, EnhancedCode)],
    pub(crate) names: Lang<&'static str>,
}

impl Provider {
    /// A stable identifier: `"gmail"`, `"microsoft"`, `"yahoo"`, `"amazon_ses"`, …
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The provider's name as readers of the language write it.
    pub const fn label(&self, locale: Locale) -> &'static str {
        self.names.get(locale)
    }

    /// The provider's own documentation of its SMTP errors.
    pub const fn docs(&self) -> &'static str {
        self.docs
    }

    /// The texts (lowercase, matched case-insensitively) that prove a reply came from it.
    pub const fn markers(&self) -> &'static [&'static str] {
        self.markers
    }

    /// The ranges of private enhanced status codes (detail 100 and above, outside the IANA
    /// registry) that only this provider sends, lowest and highest: a reply with such a code
    /// shows the provider as a marker does (Microsoft's `451 4.7.500`–`4.7.699` throttling).
    ///
    /// ```
    /// use smtp_codes::provider::Provider;
    /// let microsoft = Provider::by_id("microsoft").unwrap();
    /// let (low, high) = microsoft.statuses()[0];
    /// assert_eq!((low.to_string(), high.to_string()), ("4.7.500".into(), "4.7.699".into()));
    /// ```
    pub const fn statuses(&self) -> &'static [(EnhancedCode, EnhancedCode)] {
        self.statuses
    }

    /// Whether `status` is one of the private codes only this provider sends ([`statuses`]).
    ///
    /// [`statuses`]: Provider::statuses
    ///
    /// ```
    /// use smtp_codes::provider::Provider;
    /// let microsoft = Provider::by_id("microsoft").unwrap();
    /// assert!(microsoft.sends_status("4.7.650".parse().unwrap()));
    /// assert!(!microsoft.sends_status("4.7.1".parse().unwrap()));
    /// ```
    pub fn sends_status(&self, status: EnhancedCode) -> bool {
        self.statuses.iter().any(|(low, high)| (*low..=*high).contains(&status))
    }

    /// Every provider the crate knows.
    pub fn all() -> impl ExactSizeIterator<Item = &'static Provider> {
        PROVIDERS.iter()
    }

    /// The provider with this id.
    pub fn by_id(id: &str) -> Option<&'static Provider> {
        PROVIDERS.iter().find(|p| p.id == id)
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Locale::En))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Provider {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id)
    }
}

/// A provider-specific reading of a reply: when it matches, it decides the reason, the retry
/// verdict, the summary and the remedy.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ProviderRule {
    pub(crate) id: &'static str,
    #[cfg_attr(feature = "serde", serde(serialize_with = "serialize_provider"))]
    pub(crate) provider: u8,
    pub(crate) code: Option<u16>,
    pub(crate) enhanced: Option<EnhancedCode>,
    pub(crate) enhanced_range: Option<(EnhancedCode, EnhancedCode)>,
    pub(crate) text: &'static [&'static str],
    pub(crate) reason: Reason,
    pub(crate) retry: Retry,
    pub(crate) link: Option<&'static str>,
    pub(crate) sample: &'static str,
    pub(crate) source: &'static str,
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) texts: Lang<Advice>,
}

#[cfg(feature = "serde")]
fn serialize_provider<S: serde::Serializer>(index: &u8, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(provider(*index).id)
}

impl ProviderRule {
    /// A stable identifier: `"gmail.bad_credentials"`.
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The provider the rule belongs to.
    pub fn provider(&self) -> &'static Provider {
        &PROVIDERS[usize::from(self.provider)]
    }

    /// The reason the rule assigns.
    pub const fn reason(&self) -> Reason {
        self.reason
    }

    /// The retry verdict the rule assigns.
    pub const fn retry(&self) -> Retry {
        self.retry
    }

    /// The provider's own page about this case, when there is one.
    pub const fn link(&self) -> Option<&'static str> {
        self.link
    }

    /// A real reply in the provider's wording that this rule matches.
    pub const fn sample(&self) -> &'static str {
        self.sample
    }

    /// Where the sample was found (public documentation or a public bounce).
    pub const fn source(&self) -> &'static str {
        self.source
    }

    /// One sentence a non-expert understands, in English; [`text`](Self::text) gives it in any
    /// language.
    pub const fn summary(&self) -> &'static str {
        self.texts.en.summary
    }

    /// What to do, specific to the provider, in English; [`text`](Self::text) gives it in any
    /// language.
    pub const fn remedy(&self) -> &'static str {
        self.texts.en.remedy
    }

    /// The summary and the remedy in the given language.
    pub const fn text(&self, locale: Locale) -> Advice {
        *self.texts.get(locale)
    }

    /// Every rule, in data order.
    pub fn all() -> impl ExactSizeIterator<Item = &'static ProviderRule> {
        PROVIDER_RULES.iter()
    }

    /// Whether the rule's code conditions hold (its text conditions are checked apart, only then).
    fn codes_match(&self, code: u16, enhanced: Option<EnhancedCode>) -> bool {
        self.code.is_none_or(|c| c == code)
            && self.enhanced.is_none_or(|e| Some(e) == enhanced)
            && self.enhanced_range.is_none_or(|(low, high)| enhanced.is_some_and(|e| low <= e && e <= high))
    }

    /// One bit per text condition (at most 64 per rule are checked).
    fn text_mask(&self) -> u64 {
        if self.text.len() >= 64 { u64::MAX } else { (1u64 << self.text.len()) - 1 }
    }
}

/// Calls its argument with each segment of a reply's text.
pub(crate) type Segments<'s> = &'s dyn Fn(&mut dyn FnMut(&[u8]));

/// The first rule of a shown provider that matches, as an index into the rules.
pub(crate) fn matching_rule(
    provider: u8,
    code: u16,
    enhanced: Option<EnhancedCode>,
    segments: Segments<'_>,
) -> Option<u8> {
    let mut result = None;
    for (index, rule) in PROVIDER_RULES.iter().enumerate() {
        // The codes first: the text is searched only for a rule they allow.
        if rule.provider != provider || !rule.codes_match(code, enhanced) {
            continue;
        }
        let mut found = 0u64;
        if !rule.text.is_empty() {
            segments(&mut |segment: &[u8]| {
                for (bit, needle) in rule.text.iter().enumerate().take(64) {
                    if crate::explain::find_ignore_case(segment, needle.as_bytes()).is_some() {
                        found |= 1 << bit;
                    }
                }
            });
        }
        if found & rule.text_mask() == rule.text_mask() {
            result = Some(index as u8);
            break;
        }
    }
    result
}

pub(crate) fn rule(index: u8) -> &'static ProviderRule {
    &PROVIDER_RULES[usize::from(index)]
}

/// The provider whose private status codes include `status` (see [`Provider::statuses`]).
pub(crate) fn by_status(status: EnhancedCode) -> Option<u8> {
    if status.detail() < 100 {
        return None;
    }
    let index = PROVIDERS.iter().position(|p| p.sends_status(status))?;
    u8::try_from(index).ok()
}

pub(crate) fn provider(index: u8) -> &'static Provider {
    &PROVIDERS[usize::from(index)]
}
