//! Reply classes and categories: what the first and second digit of a reply code say
//! (RFC 5321 §4.2.1).

use strum::EnumString;

use crate::Error;

/// The class of a reply, given by its first digit (RFC 5321 §4.2.1).
///
/// Works for any three-digit code, defined or not: [`Class::of`] only reads the first digit.
///
/// ```
/// use smtp_codes::reference::Class;
/// assert_eq!(Class::of(571), Some(Class::PermanentNegative));
/// assert_eq!(Class::of(421).unwrap().to_string(), "Transient Negative");
/// assert_eq!(Class::TransientNegative.as_str(), "transient_negative");
/// assert_eq!("4xx".parse::<Class>(), Ok(Class::TransientNegative));
/// assert!(Class::of(450).unwrap().is_transient());
/// assert_eq!(Class::of(99), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumString)]
#[strum(
    parse_err_ty = Error,
    parse_err_fn = class_parse_error,
    ascii_case_insensitive
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[allow(clippy::exhaustive_enums)] // RFC 5321 §4.2.1 fixes the first digit to 2, 3, 4 or 5.
pub enum Class {
    /// 2yz: the requested action has been successfully completed.
    #[strum(
        serialize = "positive_completion",
        serialize = "positive-completion",
        serialize = "2xx",
        serialize = "Positive Completion"
    )]
    PositiveCompletion,
    /// 3yz: the command has been accepted, but the server needs more information (e.g. the
    /// message body after `DATA`, or the next step of `AUTH`).
    #[strum(
        serialize = "positive_intermediate",
        serialize = "positive-intermediate",
        serialize = "3xx",
        serialize = "Positive Intermediate"
    )]
    PositiveIntermediate,
    /// 4yz: the command was not accepted, but the error condition is temporary; the same
    /// command may succeed later.
    #[strum(
        serialize = "transient_negative",
        serialize = "transient-negative",
        serialize = "4xx",
        serialize = "Transient Negative"
    )]
    TransientNegative,
    /// 5yz: the command was not accepted and repeating it unchanged will fail again.
    #[strum(
        serialize = "permanent_negative",
        serialize = "permanent-negative",
        serialize = "5xx",
        serialize = "Permanent Negative"
    )]
    PermanentNegative,
}

fn class_parse_error(_: &str) -> Error {
    Error::UnknownName { kind: "class" }
}

impl Class {
    /// Every class, in order of the first digit.
    pub const ALL: [Class; 4] = [
        Class::PositiveCompletion,
        Class::PositiveIntermediate,
        Class::TransientNegative,
        Class::PermanentNegative,
    ];

    /// The stable snake_case id (`"transient_negative"`), as serde and `FromStr` use it.
    /// `FromStr` also accepts the short form (`"4xx"`), kebab-case and the English label.
    pub const fn as_str(self) -> &'static str {
        match self {
            Class::PositiveCompletion => "positive_completion",
            Class::PositiveIntermediate => "positive_intermediate",
            Class::TransientNegative => "transient_negative",
            Class::PermanentNegative => "permanent_negative",
        }
    }

    /// The class of any code from its first digit, or `None` when the number is not a
    /// three-digit code from 200 to 599.
    pub const fn of(code: u16) -> Option<Class> {
        match code {
            200..=299 => Some(Class::PositiveCompletion),
            300..=399 => Some(Class::PositiveIntermediate),
            400..=499 => Some(Class::TransientNegative),
            500..=599 => Some(Class::PermanentNegative),
            _ => None,
        }
    }

    /// The first digit of codes of this class (2, 3, 4 or 5).
    pub const fn digit(self) -> u8 {
        match self {
            Class::PositiveCompletion => 2,
            Class::PositiveIntermediate => 3,
            Class::TransientNegative => 4,
            Class::PermanentNegative => 5,
        }
    }

    /// The class's short form, `"2xx"`, `"3xx"`, `"4xx"` or `"5xx"`.
    pub const fn pattern(self) -> &'static str {
        match self {
            Class::PositiveCompletion => "2xx",
            Class::PositiveIntermediate => "3xx",
            Class::TransientNegative => "4xx",
            Class::PermanentNegative => "5xx",
        }
    }

    /// 2xx or 3xx: the command was accepted.
    pub const fn is_positive(self) -> bool {
        matches!(self, Class::PositiveCompletion | Class::PositiveIntermediate)
    }

    /// 4xx or 5xx: the command was refused.
    pub const fn is_negative(self) -> bool {
        !self.is_positive()
    }

    /// 4xx: refused for now; the same command may succeed later.
    pub const fn is_transient(self) -> bool {
        matches!(self, Class::TransientNegative)
    }

    /// 5xx: refused; repeating the command unchanged fails again.
    pub const fn is_permanent(self) -> bool {
        matches!(self, Class::PermanentNegative)
    }

    /// 3xx: accepted, and the server waits for more from the client.
    pub const fn is_intermediate(self) -> bool {
        matches!(self, Class::PositiveIntermediate)
    }

    /// The class's name in the given language ("Permanent Negative", "恒久的否定応答").
    ///
    /// ```
    /// use smtp_codes::Locale;
    /// use smtp_codes::reference::Class;
    /// assert_eq!(Class::PermanentNegative.label(Locale::En), "Permanent Negative");
    /// assert_ne!(Class::PermanentNegative.label(Locale::De), "Permanent Negative");
    /// ```
    pub fn label(self, locale: crate::Locale) -> &'static str {
        crate::ui::class_name(self, locale)
    }

    /// The index of this class in `Class::ALL` (used for localized names).
    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

