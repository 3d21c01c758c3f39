//! RFC 3463 enhanced status codes: [`EnhancedCode`] (a value such as `5.7.8`) and
//! [`EnhancedStatus`] (what the IANA registry and this crate know about `X.7.8`).

use core::fmt;
use core::str::FromStr;

use crate::generated::Lang;
use crate::reply_code::Reference;
use crate::text::{Brief, CodeTexts};
use crate::{Class, Error, Locale, generated};

/// An enhanced mail system status code (RFC 3463): `class.subject.detail`, such as `5.7.8`.
///
/// The class is 2 (success), 4 (persistent transient failure) or 5 (permanent failure); subject
/// and detail have one to three digits, so vendor codes such as Microsoft's `5.7.708` are valid.
/// Ordered by class, then subject, then detail.
///
/// ```
/// use smtp_codes::EnhancedCode;
/// let code: EnhancedCode = "5.7.8".parse().unwrap();
/// assert_eq!((code.class(), code.subject(), code.detail()), (5, 7, 8));
/// assert_eq!(code.to_string(), "5.7.8");
/// assert_eq!(code.status().unwrap().title(), "Authentication credentials invalid");
/// assert!("5.7.708".parse::<EnhancedCode>().is_ok());
/// assert!("3.1.1".parse::<EnhancedCode>().is_err());
/// assert!("5.1234.1".parse::<EnhancedCode>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnhancedCode {
    pub(crate) class: u8,
    pub(crate) subject: u16,
    pub(crate) detail: u16,
}

impl EnhancedCode {
    /// An enhanced code from its three parts, or `None` when the class is not 2, 4 or 5 or a
    /// part has more than three digits.
    pub const fn new(class: u8, subject: u16, detail: u16) -> Option<EnhancedCode> {
        if matches!(class, 2 | 4 | 5) && subject <= 999 && detail <= 999 {
            Some(EnhancedCode { class, subject, detail })
        } else {
            None
        }
    }

    /// Parses an enhanced code at the start of `bytes`, returning it with the number of bytes it
    /// used. The code must end at the end of the input or before a byte that is not a digit or
    /// a dot, so `5.7.8.1` and `5.7.888…` are not codes; what may follow the code (a space, a
    /// letter) is for the caller to judge.
    ///
    /// ```
    /// use smtp_codes::EnhancedCode;
    /// let (code, used) = EnhancedCode::parse_prefix(b"5.1.1 <user@example.com>").unwrap();
    /// assert_eq!((code.to_string().as_str(), used), ("5.1.1", 5));
    /// assert!(EnhancedCode::parse_prefix(b"5.1.1.2").is_none());
    /// ```
    pub fn parse_prefix(bytes: &[u8]) -> Option<(EnhancedCode, usize)> {
        let class = match bytes.first() {
            Some(&b @ (b'2' | b'4' | b'5')) => b - b'0',
            _ => return None,
        };
        if bytes.get(1) != Some(&b'.') {
            return None;
        }
        // Most codes have a one-digit subject and detail ("5.1.1 "): read at once when neither a
        // digit nor a dot follows.
        if let [_, _, s @ b'0'..=b'9', b'.', d @ b'0'..=b'9', rest @ ..] = bytes {
            if !matches!(rest.first(), Some(b'0'..=b'9' | b'.')) {
                let (subject, detail) = (u16::from(s - b'0'), u16::from(d - b'0'));
                return Some((EnhancedCode { class, subject, detail }, 5));
            }
        }
        let (subject, used_subject) = parse_number(&bytes[2..])?;
        let after_subject = 2 + used_subject;
        if bytes.get(after_subject) != Some(&b'.') {
            return None;
        }
        let (detail, used_detail) = parse_number(&bytes[after_subject + 1..])?;
        let end = after_subject + 1 + used_detail;
        match bytes.get(end) {
            Some(b)
                if b.is_ascii_digit() || *b == b'.' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) =>
            {
                None
            }
            _ => Some((EnhancedCode { class, subject, detail }, end)),
        }
    }

    /// The class digit: 2, 4 or 5.
    pub const fn class(self) -> u8 {
        self.class
    }

    /// The subject (RFC 3463 §2): 0 other, 1 addressing, 2 mailbox, 3 mail system, 4 network
    /// and routing, 5 mail delivery protocol, 6 message content, 7 security or policy.
    pub const fn subject(self) -> u16 {
        self.subject
    }

    /// The detail number within the subject.
    pub const fn detail(self) -> u16 {
        self.detail
    }

    /// The reply class this enhanced class corresponds to (2 → positive completion,
    /// 4 → transient negative, 5 → permanent negative).
    pub const fn reply_class(self) -> Class {
        match self.class {
            2 => Class::PositiveCompletion,
            4 => Class::TransientNegative,
            _ => Class::PermanentNegative,
        }
    }

    /// Class 2: success.
    pub const fn is_success(self) -> bool {
        self.class == 2
    }

    /// Class 4: a persistent transient failure; sending later may succeed.
    pub const fn is_transient(self) -> bool {
        self.class == 4
    }

    /// Class 5: a permanent failure; resending unchanged will not succeed.
    pub const fn is_permanent(self) -> bool {
        self.class == 5
    }

    /// The registry entry for this code's subject and detail, if the IANA registry defines it.
    pub fn status(self) -> Option<&'static EnhancedStatus> {
        registry_entry(self.subject, self.detail)
    }

    /// What the class means; every valid code has one.
    pub fn class_info(self) -> &'static StatusClass {
        let index = match self.class {
            2 => 0,
            4 => 1,
            _ => 2,
        };
        &generated::STATUS_CLASSES[index]
    }

    /// What the subject means, for the subjects RFC 3463 defines (0 to 7).
    ///
    /// This is how an unregistered code still explains itself:
    /// ```
    /// let code: smtp_codes::EnhancedCode = "5.7.708".parse().unwrap();
    /// assert!(code.status().is_none());
    /// assert_eq!(code.subject_info().unwrap().title(), "Security or Policy Status");
    /// ```
    pub fn subject_info(self) -> Option<&'static StatusSubject> {
        generated::STATUS_SUBJECTS.get(usize::from(self.subject))
    }
}

