//! Every text exists in every language, differs from English, and every comparison and corpus
//! explanation renders in every language without a missing piece.

use smtp_codes::{Locale, Reason, Retry, compare};

/// Texts that may equal the English in another language: protocol tokens and brand names.
fn may_equal_english(text: &str) -> bool {
    text.len() <= 4 || text.chars().all(|c| !c.is_alphabetic() || c.is_ascii_uppercase())
}

#[test]
fn every_entry_exists_in_every_locale_and_is_translated() {
    let mut counts = Vec::new();
    for locale in Locale::ALL.into_iter() {
        let mut entries = 0;
        let mut check = |what: &str, text: &str, english: &str| {
            assert!(!text.trim().is_empty(), "{locale}: {what} is empty");
            if locale != Locale::En && !may_equal_english(english) {
                assert_ne!(text, english, "{locale}: {what} is not translated");
            }
            entries += 1;
        };
        for entry in smtp_codes::all() {
            let (t, en) = (entry.text(locale), entry.text(Locale::En));
            let code = entry.code();
            check(&format!("{code} name"), t.name(), en.name());
            check(&format!("{code} description"), t.description(), en.description());
            check(&format!("{code} when"), t.when(), en.when());
            check(&format!("{code} remedy"), t.remedy(), en.remedy());
        }
        for status in smtp_codes::all_enhanced() {
            let (t, en) = (status.text(locale), status.text(Locale::En));
            let p = status.pattern();
            check(&format!("{p} name"), t.name(), en.name());
            check(&format!("{p} description"), t.description(), en.description());
            check(&format!("{p} when"), t.when(), en.when());
            check(&format!("{p} remedy"), t.remedy(), en.remedy());
        }
        for class in [2, 4, 5] {
            let info = smtp_codes::EnhancedCode::new(class, 0, 0).unwrap().class_info();
            check(&format!("class {class}"), info.text(locale).name(), info.text(Locale::En).name());
            check(
                &format!("class {class}"),
                info.text(locale).description(),
                info.text(Locale::En).description(),
            );
        }
        for subject in 0..8 {
            let info = smtp_codes::EnhancedCode::new(5, subject, 0).unwrap().subject_info().unwrap();
            check(&format!("subject {subject}"), info.text(locale).name(), info.text(Locale::En).name());
            check(
                &format!("subject {subject}"),
                info.text(locale).description(),
                info.text(Locale::En).description(),
            );
        }
        for reason in Reason::ALL.into_iter() {
            check(&format!("reason {reason}"), reason.label(locale), reason.label(Locale::En));
            check(&format!("reason {reason}"), reason.text(locale).summary(), reason.summary());
            check(&format!("reason {reason}"), reason.text(locale).remedy(), reason.remedy());
        }
        for class in smtp_codes::reference::Class::ALL.into_iter() {
            check(&format!("class {class}"), class.label(locale), class.label(Locale::En));
        }
        for category in smtp_codes::reference::Category::ALL.into_iter() {
            check(&format!("category {category}"), category.label(locale), category.label(Locale::En));
        }
        for standing in smtp_codes::reference::Standing::ALL.into_iter() {
            check(&format!("standing {standing}"), standing.label(locale), standing.label(Locale::En));
        }
        for command in smtp_codes::Command::ALL.into_iter().filter(|c| !c.is_verb()) {
            check(&format!("command {command}"), command.label(locale), command.label(Locale::En));
        }
        for retry in Retry::ALL.into_iter() {
            check(&format!("retry {retry}"), retry.label(locale), retry.label(Locale::En));
        }
        for rule in smtp_codes::provider::ProviderRule::all() {
            check(rule.id(), rule.text(locale).summary(), rule.summary());
            check(rule.id(), rule.text(locale).remedy(), rule.remedy());
        }
        for failure in smtp_codes::Failure::ALL {
            check(&format!("failure {failure:?}"), failure.label(locale), failure.label(Locale::En));
            check(&format!("failure {failure:?}"), failure.text(locale).summary(), failure.summary());
            check(&format!("failure {failure:?}"), failure.text(locale).remedy(), failure.remedy());
        }
        counts.push(format!("{} {entries}", locale.tag()));
    }
    println!("entries per language: {}", counts.join(", "));
}

#[test]
fn comparisons_and_corpus_explanations_render_in_every_locale() {
    let pairs = [(221, 535), (221, 235), (221, 530), (220, 535), (221, 500)];
    for locale in Locale::ALL.into_iter() {
        for (a, b) in pairs {
            let text = compare(a, b).unwrap().render(locale).to_string();
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{a}/{b} {locale}: unfilled placeholder\n{text}"
            );
            assert!(text.lines().filter(|l| !l.trim().is_empty()).count() >= 15, "{a}/{b} {locale}");
        }
    }
    let corpus = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus/replies.tsv"),
    )
    .unwrap();
    let mut rendered = 0;
    for row in corpus.lines().skip(1).filter(|l| !l.is_empty()) {
        let raw = row.split('\t').next().unwrap().replace("\\n", "\r\n");
        let Some(e) = smtp_codes::explain(&raw).ok().or_else(|| smtp_codes::explain_text(&raw)) else {
            panic!("{raw}")
        };
        for locale in Locale::ALL.into_iter() {
            let text = e.render(locale).to_string();
            assert!(
                text.contains(e.text(locale).summary()) && text.contains(e.text(locale).remedy()),
                "{locale}: {raw}"
            );
            assert!(!text.contains('{'), "{locale}: {raw}");
            if locale != Locale::En {
                assert_ne!(text, e.render(Locale::En).to_string());
            }
            rendered += 1;
        }
    }
    assert_eq!(rendered, 85 * Locale::ALL.into_iter().count());
}

#[test]
fn negotiation() {
    for (tags, expected) in [
        (&["ja-JP"][..], Locale::Ja),
        (&["zh-Hans-CN"], Locale::Zh),
        (&["zh-TW"], Locale::Zh),
        (&["pt-BR"], Locale::PtBr),
        (&["pt-PT"], Locale::PtBr),
        (&["de-AT"], Locale::De),
        (&["en-GB"], Locale::En),
        (&["fr-CA", "en"], Locale::Fr),
        (&["es-419"], Locale::Es),
        (&["tlh", "xx-YY"], Locale::En),
    ] {
        assert_eq!(Locale::negotiate(tags), expected, "{tags:?}");
    }
    assert_eq!("pt-BR".parse::<Locale>().unwrap(), Locale::PtBr);
    assert_eq!(Locale::PtBr.native_name(), "Português (Brasil)");
}
