//! `EnhancedCode::from_str` over any string: never panics, and every accepted code round-trips
//! through `Display` (`to_string().parse()` gives the same code).
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::EnhancedCode;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = core::str::from_utf8(data)
        && let Ok(code) = text.parse::<EnhancedCode>()
    {
        let shown = code.to_string();
        let again: EnhancedCode = match shown.parse() {
            Ok(again) => again,
            Err(error) => panic!("{shown:?} (from {text:?}) does not parse back: {error:?}"),
        };
        assert_eq!(again, code, "{text:?} -> {shown:?}");
        assert!(matches!(code.class(), 2 | 4 | 5));
        assert!(code.subject() <= 999 && code.detail() <= 999);
    }
    // The byte-level prefix parser never reports more bytes than it was given.
    if let Some((_, used)) = EnhancedCode::parse_prefix(data) {
        assert!(used <= data.len());
    }
});
