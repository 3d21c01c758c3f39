//! Hostile input: every case returns a typed error or a bounded result, in bounded memory (the
//! parser borrows from its input and never copies it) and time (no test here has a timing
//! assert; each asserts the result). The proptests at the end are CI's stand-in for the fuzz
//! targets in `fuzz/` (which need nightly flags): random bytes and mutated corpus replies never
//! make `Reply::parse`, `Reply::parse_streaming`, `explain`, `explain_text` or
//! `EnhancedCode::from_str` panic, and what they accept is consistent.

mod common;

use std::sync::OnceLock;

use proptest::prelude::*;
use smtp_codes::reply::Limits;
use smtp_codes::{
    EnhancedCode, Error, Explanation, ParseError, Reply, compare, explain, explain_text, lookup,
    lookup_enhanced,
};

const MB: usize = 1 << 20;

/// The reply borrows from `input`: nothing was copied, so memory stays bounded by the input.
fn assert_borrowed(reply: &Reply<'_>, input: &[u8]) {
    let range = input.as_ptr_range();
    let raw = reply.as_bytes().as_ptr_range();
    assert!(range.start <= raw.start && raw.end <= range.end, "reply does not borrow from its input");
    assert!(reply.consumed() <= input.len());
}

fn texts(reply: &Reply<'_>) -> Vec<Vec<u8>> {
    reply.lines().map(|line| line.as_bytes().to_vec()).collect()
}

// ---------------------------------------------------------------------------------------------
// Size: a 10 MB line, a million lines.

#[test]
fn ten_megabyte_line_is_line_too_long_by_default() {
    let mut input = b"250 ".to_vec();
    input.resize(10 * MB, b'a');
    input.extend_from_slice(b"\r\n");
    let too_long = Err(ParseError::LineTooLong { line: 0, limit: Limits::DEFAULT.max_line_length });
    assert_eq!(Reply::parse(&input), too_long);
    assert_eq!(Reply::parse_streaming(&input), too_long);
    assert_eq!(explain(std::str::from_utf8(&input).unwrap()).err(), too_long.err());
    // Without its line end the streaming parser still refuses it, rather than asking for more
    // bytes forever: a client's read buffer stays bounded.
    assert_eq!(Reply::parse_streaming(&input[..input.len() - 2]), too_long);
    // And as the second line of a reply.
    let second = [b"250-ok\r\n".as_slice(), &input].concat();
    assert_eq!(
        Reply::parse(&second),
        Err(ParseError::LineTooLong { line: 1, limit: Limits::DEFAULT.max_line_length })
    );
}

#[test]
fn ten_megabyte_line_parses_with_raised_limits() {
    let mut input = b"250 ".to_vec();
    input.resize(10 * MB, b'a');
    input.extend_from_slice(b"\r\n");
    let limits = Limits::DEFAULT.with_max_line_length(16 * MB);
    for reply in
        [Reply::parse_with(&input, limits).unwrap(), Reply::parse_streaming_with(&input, limits).unwrap()]
    {
        assert_eq!((reply.code(), reply.line_count(), reply.consumed()), (250, 1, input.len()));
        assert_eq!(reply.lines().next().unwrap().as_bytes().len(), 10 * MB - 4);
        assert_borrowed(&reply, &input);
    }
}

#[test]
fn line_length_limit_is_exact() {
    let limit = Limits::DEFAULT.max_line_length;
    let line = |content_len: usize| {
        let mut line = b"250 ".to_vec();
        line.resize(content_len, b'x');
        line.extend_from_slice(b"\r\n");
        line
    };
    assert!(Reply::parse(&line(limit)).is_ok());
    assert_eq!(Reply::parse(&line(limit + 1)), Err(ParseError::LineTooLong { line: 0, limit }));
    let strict = Limits::STRICT;
    assert!(Reply::parse_with(&line(510), strict).is_ok(), "RFC 5321 §4.5.3.1.5: 512 octets with CRLF");
    assert_eq!(
        Reply::parse_with(&line(511), strict),
        Err(ParseError::LineTooLong { line: 0, limit: strict.max_line_length })
    );
    // An unfinished line shorter than the limit is just unfinished.
    let unfinished = line(limit / 2);
    assert_eq!(Reply::parse_streaming(&unfinished[..unfinished.len() - 2]), Err(ParseError::Incomplete));
}

