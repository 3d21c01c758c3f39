//! Helpers shared by the integration tests: reading the reference tables and corpus in
//! `../shared`, which CI always provides beside the checkout (they are never copied here).

#![allow(dead_code)]

use std::path::PathBuf;

pub fn shared(path: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = [root.join("../shared").join(path), root.join("shared").join(path)];
    candidates.iter().find(|p| p.exists()).cloned().unwrap_or_else(|| {
        panic!("{path} not found in ../shared: the reference material must sit beside the checkout")
    })
}

/// A minimal CSV reader for the reference tables: quoted fields with commas, no embedded newlines.
pub fn read_csv(path: &str) -> Vec<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(shared(path)).expect("reference table is readable");
    let mut lines = text.lines();
    let header: Vec<String> = split_csv_line(lines.next().expect("header"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| header.iter().cloned().zip(split_csv_line(line)).collect())
        .collect()
}

fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}
