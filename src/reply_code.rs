//! [`ReplyCode`]: everything the crate knows about one basic SMTP reply code.

use core::fmt;

use strum::EnumString;

use crate::generated::Lang;
use crate::text::CodeTexts;
use crate::{Category, Class, Command, EnhancedCode, Error, Locale};

/// How a reply code is established in the standards.
///
/// ```
/// use smtp_codes::lookup;
/// use smtp_codes::reference::Standing;
/// assert_eq!(lookup(535).unwrap().standing(), Standing::StandardsTrack);
/// assert_eq!(lookup(355).unwrap().standing(), Standing::Experimental);
/// assert_eq!(lookup(525).unwrap().standing(), Standing::RegistryOnly);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumString)]
#[strum(serialize_all = "snake_case", parse_err_ty = Error, parse_err_fn = standing_parse_error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Standing {
    /// Defined by a standards-track RFC (RFC 5321, 4954, 3207, 7504, 1985, 2645, …).
    StandardsTrack,
    /// Defined only by an experimental RFC (355, RFC 1845).
    Experimental,
    /// Appears only as an associated code of an entry in the IANA enhanced status code registry
    /// (RFC 5248), never as a reply defined in the body of an RFC.
    RegistryOnly,
}

impl Standing {
    /// Every standing, in declaration order.
    pub const ALL: [Standing; 3] = [Standing::StandardsTrack, Standing::Experimental, Standing::RegistryOnly];

    /// The stable snake_case id (`"standards_track"`), as serde and `FromStr` use it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Standing::StandardsTrack => "standards_track",
            Standing::Experimental => "experimental",
            Standing::RegistryOnly => "registry_only",
        }
    }

    /// How the code is established, as a phrase in the given language
    /// ("defined by a standards-track RFC").
    pub fn label(self, locale: Locale) -> &'static str {
        crate::ui::standing_name(self, locale)
    }
}

impl fmt::Display for Standing {
    /// The English label ("defined by a standards-track RFC"); [`Standing::as_str`] gives the id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Locale::En))
    }
}

fn standing_parse_error(_: &str) -> Error {
    Error::UnknownName { kind: "standing" }
}

/// A document that defines or uses a code, with the section where it does.
///
/// ```
/// let r = smtp_codes::lookup(535).unwrap().references()[0];
/// assert_eq!(r.document(), "RFC 4954");
/// assert_eq!(r.rfc(), Some(4954));
/// assert_eq!(r.to_string(), "RFC 4954 §4; 6");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Reference {
    pub(crate) document: &'static str,
    pub(crate) section: Option<&'static str>,
    pub(crate) title: Option<&'static str>,
}

impl Reference {
    /// The document: `"RFC 5321"`, or an Internet-Draft name.
    pub const fn document(&self) -> &'static str {
        self.document
    }

    /// The RFC number, when the document is an RFC.
    pub fn rfc(&self) -> Option<u16> {
        self.document.strip_prefix("RFC ")?.parse().ok()
    }

    /// The section(s) of the document, as written there (`"4.2.2; 4.2.3"`), when known.
    pub const fn section(&self) -> Option<&'static str> {
        self.section
    }

    /// What this document calls the code, when it gives it a title of its own
    /// (e.g. RFC 3207's "Must issue a STARTTLS command first" for 530).
    pub const fn title(&self) -> Option<&'static str> {
        self.title
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.section {
            Some(section) => write!(f, "{} §{}", self.document, section),
            None => f.write_str(self.document),
        }
    }
}

/// Everything known about one basic SMTP reply code, from [`lookup`](crate::lookup) or
/// [`all`](crate::all).
///
/// Displays as the code and its name: `535 Authentication Failed`.
///
/// ```
/// let entry = smtp_codes::lookup(535).unwrap();
/// assert_eq!(entry.to_string(), "535 Authentication Failed");
/// assert_eq!(entry.class(), smtp_codes::reference::Class::PermanentNegative);
/// assert_eq!(entry.rfc_text(), "Authentication credentials invalid");
/// assert!(entry.enhanced_codes().contains(&"5.7.8".parse().unwrap()));
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct ReplyCode {
    pub(crate) code: u16,
    pub(crate) rfc_text: &'static str,
    pub(crate) standing: Standing,
    pub(crate) commands: &'static [Command],
    pub(crate) enhanced: &'static [EnhancedCode],
    pub(crate) references: &'static [Reference],
    pub(crate) texts: Lang<CodeTexts>,
}