#[test]
fn million_continuation_lines_are_too_many_by_default() {
    let mut input = b"250-x\r\n".repeat(1_000_000);
    input.extend_from_slice(b"250 end\r\n");
    let too_many = Err(ParseError::TooManyLines { limit: Limits::DEFAULT.max_lines });
    assert_eq!(Reply::parse(&input), too_many);
    assert_eq!(Reply::parse_streaming(&input), too_many);
    // Unfinished, the streaming parser refuses too instead of asking for more forever.
    assert_eq!(Reply::parse_streaming(&input[..7 * 5000]), too_many);
}

#[test]
fn million_continuation_lines_parse_with_raised_limits() {
    let mut input = b"250-x\r\n".repeat(1_000_000);
    input.extend_from_slice(b"250 end\r\n");
    let limits = Limits::DEFAULT.with_max_lines(1_000_001);
    for reply in
        [Reply::parse_with(&input, limits).unwrap(), Reply::parse_streaming_with(&input, limits).unwrap()]
    {
        assert_eq!((reply.code(), reply.line_count(), reply.consumed()), (250, 1_000_001, input.len()));
        assert_eq!(reply.lines().count(), 1_000_001);
        assert_eq!(reply.lines().last().map(|l| (l.as_bytes(), l.is_last())), Some((&b"end"[..], true)));
        assert!(reply.lines().take(1_000_000).all(|l| l.as_bytes() == b"x" && !l.is_last()));
        assert_borrowed(&reply, &input);
    }
    // One line fewer allowed than given: refused.
    let limits = Limits::DEFAULT.with_max_lines(1_000_000);
    assert_eq!(Reply::parse_with(&input, limits), Err(ParseError::TooManyLines { limit: 1_000_000 }));
}

#[test]
fn line_count_limit_is_exact() {
    let reply = |lines: usize| {
        let mut input = b"250-x\r\n".repeat(lines - 1);
        input.extend_from_slice(b"250 x\r\n");
        input
    };
    let limit = Limits::DEFAULT.max_lines;
    assert_eq!(Reply::parse(&reply(limit)).map(|r| r.line_count()), Ok(limit));
    assert_eq!(Reply::parse(&reply(limit + 1)), Err(ParseError::TooManyLines { limit }));
}

#[test]
fn million_blank_lines_before_a_reply_are_skipped() {
    // Blank lines carry nothing and are skipped without a limit: linear time, no memory.
    let mut input = b"\r\n".repeat(1_000_000);
    input.extend_from_slice(b"250 ok\r\n");
    for reply in [Reply::parse(&input).unwrap(), Reply::parse_streaming(&input).unwrap()] {
        assert_eq!((reply.code(), reply.line_count(), reply.consumed()), (250, 1, input.len()));
        assert_eq!(reply.as_bytes(), b"250 ok\r\n");
        assert_borrowed(&reply, &input);
    }
    // Only blank lines: the streaming parser says Empty (not Incomplete), so a client can drop
    // them instead of buffering them forever.
    assert_eq!(Reply::parse_streaming(&input[..2_000_000]), Err(ParseError::Empty));
}

// ---------------------------------------------------------------------------------------------
// Bytes: NUL, lone CR, invalid UTF-8.

#[test]
fn nul_bytes_inside_text_are_kept_as_bytes() {
    let input = b"550 5.1.1 <us\0er@example.com>:\0 rejected\r\n";
    let reply = Reply::parse(input).unwrap();
    assert_eq!(reply.code(), 550);
    assert_eq!(reply.enhanced().map(|e| e.to_string()), Some("5.1.1".into()));
    assert_eq!(texts(&reply), [&b"5.1.1 <us\0er@example.com>:\0 rejected"[..]]);
    assert_eq!(reply.lines().next().unwrap().as_str(), Some("5.1.1 <us\0er@example.com>:\0 rejected"));
    assert_eq!(reply.message().to_string(), "<us\0er@example.com>:\0 rejected");
    assert_eq!(Reply::parse_streaming(input), Ok(reply));
    let explained = explain(std::str::from_utf8(input).unwrap()).unwrap();
    assert_eq!(explained.code(), Some(550));
    // NUL where the code or its separator belongs is a typed error.
    assert_eq!(Reply::parse(b"2\x0050 ok\r\n"), Err(ParseError::InvalidCode { line: 0 }));
    assert_eq!(Reply::parse(b"250\x00ok\r\n"), Err(ParseError::InvalidSeparator { line: 0 }));
    assert_eq!(Reply::parse(b"\x00"), Err(ParseError::InvalidCode { line: 0 }));
    assert_eq!(Reply::parse(&[0u8; 4096]), Err(ParseError::InvalidCode { line: 0 }));
}

