//! `Reply::parse`, `explain` and `explain_text` on real replies, against the peers and a floor, in one
//! criterion run (every comparison in the same process, on the same inputs built at start-up).
//!
//! - `parse/corpus`: the 85 replies of `tests/data/corpus/replies.tsv` as CRLF wire bytes, through
//!   (a) a bare `memchr` line scan (the floor: counting lines, nothing parsed),
//!   (b) `smtp_codes::Reply::parse` (code, enhanced code and line count used),
//!   (c) lettre 0.11's `Response::from_str` (code, line count and an enhanced code taken from its
//!   first word, since lettre exposes none), and (d) smtp-proto 0.2's `ResponseReceiver::parse`
//!   (code, `esc` and message used). Every peer gets all 85 replies; a rejected reply is counted in
//!   the result, never dropped. Before timing, the bench prints how many replies each parser gets
//!   right (code and enhanced code equal to the labels), with CRLF and with bare LF.
//! - `explain/corpus`: `smtp_codes::explain` on the same 85 replies (as `&str`) against
//!   `Reply::parse` on the same bytes.
//! - `explain_text/postfix_log`: `explain_text` on every line of a deterministic 100,000-line
//!   Postfix log (about one line in ten a bounce or deferral quoting a corpus reply), against
//!   `Reply::parse` on the reply part of every line that quotes one.
//! - `explain_text/bounce_lines`: the first 1,000 bounce lines of that log: `explain_text(line)`
//!   against `Reply::parse` on the reply part of the same line (the ratio of the goal), with
//!   `explain` on that reply part in between (what finding the reply in the line costs).
//!
//! Goals (issues 3 and 6): `Reply::parse` within 3× the memchr scan, and at least as fast as the
//! fastest peer; `explain_text` at most 5× `Reply::parse` on the same line. Ratios are taken from
//! criterion's mean times (`target/criterion/<group>/<function>/new/estimates.json`).

mod common;

use std::fmt::Write as _;
use std::hint::black_box;
use std::str::FromStr;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use lettre::transport::smtp::response::Response as LettreResponse;
use smtp_codes::{EnhancedCode, Reply, explain, explain_text};
use smtp_proto::response::parser::ResponseReceiver;

use common::{Kind, PostfixLog, Row};

/// What a parser made of one reply, for the correctness counts.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// Parsed, with this code and enhanced code ("" when none).
    Parsed(u16, String),
    /// Rejected, with the parser's error.
    Rejected(String),
}

fn ours(bytes: &[u8]) -> Outcome {
    match Reply::parse(bytes) {
        Ok(r) => Outcome::Parsed(r.code(), r.enhanced().map(|e| e.to_string()).unwrap_or_default()),
        Err(e) => Outcome::Rejected(e.to_string()),
    }
}

/// lettre has no public enhanced code: a lettre user takes the first word of the first line.
fn lettre_enhanced(r: &LettreResponse) -> Option<EnhancedCode> {
    r.first_word().and_then(|w| EnhancedCode::from_str(w).ok())
}

fn lettre(bytes: &[u8]) -> Outcome {
    let Ok(s) = std::str::from_utf8(bytes) else {
        return Outcome::Rejected("not UTF-8 (lettre takes &str)".into());
    };
    match LettreResponse::from_str(s) {
        Ok(r) => Outcome::Parsed(
            u16::from(r.code()),
            lettre_enhanced(&r).map(|e| e.to_string()).unwrap_or_default(),
        ),
        Err(e) => Outcome::Rejected(e.to_string()),
    }
}

fn smtp_proto(bytes: &[u8]) -> Outcome {
    let mut it = bytes.iter();
    match ResponseReceiver::default().parse(&mut it) {
        Ok(r) => {
            let esc = if r.esc == [0, 0, 0] {
                String::new()
            } else {
                format!("{}.{}.{}", r.esc[0], r.esc[1], r.esc[2])
            };
            Outcome::Parsed(r.code, esc)
        }
        Err(e) => Outcome::Rejected(format!("{e:?}")),
    }
}

