//! The reply parser: shapes real servers send, every error variant, streaming, and properties.

use proptest::prelude::*;
use smtp_codes::reference::Class;
use smtp_codes::reply::Limits;
use smtp_codes::{EnhancedCode, ParseError, Reply};

fn texts(reply: &Reply<'_>) -> Vec<Vec<u8>> {
    reply.lines().map(|l| l.as_bytes().to_vec()).collect()
}

#[test]
fn multi_line_with_crlf_and_lf() {
    for input in [
        &b"250-mx.example.com Hello\r\n250-SIZE 10240000\r\n250 HELP\r\n"[..],
        b"250-mx.example.com Hello\n250-SIZE 10240000\n250 HELP\n",
    ] {
        let reply = Reply::parse(input).unwrap();
        assert_eq!(reply.code(), 250);
        assert_eq!(reply.class(), Class::PositiveCompletion);
        assert_eq!(texts(&reply), [&b"mx.example.com Hello"[..], b"SIZE 10240000", b"HELP"]);
        let flags: Vec<bool> = reply.lines().map(|l| l.is_last()).collect();
        assert_eq!(flags, [false, false, true]);
        assert_eq!(reply.consumed(), input.len());
    }
}

#[test]
fn bare_code_and_trailing_spaces() {
    let reply = Reply::parse(b"421").unwrap();
    assert_eq!((reply.code(), reply.line_count()), (421, 1));
    assert_eq!(reply.lines().next().unwrap().as_bytes(), b"");
    let reply = Reply::parse(b"250-first\r\n250\r\n").unwrap();
    assert_eq!(reply.line_count(), 2);
    let reply = Reply::parse(b"334 \r\n").unwrap();
    assert_eq!(reply.lines().next().unwrap().as_bytes(), b"");
    let reply = Reply::parse(b"250 ok   \r\n").unwrap();
    assert_eq!(reply.lines().next().unwrap().as_bytes(), b"ok   ", "trailing spaces are kept");
}

#[test]
fn non_utf8_text_is_kept_as_bytes_with_a_lossy_view() {
    // GBK bytes as QQ Mail sends them.
    let reply = Reply::parse(b"550 \xc4\xfa\xb5\xc4\xd3\xca\xbc\xfe mailbox full\r\n").unwrap();
    let line = reply.lines().next().unwrap();
    assert_eq!(line.as_bytes(), b"\xc4\xfa\xb5\xc4\xd3\xca\xbc\xfe mailbox full");
    assert!(line.as_str().is_none());
    assert!(line.text_lossy().to_string().contains('\u{FFFD}'));
    assert!(reply.text().to_string().ends_with("mailbox full"));
}

#[test]
fn enhanced_code_at_the_rfc_2034_position_only() {
    let reply = Reply::parse(
        b"550-5.7.26 Unauthenticated email\r\n550-5.7.26 DMARC policy.\r\n550 5.7.26 - gsmtp\r\n",
    )
    .unwrap();
    assert_eq!(reply.enhanced(), Some("5.7.26".parse().unwrap()));
    assert_eq!(reply.text().to_string(), "5.7.26 Unauthenticated email DMARC policy. - gsmtp");
    assert_eq!(reply.message().to_string(), "Unauthenticated email DMARC policy. - gsmtp");
    assert_eq!(Reply::parse(b"502 unimplemented (#5.5.1)").unwrap().enhanced(), None);
    assert_eq!(Reply::parse(b"550 #5.1.0 Address rejected.").unwrap().enhanced(), None);
    assert_eq!(
        Reply::parse(b"550 5.1.351 Remote server").unwrap().enhanced(),
        Some("5.1.351".parse().unwrap())
    );
    assert_eq!(Reply::parse(b"552 1 Requested mail action aborted").unwrap().enhanced(), None);
    assert_eq!(Reply::parse(b"250 2.0.0.1 odd").unwrap().enhanced(), None);
    assert_eq!(Reply::parse(b"250 2.0.0").unwrap().enhanced(), Some("2.0.0".parse().unwrap()));
}

#[test]
fn postfix_rule_for_mismatched_classes() {
    let reply = Reply::parse(b"554 4.4.7 Message expired: unable to deliver in 840 minutes.").unwrap();
    assert_eq!(reply.enhanced(), Some("4.4.7".parse().unwrap()));
    assert_eq!(reply.effective_enhanced(), Some("5.0.0".parse().unwrap()));
    let reply = Reply::parse(b"550 5.1.1 No such user").unwrap();
    assert_eq!(reply.effective_enhanced(), reply.enhanced());
    let reply = Reply::parse(b"354 2.0.0 Start mail input").unwrap();
    assert_eq!(reply.effective_enhanced(), None, "3xx replies carry no enhanced status");
    assert_eq!(Reply::parse(b"250 ok").unwrap().effective_enhanced(), None);
}