#[test]
fn lone_cr_inside_a_line_is_text_not_a_line_end() {
    let reply = Reply::parse(b"550 first\rsecond\r\n").unwrap();
    assert_eq!((reply.line_count(), texts(&reply)), (1, vec![b"first\rsecond".to_vec()]));
    // A CR before CRLF stays in the text.
    let reply = Reply::parse(b"250 a\r\r\n").unwrap();
    assert_eq!(texts(&reply), [b"a\r"]);
    // "250-a\r250 b" is one physical line, a continuation: a whole reply in memory takes it,
    // a stream waits for the real end of the reply.
    let input = b"250-a\r250 b\r\n";
    let reply = Reply::parse(input).unwrap();
    assert_eq!((reply.line_count(), texts(&reply)), (1, vec![b"a\r250 b".to_vec()]));
    assert_eq!(Reply::parse_streaming(input), Err(ParseError::Incomplete));
    // A final CR without LF: ignored by parse, unfinished for a stream.
    assert_eq!(Reply::parse(b"250 ok\r").map(|r| texts(&r)), Ok(vec![b"ok".to_vec()]));
    assert_eq!(Reply::parse_streaming(b"250 ok\r"), Err(ParseError::Incomplete));
    // Lone CRs only: no line end at all, so one line that is no reply, or too long to be one.
    assert_eq!(Reply::parse(b"\r"), Err(ParseError::InvalidCode { line: 0 }));
    assert_eq!(Reply::parse(b"\r\r\r"), Err(ParseError::InvalidCode { line: 0 }));
    assert_eq!(
        Reply::parse(&b"\r".repeat(100_000)),
        Err(ParseError::LineTooLong { line: 0, limit: Limits::DEFAULT.max_line_length })
    );
}

#[test]
fn invalid_utf8_is_kept_with_a_lossy_view() {
    let input = b"550-5.7.1 \xff\xfe bad \xc3 bytes\r\n550 5.7.1 \xb2\xbb\xb4\xe6\xd4\xda\r\n";
    let reply = Reply::parse(input).unwrap();
    assert_eq!((reply.code(), reply.line_count()), (550, 2));
    assert_eq!(reply.enhanced().map(|e| e.to_string()), Some("5.7.1".into()));
    let first = reply.lines().next().unwrap();
    assert_eq!(first.as_str(), None);
    assert_eq!(first.as_bytes(), b"5.7.1 \xff\xfe bad \xc3 bytes");
    let lossy = first.text_lossy().to_string();
    assert!(
        lossy.contains('\u{FFFD}') && lossy.starts_with("5.7.1 ") && lossy.ends_with(" bytes"),
        "{lossy:?}"
    );
    assert!(reply.text().to_string().contains('\u{FFFD}'));
    assert!(reply.to_string().contains('\u{FFFD}'));
    let explained = explain(&String::from_utf8_lossy(input)).unwrap();
    assert_eq!(explained.code(), Some(550));
    let found = explain_text(&String::from_utf8_lossy(input)).unwrap();
    assert_eq!(found.code(), Some(550));
    // Invalid UTF-8 where the code belongs.
    assert_eq!(Reply::parse(b"\xff50 x"), Err(ParseError::InvalidCode { line: 0 }));
}

// ---------------------------------------------------------------------------------------------
// Codes.