fn parse_number(bytes: &[u8]) -> Option<(u16, usize)> {
    let mut value = 0u16;
    let mut digits = 0;
    while let Some(&b) = bytes.get(digits) {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            break;
        }
        if digits == 3 {
            return None; // a fourth digit
        }
        value = value * 10 + u16::from(digit);
        digits += 1;
    }
    (digits > 0).then_some((value, digits))
}

/// The registry entry `X.subject.detail`, if the registry lists it.
fn registry_entry(subject: u16, detail: u16) -> Option<&'static EnhancedStatus> {
    generated::ENHANCED.get(usize::from(generated::enhanced_index(subject, detail)?))
}

impl FromStr for EnhancedCode {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match EnhancedCode::parse_prefix(s.as_bytes()) {
            Some((code, used)) if used == s.len() => Ok(code),
            _ => Err(Error::InvalidEnhancedCode),
        }
    }
}

impl TryFrom<&str> for EnhancedCode {
    type Error = Error;
    fn try_from(s: &str) -> Result<Self, Error> {
        s.parse()
    }
}

impl fmt::Display for EnhancedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for EnhancedCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for EnhancedCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = EnhancedCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an enhanced status code such as \"5.7.8\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<EnhancedCode, E> {
                v.parse().map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// The meaning of an enhanced status class (2, 4 or 5), RFC 3463 §2.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct StatusClass {
    pub(crate) digit: u8,
    pub(crate) title: &'static str,
    #[cfg_attr(feature = "serde", serde(serialize_with = "serialize_brief"))]
    pub(crate) texts: Lang<Brief>,
}

/// The meaning of an enhanced status subject (0 to 7), RFC 3463 §2.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct StatusSubject {
    pub(crate) value: u16,
    pub(crate) title: &'static str,
    #[cfg_attr(feature = "serde", serde(serialize_with = "serialize_brief"))]
    pub(crate) texts: Lang<Brief>,
}

#[cfg(feature = "serde")]
fn serialize_brief<S: serde::Serializer>(texts: &Lang<Brief>, serializer: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&crate::text::Translations(texts), serializer)
}

macro_rules! brief_accessors {
    ($ty:ty, $field:ident, $field_doc:literal) => {
        impl $ty {
            #[doc = $field_doc]
            pub const fn $field(&self) -> u16 {
                self.$field as u16
            }
            /// The title RFC 3463 §2 gives.
            pub const fn title(&self) -> &'static str {
                self.title
            }
            /// Name and description in the given language.
            pub const fn text(&self, locale: Locale) -> Brief {
                *self.texts.get(locale)
            }
            /// A short name, in English.
            pub fn name(&self) -> &'static str {
                self.text(Locale::En).name
            }
            /// What it means, in English.
            pub fn description(&self) -> &'static str {
                self.text(Locale::En).description
            }
        }
    };
}
brief_accessors!(StatusClass, digit, "The class digit: 2, 4 or 5.");
brief_accessors!(StatusSubject, value, "The subject number: 0 to 7.");

/// An entry of the IANA "SMTP Enhanced Status Codes" registry, such as `X.7.8`, with our texts.
///
/// The registry lists codes without their class (`X.7.8` stands for `4.7.8` and `5.7.8` alike),
/// and so does this type; [`EnhancedCode`] carries a class.
///
/// ```
/// let status = smtp_codes::lookup_enhanced("5.7.26").unwrap();
/// assert_eq!(status.pattern().to_string(), "X.7.26");
/// assert_eq!(status.title(), "Multiple authentication checks failed");
/// assert_eq!(status.basic_codes(), &[550]);
/// assert!(smtp_codes::lookup_enhanced("5.6.10").unwrap().is_deprecated());
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct EnhancedStatus {
    pub(crate) subject: u16,
    pub(crate) detail: u16,
    pub(crate) title: &'static str,
    pub(crate) basic_codes: &'static [u16],
    pub(crate) basic_codes_note: Option<&'static str>,
    pub(crate) references: &'static [Reference],
    pub(crate) deprecated_by: Option<(u16, u16)>,
    pub(crate) texts: Lang<CodeTexts>,
}

