//! `smtp_codes::dsn::parse` over the whole Sisimai development corpus (`tests/data/sisimai/eml`,
//! 316 real bounces) in one run: bounces a second.
//!
//! For comparison (figures published or measured by others, not run here): Sisimai (Perl, warm)
//! about 0.46 ms a message (≈2,200 a second); go-sisimai about 1,200 a second. Goal: at least
//! 50,000 a second. Before timing, the bench prints its own single-pass figure
//! (`bounces/sec`); criterion's throughput line (`elem/s`) is the careful one.
//!
//! Recorded (this round): about 50,400 bounces a second, criterion `thrpt` 49.9–50.7 Kelem/s
//! (median 50.4) in six runs alternating with the previous code on a shared two-core machine; the
//! previous code measured 42.8–44.3 Kelem/s (median 43.65) in the same runs: 1.15× by the
//! medians, 1.16× by instructions (callgrind: 193,700 a bounce, down from 225,300). In a quieter
//! spell the code one commit earlier (194,400 instructions) measured 50.8, 51.3 and 51.5 against
//! 43.4–44.1. The goal (50,000) is met, with little margin: on a loaded machine every figure here
//! drops (the previous code to 16,000–31,000).
//! On the final tree of the round (this code with the explain speed-ups merged), three runs on a
//! quiet machine: 50.1, 51.2 and 51.5 Kelem/s; while a fuzzer shared the machine, 49.3–50.4.
//! What changed: the message is parsed without decoding (mail-parser no longer decodes every
//! quoted-printable and base64 part, the HTML alternatives, images and returned message's
//! included); the parts read are decoded with mail-parser's own decoders; the bounce wording of a
//! diagnostic is found in one pass; lines are split eight bytes at a time; the command stage of a
//! diagnostic is read once.
//! Profile (callgrind, after): mail-parser 45% (header fields 24%, finding the parts' ends 11%,
//! the UTF-8 conversion of text parts 6%), decoding the parts read 10% (two HTML-only bounces
//! most of it), the delivery-status fields 12% (grouping them 4%, the text about recipients
//! without a diagnostic 3%, the command stage 3%), explaining each recipient 12% (`explain_text`
//! 6%), the recipients of plain-text bounces 3%, finding the returned message in the text 3%, the
//! rest (From, To, Subject and Message-ID, the text, the report, freeing) 15%.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sisimai/eml");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/data/sisimai/eml")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    files.iter().map(|f| std::fs::read(f).expect("readable")).collect()
}

fn parse_all(messages: &[Vec<u8>]) -> usize {
    messages.iter().map(|m| smtp_codes::dsn::parse(black_box(m)).map_or(0, |r| r.recipients.len())).sum()
}

fn bench(c: &mut Criterion) {
    let messages = corpus();
    let bytes: usize = messages.iter().map(Vec::len).sum();
    // A quick figure first, so a plain `cargo bench` run records it in its output.
    let rounds = 20;
    let start = Instant::now();
    let mut recipients = 0;
    for _ in 0..rounds {
        recipients = parse_all(&messages);
    }
    let per_second = (rounds * messages.len()) as f64 / start.elapsed().as_secs_f64();
    println!(
        "dsn::parse: {} messages ({} KiB), {recipients} recipients; {per_second:.0} bounces/sec \
         (goal 50,000; Sisimai Perl ≈2,200, go-sisimai ≈1,200)",
        messages.len(),
        bytes / 1024
    );
    let mut group = c.benchmark_group("dsn");
    group.throughput(Throughput::Elements(messages.len() as u64));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("sisimai_corpus", |b| b.iter(|| parse_all(&messages)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