/// Prints, once and outside timing, how many of the 85 replies each parser reads right.
fn report_correctness(rows: &[Row]) {
    type Parser = fn(&[u8]) -> Outcome;
    let parsers: [(&str, Parser); 3] = [
        ("smtp_codes Reply::parse", ours),
        ("lettre 0.11 Response::from_str", lettre),
        ("smtp-proto 0.2", smtp_proto),
    ];
    println!(
        "\ncorrectness on the {} corpus replies (right = code and enhanced code equal the labels):",
        rows.len()
    );
    let mut details = String::new();
    for (name, parse) in parsers {
        let mut summary = String::new();
        for (ending, label) in [(&b"\r\n"[..], "CRLF"), (b"\n", "LF")] {
            let (mut right, mut wrong, mut rejected) = (0, 0, 0);
            let mut failures = Vec::new();
            for row in rows {
                match parse(&row.wire(ending)) {
                    Outcome::Parsed(code, enhanced) if code == row.code && enhanced == row.enhanced => {
                        right += 1
                    }
                    Outcome::Parsed(code, enhanced) => {
                        wrong += 1;
                        failures.push(format!(
                            "wrong: got {code} {enhanced:?}, label {} {:?}: {:.60}",
                            row.code, row.enhanced, row.raw
                        ));
                    }
                    Outcome::Rejected(error) => {
                        rejected += 1;
                        failures.push(format!("rejected ({error:.50}): {:.60}", row.raw));
                    }
                }
            }
            let _ = write!(summary, "  {label}: {right:2} right, {wrong:2} wrong, {rejected:2} rejected;");
            // Every failure when there are few; the first ones when a parser fails wholesale.
            const SHOWN: usize = 8;
            for failure in failures.iter().take(SHOWN) {
                let _ = writeln!(details, "  {name} [{label}] {failure}");
            }
            if failures.len() > SHOWN {
                let _ = writeln!(details, "  {name} [{label}] … and {} more", failures.len() - SHOWN);
            }
        }
        println!("  {name:32}{summary}");
    }
    print!("{details}");
}

/// Prints, once and outside timing, what `explain_text` finds in the generated log.
fn report_log(log: &PostfixLog, rows: &[Row]) {
    let (mut bounce, mut bounce_right, mut quoted, mut quoted_right, mut noise, mut noise_quiet) =
        (0, 0, 0, 0, 0, 0);
    for i in 0..log.lines.len() {
        let found = explain_text(log.line(i)).and_then(|e| e.code());
        match log.kinds[i] {
            Kind::Bounce(row) => {
                bounce += 1;
                bounce_right += usize::from(found == Some(rows[row].code));
            }
            Kind::Quoted(code) => {
                quoted += 1;
                quoted_right += usize::from(found == Some(code));
            }
            Kind::Noise => {
                noise += 1;
                noise_quiet += usize::from(found.is_none());
            }
        }
    }
    println!(
        "\npostfix log: {} lines, {} bytes; explain_text finds the right code on {bounce_right}/{bounce} bounce \
         lines and {quoted_right}/{quoted} status=sent/NOQUEUE lines, and nothing on {noise_quiet}/{noise} noise lines\n",
        log.lines.len(),
        log.text.len()
    );
}