#[test]
fn codes_outside_200_to_599_are_invalid() {
    for code in ["000", "999", "099", "600", "100", "199", "650", "2x0", "-50", "+250"] {
        let input = format!("{code} text\r\n");
        assert_eq!(Reply::parse(input.as_bytes()), Err(ParseError::InvalidCode { line: 0 }), "{code}");
        assert_eq!(
            Reply::parse_streaming(input.as_bytes()),
            Err(ParseError::InvalidCode { line: 0 }),
            "{code}"
        );
        assert_eq!(explain(&input).map(|e| e.code()), Err(ParseError::InvalidCode { line: 0 }), "{code}");
        assert!(explain_text(&input).is_none(), "{code}");
        assert!(explain_text(&format!("host mx said: {code} 5.1.1 no")).is_none(), "{code}");
        if let Some(number) = code.bytes().all(|b| b.is_ascii_digit()).then(|| code.parse::<u16>().unwrap()) {
            assert!(lookup(number).is_none());
            assert!(Explanation::from_parts(number, None, "text").is_none());
            let expected = if (100..=999).contains(&number) {
                Error::UnknownReplyCode(number) // three digits, but no standard defines it
            } else {
                Error::NotAReplyCode(number)
            };
            assert_eq!(compare(number, 250), Err(expected));
        }
    }
    // An invalid code on a continuation line names that line.
    assert_eq!(Reply::parse(b"250-a\r\n999 b\r\n"), Err(ParseError::InvalidCode { line: 1 }));
    assert_eq!(Reply::parse(b"250-a\r\n\r\n250 b\r\n"), Err(ParseError::InvalidCode { line: 1 }));
}

#[test]
fn enhanced_code_with_too_many_digits_is_rejected() {
    for text in
        ["5.999.9999", "5.9999.1", "5.1.1.1", "6.1.1", "3.1.1", "5..1", "5.1.", "5.1", ".5.1.1", "5.1.1 "]
    {
        assert_eq!(text.parse::<EnhancedCode>(), Err(Error::InvalidEnhancedCode), "{text}");
        assert!(lookup_enhanced(text).is_none(), "{text}");
    }
    assert_eq!(EnhancedCode::parse_prefix(b"5.999.9999"), None);
    // The largest valid parts: parses, round-trips, not in the registry.
    let max: EnhancedCode = "5.999.999".parse().unwrap();
    assert_eq!((max.to_string(), max.status()), ("5.999.999".to_string(), None));

    // In a reply line, "5.999.9999" is text, not the enhanced code.
    let input = b"550 5.999.9999 Unknown failure\r\n";
    let reply = Reply::parse(input).unwrap();
    assert_eq!((reply.code(), reply.enhanced(), reply.effective_enhanced()), (550, None, None));
    assert_eq!(reply.message().to_string(), "5.999.9999 Unknown failure");
    let explained = explain(std::str::from_utf8(input).unwrap()).unwrap();
    assert_eq!(explained.enhanced(), None);
    let found =
        explain_text("host mx.example.com said: 550 5.999.9999 Unknown failure (in reply to end of DATA)");
    assert_eq!(found.map(|e| (e.code(), e.enhanced())), Some((Some(550), None)));
    // Nor in qmail's "(#…)" form.
    assert_eq!(explain("550 sorry (#5.999.9999)").unwrap().enhanced(), None);
}

#[test]
fn mixed_codes_are_an_error_naming_the_line() {
    let mixed = Err(ParseError::MixedCodes { line: 1, expected: 250, found: 550 });
    assert_eq!(Reply::parse(b"250-a\r\n550 b"), mixed);
    assert_eq!(Reply::parse(b"250-a\r\n550 b\r\n"), mixed);
    assert_eq!(Reply::parse_streaming(b"250-a\r\n550 b\r\n"), mixed);
    // Unfinished, a stream may wait for the line end before judging the line.
    assert!(matches!(
        Reply::parse_streaming(b"250-a\r\n550 b"),
        Err(ParseError::Incomplete) | Err(ParseError::MixedCodes { .. })
    ));
    assert_eq!(
        Reply::parse(b"550-5.1.1 a\n550-5.1.1 b\n551 5.1.1 c\n"),
        Err(ParseError::MixedCodes { line: 2, expected: 550, found: 551 })
    );
    assert_eq!(explain("250-a\r\n550 b").err(), mixed.err());
}

