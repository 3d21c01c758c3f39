//! Helpers shared by the integration tests: reading the reference tables and corpora kept in
//! `tests/data/` (copies, with their sources and licences in `tests/data/README.md`).

#![allow(dead_code)]

use std::path::PathBuf;

pub fn data(path: &str) -> PathBuf {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(path);
    assert!(
        file.exists(),
        "tests/data/{path} is missing: the test data ships with the repository, not the published crate \
         (run the tests from a git checkout)"
    );
    file
}

/// The rows of a tab-separated file in `tests/data/` (its header first), without blank lines and
/// `#` comments.
pub fn tsv_rows(path: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(data(path)).expect("test data is readable");
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').map(str::to_owned).collect())
        .collect()
}

/// A minimal CSV reader for the reference tables: quoted fields with commas, no embedded newlines.
pub fn read_csv(path: &str) -> Vec<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(data(path)).expect("reference table is readable");
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

/// One row of `corpus/replies.tsv`: the reply's lines and its labels (see the corpus README).
#[derive(Debug, Clone)]
pub struct CorpusRow {
    /// The `raw` column as written in the TSV (for messages).
    pub raw: String,
    /// The reply's lines without line ends (`\n` separates them in the TSV, `\xHH` is a byte).
    pub lines: Vec<Vec<u8>>,
    /// The `code` label.
    pub code: u16,
    /// The `enhanced` label ("" when none).
    pub enhanced: String,
    /// The `class` label.
    pub class: String,
    /// The `retry` label: yes, no or n/a.
    pub retry: String,
    /// The reason label, without its retry note.
    pub reason: String,
    /// The `retry-note` of the reason column, when there is one.
    pub retry_note: Option<String>,
}

impl CorpusRow {
    /// The reply in wire form: every line followed by `ending` (CRLF or bare LF).
    pub fn wire(&self, ending: &[u8]) -> Vec<u8> {
        wire(&self.lines, ending)
    }
}

/// Lines joined in wire form, each followed by `ending`.
pub fn wire(lines: &[Vec<u8>], ending: &[u8]) -> Vec<u8> {
    lines.iter().flat_map(|line| line.iter().chain(ending)).copied().collect()
}

/// `\xHH` in a corpus line is one raw byte.
pub fn decode_line(line: &str) -> Vec<u8> {
    let bytes = line.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && bytes.get(i + 1) == Some(&b'x') {
            if let Some(byte) = line.get(i + 2..i + 4).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(byte);
                i += 4;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Every row of `tests/data/corpus/replies.tsv`, in file order.
pub fn corpus() -> Vec<CorpusRow> {
    let text = std::fs::read_to_string(data("corpus/replies.tsv")).expect("corpus is readable");
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let (reason, note) = match f[5].split_once("; retry-note: ") {
                Some((r, n)) => (r.to_string(), Some(n.to_string())),
                None => (f[5].to_string(), None),
            };
            CorpusRow {
                raw: f[0].to_string(),
                lines: f[0].split("\\n").map(decode_line).collect(),
                code: f[1].parse().expect("the code column is a number"),
                enhanced: f[2].to_string(),
                class: f[3].to_string(),
                retry: f[4].to_string(),
                reason,
                retry_note: note,
            }
        })
        .collect()
}
