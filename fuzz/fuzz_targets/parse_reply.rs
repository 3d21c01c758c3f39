//! `Reply::parse` and `Reply::parse_streaming` on the same bytes: neither may panic, and what they
//! accept must be consistent (code in 200..=599, `consumed() <= len`, `lines()` agrees with
//! `line_count()`, and the rendered wire form parses back to an equal reply).
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::Reply;

fn check(reply: &Reply<'_>, input: &[u8]) {
    assert!((200..=599).contains(&reply.code()), "code {} out of range", reply.code());
    assert!(reply.consumed() <= input.len(), "consumed {} > len {}", reply.consumed(), input.len());
    assert_eq!(reply.lines().count(), reply.line_count());
    assert!(reply.line_count() >= 1);
    // Formatting the text views must not panic either.
    let _ = reply.text().to_string();
    let _ = reply.message().to_string();
    let _ = reply.effective_enhanced();
    round_trip(reply);
}

/// `write_to` promises that parsing its output gives an equal reply: same code, enhanced code and
/// line texts. Texts are compared through the lossy view, which is what `write_to` writes.
fn round_trip(reply: &Reply<'_>) {
    let rendered = reply.to_string();
    let again = match Reply::parse(rendered.as_bytes()) {
        Ok(again) => again,
        Err(error) => panic!("render {rendered:?} of {reply:?} does not parse: {error:?}"),
    };
    assert_eq!(again.code(), reply.code(), "code differs after render {rendered:?}");
    assert_eq!(again.enhanced(), reply.enhanced(), "enhanced differs after render {rendered:?}");
    assert_eq!(again.line_count(), reply.line_count(), "line count differs after render {rendered:?}");
    for (a, b) in reply.lines().zip(again.lines()) {
        assert_eq!(
            a.text_lossy().to_string(),
            b.text_lossy().to_string(),
            "line text differs after render {rendered:?}"
        );
        assert_eq!(a.is_last(), b.is_last(), "last flag differs after render {rendered:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    // A typed error (Incomplete included) is always fine; panics and inconsistent replies are not.
    if let Ok(reply) = Reply::parse(data) {
        check(&reply, data);
    }
    if let Ok(reply) = Reply::parse_streaming(data) {
        check(&reply, data);
        // A complete streamed reply ends with a line end.
        assert_eq!(data[reply.consumed() - 1], b'\n');
        // When it is all the input, the whole-input parser sees the same reply.
        if reply.consumed() == data.len() {
            assert_eq!(Reply::parse(data), Ok(reply));
        }
        // The next pipelined reply starts at `consumed()`; parsing it must not panic.
        if let Ok(next) = Reply::parse_streaming(&data[reply.consumed()..]) {
            check(&next, &data[reply.consumed()..]);
        }
    }
});
