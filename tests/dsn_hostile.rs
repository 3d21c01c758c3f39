//! Hostile input for `smtp_codes::dsn::parse`: it never panics and its work stays bounded
//! (deep nesting, huge headers, broken encodings, missing boundaries, 8-bit junk, giant
//! attachments, too many recipients).
#![cfg(feature = "dsn")]

use std::time::{Duration, Instant};

use smtp_codes::dsn::{self, Kind, MAX_RECIPIENTS};

/// Generous: debug builds on a busy machine. Release runs are ~100× faster.
const LIMIT: Duration = Duration::from_secs(10);

fn timed(raw: &[u8]) -> Result<dsn::Report, dsn::DsnError> {
    let start = Instant::now();
    let result = dsn::parse(raw);
    let took = start.elapsed();
    assert!(took < LIMIT, "{} bytes took {took:?}", raw.len());
    result
}

fn dsn_with(status_part: &str) -> Vec<u8> {
    format!(
        "From: MAILER-DAEMON@mx.example.com\r\nSubject: Undelivered Mail Returned to Sender\r\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nI'm sorry.\r\n\
         --b\r\nContent-Type: message/delivery-status\r\n{status_part}\r\n--b--\r\n"
    )
    .into_bytes()
}

const FIELDS: &str = "\r\nReporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; bob@example.org\r\n\
                      Action: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n";

#[test]
fn deep_multipart_nesting() {
    let depth = 20_000;
    let mut raw = String::from("From: MAILER-DAEMON@mx.example.com\r\nSubject: Returned mail\r\n");
    for i in 0..depth {
        raw.push_str(&format!("Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"));
    }
    raw.push_str("Content-Type: text/plain\r\n\r\n<bob@example.org>: 550 5.1.1 User unknown\r\n");
    let _ = timed(raw.as_bytes());
}

#[test]
fn deep_message_nesting() {
    let mut raw = String::new();
    for _ in 0..5_000 {
        raw.push_str("From: MAILER-DAEMON@mx.example.com\r\nContent-Type: message/rfc822\r\n\r\n");
    }
    raw.push_str("Subject: hi\r\n\r\nbody\r\n");
    let _ = timed(raw.as_bytes());
}

#[test]
fn forwarded_reports_inside_reports() {
    // Each level is a report whose only content is the next report: recursion is capped.
    let mut raw = dsn_with(FIELDS);
    for _ in 0..200 {
        let mut outer = b"From: filter@example.com\r\nSubject: notice\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: message/rfc822\r\n\r\n".to_vec();
        outer.extend_from_slice(&raw);
        outer.extend_from_slice(b"\r\n--x--\r\n");
        raw = outer;
    }
    let _ = timed(&raw);
}

#[test]
fn huge_headers() {
    let mut raw = String::from("From: MAILER-DAEMON@mx.example.com\r\nSubject: ");
    raw.push_str(&"x".repeat(4 << 20));
    raw.push_str("\r\n");
    for i in 0..100_000 {
        raw.push_str(&format!("X-Junk-{i}: {i}\r\n"));
    }
    raw.push_str("\r\nbody\r\n");
    let _ = timed(raw.as_bytes());
}

#[test]
fn huge_folded_diagnostic() {
    let mut fields = String::from(FIELDS);
    fields.push_str("Diagnostic-Code: smtp; 550");
    for _ in 0..200_000 {
        fields.push_str("\r\n continued");
    }
    fields.push_str("\r\n");
    let report = timed(&dsn_with(&fields)).unwrap();
    assert_eq!(report.recipients.len(), 1);
}

#[test]
fn broken_base64_and_quoted_printable() {
    let raw = b"From: MAILER-DAEMON@mx.example.com\r\nSubject: Returned mail\r\n\
        Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
        --b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not*base64===\xff\xfe\r\n\
        --b\r\nContent-Type: message/delivery-status\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
        Final-Recipient: rfc822; bob@example.org=\r\n=ZZ=0\r\nAction: failed=\r\nStatus: 5.1.1\r\n=\r\n--b--\r\n";
    let report = timed(raw).unwrap();
    assert!(report.recipients.len() <= 1);
}