/// The class-less form of a registry entry, `X.subject.detail`; see [`EnhancedStatus::pattern`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatusPattern {
    subject: u16,
    detail: u16,
}

#[cfg(feature = "serde")]
impl serde::Serialize for StatusPattern {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for StatusPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "X.{}.{}", self.subject, self.detail)
    }
}

impl EnhancedStatus {
    /// The entry as the registry writes it: `X.7.8`.
    pub const fn pattern(&self) -> StatusPattern {
        StatusPattern { subject: self.subject, detail: self.detail }
    }

    /// The subject number.
    pub const fn subject(&self) -> u16 {
        self.subject
    }

    /// The detail number.
    pub const fn detail(&self) -> u16 {
        self.detail
    }

    /// This entry with a class: `with_class(5)` of `X.7.8` is `5.7.8`.
    pub const fn with_class(&self, class: u8) -> Option<EnhancedCode> {
        EnhancedCode::new(class, self.subject, self.detail)
    }

    /// The registry's title ("Authentication credentials invalid").
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// A short English name.
    pub fn name(&self) -> &'static str {
        self.text(Locale::En).name
    }

    /// What it means, in English.
    pub fn description(&self) -> &'static str {
        self.text(Locale::En).description
    }

    /// When you meet it, in English.
    pub fn when(&self) -> &'static str {
        self.text(Locale::En).when
    }

    /// How to fix it, in English.
    pub fn remedy(&self) -> &'static str {
        self.text(Locale::En).remedy
    }

    /// The texts in the given language.
    pub const fn text(&self, locale: Locale) -> CodeTexts {
        *self.texts.get(locale)
    }

    /// The basic reply codes the registry associates with it (empty where it gives none).
    pub const fn basic_codes(&self) -> &'static [u16] {
        self.basic_codes
    }

    /// What the registry says beyond specific codes ("4XX, 5XX": other codes of those classes
    /// are allowed), when it says more.
    pub const fn basic_codes_note(&self) -> Option<&'static str> {
        self.basic_codes_note
    }

    /// The documents that define it.
    pub const fn references(&self) -> &'static [Reference] {
        self.references
    }

    /// Whether the registry marks the entry as deprecated (X.6.10, a duplicate of X.6.8).
    pub const fn is_deprecated(&self) -> bool {
        self.deprecated_by.is_some()
    }

    /// The entry to use instead, for a deprecated one.
    pub fn deprecated_by(&self) -> Option<&'static EnhancedStatus> {
        let (subject, detail) = self.deprecated_by?;
        registry_entry(subject, detail)
    }

    /// What the subject means.
    pub fn subject_info(&self) -> Option<&'static StatusSubject> {
        generated::STATUS_SUBJECTS.get(usize::from(self.subject))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for EnhancedStatus {
    /// The registry facts, the English texts, and every language under `"texts"`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let english = self.text(Locale::En);
        let mut s = serializer.serialize_struct("EnhancedStatus", 11)?;
        s.serialize_field("code", &self.pattern())?;
        s.serialize_field("title", self.title)?;
        s.serialize_field("name", english.name)?;
        s.serialize_field("description", english.description)?;
        s.serialize_field("when", english.when)?;
        s.serialize_field("remedy", english.remedy)?;
        s.serialize_field("basic_codes", self.basic_codes)?;
        s.serialize_field("basic_codes_note", &self.basic_codes_note)?;
        s.serialize_field("references", self.references)?;
        s.serialize_field("deprecated_by", &self.deprecated_by().map(EnhancedStatus::pattern))?;
        s.serialize_field("texts", &crate::text::Translations(&self.texts))?;
        s.end()
    }
}

/// Anything [`lookup_enhanced`](crate::lookup_enhanced) accepts: a `&str` such as `"5.7.8"` or an
/// [`EnhancedCode`]. Sealed.
pub trait EnhancedKey: sealed::Sealed {
    /// The code, if the value is a valid enhanced code.
    fn to_enhanced_code(&self) -> Option<EnhancedCode>;
}

impl EnhancedKey for EnhancedCode {
    fn to_enhanced_code(&self) -> Option<EnhancedCode> {
        Some(*self)
    }
}

impl EnhancedKey for &str {
    fn to_enhanced_code(&self) -> Option<EnhancedCode> {
        self.parse().ok()
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::EnhancedCode {}
    impl Sealed for &str {}
}