/// The category of a reply, given by its second digit (RFC 5321 §4.2.1).
///
/// ```
/// use smtp_codes::reference::Category;
/// assert_eq!(Category::of(550), Some(Category::MailSystem));
/// assert_eq!(Category::of(535), Some(Category::Unspecified3)); // AUTH replies use x3z
/// assert_eq!(Category::of(221), Some(Category::Connections));
/// assert_eq!(Category::of(571), None); // second digit 7 is not defined
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumString)]
#[strum(parse_err_ty = Error, parse_err_fn = category_parse_error, ascii_case_insensitive)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[allow(clippy::exhaustive_enums)] // RFC 5321 §4.2.1 defines second digits 0 to 5, no more.
pub enum Category {
    /// x0z: syntax errors, syntactically correct commands that fit no functional category, and
    /// unimplemented or superfluous commands.
    #[strum(serialize = "syntax")]
    Syntax,
    /// x1z: replies to requests for information, such as status or help.
    #[strum(serialize = "information")]
    Information,
    /// x2z: replies about the transmission channel (the connection).
    #[strum(serialize = "connections")]
    Connections,
    /// x3z: not specified by RFC 5321; used by extensions such as AUTH (334, 235, 530, 535).
    #[strum(serialize = "unspecified3")]
    Unspecified3,
    /// x4z: not specified by RFC 5321; used by extensions such as ETRN (458, 459).
    #[strum(serialize = "unspecified4")]
    Unspecified4,
    /// x5z: the status of the receiver mail system with respect to the requested transfer.
    #[strum(serialize = "mail_system", serialize = "mail-system")]
    MailSystem,
}

fn category_parse_error(_: &str) -> Error {
    Error::UnknownName { kind: "category" }
}

impl Category {
    /// Every category, in order of the second digit.
    pub const ALL: [Category; 6] = [
        Category::Syntax,
        Category::Information,
        Category::Connections,
        Category::Unspecified3,
        Category::Unspecified4,
        Category::MailSystem,
    ];

    /// The stable snake_case id (`"mail_system"`), as serde and `FromStr` use it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Syntax => "syntax",
            Category::Information => "information",
            Category::Connections => "connections",
            Category::Unspecified3 => "unspecified3",
            Category::Unspecified4 => "unspecified4",
            Category::MailSystem => "mail_system",
        }
    }

    /// The category of any code from its second digit, or `None` when the number is not a
    /// code from 200 to 599 or its second digit is above 5.
    pub const fn of(code: u16) -> Option<Category> {
        if Class::of(code).is_none() {
            return None;
        }
        match (code / 10) % 10 {
            0 => Some(Category::Syntax),
            1 => Some(Category::Information),
            2 => Some(Category::Connections),
            3 => Some(Category::Unspecified3),
            4 => Some(Category::Unspecified4),
            5 => Some(Category::MailSystem),
            _ => None,
        }
    }

    /// What codes of this category concern, as a phrase in the given language
    /// ("the connection").
    pub fn label(self, locale: crate::Locale) -> &'static str {
        crate::ui::category_name(self, locale)
    }

    /// The second digit of codes in this category (0 to 5).
    pub const fn digit(self) -> u8 {
        self as u8
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl core::fmt::Display for Class {
    /// The English label ("Transient Negative"); [`Class::as_str`] gives the id.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(crate::Locale::En))
    }
}

impl core::fmt::Display for Category {
    /// The English label ("the connection"); [`Category::as_str`] gives the id.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(crate::Locale::En))
    }
}
