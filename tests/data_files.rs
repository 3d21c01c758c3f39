//! The copies in `tests/data/` are whole: counts and columns as their READMEs describe them.

mod common;

use std::fs;

use common::{corpus, data, read_csv, tsv_rows};

#[test]
fn reply_corpus_is_whole() {
    let rows = tsv_rows("corpus/replies.tsv");
    assert_eq!(rows[0], ["raw", "code", "enhanced", "class", "retry", "reason", "source"]);
    assert!(rows.iter().all(|row| row.len() == 7), "every row has 7 columns");
    assert_eq!(corpus().len(), 85);
}

#[test]
fn reference_tables_are_whole() {
    let basic = read_csv("reference/basic_codes.csv");
    assert_eq!(basic.len(), 91);
    let mut codes: Vec<&str> = basic.iter().map(|row| row["code"].as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 45);
    assert_eq!(read_csv("reference/enhanced_codes.csv").len(), 81);
    assert_eq!(read_csv("reference/enhanced_subjects.csv").len(), 11);
    assert_eq!(read_csv("reference/basic_codes_detailed.csv").len(), 91);
    assert_eq!(read_csv("reference/enhanced_codes_detailed.csv").len(), 81);
}

#[test]
fn sisimai_corpus_is_whole_and_licensed() {
    let emails = fs::read_dir(data("sisimai/eml")).unwrap().filter_map(Result::ok).count();
    assert_eq!(emails, 316);
    let labels = tsv_rows("sisimai/labels.tsv");
    assert_eq!(labels[0], ["file", "index", "status", "replycode", "sisimai_reason", "hard", "label_source"]);
    assert!(labels.iter().all(|row| row.len() == 7));
    for row in &labels[1..] {
        assert!(data(&format!("sisimai/eml/{}", row[0])).exists(), "{} has its email", row[0]);
    }
    let cases = tsv_rows("sisimai/cases.tsv");
    assert_eq!(cases[0].len(), 9);
    assert!(cases.iter().all(|row| row.len() == 9));
    let licence = fs::read_to_string(data("sisimai/LICENSE")).unwrap();
    assert!(licence.contains("BSD") || licence.contains("Redistribution"));
}

#[test]
fn thunderbird_messages_are_whole_and_licensed() {
    let rows = tsv_rows("thunderbird/quoting.tsv");
    assert_eq!(rows[0], ["locale", "key", "text", "source"]);
    assert_eq!(rows.len() - 1, 775);
    assert!(rows.iter().all(|row| row.len() == 4));
    assert!(rows[1..].iter().all(|row| row[3].starts_with("thunderbird/thunderbird-l10n")));
    let messages = tsv_rows("thunderbird/messages.tsv");
    assert_eq!(messages[0], ["locale", "key", "text", "source"]);
    assert_eq!(messages.len() - 1, 656);
    assert!(
        messages[1..].iter().all(|row| row.len() == 4 && row[3].starts_with("thunderbird/thunderbird-l10n"))
    );
    let licence = fs::read_to_string(data("thunderbird/LICENSE")).unwrap();
    assert!(licence.starts_with("Mozilla Public License Version 2.0"));
}

#[test]
fn roundcube_messages_are_whole_and_licensed() {
    let rows = tsv_rows("roundcube/messages.tsv");
    assert_eq!(rows[0], ["locale", "key", "text", "source"]);
    assert_eq!(rows.len() - 1, 302);
    assert!(rows[1..].iter().all(|row| row.len() == 4 && row[3].starts_with("roundcube/roundcubemail")));
    let licence = fs::read_to_string(data("roundcube/LICENSE")).unwrap();
    assert!(licence.contains("GNU GENERAL PUBLIC LICENSE") && licence.contains("Version 3"));
}

#[test]
fn phpmailer_messages_are_whole_and_licensed() {
    let rows = tsv_rows("phpmailer/messages.tsv");
    assert_eq!(rows[0], ["locale", "key", "text", "source"]);
    assert_eq!(rows.len() - 1, 234);
    assert!(rows[1..].iter().all(|row| row.len() == 4 && row[3].starts_with("PHPMailer/PHPMailer")));
    let licence = fs::read_to_string(data("phpmailer/LICENSE")).unwrap();
    assert!(licence.contains("GNU LESSER GENERAL PUBLIC LICENSE"));
}

#[test]
fn evolution_texts_are_whole_and_licensed() {
    let rows = tsv_rows("evolution/code_texts.tsv");
    assert_eq!(rows[0], ["locale", "code", "english", "text", "source"]);
    assert_eq!(rows.len() - 1, 1_391);
    assert!(rows[1..].iter().all(|row| row.len() == 5 && row[4].starts_with("GNOME/evolution-data-server")));
    let prefixes = tsv_rows("evolution/step_prefixes.tsv");
    assert_eq!(prefixes[0], ["locale", "english", "text", "source"]);
    assert_eq!(prefixes.len() - 1, 639);
    assert!(
        prefixes[1..].iter().all(|row| row.len() == 4 && row[3].starts_with("GNOME/evolution-data-server"))
    );
    let licence = fs::read_to_string(data("evolution/LICENSE")).unwrap();
    assert!(licence.contains("GNU LIBRARY GENERAL PUBLIC LICENSE"));
}

#[test]
fn outlook_codes_are_whole_and_licensed() {
    let rows = tsv_rows("outlook/messages.tsv");
    assert_eq!(rows[0], ["locale", "key", "text", "source"]);
    assert_eq!(rows.len() - 1, 12);
    assert!(
        rows[1..]
            .iter()
            .all(|row| row.len() == 4 && row[3].starts_with("wine-mirror/wine include/imnxport.idl"))
    );
    assert!(rows[1..].iter().all(|row| row[2].starts_with("0x800CCC")));
    let licence = fs::read_to_string(data("outlook/LICENSE")).unwrap();
    assert!(licence.contains("GNU LESSER GENERAL PUBLIC LICENSE"));
}

#[test]
fn dotnet_texts_are_whole_and_licensed() {
    let rows = tsv_rows("dotnet/status_texts.tsv");
    assert_eq!(rows[0], ["key", "code", "text", "source"]);
    assert_eq!(rows.len() - 1, 16);
    assert!(rows[1..].iter().all(|row| row.len() == 4 && row[3].starts_with("dotnet/runtime ")));
    let licence = fs::read_to_string(data("dotnet/LICENSE")).unwrap();
    assert!(licence.starts_with("The MIT License"));
}

#[test]
fn phpmailer_reply_words_are_whole() {
    let rows = tsv_rows("phpmailer/reply_words.tsv");
    assert_eq!(rows[0], ["locale", "key", "text", "source"]);
    assert_eq!(rows.len() - 1, 123);
    assert!(rows[1..].iter().all(|row| row.len() == 4 && row[3].starts_with("PHPMailer/PHPMailer")));
}
