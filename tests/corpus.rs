//! Every reply of `tests/data/corpus/replies.tsv` (real servers), parsed with CRLF and with bare LF
//! line ends, and explained. Labels are one careful reading; where the crate disagrees on the
//! merits, the disagreement is listed below with its reason.

mod common;

use smtp_codes::reference::Class;
use smtp_codes::{Reason, Reply, Retry, explain_text};

use common::{CorpusRow as Row, corpus as rows};

fn wire(row: &Row, ending: &[u8]) -> Vec<u8> {
    row.wire(ending)
}

#[test]
fn every_row_parses_with_crlf_and_with_lf() {
    let rows = rows();
    assert_eq!(rows.len(), 85);
    for row in &rows {
        for ending in [&b"\r\n"[..], b"\n"] {
            let bytes = wire(row, ending);
            let reply = Reply::parse(&bytes).unwrap_or_else(|e| panic!("{:?}: {e}", row.raw));
            assert_eq!(reply.code(), row.code, "{}", row.raw);
            assert_eq!(
                reply.enhanced().map(|e| e.to_string()).unwrap_or_default(),
                row.enhanced,
                "{}",
                row.raw
            );
            assert_eq!(reply.class(), row.class.parse::<Class>().unwrap());
            assert_eq!(reply.line_count(), row.lines.len());
            assert_eq!(reply.consumed(), bytes.len());
            for (line, expected) in reply.lines().zip(&row.lines) {
                assert_eq!(line.as_bytes(), expected.get(4..).unwrap_or_default(), "{}", row.raw);
            }
            // Streaming needs the whole reply and says how much it used.
            let streamed = Reply::parse_streaming(&bytes).unwrap();
            assert_eq!(streamed.consumed(), bytes.len());
            assert_eq!(
                Reply::parse_streaming(&bytes[..bytes.len() - 1]),
                Err(smtp_codes::ParseError::Incomplete)
            );
            // And without the final line end, a whole-reply parse still works.
            let trimmed = &bytes[..bytes.len() - ending.len()];
            assert_eq!(Reply::parse(trimmed).unwrap().code(), row.code);
        }
    }
}

/// Where we read a reply differently from the label, and why.
fn justified(row: &Row, reason: Reason, retry: Retry) -> Option<&'static str> {
    match (row.raw.as_str(), reason) {
        // A 2xx is a positive completion even when its text scolds the client: the command
        // (QUIT) succeeded and nothing is to be retried; Postfix only adds an insult.
        (raw, Reason::Ok) if raw.starts_with("221 2.7.0 Error: I can break rules") => Some("2xx is success"),
        // Apple's "too many errors": the server closes because the client made errors in this
        // session; the label says `other`, we read the same as a temporary unavailability.
        (raw, Reason::ServiceUnavailable) if raw.contains("too many errors") => {
            Some("4xx closing after errors")
        }
        // The server says two things: every recipient was rejected as an unknown user, and so
        // DATA came out of sequence. The root cause a person can act on is the unknown user.
        (raw, Reason::MailboxUnknown) if raw.starts_with("503-All RCPT commands were rejected") => {
            Some("root cause is the unknown recipient")
        }
        // A URL on a blocklist (URIBL) is a spam verdict: Sisimai's expected result for the bounce
        // this reply came from is a spam block, and the crate reads blocklists as spam.
        (raw, Reason::SpamBlocked) if raw.contains("uribl") => Some("URL blocklist is a spam verdict"),
        _ => {
            let _ = retry;
            None
        }
    }
}

fn label_reason(label: &str) -> Reason {
    match label {
        "dmarc_spf_dkim_fail" => Reason::SenderUnauthenticated,
        other => other.parse().unwrap_or_else(|_| panic!("unknown label {other}")),
    }
}

/// The label's retry column is the first digit's verdict; a retry-note says where practice
/// differs. We agree when our verdict matches either.
fn retry_agrees(row: &Row, retry: Retry) -> bool {
    let by_digit = match row.retry.as_str() {
        "yes" => retry == Retry::Later,
        "no" => matches!(retry, Retry::AfterFix | Retry::Never),
        _ => retry == Retry::NotNeeded,
    };
    let by_note = row.retry_note.as_deref().is_some_and(|note| {
        let note = note.to_lowercase();
        let later = [
            "temporary",
            "retry",
            "may succeed",
            "later",
            "clears",
            "slow down",
            "backing off",
            "next hour",
            "new transaction",
        ]
        .iter()
        .any(|w| note.contains(w));
        let permanent = note.contains("will not succeed")
            || note.contains("it is permanent")
            || note.contains("retries end in a bounce");
        (later && retry == Retry::Later && !permanent)
            || (permanent && matches!(retry, Retry::Never | Retry::AfterFix))
            || (note.contains("only succeeds once") && retry != Retry::NotNeeded)
    });
    by_digit || by_note
}

#[test]
fn explanations_agree_with_the_labels() {
    let rows = rows();
    let mut reason_ok = 0;
    let mut retry_ok = 0;
    let mut unexplained = Vec::new();
    for row in &rows {
        let bytes = wire(row, b"\r\n");
        let reply = Reply::parse(&bytes).unwrap();
        let e = smtp_codes::Explanation::from_reply(&reply);
        assert_eq!(e.code(), Some(row.code));
        let expected = label_reason(&row.reason);
        let reason_match = e.reason() == expected;
        let retry_match = retry_agrees(row, e.retry());
        reason_ok += usize::from(reason_match);
        retry_ok += usize::from(retry_match);
        if !(reason_match && retry_match) && justified(row, e.reason(), e.retry()).is_none() {
            unexplained.push(format!(
                "{:?}\n    label {} / {} ({:?}); ours {} / {:?}",
                row.raw,
                row.reason,
                row.retry,
                row.retry_note,
                e.reason(),
                e.retry()
            ));
        }
        // The LF form explains the same way.
        let lf = wire(row, b"\n");
        assert_eq!(smtp_codes::Explanation::from_reply(&Reply::parse(&lf).unwrap()), e);
        // Found again inside a Postfix log line.
        let log = format!(
            "Nov 23 17:20:31 mx postfix/smtp[4242]: 4B1C2D3E5F: to=<user@example.com>, relay=mx.example.net[192.0.2.250]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=4.0.0, status=deferred (host mx.example.net[192.0.2.250] said: {} (in reply to RCPT TO command))",
            String::from_utf8_lossy(&bytes).replace("\r\n", " ").trim_end()
        );
        let found = explain_text(&log).unwrap_or_else(|| panic!("not found in log: {log}"));
        assert_eq!(found.code(), Some(row.code), "{log}");
        assert_eq!(found.enhanced(), e.enhanced(), "{log}");
    }
    let n = rows.len();
    println!(
        "corpus agreement: reason {reason_ok}/{n} ({:.1}%), retry {retry_ok}/{n} ({:.1}%)",
        100.0 * reason_ok as f64 / n as f64,
        100.0 * retry_ok as f64 / n as f64
    );
    assert!(
        unexplained.is_empty(),
        "{} unjustified disagreements:\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
}
