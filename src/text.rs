//! The texts of one thing in one language, as the `text(Locale)` accessors return them.
//!
//! Every type with prose follows one pattern: accessors without a locale (`name()`,
//! `summary()`, `remedy()`, …) give English, and `text(locale)` gives the same texts in any
//! [`Locale`](crate::Locale) as one of the structs below. Each name says what it holds:
//!
//! | struct | holds | returned by |
//! | --- | --- | --- |
//! | [`CodeTexts`] | name, description, when you meet it, remedy | [`ReplyCode::text`](crate::ReplyCode::text), [`EnhancedStatus::text`](crate::EnhancedStatus::text) |
//! | [`Brief`] | name and description | [`StatusClass::text`](crate::reference::StatusClass::text), [`StatusSubject::text`](crate::reference::StatusSubject::text) |
//! | [`Advice`] | summary and remedy | [`Explanation::text`](crate::Explanation::text), [`Reason::text`](crate::Reason::text), [`Failure::text`](crate::Failure::text), [`ProviderRule::text`](crate::provider::ProviderRule::text) |
//!
//! A server's own words are not here: they are [`ReplyText`](crate::reply::ReplyText) (the text
//! of a parsed reply) and raw bytes from [`Line::as_bytes`](crate::reply::Line::as_bytes).
//!
//! ```
//! use smtp_codes::{lookup, Locale};
//! let entry = lookup(535).unwrap();
//! assert_eq!(entry.remedy(), entry.text(Locale::En).remedy());
//! let ja = entry.text(Locale::Ja);
//! println!("{}: {}", ja.name(), ja.remedy());
//! ```

/// What the crate says about a reply code or a registry entry in one language: its name, what
/// it means, when you meet it and how to fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CodeTexts {
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
    pub(crate) when: &'static str,
    pub(crate) remedy: &'static str,
}

impl CodeTexts {
    /// A short name, as a mail user would say it ("Authentication Failed").
    pub const fn name(&self) -> &'static str {
        self.name
    }
    /// What the code means.
    pub const fn description(&self) -> &'static str {
        self.description
    }
    /// When you meet it: after which command, in which situations.
    pub const fn when(&self) -> &'static str {
        self.when
    }
    /// How to fix it, or what happens next for a positive reply.
    pub const fn remedy(&self) -> &'static str {
        self.remedy
    }
}

/// A name and a description in one language, for enhanced status classes and subjects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Brief {
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
}

impl Brief {
    /// A short name.
    pub const fn name(&self) -> &'static str {
        self.name
    }
    /// What it means.
    pub const fn description(&self) -> &'static str {
        self.description
    }
}

/// What to tell a person in one language: a one-sentence summary and a remedy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Advice {
    pub(crate) summary: &'static str,
    pub(crate) remedy: &'static str,
}

impl Advice {
    pub(crate) const fn new(summary: &'static str, remedy: &'static str) -> Advice {
        Advice { summary, remedy }
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

/// Texts keyed by language tag (the enabled languages), for serialization.
#[cfg(feature = "serde")]
pub(crate) struct Translations<'a, T>(pub(crate) &'a crate::generated::Lang<T>);

#[cfg(feature = "serde")]
impl<T: serde::Serialize> serde::Serialize for Translations<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use crate::Locale;
        serializer.collect_map(
            Locale::ALL
                .into_iter()
                .filter(|l| l.is_enabled())
                .map(|locale| (locale.tag(), self.0.get(locale))),
        )
    }
}
