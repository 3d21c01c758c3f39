//! [`Comparison`]: two reply codes side by side, as a person asks "221 vs 535".

use core::fmt::{self, Display};

use crate::ui::{CommandList, Template, category_name, class_name, standing_name, ui};
use crate::{Category, Class, Error, Locale, ReplyCode, Standing};

/// Two reply codes side by side: their classes, meanings, when each appears, how to fix each,
/// the key differences and when you will see which.
///
/// Built by [`compare`](crate::compare). `Display` renders it in English; [`render`](Self::render)
/// renders it in any [`Locale`].
///
/// ```
/// let c = smtp_codes::compare(221, 535).unwrap();
/// assert!(!c.same_class());
/// assert!(c.to_string().contains("SMTP 221 Closing Connection vs 535 Authentication Failed"));
/// assert!(c.render(smtp_codes::Locale::Ja).to_string().contains("主な違い"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comparison {
    first: &'static ReplyCode,
    second: &'static ReplyCode,
}

/// One way in which two compared reply codes differ (or the fact that they are alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Difference {
    /// Both sides are the same code.
    SameCode,
    /// Both codes have the same class, so the client reacts to them the same way.
    SameOutcome,
    /// One code means the command was accepted, the other that it was refused.
    Outcome {
        /// The 2xx or 3xx code.
        positive: u16,
        /// The 4xx or 5xx code.
        negative: u16,
    },
    /// One code asks the client to continue (3xx), the other completes the command (2xx).
    Intermediate {
        /// The 3xx code.
        intermediate: u16,
        /// The 2xx code.
        completion: u16,
    },
    /// One refusal is temporary (4xx), the other permanent (5xx).
    Permanence {
        /// The 4xx code.
        transient: u16,
        /// The 5xx code.
        permanent: u16,
    },
    /// The codes concern different things (their second digits differ).
    Category {
        /// The first code's category.
        first: Category,
        /// The second code's category.
        second: Category,
    },
    /// The codes answer different commands.
    Commands,
    /// The codes are established differently in the standards.
    Standing {
        /// The first code's standing.
        first: Standing,
        /// The second code's standing.
        second: Standing,
    },
}

impl Comparison {
    /// Compares two reply codes; an error names the code that is not a reply code at all
    /// ([`Error::NotAReplyCode`]: not three digits) or that no standard defines
    /// ([`Error::UnknownReplyCode`]: 571, 999).
    pub fn new(first: u16, second: u16) -> Result<Comparison, Error> {
        Ok(Comparison { first: crate::lookup_known(first)?, second: crate::lookup_known(second)? })
    }

    /// The first code.
    pub const fn first(&self) -> &'static ReplyCode {
        self.first
    }

    /// The second code.
    pub const fn second(&self) -> &'static ReplyCode {
        self.second
    }

    /// Whether both codes have the same class.
    pub const fn same_class(&self) -> bool {
        self.first.class() as u8 == self.second.class() as u8
    }

    /// Whether both sides are the same code.
    pub const fn same_code(&self) -> bool {
        self.first.code() == self.second.code()
    }

    /// The classes of the first and second code.
    pub const fn classes(&self) -> (Class, Class) {
        (self.first.class(), self.second.class())
    }

    /// The key differences, most important first. Comparing a code with itself yields
    /// [`Difference::SameCode`] alone.
    ///
    /// ```
    /// use smtp_codes::compare;
    /// use smtp_codes::reference::Difference;
    /// let c = compare(221, 535).unwrap();
    /// assert!(c.differences().any(|d| d == Difference::Outcome { positive: 221, negative: 535 }));
    /// let c = compare(450, 550).unwrap();
    /// assert!(c.differences().any(|d| d == Difference::Permanence { transient: 450, permanent: 550 }));
    /// ```
    pub fn differences(&self) -> impl Iterator<Item = Difference> + use<> {
        let (a, b) = (self.first, self.second);
        let mut found: [Option<Difference>; 5] = [None; 5];
        if a.code() == b.code() {
            found[0] = Some(Difference::SameCode);
            return found.into_iter().flatten();
        }
        let (ca, cb) = (a.class(), b.class());
        let order = |x: &'static ReplyCode, y: &'static ReplyCode, first_wins: bool| {
            if first_wins { (x.code(), y.code()) } else { (y.code(), x.code()) }
        };
        found[0] = Some(if ca == cb {
            Difference::SameOutcome
        } else if ca.is_positive() != cb.is_positive() {
            let (positive, negative) = order(a, b, ca.is_positive());
            Difference::Outcome { positive, negative }
        } else if ca.is_positive() {
            let (intermediate, completion) = order(a, b, ca.is_intermediate());
            Difference::Intermediate { intermediate, completion }
        } else {
            let (transient, permanent) = order(a, b, ca.is_transient());
            Difference::Permanence { transient, permanent }
        });
        if a.category() != b.category() {
            found[1] = Some(Difference::Category { first: a.category(), second: b.category() });
        }
        if a.commands() != b.commands() {
            found[2] = Some(Difference::Commands);
        }
        if a.standing() != b.standing() {
            found[3] = Some(Difference::Standing { first: a.standing(), second: b.standing() });
        }
        found.into_iter().flatten()
    }

    /// The one-sentence summary of how the classes relate, in the given language.
    ///
    /// ```
    /// let c = smtp_codes::compare(221, 535).unwrap();
    /// assert_eq!(
    ///     c.summary().to_string(),
    ///     "221 Closing Connection is a Positive Completion reply (2xx), while 535 Authentication Failed is a Permanent Negative reply (5xx)."
    /// );
    /// ```
    pub fn summary(&self) -> impl Display + '_ {
        self.render_summary(Locale::En)
    }

    /// The one-sentence summary in the given language.
    pub fn render_summary(&self, locale: Locale) -> impl Display + '_ {
        Summary { comparison: self, locale }
    }

    /// The whole comparison with headings in the given language.
    pub fn render(&self, locale: Locale) -> impl Display + '_ {
        Rendered { comparison: self, locale }
    }
}