impl ReplyCode {
    /// The entry of a code, with an error that says why there is none: not a reply code at all
    /// ([`Error::NotAReplyCode`]) or not defined by any standard ([`Error::UnknownReplyCode`]).
    ///
    /// ```
    /// use smtp_codes::{Error, ReplyCode};
    /// assert_eq!(ReplyCode::from_u16(535).unwrap().code(), 535);
    /// assert_eq!(ReplyCode::from_u16(571), Err(Error::UnknownReplyCode(571)));
    /// assert_eq!(ReplyCode::from_u16(42), Err(Error::NotAReplyCode(42)));
    /// ```
    pub fn from_u16(code: u16) -> Result<&'static ReplyCode, Error> {
        crate::lookup_known(code)
    }

    /// The entry of a code written as exactly three ASCII digits (`b"535"`).
    ///
    /// ```
    /// use smtp_codes::ReplyCode;
    /// assert_eq!(ReplyCode::from_bytes(b"221").unwrap().name(), "Closing Connection");
    /// assert!(ReplyCode::from_bytes(b"0221").is_err());
    /// assert!(ReplyCode::from_bytes(b"22").is_err());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<&'static ReplyCode, Error> {
        match bytes {
            [a @ b'0'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] => ReplyCode::from_u16(
                u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'),
            ),
            _ => Err(Error::UnknownName { kind: "reply code" }),
        }
    }

    /// The three-digit code.
    pub const fn code(&self) -> u16 {
        self.code
    }

    /// The class, from the first digit.
    pub const fn class(&self) -> Class {
        match Class::of(self.code) {
            Some(class) => class,
            None => Class::PermanentNegative, // unreachable: the table holds 200..=599 only
        }
    }

    /// The category, from the second digit (RFC 5321 §4.2.1).
    pub const fn category(&self) -> Category {
        match Category::of(self.code) {
            Some(category) => category,
            None => Category::MailSystem, // unreachable: every defined code has digit 0..=5
        }
    }

    /// The short English name ("Authentication Failed").
    pub fn name(&self) -> &'static str {
        self.english().name
    }

    /// The reply text that the defining RFC gives for this code.
    pub const fn rfc_text(&self) -> &'static str {
        self.rfc_text
    }

    /// What the code means, in English.
    pub fn description(&self) -> &'static str {
        self.english().description
    }

    /// When you meet the code, in English.
    pub fn when(&self) -> &'static str {
        self.english().when
    }

    /// How to fix it (or what happens next for a positive reply), in English.
    pub fn remedy(&self) -> &'static str {
        self.english().remedy
    }

    /// The documents (with sections) that define or use the code.
    pub const fn references(&self) -> &'static [Reference] {
        self.references
    }

    /// The commands (and protocol moments) after which the code appears.
    pub const fn commands(&self) -> &'static [Command] {
        self.commands
    }

    /// How the code is established: standards-track, experimental or registry-only.
    pub const fn standing(&self) -> Standing {
        self.standing
    }

    /// The enhanced status codes that go with it, from the RFCs and the IANA registry.
    pub const fn enhanced_codes(&self) -> &'static [EnhancedCode] {
        self.enhanced
    }

    /// The texts in the given language.
    ///
    /// Every language file is complete (the generator refuses one that lacks an entry), so each
    /// language has its own text for every code.
    ///
    /// ```
    /// use smtp_codes::{lookup, Locale};
    /// let entry = lookup(535).unwrap();
    /// assert_eq!(entry.text(Locale::En).name(), "Authentication Failed");
    /// ```
    pub const fn text(&self, locale: Locale) -> CodeTexts {
        *self.texts.get(locale)
    }

    const fn english(&self) -> CodeTexts {
        self.text(Locale::En)
    }

    /// Everything known about the code, with labels and texts in the given language.
    ///
    /// ```
    /// use smtp_codes::{lookup, Locale};
    /// let page = lookup(535).unwrap().render(Locale::Ja).to_string();
    /// assert!(page.starts_with("535 "));
    /// assert!(page.contains("クラス") && page.contains("RFC 4954"));
    /// ```
    pub fn render(&self, locale: Locale) -> impl fmt::Display + '_ {
        RenderedCode { entry: self, locale }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ReplyCode {
    /// The facts, the English texts at the top level, and every language under `"texts"`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let english = self.english();
        let mut s = serializer.serialize_struct("ReplyCode", 14)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("class", &self.class())?;
        s.serialize_field("category", &self.category())?;
        s.serialize_field("name", english.name)?;
        s.serialize_field("rfc_text", self.rfc_text)?;
        s.serialize_field("description", english.description)?;
        s.serialize_field("when", english.when)?;
        s.serialize_field("remedy", english.remedy)?;
        s.serialize_field("standing", &self.standing)?;
        s.serialize_field("commands", self.commands)?;
        s.serialize_field("enhanced_codes", self.enhanced)?;
        s.serialize_field("references", self.references)?;
        s.serialize_field("texts", &crate::text::Translations(&self.texts))?;
        s.end()
    }
}

