//! The reference comparisons, rendered in every language, with their content checked.

use smtp_codes::reference::{Class, Difference};
use smtp_codes::{Error, Locale, compare, lookup};

const PAIRS: [(u16, u16); 5] = [(221, 535), (221, 235), (221, 530), (220, 535), (221, 500)];

#[test]
fn reference_pairs_render_every_section_in_every_locale() {
    for (a, b) in PAIRS {
        let comparison = compare(a, b).unwrap();
        for locale in Locale::ALL.into_iter() {
            let text = comparison.render(locale).to_string();
            let (ea, eb) = (lookup(a).unwrap(), lookup(b).unwrap());
            for entry in [ea, eb] {
                let t = entry.text(locale);
                for part in [t.name(), t.description(), t.when(), t.remedy()] {
                    assert!(text.contains(part), "{a} vs {b} in {locale}: missing {part:?}");
                }
                assert!(text.contains(entry.class().pattern()), "{a} vs {b} in {locale}: no class pattern");
            }
            assert!(!text.contains('{'), "{a} vs {b} in {locale}: an unfilled placeholder:\n{text}");
            assert!(text.contains(&comparison.render_summary(locale).to_string()));
        }
    }
}

#[test]
fn headings_are_translated() {
    let c = compare(221, 535).unwrap();
    let ja = c.render(Locale::Ja).to_string();
    for heading in ["説明", "このコードが表示される場合", "解決方法", "主な違い", "どちらをいつ使うか"]
    {
        assert!(ja.contains(heading), "ja lacks {heading}");
    }
    let zh = c.render(Locale::Zh).to_string();
    for heading in ["描述", "何时出现", "如何修复", "主要区别", "何时使用哪个"] {
        assert!(zh.contains(heading), "zh lacks {heading}");
    }
    let en = c.to_string();
    for heading in ["Description", "When you see it", "How to fix it", "Key differences", "Which one when"] {
        assert!(en.contains(heading), "en lacks {heading}");
    }
}

#[test]
fn class_contrast_is_stated() {
    let c = compare(221, 535).unwrap();
    assert!(!c.same_class());
    assert_eq!(c.classes(), (Class::PositiveCompletion, Class::PermanentNegative));
    let summary = c.summary().to_string();
    assert!(summary.contains("221 Closing Connection") && summary.contains("Positive Completion"));
    assert!(summary.contains("535 Authentication Failed") && summary.contains("Permanent Negative"));
    let ja = c.render_summary(Locale::Ja).to_string();
    assert!(ja.contains("2xx") && ja.contains("5xx") && ja != summary);
    let zh = c.render_summary(Locale::Zh).to_string();
    assert!(zh.contains("2xx") && zh.contains("5xx") && zh != summary && zh != ja);

    let same = compare(221, 235).unwrap();
    assert!(same.same_class());
    assert!(same.summary().to_string().contains("both Positive Completion"));
}

#[test]
fn differences_are_the_right_ones() {
    let d: Vec<_> = compare(221, 535).unwrap().differences().collect();
    assert_eq!(d[0], Difference::Outcome { positive: 221, negative: 535 });
    assert!(d.contains(&Difference::Commands));
    assert!(d.iter().any(|x| matches!(x, Difference::Category { .. })));

    let d: Vec<_> = compare(221, 235).unwrap().differences().collect();
    assert_eq!(d[0], Difference::SameOutcome);

    let d: Vec<_> = compare(221, 530).unwrap().differences().collect();
    assert_eq!(d[0], Difference::Outcome { positive: 221, negative: 530 });

    let d: Vec<_> = compare(535, 220).unwrap().differences().collect();
    assert_eq!(
        d[0],
        Difference::Outcome { positive: 220, negative: 535 },
        "order follows meaning, not position"
    );

    let d: Vec<_> = compare(221, 500).unwrap().differences().collect();
    assert!(d.contains(&Difference::Category {
        first: smtp_codes::reference::Category::Connections,
        second: smtp_codes::reference::Category::Syntax
    }));

    let d: Vec<_> = compare(354, 250).unwrap().differences().collect();
    assert_eq!(d[0], Difference::Intermediate { intermediate: 354, completion: 250 });

    let d: Vec<_> = compare(421, 554).unwrap().differences().collect();
    assert_eq!(d[0], Difference::Permanence { transient: 421, permanent: 554 });

    let d: Vec<_> = compare(525, 535).unwrap().differences().collect();
    assert!(d.iter().any(|x| matches!(x, Difference::Standing { .. })));

    let en = compare(221, 535).unwrap().to_string();
    assert!(en.contains("221 Closing Connection means the server accepted the command; 535 Authentication Failed means it refused it."));
    assert!(en.contains("Expect 221 Closing Connection after QUIT."));
}

#[test]
fn a_code_compared_with_itself() {
    let c = compare(535, 535).unwrap();
    assert!(c.same_code() && c.same_class());
    assert_eq!(c.differences().collect::<Vec<_>>(), [Difference::SameCode]);
    for locale in Locale::ALL.into_iter() {
        let text = c.render(locale).to_string();
        assert_eq!(text.matches(lookup(535).unwrap().text(locale).description()).count(), 1, "{locale}");
    }
}

#[test]
fn bad_codes_are_named_in_errors() {
    let e = compare(221, 999).unwrap_err();
    assert_eq!(e, Error::UnknownReplyCode(999));
    assert_eq!(e.to_string(), "999 is not a known SMTP reply code");
    let e = compare(42, 221).unwrap_err();
    assert_eq!(e, Error::NotAReplyCode(42));
    assert_eq!(e.to_string(), "42 is not a reply code at all: SMTP reply codes have three digits");
    assert_eq!(compare(221, 1000).unwrap_err(), Error::NotAReplyCode(1000));
    let e = compare(221, 571).unwrap_err();
    assert_eq!(e, Error::UnknownReplyCode(571));
    assert_eq!(e.to_string(), "571 is not a known SMTP reply code");
}

#[test]
fn every_pair_of_known_codes_renders_without_gaps() {
    let codes: Vec<u16> = smtp_codes::all().map(|c| c.code()).collect();
    for &a in &codes {
        for &b in &codes {
            let c = compare(a, b).unwrap();
            let text = c.to_string();
            assert!(!text.contains('{') && text.lines().count() > 10, "{a} vs {b}");
        }
    }
}
