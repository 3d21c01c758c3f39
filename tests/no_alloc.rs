//! Proves that the hot paths allocate nothing: `lookup`, `lookup_enhanced`, `Reply::parse`,
//! `Reply::parse_streaming`, `explain`, `explain_text`, `compare` with its rendering, and
//! `Explanation::render`, over every reply of `tests/data/corpus/replies.tsv`.
//!
//! A counting global allocator wraps `std::alloc::System` and counts, per thread, every
//! `alloc`, `alloc_zeroed` and `realloc`. Each call is made once to warm up, then measured alone
//! between two reads of the counter; renderings are written into a fixed-size buffer on the stack
//! that implements `core::fmt::Write`, so the only way to allocate is inside the crate. The counter
//! is per thread, so other tests running at the same time cannot disturb it, and everything is
//! measured in one test on one thread.
//!
//! Implementing `GlobalAlloc` takes an `unsafe impl`, which the crate's `unsafe_code = "forbid"`
//! lint (Cargo.toml `[lints.rust]`) also applies to tests; this file needs that lint to be `deny`
//! so that the `allow` below can take effect for this test alone.
#![allow(unsafe_code)]

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::{self, Write as _};
use std::hint::black_box;

use smtp_codes::{
    EnhancedCode, Explanation, Locale, Reply, compare, explain, explain_text, lookup, lookup_enhanced,
};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

fn count_one() {
    // `try_with`: the thread-local may already be gone while a thread shuts down.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: every method forwards to `System` with the caller's arguments unchanged; the counter is
// a `const`-initialized thread-local `Cell` without a destructor, so touching it never allocates
// or re-enters the allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        // SAFETY: as above; `ptr` came from this allocator, which is `System`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_so_far() -> u64 {
    ALLOCATIONS.with(Cell::get)
}

/// A `core::fmt::Write` into a fixed array: fails instead of growing.
struct FixedBuf<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> FixedBuf<N> {
    const fn new() -> Self {
        FixedBuf { bytes: [0; N], len: 0 }
    }

    fn clear(&mut self) {
        self.len = 0;
    }

    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..self.len]).expect("only str was written")
    }
}