impl Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Rendered { comparison: self, locale: Locale::En }.fmt(f)
    }
}

/// `535 Authentication Failed` with the name in the given language.
pub(crate) struct Label(pub(crate) &'static ReplyCode, pub(crate) Locale);

impl Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0.code(), self.0.text(self.1).name())
    }
}

struct Summary<'a> {
    comparison: &'a Comparison,
    locale: Locale,
}

impl Display for Summary<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b, locale) = (self.comparison.first, self.comparison.second, self.locale);
        let ui = ui(locale);
        let (la, lb) = (Label(a, locale), Label(b, locale));
        let (ca, cb) = self.comparison.classes();
        let (na, nb) = (class_name(ca, locale), class_name(cb, locale));
        let (pa, pb) = (ca.pattern(), cb.pattern());
        if self.comparison.same_code() {
            let args: [(&str, &dyn Display); 3] = [("a", &la), ("class", &na), ("pattern", &pa)];
            Template { template: ui.summary_same_code, args: &args }.fmt(f)
        } else if ca == cb {
            let args: [(&str, &dyn Display); 4] = [("a", &la), ("b", &lb), ("class", &na), ("pattern", &pa)];
            Template { template: ui.summary_same_class, args: &args }.fmt(f)
        } else {
            let args: [(&str, &dyn Display); 6] = [
                ("a", &la),
                ("b", &lb),
                ("class_a", &na),
                ("class_b", &nb),
                ("pattern_a", &pa),
                ("pattern_b", &pb),
            ];
            Template { template: ui.summary_class_contrast, args: &args }.fmt(f)
        }
    }
}

/// One difference as a sentence in the given language.
struct DifferenceText<'a> {
    comparison: &'a Comparison,
    difference: Difference,
    locale: Locale,
}

