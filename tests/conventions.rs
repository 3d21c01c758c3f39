//! The one convention every public enum follows (crate docs, "Conventions"):
//! `ALL` lists every value; `as_str()` is the stable id, and `FromStr` and serde use the same
//! string; `Display` is the English label (never the id) and equals `label(Locale::En)`;
//! `label(locale)` gives a non-empty label in every language.

use std::collections::HashSet;
use std::fmt::Display;
use std::str::FromStr;

use smtp_codes::reference::{Category, Class, Standing};
use smtp_codes::{Bounce, Command, Failure, FixOwner, Locale, Reason, Retry, ServerRole};

/// What every convention-following enum offers, as the test needs it.
trait Convention: 'static + Copy + Eq + std::hash::Hash + std::fmt::Debug + Display + FromStr {
    const NAME: &'static str;
    fn all() -> &'static [Self];
    fn id(self) -> &'static str;
    fn label(self, locale: Locale) -> &'static str;
}

macro_rules! convention {
    ($($ty:ident),* $(,)?) => {$(
        impl Convention for $ty {
            const NAME: &'static str = stringify!($ty);
            fn all() -> &'static [Self] {
                &$ty::ALL
            }
            fn id(self) -> &'static str {
                self.as_str()
            }
            fn label(self, locale: Locale) -> &'static str {
                $ty::label(self, locale)
            }
        }
    )*};
}

convention!(Class, Category, Command, Standing, Locale, ServerRole, Reason, Retry, Bounce, FixOwner, Failure);

#[cfg(feature = "dsn")]
use smtp_codes::dsn::{Action, Format, Kind, SesBounceSubType, SesBounceType};
#[cfg(feature = "dsn")]
convention!(Kind, Format, Action, SesBounceType, SesBounceSubType);

fn check<T: Convention>()
where
    <T as FromStr>::Err: std::fmt::Debug,
{
    let all = T::all();
    assert!(!all.is_empty(), "{}::ALL is empty", T::NAME);
    let distinct: HashSet<T> = all.iter().copied().collect();
    assert_eq!(distinct.len(), all.len(), "{}::ALL repeats a value", T::NAME);
    let ids: HashSet<&str> = all.iter().map(|v| v.id()).collect();
    assert_eq!(ids.len(), all.len(), "{}: two values share an id", T::NAME);
    for &value in all {
        let id = value.id();
        assert!(
            !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'),
            "{}::{value:?}: the id {id:?} is not a stable identifier",
            T::NAME
        );
        assert_eq!(id.parse::<T>().unwrap(), value, "{}: FromStr(as_str) round-trips", T::NAME);
        let label = value.to_string();
        assert_ne!(label, id, "{}::{value:?}: Display is the English label, not the id", T::NAME);
        assert_eq!(label, value.label(Locale::En), "{}::{value:?}: Display is label(Locale::En)", T::NAME);
        for locale in Locale::ALL {
            assert!(!value.label(locale).is_empty(), "{}::{value:?} has no {locale} label", T::NAME);
        }
    }
}

#[test]
fn every_public_enum_follows_the_convention() {
    check::<Class>();
    check::<Category>();
    check::<Command>();
    check::<Standing>();
    check::<Locale>();
    check::<ServerRole>();
    check::<Reason>();
    check::<Retry>();
    check::<Bounce>();
    check::<FixOwner>();
    check::<Failure>();
    #[cfg(feature = "dsn")]
    {
        check::<Kind>();
        check::<Format>();
        check::<Action>();
        check::<SesBounceType>();
        check::<SesBounceSubType>();
    }
}

#[cfg(feature = "serde")]
fn check_serde<T: Convention + serde::Serialize + serde::de::DeserializeOwned>() {
    for &value in T::all() {
        let json = serde_json::to_value(value).unwrap();
        assert_eq!(json, serde_json::Value::from(value.id()), "{}::{value:?}: serde writes the id", T::NAME);
        let back: T = serde_json::from_value(json).unwrap();
        assert_eq!(back, value, "{}::{value:?}: serde reads the id", T::NAME);
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_uses_the_id() {
    check_serde::<Class>();
    check_serde::<Category>();
    check_serde::<Command>();
    check_serde::<Standing>();
    check_serde::<Locale>();
    check_serde::<ServerRole>();
    check_serde::<Reason>();
    check_serde::<Retry>();
    check_serde::<Bounce>();
    check_serde::<FixOwner>();
    check_serde::<Failure>();
    #[cfg(feature = "dsn")]
    {
        check_serde::<Kind>();
        check_serde::<Format>();
        check_serde::<Action>();
        check_serde::<SesBounceType>();
        check_serde::<SesBounceSubType>();
    }
}

/// Localized text follows one pattern: accessors without a locale are English, `text(locale)`
/// gives the same texts in any language.
#[test]
fn accessors_without_a_locale_are_english() {
    let entry = smtp_codes::lookup(535).unwrap();
    assert_eq!(entry.name(), entry.text(Locale::En).name());
    assert_eq!(entry.remedy(), entry.text(Locale::En).remedy());
    let status = smtp_codes::lookup_enhanced("5.7.8").unwrap();
    assert_eq!(status.description(), status.text(Locale::En).description());
    for reason in Reason::ALL {
        assert_eq!(reason.summary(), reason.text(Locale::En).summary());
        assert_eq!(reason.remedy(), reason.text(Locale::En).remedy());
    }
    for failure in Failure::ALL {
        assert_eq!(failure.summary(), failure.text(Locale::En).summary());
    }
    for rule in smtp_codes::provider::ProviderRule::all() {
        assert_eq!(rule.summary(), rule.text(Locale::En).summary());
        assert_eq!(rule.remedy(), rule.text(Locale::En).remedy());
    }
    let e = smtp_codes::explain("552 5.2.2 Mailbox full").unwrap();
    assert_eq!(e.summary(), e.text(Locale::En).summary());
}

/// A language whose feature is off falls back to English and is not negotiated.
#[test]
fn disabled_languages_fall_back_to_english() {
    for locale in Locale::ALL {
        let entry = smtp_codes::lookup(535).unwrap();
        if locale.is_enabled() {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        } else {
            assert_eq!(entry.text(locale), entry.text(Locale::En), "{locale}");
            assert_eq!(Locale::from_tag(locale.tag()), None, "{locale}");
            assert_eq!(Locale::negotiate(&[locale.tag()]), Locale::En);
        }
    }
    assert!(Locale::En.is_enabled());
}