impl<const N: usize> fmt::Write for FixedBuf<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Calls and allocations per API, reported together at the end so one failure shows them all.
#[derive(Default)]
struct Tally {
    rows: Vec<(&'static str, u64, u64, Vec<String>)>,
}

impl Tally {
    /// Runs `f` once to warm up, then once measured; records the allocations of the second run.
    fn measure<R>(&mut self, api: &'static str, what: &dyn fmt::Debug, mut f: impl FnMut() -> R) -> R {
        black_box(f());
        let before = allocations_so_far();
        let result = black_box(f());
        let used = allocations_so_far() - before;
        // Bookkeeping happens outside the measured window.
        let row = match self.rows.iter().position(|(name, ..)| *name == api) {
            Some(i) => i,
            None => {
                self.rows.push((api, 0, 0, Vec::new()));
                self.rows.len() - 1
            }
        };
        let entry = &mut self.rows[row];
        entry.1 += 1;
        entry.2 += used;
        if used > 0 && entry.3.len() < 5 {
            entry.3.push(format!("{used} allocation(s) for {what:?}"));
        }
        result
    }
}

fn corpus() -> Vec<Vec<Vec<u8>>> {
    common::corpus().into_iter().map(|row| row.lines).collect()
}

use common::wire;

#[test]
fn the_counter_sees_allocations() {
    let before = allocations_so_far();
    let v = black_box(vec![1u8; 64]);
    let s = black_box(String::from("allocates"));
    assert!(allocations_so_far() - before >= 2, "the counting allocator is not in use");
    drop((v, s));
}

#[test]
fn hot_paths_allocate_nothing() {
    let rows = corpus();
    assert!(rows.len() >= 80, "corpus has {} rows", rows.len());
    let mut tally = Tally::default();
    let mut buf = Box::new(FixedBuf::<65536>::new());

    // Inputs are built before any measurement.
    let mut replies: Vec<Vec<u8>> = Vec::new();
    for lines in &rows {
        replies.push(wire(lines, b"\r\n"));
        replies.push(wire(lines, b"\n"));
    }
    let texts: Vec<String> = replies.iter().map(|r| String::from_utf8_lossy(r).into_owned()).collect();
    let logs: Vec<String> = rows
        .iter()
        .flat_map(|lines| {
            let one_line = lines.iter().map(|l| String::from_utf8_lossy(l)).collect::<Vec<_>>().join(" ");
            [
                format!(
                    "Nov 23 17:20:31 mx postfix/smtp[4242]: 4B1C2D3E5F: to=<user@example.com>, \
                     relay=mx.example.com[192.0.2.250]:25, delay=0.52, status=bounced (host \
                     mx.example.com[192.0.2.250] said: {one_line} (in reply to RCPT TO command))"
                ),
                format!("Action: failed\r\nStatus: 5.0.0\r\nDiagnostic-Code: smtp; {one_line}\r\n"),
                format!(
                    "permanent error ({}): {}",
                    one_line.get(..3).unwrap_or(""),
                    one_line.get(4..).unwrap_or("")
                ),
            ]
        })
        .collect();
    // Error paths too: a parser that allocates only when it fails still allocates.
    let hostile: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\r\n".to_vec(),
        b"999 no".to_vec(),
        b"2500 x".to_vec(),
        b"250-a\r\n550 b\r\n".to_vec(),
        b"250-a\r\n".to_vec(),
        [b"250 ".as_slice(), &[b'x'; 9000]].concat(),
        b"250-x\r\n".repeat(1500),
    ];

    // lookup: every number a u16 can be up to 999, and some beyond.
    for code in (0..=999u16).chain([1000, u16::MAX]) {
        let found = tally.measure("lookup", &code, || lookup(black_box(code)));
        if let Some(entry) = found {
            assert_eq!(entry.code(), code);
        }
    }

    // lookup_enhanced: every registry entry in each class, by value and by text, and the corpus's.
    let mut enhanced_texts: Vec<String> = Vec::new();
    for status in smtp_codes::all_enhanced() {
        for class in [2, 4, 5] {
            let code = status.with_class(class).expect("registry codes are valid");
            let found = tally.measure("lookup_enhanced", &code, || lookup_enhanced(black_box(code)));
            assert!(found.is_some(), "{code}");
            enhanced_texts.push(code.to_string());
        }
    }
    enhanced_texts.extend(["5.7.708", "5.999.9999", "", "5.7", "x.7.8"].map(String::from));
    for text in &enhanced_texts {
        tally.measure("lookup_enhanced", text, || lookup_enhanced(black_box(text.as_str())));
        let _ = tally
            .measure("EnhancedCode::from_str", text, || black_box(text.as_str()).parse::<EnhancedCode>());
    }

    // Reply::parse and parse_streaming, and the zero-copy views of what they return.
    for input in replies.iter().chain(&hostile) {
        let whole = tally.measure("Reply::parse", input, || Reply::parse(black_box(input)));
        let streamed =
            tally.measure("Reply::parse_streaming", input, || Reply::parse_streaming(black_box(input)));
        if replies.contains(input) {
            let reply = whole.unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(streamed.map(|r| r.code()), Ok(reply.code()));
            tally.measure("Reply lines + text + message into a fixed buffer", input, || {
                buf.clear();
                let mut n = 0;
                for line in reply.lines() {
                    n += line.as_bytes().len();
                    write!(buf, "{}", line.text_lossy()).expect("fits");
                }
                write!(buf, "{}|{}|{}", reply.text(), reply.message(), reply).expect("fits");
                n
            });
        }
    }