fn bench(c: &mut Criterion) {
    let rows = common::corpus();
    report_correctness(&rows);

    let wires: Vec<Vec<u8>> = rows.iter().map(|r| r.wire(b"\r\n")).collect();
    let wire_strs: Vec<Option<&str>> = wires.iter().map(|w| std::str::from_utf8(w).ok()).collect();
    let total_bytes: u64 = wires.iter().map(|w| w.len() as u64).sum();

    // (1) The parsers on the corpus, CRLF.
    let mut group = c.benchmark_group("parse/corpus");
    group.throughput(Throughput::Bytes(total_bytes));
    group.bench_function("memchr line scan (floor)", |b| {
        b.iter(|| wires.iter().map(|w| memchr::memchr_iter(b'\n', black_box(w)).count()).sum::<usize>())
    });
    group.bench_function("smtp_codes Reply::parse", |b| {
        b.iter(|| {
            let (mut acc, mut rejected) = (0usize, 0usize);
            for w in &wires {
                match Reply::parse(black_box(w)) {
                    Ok(r) => {
                        acc += usize::from(r.code())
                            + r.line_count()
                            + r.enhanced().map_or(0, |e| usize::from(e.detail()));
                    }
                    Err(_) => rejected += 1,
                }
            }
            (acc, rejected)
        })
    });
    group.bench_function("lettre Response::from_str", |b| {
        b.iter(|| {
            let (mut acc, mut rejected) = (0usize, 0usize);
            for s in &wire_strs {
                let Some(s) = s else {
                    rejected += 1;
                    continue;
                };
                match LettreResponse::from_str(black_box(s)) {
                    Ok(r) => {
                        acc += usize::from(u16::from(r.code()))
                            + r.message().count()
                            + lettre_enhanced(&r).map_or(0, |e| usize::from(e.detail()));
                    }
                    Err(_) => rejected += 1,
                }
            }
            (acc, rejected)
        })
    });
    group.bench_function("smtp-proto ResponseReceiver::parse", |b| {
        b.iter(|| {
            let (mut acc, mut rejected) = (0usize, 0usize);
            for w in &wires {
                let mut it = black_box(w.as_slice()).iter();
                match ResponseReceiver::default().parse(&mut it) {
                    Ok(r) => acc += usize::from(r.code) + usize::from(r.esc[2]) + r.message.len(),
                    Err(_) => rejected += 1,
                }
            }
            (acc, rejected)
        })
    });
    group.finish();

    // (2) explain against parse on the same replies, as &str.
    let texts: Vec<String> = wires.iter().map(|w| String::from_utf8_lossy(w).into_owned()).collect();
    let mut group = c.benchmark_group("explain/corpus");
    group.throughput(Throughput::Bytes(total_bytes));
    group.bench_function("smtp_codes::explain", |b| {
        b.iter(|| {
            let mut acc = 0usize;
            for t in &texts {
                if let Ok(e) = explain(black_box(t)) {
                    acc += usize::from(e.code().unwrap_or(0));
                    black_box(e);
                }
            }
            acc
        })
    });
    group.bench_function("smtp_codes Reply::parse", |b| {
        b.iter(|| {
            let mut acc = 0usize;
            for t in &texts {
                if let Ok(r) = Reply::parse(black_box(t.as_bytes())) {
                    acc += usize::from(r.code()) + r.line_count();
                    black_box(r);
                }
            }
            acc
        })
    });
    group.finish();

    // (3) explain_text over a whole Postfix log, and on a sample of its bounce lines.
    let log = common::postfix_log(&rows, 100_000);
    report_log(&log, &rows);
    let lines: Vec<&str> = (0..log.lines.len()).map(|i| log.line(i)).collect();
    let replies: Vec<&str> = (0..log.lines.len()).filter_map(|i| log.reply(i)).collect();

    let mut group = c.benchmark_group("explain_text/postfix_log");
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("explain_text (every line)", |b| {
        b.iter(|| {
            let mut found = 0usize;
            for line in &lines {
                if let Some(e) = explain_text(black_box(line)) {
                    found += usize::from(e.code().unwrap_or(0));
                    black_box(e);
                }
            }
            found
        })
    });
    group.bench_function("Reply::parse (reply part of every line that has one)", |b| {
        b.iter(|| {
            let mut acc = 0usize;
            for reply in &replies {
                if let Ok(r) = Reply::parse(black_box(reply.as_bytes())) {
                    acc += usize::from(r.code());
                    black_box(r);
                }
            }
            acc
        })
    });
    group.finish();

    let sample: Vec<(&str, &str)> = (0..log.lines.len())
        .filter(|&i| matches!(log.kinds[i], Kind::Bounce(_)))
        .take(1000)
        .map(|i| (log.line(i), log.reply(i).expect("a bounce line quotes a reply")))
        .collect();
    let mut group = c.benchmark_group("explain_text/bounce_lines");
    group.throughput(Throughput::Elements(sample.len() as u64));
    group.bench_function("explain_text(line)", |b| {
        b.iter(|| {
            let mut acc = 0usize;
            for (line, _) in &sample {
                if let Some(e) = explain_text(black_box(line)) {
                    acc += usize::from(e.code().unwrap_or(0));
                    black_box(e);
                }
            }
            acc
        })
    });
    group.bench_function("explain(reply part of line)", |b| {
        b.iter(|| {
            let mut acc = 0usize;
            for (_, reply) in &sample {
                if let Ok(e) = explain(black_box(reply)) {
                    acc += usize::from(e.code().unwrap_or(0));
                    black_box(e);
                }
            }
            acc
        })
    });
    group.bench_function("Reply::parse(reply part of line)", |b| {
        b.iter(|| {
            let mut acc = 0usize;
            for (_, reply) in &sample {
                if let Ok(r) = Reply::parse(black_box(reply.as_bytes())) {
                    acc += usize::from(r.code());
                    black_box(r);
                }
            }
            acc
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
