//! Issue #12's invariant: the verdicts of an explanation agree with each other and with the
//! words shown to the user — over every corpus row in every role, and over every reason × class
//! × role. A contradiction (retry never while the remedy says "try again later", a hard bounce
//! for a sign-in problem, a submission server's refusal sent to the recipient's administrator)
//! fails here.

mod common;

use std::collections::BTreeMap;

use smtp_codes::{
    Bounce, Context, Explanation, FixOwner, Locale, Reason, Retry, ServerRole, explain, explain_text,
};

/// Reasons that say nothing about the recipient's address.
const NOT_ABOUT_RECIPIENT: [Reason; 14] = [
    Reason::AuthRequired,
    Reason::AuthFailed,
    Reason::AuthMechanism,
    Reason::TlsRequired,
    Reason::MessageTooLarge,
    Reason::RelayDenied,
    Reason::SenderRejected,
    Reason::SpamBlocked,
    Reason::PolicyBlocked,
    Reason::SenderUnauthenticated,
    Reason::SyntaxError,
    Reason::CommandUnrecognized,
    Reason::BadSequence,
    Reason::NotImplemented,
];

fn check(e: &Explanation, what: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut fail = |rule: &str| problems.push(format!("{rule}: {what} → {e:?}"));
    let remedy = e.text(Locale::En).remedy().to_lowercase();
    let summary = e.text(Locale::En).summary().to_lowercase();
    let says_later = ["try again later", "retry later", "wait and try again", "try again in"]
        .iter()
        .any(|w| remedy.contains(w) || summary.contains(w));
    let says_stop = ["do not retry", "will fail again", "never succeed"].iter().any(|w| remedy.contains(w));
    if e.retry() == Retry::Never && says_later {
        fail("retry never but the text says to try again later");
    }
    if e.retry() == Retry::Later && says_stop {
        fail("retry later but the text says to stop");
    }
    match e.class() {
        // (A 334 XOAUTH2 challenge carrying an error status is the one positive reply that fails.)
        // A report of a delivery that succeeded, with no reply ("delivered to maildir"), is read
        // as a positive reply.
        Some(class) if class.is_positive() && e.reason() == Reason::Ok => {
            if e.retry() != Retry::NotNeeded || e.bounce().is_some() || e.fix_owner() != FixOwner::Nobody {
                fail("a positive reply with a failure verdict");
            }
        }
        None if e.reason() == Reason::Ok && e.failure().is_none() => {
            if e.retry() != Retry::NotNeeded || e.bounce().is_some() || e.fix_owner() != FixOwner::Nobody {
                fail("a positive reply with a failure verdict");
            }
        }
        _ => {
            if e.retry() == Retry::NotNeeded {
                fail("a failure that needs no retry");
            }
        }
    }
    if let Some(bounce) = e.bounce() {
        if e.failure().is_some() {
            fail("a transport failure counted as a bounce");
        }
        if NOT_ABOUT_RECIPIENT.contains(&e.reason()) {
            fail("a bounce for a problem that is not about the recipient");
        }
        if bounce == Bounce::Hard && e.retry() == Retry::Later {
            fail("a hard bounce that says retry later");
        }
        if e.role() == Some(ServerRole::Submission)
            && !matches!(e.reason(), Reason::MailboxUnknown | Reason::MailboxDisabled)
        {
            fail("a bounce from the user's own submission server");
        }
    }
    if e.role() == Some(ServerRole::Submission)
        && NOT_ABOUT_RECIPIENT.contains(&e.reason())
        && (remedy.contains("recipient's administrator") || e.fix_owner() == FixOwner::RecipientSide)
    {
        fail("a submission server's refusal sent to the recipient's side");
    }
    if e.retry() == Retry::Later && e.fix_owner() == FixOwner::Nobody && e.reason() != Reason::Greylisted {
        fail("nobody must act on a failure");
    }
    problems
}

fn roles() -> [Context<'static>; 3] {
    [
        Context::UNKNOWN,
        Context::new().with_role(ServerRole::Submission),
        Context::new().with_role(ServerRole::Mx),
    ]
}

fn corpus_texts() -> Vec<(String, Option<String>)> {
    let mut texts = Vec::new();
    for path in ["corpus/replies.tsv", "corpus/dev.tsv"] {
        let text = std::fs::read_to_string(common::data(path)).unwrap();
        for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
            let f: Vec<&str> = line.split('\t').collect();
            texts.push((
                f[0].replace("\\n", "\r\n"),
                f.get(5).map(|r| r.split(';').next().unwrap_or("").trim().to_owned()),
            ));
        }
    }
    texts
}