impl Display for DifferenceText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let locale = self.locale;
        let ui = ui(locale);
        let (a, b) = (self.comparison.first, self.comparison.second);
        let label = |code: u16| Label(if a.code() == code { a } else { b }, locale);
        match self.difference {
            Difference::SameCode => f.write_str(ui.diff_same_code),
            Difference::SameOutcome => f.write_str(ui.diff_same_class),
            Difference::Outcome { positive, negative } => {
                let (p, n) = (label(positive), label(negative));
                let args: [(&str, &dyn Display); 2] = [("positive", &p), ("negative", &n)];
                Template { template: ui.diff_outcome, args: &args }.fmt(f)
            }
            Difference::Intermediate { intermediate, completion } => {
                let (i, c) = (label(intermediate), label(completion));
                let args: [(&str, &dyn Display); 2] = [("intermediate", &i), ("completion", &c)];
                Template { template: ui.diff_intermediate, args: &args }.fmt(f)
            }
            Difference::Permanence { transient, permanent } => {
                let (t, p) = (label(transient), label(permanent));
                let args: [(&str, &dyn Display); 2] = [("transient", &t), ("permanent", &p)];
                Template { template: ui.diff_permanence, args: &args }.fmt(f)
            }
            Difference::Category { first, second } => {
                let (ca, cb) = (category_name(first, locale), category_name(second, locale));
                let (la, lb) = (Label(a, locale), Label(b, locale));
                let args: [(&str, &dyn Display); 4] =
                    [("a", &la), ("b", &lb), ("category_a", &ca), ("category_b", &cb)];
                Template { template: ui.diff_category, args: &args }.fmt(f)
            }
            Difference::Commands => {
                let (ca, cb) = (CommandList(a.commands(), locale), CommandList(b.commands(), locale));
                let (la, lb) = (Label(a, locale), Label(b, locale));
                let args: [(&str, &dyn Display); 4] =
                    [("a", &la), ("b", &lb), ("commands_a", &ca), ("commands_b", &cb)];
                Template { template: ui.diff_commands, args: &args }.fmt(f)
            }
            Difference::Standing { first, second } => {
                let (sa, sb) = (standing_name(first, locale), standing_name(second, locale));
                let (la, lb) = (Label(a, locale), Label(b, locale));
                let args: [(&str, &dyn Display); 4] =
                    [("a", &la), ("b", &lb), ("standing_a", &sa), ("standing_b", &sb)];
                Template { template: ui.diff_standing, args: &args }.fmt(f)
            }
        }
    }
}

/// Picks one of the texts of a code.
type TextField = fn(&crate::text::CodeTexts) -> &'static str;

struct Rendered<'a> {
    comparison: &'a Comparison,
    locale: Locale,
}

impl Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.comparison;
        let locale = self.locale;
        let ui = ui(locale);
        let sides: &[&'static ReplyCode] = if c.same_code() { &[c.first] } else { &[c.first, c.second] };
        let (la, lb) = (Label(c.first, locale), Label(c.second, locale));
        let title_args: [(&str, &dyn Display); 2] = [("a", &la), ("b", &lb)];
        writeln!(f, "{}", Template { template: ui.compare_title, args: &title_args })?;
        writeln!(f)?;
        writeln!(f, "{}", c.render_summary(locale))?;
        writeln!(f)?;
        writeln!(f, "{}", ui.heading_classes)?;
        for side in sides {
            writeln!(
                f,
                "  {}: {} {}",
                side.code(),
                side.class().pattern(),
                class_name(side.class(), locale)
            )?;
        }
        let sections: [(&str, TextField); 3] = [
            (ui.heading_description, |t| t.description()),
            (ui.heading_when, |t| t.when()),
            (ui.heading_remedy, |t| t.remedy()),
        ];
        for (heading, field) in sections {
            writeln!(f)?;
            writeln!(f, "{heading}")?;
            for side in sides {
                writeln!(f, "  {}: {}", Label(side, locale), field(&side.text(locale)))?;
            }
        }
        writeln!(f)?;
        writeln!(f, "{}", ui.heading_differences)?;
        for difference in c.differences() {
            writeln!(f, "  - {}", DifferenceText { comparison: c, difference, locale })?;
        }
        writeln!(f)?;
        writeln!(f, "{}", ui.heading_which)?;
        for side in sides {
            let commands = CommandList(side.commands(), locale);
            let code = Label(side, locale);
            let args: [(&str, &dyn Display); 2] = [("code", &code), ("commands", &commands)];
            writeln!(f, "  - {}", Template { template: ui.which_line, args: &args })?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Comparison {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq, SerializeStruct};
        struct Differences<'a>(&'a Comparison);
        impl serde::Serialize for Differences<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut seq = serializer.serialize_seq(None)?;
                for d in self.0.differences() {
                    seq.serialize_element(&d)?;
                }
                seq.end()
            }
        }
        let mut s = serializer.serialize_struct("Comparison", 4)?;
        s.serialize_field("first", &self.first.code())?;
        s.serialize_field("second", &self.second.code())?;
        s.serialize_field("same_class", &self.same_class())?;
        s.serialize_field("differences", &Differences(self))?;
        s.end()
    }
}