#[test]
fn every_error_variant_says_what_and_where() {
    assert_eq!(Reply::parse(b""), Err(ParseError::Empty));
    assert_eq!(Reply::parse(b"\r\n\r\n"), Err(ParseError::Empty));
    assert_eq!(Reply::parse(b"hello"), Err(ParseError::InvalidCode { line: 0 }));
    assert_eq!(Reply::parse(b"25"), Err(ParseError::InvalidCode { line: 0 }));
    assert_eq!(Reply::parse(b"000 x"), Err(ParseError::InvalidCode { line: 0 }));
    assert_eq!(Reply::parse(b"999 x"), Err(ParseError::InvalidCode { line: 0 }));
    assert_eq!(Reply::parse(b"250-a\r\nxyz b"), Err(ParseError::InvalidCode { line: 1 }));
    assert_eq!(Reply::parse(b"2500 x"), Err(ParseError::InvalidSeparator { line: 0 }));
    assert_eq!(
        Reply::parse(b"250-a\r\n550 b"),
        Err(ParseError::MixedCodes { line: 1, expected: 250, found: 550 })
    );
    assert_eq!(Reply::parse(b"250 a\r\n250 b\r\n"), Err(ParseError::TrailingData { offset: 7 }));
    let e = ParseError::MixedCodes { line: 1, expected: 250, found: 550 };
    assert_eq!(e.to_string(), "line 1: code 550 differs from the reply's code 250");
    assert!(ParseError::Incomplete.to_string().contains("more bytes"));
}

#[test]
fn limits_are_enforced_and_can_be_raised() {
    let long = format!("250 {}\r\n", "a".repeat(600));
    assert_eq!(
        Reply::parse_with(long.as_bytes(), Limits::STRICT),
        Err(ParseError::LineTooLong { line: 0, limit: 510 })
    );
    assert!(Reply::parse(long.as_bytes()).is_ok());
    let many = "250-x\r\n".repeat(150) + "250 end\r\n";
    assert_eq!(
        Reply::parse_with(many.as_bytes(), Limits::STRICT),
        Err(ParseError::TooManyLines { limit: 100 })
    );
    let raised = Limits::STRICT.with_max_lines(200);
    assert_eq!(Reply::parse_with(many.as_bytes(), raised).unwrap().line_count(), 151);
}

#[test]
fn streaming_waits_for_whole_replies_and_counts_bytes() {
    let input = b"250-mx.example.com\r\n250-PIPELINING\r\n250 SIZE 1000\r\n250 2.1.0 Ok\r\n";
    let first_len = 51;
    for end in 0..first_len {
        assert_eq!(Reply::parse_streaming(&input[..end]), Err(ParseError::Incomplete), "prefix {end}");
    }
    let first = Reply::parse_streaming(input).unwrap();
    assert_eq!((first.code(), first.line_count(), first.consumed()), (250, 3, first_len));
    let second = Reply::parse_streaming(&input[first.consumed()..]).unwrap();
    assert_eq!(second.enhanced(), Some(EnhancedCode::new(2, 1, 0).unwrap()));
    assert_eq!(first.consumed() + second.consumed(), input.len());
    // Invalid input is reported at once, not as Incomplete.
    assert_eq!(Reply::parse_streaming(b"hello\r\n"), Err(ParseError::InvalidCode { line: 0 }));
}

#[test]
fn render_is_wire_form() {
    let reply = Reply::parse(b"250-a\n250 b").unwrap();
    assert_eq!(reply.to_string(), "250-a\r\n250 b\r\n");
    assert_eq!(reply.as_bytes(), b"250-a\n250 b");
}

fn reply_line() -> impl Strategy<Value = Vec<u8>> {
    // Line text: any bytes but line ends.
    proptest::collection::vec(any::<u8>().prop_filter("no line end", |b| *b != b'\n' && *b != b'\r'), 0..80)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// parse(render(reply)) == reply, for replies built from random lines.
    #[test]
    fn parse_render_round_trip(code in 200u16..600, lines in proptest::collection::vec(reply_line(), 1..6), lf in any::<bool>()) {
        let mut wire = Vec::new();
        for (i, text) in lines.iter().enumerate() {
            wire.extend_from_slice(code.to_string().as_bytes());
            wire.push(if i + 1 == lines.len() { b' ' } else { b'-' });
            wire.extend_from_slice(text);
            wire.extend_from_slice(if lf { b"\n" } else { b"\r\n" });
        }
        let reply = Reply::parse(&wire).unwrap();
        let rendered = reply.to_string();
        let again = Reply::parse(rendered.as_bytes()).unwrap();
        prop_assert_eq!(again.code(), reply.code());
        prop_assert_eq!(again.enhanced(), reply.enhanced());
        prop_assert_eq!(again.line_count(), reply.line_count());
        for (a, b) in again.lines().zip(reply.lines()) {
            prop_assert_eq!(a.text_lossy().to_string(), b.text_lossy().to_string());
            prop_assert_eq!(a.is_last(), b.is_last());
        }
        if let Ok(utf8) = std::str::from_utf8(&wire) {
            let direct = Reply::parse(utf8.as_bytes()).unwrap();
            prop_assert_eq!(texts(&direct), lines.clone());
            // In canonical form (UTF-8, CRLF) rendering and parsing again gives the same reply.
            if !lf {
                prop_assert_eq!(Reply::parse(rendered.as_bytes()).unwrap(), reply);
            }
        }
    }

    /// No input of any bytes panics, and a successful parse is consistent.
    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(reply) = Reply::parse(&bytes) {
            prop_assert!((200..600).contains(&reply.code()));
            prop_assert_eq!(reply.lines().count(), reply.line_count());
            let _ = reply.text().to_string();
        }
        if let Ok(reply) = Reply::parse_streaming(&bytes) {
            prop_assert!(reply.consumed() <= bytes.len());
        }
        let _ = smtp_codes::explain_text(&String::from_utf8_lossy(&bytes));
        let _ = std::str::from_utf8(&bytes).map(|s| s.parse::<EnhancedCode>());
    }
}