#[test]
fn empty_and_short_inputs() {
    assert_eq!(Reply::parse(b""), Err(ParseError::Empty));
    assert_eq!(Reply::parse_streaming(b""), Err(ParseError::Incomplete));
    assert_eq!(explain("").map(|e| e.code()), Err(ParseError::Empty));
    assert!(explain_text("").is_none());
    for only_line_ends in [&b"\r\n"[..], b"\n", b"\r\n\r\n\n", b"\n\n\n\n"] {
        assert_eq!(Reply::parse(only_line_ends), Err(ParseError::Empty), "{only_line_ends:?}");
        assert_eq!(Reply::parse_streaming(only_line_ends), Err(ParseError::Empty), "{only_line_ends:?}");
    }
    assert_eq!(Reply::parse(b"2500 x"), Err(ParseError::InvalidSeparator { line: 0 }));
    assert_eq!(Reply::parse_streaming(b"2500 x\r\n"), Err(ParseError::InvalidSeparator { line: 0 }));
    assert_eq!(Reply::parse(b"250x"), Err(ParseError::InvalidSeparator { line: 0 }));
    assert_eq!(Reply::parse(b"25"), Err(ParseError::InvalidCode { line: 0 }));
    assert_eq!(Reply::parse(b"25\r\n"), Err(ParseError::InvalidCode { line: 0 }));
    assert_eq!(Reply::parse_streaming(b"25"), Err(ParseError::Incomplete));
    assert_eq!(Reply::parse_streaming(b"25\r\n"), Err(ParseError::InvalidCode { line: 0 }));
    assert_eq!(Reply::parse(b"2"), Err(ParseError::InvalidCode { line: 0 }));
    // A bare code is a whole reply.
    assert_eq!(Reply::parse(b"250").map(|r| (r.code(), r.line_count())), Ok((250, 1)));
    // Data after the reply.
    assert_eq!(Reply::parse(b"250 ok\r\ngarbage"), Err(ParseError::TrailingData { offset: 8 }));
    assert_eq!(Reply::parse(b"250 ok\r\n \t\r\n").map(|r| r.consumed()), Ok(8));
}

// ---------------------------------------------------------------------------------------------
// explain_text on huge inputs.

#[test]
fn huge_explain_text_inputs_are_bounded() {
    let repeat_to = |unit: &str, size: usize| unit.repeat(size / unit.len() + 1);
    let cases: [(&str, String); 7] = [
        ("IP addresses", repeat_to("192.0.2.250 ", 10 * MB)),
        ("reply-code-like IPs", repeat_to("250.550.421.", 10 * MB)),
        ("digits and dots", repeat_to("5.5.0.1.2.3.4.", 10 * MB)),
        ("digits only", "5".repeat(10 * MB)),
        ("dotted quads without spaces", repeat_to("10.250.0.1", 10 * MB)),
        ("codes everywhere", repeat_to("550 5.1.1 ", 10 * MB)),
        ("markers everywhere", repeat_to("said: 550 ", 10 * MB)),
    ];
    for (name, text) in &cases {
        let found = explain_text(text);
        if let Some(e) = found {
            assert!(e.code().is_none_or(|c| (200..=599).contains(&c)), "{name}: code {:?}", e.code());
            let _ = e.render(smtp_codes::Locale::En).to_string();
        }
        // What the doc promises: IP addresses, versions and bare numbers are not reply codes.
        if matches!(*name, "IP addresses" | "reply-code-like IPs" | "digits and dots" | "digits only") {
            assert!(found.is_none(), "{name}: took {:?} for a reply", found.map(|e| e.code()));
        }
    }
    // lettre's marker repeated: the first one is taken.
    let lettre = repeat_to("permanent error (550): ", 10 * MB);
    assert_eq!(explain_text(&lettre).map(|e| e.code()), Some(Some(550)));
    let unfinished = repeat_to("error (", 10 * MB);
    assert!(explain_text(&unfinished).is_none());
    // A 10 MB reply text given by parts is scanned whole and still explained.
    let text = repeat_to("mailbox unavailable ", 10 * MB);
    assert_eq!(Explanation::from_parts(550, None, &text).map(|e| e.code()), Some(Some(550)));
}

