//! `explain_text` on the diagnostic texts of Sisimai's bounce corpus (`tests/data/sisimai/
//! cases.tsv`: 316 real bounces, the text a parser finds in each, Sisimai's reason mapped to this
//! crate's vocabulary by `mapping.tsv`). Scored: whether a reply (a code) is found, and whether
//! the reason agrees (`a|b` accepts either; `-` is not scored). Figures:
//! `cargo test --test sisimai_cases -- --nocapture`.

mod common;

use std::collections::BTreeMap;

use common::data;
use smtp_codes::{Command, Context, Reason, explain_text_with};

fn unescape(text: &str) -> String {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            match bytes.get(i + 1) {
                Some(b'n') => {
                    out.push(b'\n');
                    i += 2;
                    continue;
                }
                Some(b'x') => {
                    if let Some(b) = text.get(i + 2..i + 4).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                        out.push(b);
                        i += 4;
                        continue;
                    }
                }
                _ => {}
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn command(name: &str) -> Option<Command> {
    match name {
        "RCPT" => Some(Command::Rcpt),
        "MAIL" => Some(Command::Mail),
        "DATA" => Some(Command::Data),
        "HELO" => Some(Command::Helo),
        "EHLO" => Some(Command::Ehlo),
        "CONN" => Some(Command::Connect),
        "STARTTLS" => Some(Command::StartTls),
        "AUTH" => Some(Command::Auth),
        _ => None,
    }
}

#[test]
fn diagnostic_texts_agree_with_sisimai() {
    let text = std::fs::read_to_string(data("sisimai/cases.tsv")).unwrap();
    let (mut scored, mut agree, mut with_code, mut code_found) = (0, 0, 0, 0);
    let mut per_reason: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let (diagnostic, stage, replycode, expected) = (unescape(f[2]), f[3], f[4], f[7]);
        if !replycode.is_empty() {
            with_code += 1;
        }
        let context = match command(stage) {
            Some(command) => Context::new().with_command(command),
            None => Context::new(),
        };
        let e = explain_text_with(&diagnostic, &context);
        if !replycode.is_empty() && e.and_then(|e| e.code()).is_some() {
            code_found += 1;
        }
        if expected == "-" {
            continue;
        }
        scored += 1;
        let ours = e.map_or(Reason::Other, |e| e.reason());
        let ok = expected.split('|').any(|label| label.parse::<Reason>() == Ok(ours));
        agree += usize::from(ok);
        let entry = per_reason.entry(expected.to_owned()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(ok);
        if !ok {
            misses.push(format!(
                "{} {expected} -> {}: {}",
                f[0],
                ours.as_str(),
                diagnostic.replace('\n', " ")
            ));
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("reason agreement {agree}/{scored} ({:.1}%)", pct(agree, scored));
    println!(
        "reply code found where Sisimai has one: {code_found}/{with_code} ({:.1}%)",
        pct(code_found, with_code)
    );
    for (reason, (n, ok)) in &per_reason {
        println!("  {reason:<32} {ok:>3}/{n:<3}");
    }
    if std::env::var_os("SMTP_CODES_MISSES").is_some() {
        misses.iter().for_each(|m| println!("{m}"));
    }
    assert!(pct(agree, scored) >= FLOOR_REASON, "reason agreement fell");
    assert!(pct(code_found, with_code) >= FLOOR_CODE, "reply finding fell");
}

const FLOOR_REASON: f64 = 89.5;
const FLOOR_CODE: f64 = 97.0;
