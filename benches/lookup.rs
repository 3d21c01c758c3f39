//! `lookup` (phf) against the two obvious alternatives over the same 45 codes, in one run:
//! a `match` on the code and a dense array indexed by the code.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use smtp_codes::ReplyCode;

/// The alternative a hand-written crate would use: a `match` from code to entry index.
/// The codes are the 45 of the table; `match_covers_the_table` below checks that at start-up.
fn match_lookup(code: u16) -> Option<usize> {
    Some(match code {
        211 => 0,
        214 => 1,
        220 => 2,
        221 => 3,
        235 => 4,
        250 => 5,
        251 => 6,
        252 => 7,
        253 => 8,
        334 => 9,
        354 => 10,
        355 => 11,
        421 => 12,
        422 => 13,
        430 => 14,
        432 => 15,
        450 => 16,
        451 => 17,
        452 => 18,
        453 => 19,
        454 => 20,
        455 => 21,
        458 => 22,
        459 => 23,
        500 => 24,
        501 => 25,
        502 => 26,
        503 => 27,
        504 => 28,
        521 => 29,
        523 => 30,
        524 => 31,
        525 => 32,
        530 => 33,
        533 => 34,
        534 => 35,
        535 => 36,
        538 => 37,
        550 => 38,
        551 => 39,
        552 => 40,
        553 => 41,
        554 => 42,
        555 => 43,
        556 => 44,
        _ => return None,
    })
}

fn bench(c: &mut Criterion) {
    let table: Vec<&'static ReplyCode> = smtp_codes::all().collect();
    for (i, entry) in table.iter().enumerate() {
        assert_eq!(match_lookup(entry.code()), Some(i), "the match must cover the same codes");
    }
    let mut dense: Vec<Option<&'static ReplyCode>> = vec![None; 600];
    for entry in &table {
        dense[usize::from(entry.code())] = Some(entry);
    }
    // Every defined code plus as many undefined ones, in a fixed shuffled order.
    let mut queries: Vec<u16> =
        table.iter().map(|e| e.code()).chain([200, 256, 399, 420, 456, 520, 557, 571, 599]).collect();
    queries.sort_by_key(|q| (u32::from(*q) * 2_654_435_761) % 1009);

    let mut group = c.benchmark_group("lookup");
    group.bench_function("phf (smtp_codes::lookup)", |b| {
        b.iter(|| {
            queries.iter().filter_map(|q| smtp_codes::lookup(black_box(*q))).map(|e| e.code()).sum::<u16>()
        })
    });
    group.bench_function("match", |b| {
        b.iter(|| {
            queries
                .iter()
                .filter_map(|q| match_lookup(black_box(*q)).map(|i| table[i]))
                .map(|e| e.code())
                .sum::<u16>()
        })
    });
    group.bench_function("dense array", |b| {
        b.iter(|| {
            queries
                .iter()
                .filter_map(|q| dense.get(usize::from(black_box(*q))).copied().flatten())
                .map(|e| e.code())
                .sum::<u16>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