#[test]
fn every_corpus_row_in_every_role_is_consistent() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (raw, _) in corpus_texts() {
        for context in roles() {
            let e = smtp_codes::explain_with(&raw, &context)
                .ok()
                .or_else(|| smtp_codes::explain_text_with(&raw, &context));
            if let Some(e) = e {
                checked += 1;
                problems.extend(check(&e, &raw));
            }
        }
    }
    println!("checked {checked} explanations");
    assert!(checked > 4000);
    assert!(problems.is_empty(), "{} contradictions:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn every_reason_class_and_role_is_consistent() {
    // One real reply per reason from the corpus, re-sent as a 4xx and as a 5xx in each role.
    let mut samples: BTreeMap<Reason, String> = BTreeMap::new();
    for (raw, label) in corpus_texts() {
        let Some(e) = explain(&raw).ok().or_else(|| explain_text(&raw)) else { continue };
        if e.code().is_some() && label.as_deref() == Some(e.reason().as_str()) && !raw.contains('\n') {
            samples.entry(e.reason()).or_insert(raw);
        }
    }
    let mut problems = Vec::new();
    let mut combinations = 0;
    for reason in Reason::ALL {
        let Some(raw) = samples.get(&reason) else { panic!("no sample for {reason:?}") };
        let text = raw.get(4..).unwrap_or("");
        for code in [451, 550] {
            for context in roles() {
                let e = Explanation::from_parts_with(code, None, text, &context).unwrap();
                combinations += 1;
                problems.extend(check(&e, &format!("{code} {text} ({:?})", context.role)));
            }
        }
    }
    println!("{combinations} reason × class × role combinations");
    assert!(problems.is_empty(), "{} contradictions:\n{}", problems.len(), problems.join("\n"));
}

/// A report's frame around a reply: its name and how it prints the reply.
type Frame = (&'static str, fn(&str) -> String);

/// How bounces, logs and clients print a reply: the same reply with the words a report puts
/// before it (Postfix's "said:", Exim's "host … [ip]:" on the line of a multi-line reply's first
/// line, a client's "Error: ", a DSN's "smtp; ", quotes, Python's `(550, b'…')`, PHPMailer's "Detail: …
/// SMTP code: 550 Additional SMTP info: 5.1.1", without the command it names: a command may rightly
/// change the reading) is read as the reply alone is, for all
/// but a few corpus rows (each a text whose reading depends on where it starts: a bare code, a
/// quoted earlier reply). Measured over every corpus row; the few that differ are listed.
#[test]
fn the_words_a_report_puts_before_a_reply_change_nothing() {
    let frames: [Frame; 7] = [
        ("phpmailer", |t| match (t.get(..3), t.get(4..).filter(|_| !t.contains("\r\n"))) {
            (Some(code), Some(rest)) => {
                let (status, words) = match rest.split_once(' ') {
                    Some((s, w))
                        if s.matches('.').count() == 2 && s.starts_with(|c: char| c.is_ascii_digit()) =>
                    {
                        (s, w)
                    }
                    _ => ("", rest),
                };
                format!(
                    "SMTP Error: data not accepted. SMTP server error: Detail: {words} SMTP code: {code} Additional \
                     SMTP info: {status}"
                )
            }
            _ => t.to_owned(),
        }),
        ("python", |t| match (t.get(..3), t.get(4..)) {
            (Some(code), Some(words)) => {
                format!(
                    "smtplib.SMTPRecipientsRefused: {{'bob@example.org': ({code}, b'{}')}}",
                    words.replace("\r\n", "\\n")
                )
            }
            _ => t.to_owned(),
        }),
        ("smtp; ", |t| format!("smtp; {t}")),
        ("Error: ", |t| format!("Error: {t}")),
        ("quoted", |t| format!("\"{t}\"")),
        ("postfix", |t| {
            format!(
                "host mx.example.net[192.0.2.1] said: {} (in reply to RCPT TO command)",
                t.replace("\r\n", " ")
            )
        }),
        ("exim", |t| {
            format!(
                "SMTP error from remote mail server after RCPT TO:<bob@example.org>:\nhost mx.example.net [192.0.2.1]: {t}"
            )
        }),
    ];
    let texts = corpus_texts();
    for (name, frame) in frames {
        let (mut checked, mut differ) = (0, Vec::new());
        for (raw, _) in &texts {
            // Replies only: a report's words stand before a reply, not before its own words.
            if !raw.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                continue;
            }
            let alone = explain_text(raw).map(|e| e.reason());
            let framed = frame(raw);
            if explain_text(&framed).map(|e| e.reason()) != alone {
                differ.push(framed);
            }
            checked += 1;
        }
        let kept = 100.0 * (checked - differ.len()) as f64 / checked as f64;
        assert!(checked > 6_000, "{name}: {checked} rows");
        assert!(kept >= 99.5, "{name}: {kept:.2}% of {checked} read alike; differ:\n{}", differ.join("\n"));
    }
}
