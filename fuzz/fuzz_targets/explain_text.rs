//! `explain_text` over any bytes (as lossy UTF-8): never panics; when it finds a reply, its code
//! (if it has one: a failure with no reply has none) is a reply code (200..=599) and rendering the explanation does not panic. `explain` and
//! `Explanation::from_parts` get the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::{Explanation, Locale, explain, explain_text};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(explanation) = explain_text(&text) {
        if let Some(code) = explanation.code() {
            assert!((200..=599).contains(&code), "code {code} out of range");
        }
        let _ = explanation.render(Locale::En).to_string();
        let _ = explanation.to_string();
    }
    if let Ok(explanation) = explain(&text) {
        let code = explanation.code().expect("a parsed reply has a code");
        assert!((200..=599).contains(&code), "code {code} out of range");
        let _ = explanation.render(Locale::En).to_string();
    }
    // The same text given by parts, under a code taken from the first two bytes.
    let code = data.first().zip(data.get(1)).map_or(550, |(a, b)| u16::from_le_bytes([*a, *b]) % 1000);
    match Explanation::from_parts(code, None, &text) {
        Some(explanation) => assert_eq!(explanation.code(), Some(code)),
        None => assert!(!(200..=599).contains(&code), "{code} is a reply code"),
    }
});