    // explain on every reply; Explanation::render in every language into the fixed buffer.
    for text in &texts {
        let explanation = tally
            .measure("explain", text, || explain(black_box(text)))
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        render_everywhere(&mut tally, &mut buf, &explanation, text);
    }

    // explain_text on the replies alone, in a Postfix log line, in a DSN field, in lettre's form.
    for text in texts.iter().chain(&logs) {
        let found = tally.measure("explain_text", text, || explain_text(black_box(text)));
        let explanation = found.unwrap_or_else(|| panic!("no reply found in {text:?}"));
        render_everywhere(&mut tally, &mut buf, &explanation, text);
    }
    for text in ["version 2.5.1 released on 2024-05-01 from 192.0.2.250", "", "no code here"] {
        tally.measure("explain_text", &text, || explain_text(black_box(text)));
    }

    // Explanation::from_parts, as lettre users call it.
    for (text, lines) in texts.iter().zip(rows.iter().flat_map(|r| [r, r])) {
        let code = Reply::parse(text.as_bytes()).expect("parses").code();
        let first = String::from_utf8_lossy(&lines[0]);
        let rest = first.get(4..).unwrap_or("").to_owned();
        tally.measure("Explanation::from_parts", &rest, || {
            Explanation::from_parts(code, None, black_box(&rest))
        });
    }

    // compare: every pair of known codes, rendered in every language into the fixed buffer.
    let codes: Vec<u16> = smtp_codes::all().map(|c| c.code()).collect();
    for &a in &codes {
        for &b in &codes {
            let comparison = tally
                .measure("compare", &(a, b), || compare(black_box(a), black_box(b)))
                .expect("known codes");
            for locale in Locale::ALL.into_iter() {
                let ok = tally.measure("Comparison::render into a fixed buffer", &(a, b, locale), || {
                    buf.clear();
                    write!(buf, "{}", comparison.render(locale)).is_ok()
                });
                assert!(ok, "{a} vs {b} in {locale}: rendering does not fit in {} bytes", buf.bytes.len());
                assert!(buf.as_str().contains(&a.to_string()));
            }
            tally.measure("Comparison summary + differences", &(a, b), || {
                buf.clear();
                write!(buf, "{}", comparison.summary()).expect("fits");
                comparison.differences().count()
            });
        }
    }
    for (a, b) in [(221, 999), (42, 250), (250, 599)] {
        tally
            .measure("compare", &(a, b), || compare(black_box(a), black_box(b)))
            .expect_err("not comparable");
    }

    println!("{:<52} {:>8} {:>12}", "api", "calls", "allocations");
    for (api, calls, used, _) in &tally.rows {
        println!("{api:<52} {calls:>8} {used:>12}");
    }
    let offenders: Vec<String> = tally
        .rows
        .iter()
        .filter(|(_, _, used, _)| *used > 0)
        .map(|(api, calls, used, examples)| {
            format!("{api}: {used} allocations in {calls} calls, e.g. {examples:?}")
        })
        .collect();
    assert!(offenders.is_empty(), "allocations found:\n{}", offenders.join("\n"));
}

fn render_everywhere(tally: &mut Tally, buf: &mut FixedBuf<65536>, explanation: &Explanation, what: &str) {
    for locale in Locale::ALL.into_iter() {
        let ok = tally.measure("Explanation::render into a fixed buffer", &(what, locale), || {
            buf.clear();
            write!(buf, "{}", explanation.render(locale)).is_ok()
        });
        assert!(ok, "{what:?} in {locale}: rendering does not fit");
        assert!(buf.as_str().contains(&explanation.code().unwrap().to_string()));
    }
    tally.measure("Explanation Display + accessors", &what, || {
        buf.clear();
        write!(buf, "{explanation}").expect("fits");
        (
            explanation.reason(),
            explanation.retry(),
            explanation.bounce(),
            explanation.fix_owner(),
            explanation.provider(),
        )
    });
}