impl TryFrom<u16> for &'static ReplyCode {
    type Error = Error;
    fn try_from(code: u16) -> Result<Self, Error> {
        ReplyCode::from_u16(code)
    }
}

impl TryFrom<&str> for &'static ReplyCode {
    type Error = Error;
    fn try_from(code: &str) -> Result<Self, Error> {
        ReplyCode::from_bytes(code.as_bytes())
    }
}

impl PartialEq<u16> for ReplyCode {
    fn eq(&self, other: &u16) -> bool {
        self.code == *other
    }
}

impl PartialEq<ReplyCode> for u16 {
    fn eq(&self, other: &ReplyCode) -> bool {
        *self == other.code
    }
}

impl From<&ReplyCode> for u16 {
    fn from(entry: &ReplyCode) -> u16 {
        entry.code
    }
}

impl fmt::Display for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.name())
    }
}

struct RenderedCode<'a> {
    entry: &'a ReplyCode,
    locale: Locale,
}

impl fmt::Display for RenderedCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (entry, locale) = (self.entry, self.locale);
        let ui = crate::ui::ui(locale);
        let text = entry.text(locale);
        writeln!(f, "{} {}", entry.code(), text.name())?;
        writeln!(f, "  {}: {} ({})", ui.label_class, entry.class().label(locale), entry.class().pattern())?;
        writeln!(f, "  {}: {}", ui.label_category, entry.category().label(locale))?;
        writeln!(f, "  {}: {}", ui.label_rfc_text, entry.rfc_text())?;
        writeln!(f, "  {}: {}", ui.label_standing, entry.standing().label(locale))?;
        writeln!(f, "  {}: {}", ui.label_commands, crate::ui::CommandList(entry.commands(), locale))?;
        if !entry.enhanced_codes().is_empty() {
            write!(f, "  {}: ", ui.label_enhanced_codes)?;
            for (i, code) in entry.enhanced_codes().iter().enumerate() {
                if i > 0 {
                    f.write_str(ui.list_separator)?;
                }
                write!(f, "{code}")?;
            }
            writeln!(f)?;
        }
        write!(f, "  {}: ", ui.label_references)?;
        for (i, reference) in entry.references().iter().enumerate() {
            if i > 0 {
                f.write_str(ui.list_separator)?;
            }
            write!(f, "{reference}")?;
        }
        writeln!(f)?;
        writeln!(f, "\n{}\n  {}", ui.heading_description, text.description())?;
        writeln!(f, "\n{}\n  {}", ui.heading_when, text.when())?;
        writeln!(f, "\n{}\n  {}", ui.heading_remedy, text.remedy())
    }
}