#[test]
fn explain_text_looks_past_a_decoy_lettre_marker() {
    // An earlier "error (" that holds no code must not hide lettre's "permanent error (550): …".
    let text =
        "transport error (connection reset by peer); then permanent error (550): 5.7.8 Bad credentials";
    let found = explain_text(text).map(|e| (e.code(), e.enhanced().map(|c| c.to_string())));
    assert_eq!(found, Some((Some(550), Some("5.7.8".to_string()))));
    // The same after 10 MB of decoys: still found, in linear time.
    let text = format!("{}permanent error (550): 5.7.8 Bad credentials", "error (x) ".repeat(MB));
    assert_eq!(explain_text(&text).map(|e| e.code()), Some(Some(550)));
}

// ---------------------------------------------------------------------------------------------
// Streaming: every prefix.

/// Every proper prefix of `reply` is `Incomplete`; the whole is the reply; with a second reply
/// after it, every prefix that holds the first whole gives the first.
fn check_every_prefix(reply: &[u8], next: &[u8]) {
    for end in 0..reply.len() {
        assert_eq!(
            Reply::parse_streaming(&reply[..end]),
            Err(ParseError::Incomplete),
            "prefix {:?} of {:?}",
            String::from_utf8_lossy(&reply[..end]),
            String::from_utf8_lossy(reply)
        );
    }
    let whole = Reply::parse_streaming(reply).unwrap();
    assert_eq!(whole.consumed(), reply.len());
    let pipelined = [reply, next].concat();
    for end in reply.len()..=pipelined.len() {
        let first = Reply::parse_streaming(&pipelined[..end]).unwrap();
        assert_eq!((first.consumed(), first.line_count()), (reply.len(), whole.line_count()));
        let rest = &pipelined[first.consumed()..end];
        match Reply::parse_streaming(rest) {
            Ok(second) => assert_eq!(second.consumed(), next.len()),
            Err(e) => assert_eq!((e, rest.len() < next.len()), (ParseError::Incomplete, true), "{rest:?}"),
        }
    }
}

#[test]
fn streaming_every_prefix_is_incomplete_until_complete() {
    let ehlo = b"250-mx.example.com Hello [192.0.2.1]\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n\
                 250-ENHANCEDSTATUSCODES\r\n250 8BITMIME\r\n";
    let next = b"550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 Please \
                 check the address.\r\n";
    check_every_prefix(ehlo, next);
    check_every_prefix(next, ehlo);
    let lf = String::from_utf8_lossy(ehlo).replace("\r\n", "\n");
    check_every_prefix(lf.as_bytes(), b"250 ok\n");
    // Every multi-line reply of the corpus, with CRLF and with LF.
    let mut multi = 0;
    for lines in corpus() {
        if lines.len() < 2 {
            continue;
        }
        multi += 1;
        for ending in [&b"\r\n"[..], b"\n"] {
            check_every_prefix(&wire(&lines, ending), b"221 2.0.0 Bye\r\n");
        }
    }
    assert!(multi >= 10, "corpus has only {multi} multi-line replies");
}

// ---------------------------------------------------------------------------------------------
// Properties: the CI stand-in for fuzzing.

fn corpus() -> Vec<Vec<Vec<u8>>> {
    common::corpus().into_iter().map(|row| row.lines).collect()
}

use common::wire;

/// Every corpus reply in wire form, CRLF and LF.
fn corpus_wire() -> &'static [Vec<u8>] {
    static WIRE: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    WIRE.get_or_init(|| {
        corpus().iter().flat_map(|lines| [wire(lines, b"\r\n"), wire(lines, b"\n")]).collect()
    })
}

/// Byte strings that matter to the parser, for mutations to insert.
const TOKENS: &[&[u8]] = &[
    b"\r",
    b"\n",
    b"\r\n",
    b"-",
    b" ",
    b"\t",
    b"\0",
    b"\xff",
    b"\xc3",
    b"250",
    b"550-",
    b"550 ",
    b"5.7.",
    b"5.999.9999",
    b"4.4.7",
    b"(#5.7.1)",
    b"said: ",
    b"smtp; ",
    b"error (",
    b"192.0.2.1",
    b".",
];

