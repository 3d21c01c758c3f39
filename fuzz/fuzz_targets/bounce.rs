//! `dsn::parse` over any bytes: never panics; a parsed report keeps its caps (recipients at
//! most `MAX_RECIPIENTS`), and every recipient's explanation renders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::Locale;
use smtp_codes::dsn::{self, MAX_RECIPIENTS};

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = dsn::parse(data) {
        assert!(report.recipients.len() <= MAX_RECIPIENTS);
        for r in &report.recipients {
            let _ = dsn::sisimai_reason(r.reason());
            let _ = dsn::ses_bounce(r.reason(), r.retry());
            if let Some(e) = r.explanation() {
                let _ = e.render(Locale::Ja).to_string();
            }
        }
    }
});
