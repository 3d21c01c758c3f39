//! [`Locale`]: the languages of the crate's texts, and BCP 47 tag negotiation.

use crate::Error;
use crate::generated::LOCALE_NAMES;
pub use crate::generated::Locale;

pub(crate) fn parse_error(_: &str) -> Error {
    Error::UnknownName { kind: "locale" }
}

impl Locale {
    /// The stable id: the BCP 47 tag (`"ja"`, `"pt-BR"`), as serde and `FromStr` use it.
    /// `FromStr` parses every language's tag whether or not its feature is on; negotiation
    /// ([`from_tag`](Self::from_tag), [`negotiate`](Self::negotiate)) picks enabled ones only.
    pub fn as_str(self) -> &'static str {
        self.tag()
    }

    /// The BCP 47 tag of this language (`"en"`, `"ja"`, `"zh"`, `"pt-BR"`, …).
    pub fn tag(self) -> &'static str {
        LOCALE_NAMES[self.index()].0
    }

    /// The language's name in English ("Japanese").
    pub fn english_name(self) -> &'static str {
        LOCALE_NAMES[self.index()].1
    }

    /// The language's name in itself ("日本語").
    pub fn native_name(self) -> &'static str {
        LOCALE_NAMES[self.index()].2
    }

    /// The language's name for a reader of `locale`: its English name for English readers,
    /// otherwise its own name ("日本語", "Deutsch"), as language pickers show languages so that
    /// each reader finds their own.
    ///
    /// ```
    /// use smtp_codes::Locale;
    /// assert_eq!(Locale::Ja.label(Locale::En), "Japanese");
    /// assert_eq!(Locale::Ja.label(Locale::De), "日本語");
    /// ```
    pub fn label(self, locale: Locale) -> &'static str {
        if locale == Locale::En { self.english_name() } else { self.native_name() }
    }

    /// The best available language for a BCP 47 tag, or `None` when no language matches.
    /// Only enabled languages are available ([`is_enabled`](Self::is_enabled)): with the
    /// `lang-ja` feature off, `"ja"` matches nothing and negotiation moves on.
    ///
    /// Matching is case-insensitive and accepts `_` for `-`. A tag that names a language exactly
    /// (or one of its listed aliases, such as `ja-JP` or `zh-Hans`) matches it; otherwise the
    /// primary language subtag decides, so `de-AT` → German and `en-GB` → English.
    /// Chinese is written in Simplified characters only: `zh-TW`, `zh-HK` and `zh-Hant` resolve to
    /// it too, because a reader of Traditional Chinese reads Simplified Chinese more readily than
    /// an English fallback. Likewise `pt` and `pt-PT` resolve to Brazilian Portuguese.
    ///
    /// ```
    /// use smtp_codes::Locale;
    /// # if !Locale::Ja.is_enabled() || !Locale::Zh.is_enabled() { return; }
    /// assert_eq!(Locale::from_tag("ja-JP"), Some(Locale::Ja));
    /// assert_eq!(Locale::from_tag("zh-Hans-CN"), Some(Locale::Zh));
    /// assert_eq!(Locale::from_tag("en_GB"), Some(Locale::En));
    /// assert_eq!(Locale::from_tag("tlh"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::match_tag(tag).filter(|locale| locale.is_enabled())
    }

    fn match_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        if let Ok(locale) = tag.parse::<Locale>() {
            return Some(locale);
        }
        let mut buffer = [0u8; 64];
        let normalized = normalize(tag, &mut buffer)?;
        if let Ok(locale) = normalized.parse::<Locale>() {
            return Some(locale);
        }
        let primary = normalized.split('-').next()?;
        if primary.len() < 2 || primary.len() > 8 || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        Locale::ALL.into_iter().find(|locale| {
            let own = locale.tag().split('-').next().unwrap_or_default();
            own.eq_ignore_ascii_case(primary)
        })
    }

    /// The best language for a list of preferred BCP 47 tags (most preferred first, as in an
    /// `Accept-Language` header without weights): the first tag that [`from_tag`](Self::from_tag)
    /// resolves, or English when none does.
    ///
    /// ```
    /// use smtp_codes::Locale;
    /// # if !Locale::Fr.is_enabled() { return; }
    /// assert_eq!(Locale::negotiate(&["tlh", "fr-CA", "en"]), Locale::Fr);
    /// assert_eq!(Locale::negotiate(&["xx"]), Locale::En);
    /// ```
    pub fn negotiate(preferences: &[&str]) -> Locale {
        preferences.iter().find_map(|tag| Locale::from_tag(tag)).unwrap_or(Locale::En)
    }
}

/// `tag` with `_` replaced by `-`, in `buffer`; `None` when it is too long to be a language tag.
fn normalize<'b>(tag: &str, buffer: &'b mut [u8; 64]) -> Option<&'b str> {
    let bytes = tag.as_bytes();
    if bytes.len() > buffer.len() || !tag.is_ascii() {
        return None;
    }
    let out = &mut buffer[..bytes.len()];
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = if *b == b'_' { b'-' } else { *b };
    }
    core::str::from_utf8(out).ok()
}

impl core::fmt::Display for Locale {
    /// The English name ("Japanese"); [`Locale::as_str`] gives the tag.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.english_name())
    }
}