#[test]
fn missing_boundaries() {
    let raw = b"From: MAILER-DAEMON@mx.example.com\r\nSubject: Returned mail: User unknown\r\n\
        Content-Type: multipart/report; report-type=delivery-status; boundary=\"never-used\"\r\n\r\n\
        ----- The following addresses had permanent fatal errors -----\r\n<bob@example.org>\r\n\
        554 <bob@example.org>... User unknown\r\n";
    let report = timed(raw).unwrap();
    assert_eq!(report.kind, Kind::Bounce);
    assert_eq!(report.recipients[0].address, "bob@example.org");
}

#[test]
fn eight_bit_junk() {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for len in [1usize, 7, 100, 4096, 1 << 20] {
        let junk: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        let _ = timed(&junk);
        let mut with_headers = b"From: MAILER-DAEMON@x\r\nSubject: failure notice\r\n\r\n".to_vec();
        with_headers.extend_from_slice(&junk);
        let _ = timed(&with_headers);
    }
}

#[test]
fn giant_attachment_is_cut_and_the_report_still_read() {
    let mut raw = b"From: MAILER-DAEMON@mx.example.com\r\nSubject: Undelivered Mail\r\n\
        Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
        --b\r\nContent-Type: message/delivery-status\r\n"
        .to_vec();
    raw.extend_from_slice(FIELDS.as_bytes());
    raw.extend_from_slice(
        b"\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n",
    );
    while raw.len() < dsn::MAX_INPUT_BYTES + (4 << 20) {
        raw.extend_from_slice(
            b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkwYWJjZGVmZ2hpamtsbW5vcHFyc3R1\r\n",
        );
    }
    let report = timed(&raw).unwrap();
    assert!(report.truncated);
    assert_eq!(report.recipients[0].address, "bob@example.org");
}

#[test]
fn too_many_recipients() {
    let mut fields = String::from("\r\nReporting-MTA: dns; mx.example.com\r\n");
    for i in 0..(MAX_RECIPIENTS + 500) {
        fields.push_str(&format!(
            "\r\nFinal-Recipient: rfc822; u{i}@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        ));
    }
    let report = timed(&dsn_with(&fields)).unwrap();
    assert_eq!(report.recipients.len(), MAX_RECIPIENTS);
    assert!(report.truncated);

    let mut text = String::from("From: MAILER-DAEMON@x\r\nSubject: failure notice\r\n\r\n");
    for i in 0..20_000 {
        text.push_str(&format!("<u{i}@example.org>:\r\n550 5.1.1 unknown\r\n"));
    }
    let report = timed(text.as_bytes()).unwrap();
    assert!(report.recipients.len() <= MAX_RECIPIENTS);
}

#[test]
fn pathological_text() {
    let cases: Vec<Vec<u8>> = vec![
        [b"From: a@b\r\nSubject: failure notice\r\n\r\n".as_slice(), &b"@".repeat(3 << 20)].concat(),
        [b"From: a@b\r\nSubject: failure notice\r\n\r\n".as_slice(), &b"a@b.c ".repeat(500_000)].concat(),
        [b"From: a@b\r\nSubject: failure notice\r\n\r\n".as_slice(), &b"\n".repeat(3 << 20)].concat(),
        [
            b"From: a@b\r\nSubject: x\r\n\r\n{\"notificationType\":\"Bounce\",\"bouncedRecipients\":["
                .as_slice(),
            &b"{\"emailAddress\":\"a@b.c\"},".repeat(100_000),
        ]
        .concat(),
        [
            b"From: a@b\r\nSubject: x\r\n\r\n{\"notificationType\":\"Bounce\",\"bouncedRecipients\":["
                .as_slice(),
            &b"[".repeat(1 << 20),
        ]
        .concat(),
        [b"From: a@b\r\nSubject: failure notice\r\n\r\n".as_slice(), &b"550 ".repeat(1 << 20)].concat(),
    ];
    for raw in cases {
        let _ = timed(&raw);
    }
}

#[test]
fn empty_and_headerless() {
    assert_eq!(dsn::parse(b"").unwrap_err(), dsn::DsnError::Empty);
    assert_eq!(dsn::parse(b" \r\n\t").unwrap_err(), dsn::DsnError::Empty);
    let _ = timed(b"\x00\x01\x02");
    let _ = timed(b":");
    let _ = timed(b"\r\n\r\n\r\n");
}

#[test]
fn corrupt_nested_multipart_found_by_the_fuzzer() {
    // mail-parser 0.11.3 reaches a debug_assert! on this input; the crate must not panic.
    let raw =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dsn/mail-parser-debug-assert.eml"))
            .unwrap();
    let _ = timed(&raw);
}