#[derive(Debug, Clone)]
enum Mutation {
    Insert(prop::sample::Index, u8),
    InsertToken(prop::sample::Index, prop::sample::Index),
    Replace(prop::sample::Index, u8),
    Delete(prop::sample::Index),
    Duplicate(prop::sample::Index, prop::sample::Index),
    Truncate(prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    use prop::sample::Index;
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<Index>(), any::<Index>()).prop_map(|(at, t)| Mutation::InsertToken(at, t)),
        (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Mutation::Replace(at, b)),
        any::<Index>().prop_map(Mutation::Delete),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Duplicate(a, b)),
        any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len();
        match m {
            Mutation::Insert(at, b) => bytes.insert(at.index(len + 1), *b),
            Mutation::InsertToken(at, t) => {
                let at = at.index(len + 1);
                bytes.splice(at..at, TOKENS[t.index(TOKENS.len())].iter().copied());
            }
            Mutation::Replace(at, b) if len > 0 => bytes[at.index(len)] = *b,
            Mutation::Delete(at) if len > 0 => {
                bytes.remove(at.index(len));
            }
            Mutation::Duplicate(a, b) if len > 0 => {
                let (a, b) = (a.index(len), b.index(len));
                let piece = bytes[a.min(b)..=a.max(b)].to_vec();
                bytes.extend_from_slice(&piece);
            }
            Mutation::Truncate(at) => bytes.truncate(at.index(len + 1)),
            _ => {}
        }
    }
    bytes
}

/// What the fuzz targets check, on any bytes.
fn check_everything(bytes: &[u8]) -> Result<(), TestCaseError> {
    for (name, result) in [("parse", Reply::parse(bytes)), ("parse_streaming", Reply::parse_streaming(bytes))]
    {
        let Ok(reply) = result else { continue };
        prop_assert!((200..=599).contains(&reply.code()), "{name}: code {}", reply.code());
        prop_assert!(reply.consumed() <= bytes.len());
        prop_assert_eq!(reply.lines().count(), reply.line_count());
        let _ = (reply.text().to_string(), reply.message().to_string(), reply.effective_enhanced());
        if name == "parse_streaming" {
            prop_assert_eq!(bytes[reply.consumed() - 1], b'\n');
            if reply.consumed() == bytes.len() {
                prop_assert_eq!(Reply::parse(bytes), Ok(reply));
            }
        }
        // parse(render(reply)) is an equal reply.
        let rendered = reply.to_string();
        let again = Reply::parse(rendered.as_bytes());
        prop_assert!(again.is_ok(), "{name}: render {rendered:?} does not parse: {again:?}");
        let again = again.unwrap();
        prop_assert_eq!(
            (again.code(), again.enhanced(), again.line_count()),
            (reply.code(), reply.enhanced(), reply.line_count())
        );
        for (a, b) in reply.lines().zip(again.lines()) {
            prop_assert_eq!(a.text_lossy().to_string(), b.text_lossy().to_string());
        }
    }
    let text = String::from_utf8_lossy(bytes);
    if let Some(e) = explain_text(&text) {
        prop_assert!(e.code().is_none_or(|c| (200..=599).contains(&c)));
        let _ = e.render(smtp_codes::Locale::En).to_string();
    }
    if let Ok(e) = explain(&text) {
        prop_assert!(e.code().is_none_or(|c| (200..=599).contains(&c)));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if let Ok(code) = s.parse::<EnhancedCode>() {
            prop_assert_eq!(code.to_string().parse::<EnhancedCode>(), Ok(code));
        }
    }
    // Each word alone, as an enhanced code.
    for word in text.split([' ', '\n', '\r', '(', ')', '#']) {
        if let Ok(code) = word.parse::<EnhancedCode>() {
            prop_assert_eq!(code.to_string().parse::<EnhancedCode>(), Ok(code));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        check_everything(&bytes)?;
    }

    #[test]
    fn random_reply_shaped_bytes_never_panic(
        pieces in prop::collection::vec(prop_oneof![
            prop::sample::select(TOKENS.to_vec()).prop_map(<[u8]>::to_vec),
            prop::collection::vec(any::<u8>(), 0..8),
        ], 0..64)
    ) {
        check_everything(&pieces.concat())?;
    }

    #[test]
    fn mutated_corpus_rows_never_panic(
        row in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let rows = corpus_wire();
        let bytes = mutate(rows[row.index(rows.len())].clone(), &mutations);
        check_everything(&bytes)?;
    }
}
