//! The whole table against the standards' facts in `tests/data/reference/` (copied from the reference material).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use smtp_codes::reference::{Class, Standing};

#[test]
fn every_basic_code_of_the_reference_is_in_the_table() {
    let rows = common::read_csv("reference/basic_codes.csv");
    let expected: BTreeSet<u16> = rows.iter().map(|r| r["code"].parse().unwrap()).collect();
    assert_eq!(expected.len(), 45, "the reference lists 45 distinct codes");
    let ours: BTreeSet<u16> = smtp_codes::all().map(|c| c.code()).collect();
    assert_eq!(ours, expected);
    for code in &expected {
        assert!(smtp_codes::lookup(*code).is_some(), "lookup({code})");
    }
}

#[test]
fn classes_match_the_reference() {
    for row in common::read_csv("reference/basic_codes.csv") {
        let code: u16 = row["code"].parse().unwrap();
        let class: Class = row["class"].parse().unwrap();
        assert_eq!(smtp_codes::lookup(code).unwrap().class(), class, "{code}");
    }
}

#[test]
fn standing_matches_the_reference_tiers() {
    // The reference README: standards-track when any standards-track RFC defines the code,
    // experimental when only an experimental RFC does, registry-only when the code appears only
    // as an associated code in the IANA registry (the RFC 5248 registry rows).
    let mut by_code: BTreeMap<u16, Vec<_>> = BTreeMap::new();
    for row in common::read_csv("reference/basic_codes_detailed.csv") {
        by_code.entry(row["code"].parse().unwrap()).or_default().push(row);
    }
    let mut counts: BTreeMap<Standing, usize> = BTreeMap::new();
    for (code, rows) in by_code {
        let registry_only =
            rows.iter().all(|r| r["rfc"] == "RFC 5248" && r["section"].starts_with("IANA registry"));
        let standards = rows.iter().any(|r| r["rfc_status"] == "standards-track");
        let expected = if registry_only {
            Standing::RegistryOnly
        } else if standards {
            Standing::StandardsTrack
        } else {
            Standing::Experimental
        };
        assert_eq!(smtp_codes::lookup(code).unwrap().standing(), expected, "{code}");
        *counts.entry(expected).or_default() += 1;
    }
    assert_eq!(counts[&Standing::StandardsTrack], 38);
    assert_eq!(counts[&Standing::Experimental], 1);
    assert_eq!(counts[&Standing::RegistryOnly], 6);
}

#[test]
fn every_rfc_of_the_reference_is_cited() {
    for row in common::read_csv("reference/basic_codes.csv") {
        let code: u16 = row["code"].parse().unwrap();
        let entry = smtp_codes::lookup(code).unwrap();
        assert!(
            entry.references().iter().any(|r| r.document() == row["rfc"]),
            "{code} does not cite {}",
            row["rfc"]
        );
    }
}

#[test]
fn every_english_text_is_present() {
    for entry in smtp_codes::all() {
        for (what, text) in [
            ("name", entry.name()),
            ("description", entry.description()),
            ("when", entry.when()),
            ("remedy", entry.remedy()),
            ("rfc_text", entry.rfc_text()),
        ] {
            assert!(!text.trim().is_empty(), "{} has an empty {what}", entry.code());
        }
        assert!(!entry.commands().is_empty(), "{} names no command", entry.code());
        assert!(!entry.references().is_empty(), "{} cites nothing", entry.code());
        for enhanced in entry.enhanced_codes() {
            assert_eq!(
                enhanced.reply_class(),
                if entry.class().is_intermediate() { Class::PositiveCompletion } else { entry.class() },
                "{}: {enhanced}",
                entry.code()
            );
        }
    }
}

#[test]
fn names_are_what_mail_users_say() {
    for (code, name) in [
        (535, "Authentication Failed"),
        (221, "Closing Connection"),
        (220, "Service Ready"),
        (530, "Authentication Required"),
        (500, "Syntax Error"),
        (235, "Authentication Successful"),
    ] {
        assert_eq!(smtp_codes::lookup(code).unwrap().name(), name);
    }
}

#[test]
fn codes_with_several_meanings_say_so() {
    let text = |code: u16| {
        let e = smtp_codes::lookup(code).unwrap();
        format!("{} {} {}", e.description(), e.when(), e.remedy())
    };
    let t454 = text(454);
    assert!(t454.contains("STARTTLS") && t454.contains("AUTH"), "454: {t454}");
    let t530 = text(530);
    assert!(t530.contains("STARTTLS") && t530.to_lowercase().contains("authenticat"), "530: {t530}");
    let t552 = text(552);
    assert!(t552.contains("452") && t552.to_lowercase().contains("recipients"), "552: {t552}");
    // The facts also keep each RFC's own title for the code.
    let titles: Vec<_> =
        smtp_codes::lookup(530).unwrap().references().iter().filter_map(|r| r.title()).collect();
    assert!(titles.contains(&"Must issue a STARTTLS command first"), "{titles:?}");
}

#[test]
fn every_enhanced_registry_entry_is_in_the_table() {
    let rows = common::read_csv("reference/enhanced_codes.csv");
    assert_eq!(rows.len(), 81);
    assert_eq!(smtp_codes::all_enhanced().len(), 81);
    for row in rows {
        let pattern = &row["code"];
        let code = format!("5{}", &pattern[1..]);
        let status =
            smtp_codes::lookup_enhanced(code.as_str()).unwrap_or_else(|| panic!("{pattern} missing"));
        assert_eq!(status.pattern().to_string(), *pattern);
        if !row["sample_text"].is_empty() {
            assert_eq!(status.title(), row["sample_text"], "{pattern}");
        }
        for text in [status.name(), status.description(), status.when(), status.remedy()] {
            assert!(!text.trim().is_empty(), "{pattern} has an empty text");
        }
        for basic in
            row["associated_basic_codes"].split(|c: char| !c.is_ascii_digit()).filter(|s| s.len() == 3)
        {
            assert!(status.basic_codes().contains(&basic.parse().unwrap()), "{pattern} lacks {basic}");
        }
        let rfcs: Vec<&str> = row["rfc"]
            .split(';')
            .filter_map(|s| s.trim().split(" (").next())
            .filter(|s| s.starts_with("RFC"))
            .map(|s| s.split(',').next().unwrap())
            .collect();
        for rfc in rfcs {
            assert!(status.references().iter().any(|r| r.document() == rfc), "{pattern} does not cite {rfc}");
        }
    }
    let deprecated = smtp_codes::lookup_enhanced("5.6.10").unwrap();
    assert!(deprecated.is_deprecated());
    assert_eq!(deprecated.deprecated_by().unwrap().pattern().to_string(), "X.6.8");
    assert_eq!(smtp_codes::all_enhanced().filter(|s| s.is_deprecated()).count(), 1);
}

#[test]
fn every_enhanced_class_and_subject_has_data() {
    for row in common::read_csv("reference/enhanced_subjects.csv") {
        let value: u16 = row["value"].parse().unwrap();
        let (title, description) = if row["kind"] == "class" {
            let code = smtp_codes::EnhancedCode::new(value as u8, 0, 0).unwrap();
            let info = code.class_info();
            (info.title(), info.description())
        } else {
            let code = smtp_codes::EnhancedCode::new(5, value, 0).unwrap();
            let info = code.subject_info().unwrap();
            (info.title(), info.description())
        };
        assert_eq!(title, row["summary"]);
        assert!(!description.is_empty());
    }
}
