//! Edge inputs and round trips of the small public types.

use smtp_codes::reference::{Category, Class, Standing};
use smtp_codes::{Command, EnhancedCode, Error, Locale, Reason, lookup};

#[test]
fn class_and_category_of_every_number() {
    for code in 0..=u16::MAX {
        let class = Class::of(code);
        assert_eq!(class.is_some(), (200..=599).contains(&code), "{code}");
        if let Some(class) = class {
            assert_eq!(u16::from(class.digit()), code / 100);
            assert_eq!(class.is_positive(), code < 400);
            assert_eq!(class.is_transient(), (400..500).contains(&code));
            assert_eq!(class.is_permanent(), code >= 500);
            assert_eq!(class.is_negative(), !class.is_positive());
            match Category::of(code) {
                Some(category) => assert_eq!(u16::from(category.digit()), (code / 10) % 10),
                None => assert!((code / 10) % 10 > 5),
            }
        } else {
            assert_eq!(Category::of(code), None);
        }
        if let Some(entry) = lookup(code) {
            assert_eq!(entry.code(), code);
        }
        // Never panics, whatever the number.
        let _ = smtp_codes::compare(code, 250);
    }
}

#[test]
fn string_forms_round_trip() {
    for class in Class::ALL.into_iter() {
        assert_eq!(class.as_str().parse::<Class>().unwrap(), class);
        assert_eq!(class.pattern().parse::<Class>().unwrap(), class);
    }
    assert_eq!(Class::PermanentNegative.to_string(), "Permanent Negative");
    assert_eq!("permanent-negative".parse::<Class>().unwrap(), Class::PermanentNegative);
    for category in Category::ALL.into_iter() {
        assert_eq!(category.as_str().parse::<Category>().unwrap(), category);
    }
    for standing in Standing::ALL.into_iter() {
        assert_eq!(standing.as_str().parse::<Standing>().unwrap(), standing);
    }
    for command in Command::ALL.into_iter() {
        assert_eq!(command.as_str().parse::<Command>().unwrap(), command);
    }
    for reason in Reason::ALL.into_iter() {
        assert_eq!(reason.as_str().parse::<Reason>().unwrap(), reason);
        assert_ne!(reason.to_string(), reason.as_str(), "Display is the label, not the id");
        for locale in Locale::ALL.into_iter() {
            assert!(
                !reason.label(locale).is_empty() && !reason.text(locale).summary().is_empty(),
                "{reason} {locale}"
            );
            assert!(!reason.text(locale).remedy().is_empty(), "{reason} {locale}");
        }
    }
    for locale in Locale::ALL.into_iter() {
        assert_eq!(locale.as_str().parse::<Locale>().unwrap(), locale);
        assert_eq!(locale.to_string(), locale.english_name());
        assert_eq!(Locale::from_tag(locale.tag()), Some(locale).filter(|l| l.is_enabled()));
        assert!(!locale.native_name().is_empty() && !locale.english_name().is_empty());
    }
    assert_eq!("nonsense".parse::<Class>(), Err(Error::UnknownName { kind: "class" }));
    assert_eq!("xx".parse::<Locale>(), Err(Error::UnknownName { kind: "locale" }));
}

#[test]
fn locale_tags() {
    for (tag, locale) in [
        ("en", Locale::En),
        ("ja", Locale::Ja),
        ("ja-JP", Locale::Ja),
        ("JA-jp", Locale::Ja),
        ("zh", Locale::Zh),
        ("zh-CN", Locale::Zh),
        ("zh-Hans", Locale::Zh),
    ] {
        assert_eq!(tag.parse::<Locale>().unwrap(), locale, "{tag}");
    }
    for (tag, locale) in [
        ("zh-Hans-CN", Some(Locale::Zh)),
        ("zh-TW", Some(Locale::Zh)),
        ("zh_Hant_HK", Some(Locale::Zh)),
        ("en-GB", Some(Locale::En)),
        ("en-AU", Some(Locale::En)),
        ("", None),
        ("x", None),
        ("qq-ZZ", None),
        ("ja-JP-u-ca-japanese", Some(Locale::Ja)),
    ] {
        assert_eq!(Locale::from_tag(tag), locale, "{tag:?}");
    }
    assert_eq!(Locale::negotiate(&[]), Locale::En);
    assert_eq!(Locale::negotiate(&["xx", "ja-JP", "en"]), Locale::Ja);
    // An absurdly long tag is not a language, and does not panic.
    assert_eq!(Locale::from_tag(&"a".repeat(10_000)), None);
}

#[test]
fn enhanced_code_edges() {
    for ok in ["2.0.0", "5.7.8", "4.4.316", "5.7.708", "5.999.999", "4.0.0"] {
        let code: EnhancedCode = ok.parse().unwrap();
        assert_eq!(code.to_string(), ok);
    }
    for bad in [
        "", "5", "5.", "5.7", "5.7.", "3.1.1", "1.1.1", "5.7.8.", "5.7.8.1", "5.1000.1", "5.7.1000", "5..8",
        ".5.7.8", " 5.7.8", "5.7.8 ", "5.a.8", "５.7.8",
    ] {
        assert_eq!(bad.parse::<EnhancedCode>(), Err(Error::InvalidEnhancedCode), "{bad:?}");
    }
    let mut codes: Vec<EnhancedCode> =
        ["5.7.8", "2.0.0", "4.7.500", "5.1.1", "4.7.26"].iter().map(|s| s.parse().unwrap()).collect();
    codes.sort();
    let sorted: Vec<String> = codes.iter().map(ToString::to_string).collect();
    assert_eq!(sorted, ["2.0.0", "4.7.26", "4.7.500", "5.1.1", "5.7.8"]);
    assert_eq!(EnhancedCode::new(3, 1, 1), None);
    assert_eq!(EnhancedCode::new(5, 1000, 1), None);
}

#[test]
fn entries_display_as_code_and_name() {
    assert_eq!(lookup(535).unwrap().to_string(), "535 Authentication Failed");
    assert_eq!(lookup(221).unwrap().to_string(), "221 Closing Connection");
    assert_eq!(format!("{:?}", Error::NotAReplyCode(42)), "NotAReplyCode(42)");
}

#[test]
fn named_constants_and_conversions() {
    use smtp_codes::{ReplyCode, codes};
    assert_eq!(codes::AUTHENTICATION_FAILED, 535);
    assert_eq!(codes::SERVICE_READY, 220);
    assert_eq!(codes::PASSWORD_TRANSITION_NEEDED, 432);
    assert_eq!(codes::PASSWORD_TRANSITION_NEEDED_422, 422);
    let entry = lookup(codes::CLOSING_CONNECTION).unwrap();
    assert!(*entry == 221, "ReplyCode == u16");
    assert!(221 == *entry, "u16 == ReplyCode");
    assert_eq!(u16::from(entry), 221);
    let entry: &ReplyCode = "535".try_into().unwrap();
    assert_eq!(entry.name(), "Authentication Failed");
    let entry: Result<&ReplyCode, _> = 999u16.try_into();
    assert_eq!(entry, Err(Error::UnknownReplyCode(999)));
    for entry in smtp_codes::all() {
        assert_eq!(ReplyCode::from_u16(entry.code()).unwrap(), entry);
        assert_eq!(ReplyCode::from_bytes(entry.code().to_string().as_bytes()).unwrap(), entry);
    }
}
