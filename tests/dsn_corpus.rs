//! Scores `smtp_codes::dsn` on the Sisimai bounces of `tests/data/sisimai` (half of Sisimai's
//! test suite; the other half judges the crate unseen): message kind, recipients by position,
//! status, reply code, reason (through `mapping.tsv`) and hard/soft, overall and per format.
//!
//! Hard/soft compares Sisimai's hard-bounce flag with `retry() == Retry::Never` (sending again
//! cannot help). The two differ by design: Sisimai calls only an invalid address hard
//! (userunknown, hostunknown, hasmoved, notaccept), so a "user unknown" behind a filter
//! (`filtered`), a disabled mailbox (`suspend`) or a permanent system error count soft there.
//! Run with `--nocapture` to see the figures; `DSN_CORPUS_VERBOSE=1` lists every miss.
#![cfg(feature = "dsn")]

use std::collections::BTreeMap;
use std::path::Path;

use smtp_codes::Retry;
use smtp_codes::dsn::{self, Kind};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sisimai");

struct Label {
    file: String,
    index: usize,
    status: String,
    reply: String,
    sisimai: String,
    hard: bool,
}

fn labels() -> Vec<Label> {
    let text = std::fs::read_to_string(Path::new(DATA).join("labels.tsv")).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let c: Vec<&str> = line.split('\t').collect();
            Label {
                file: c[0].to_owned(),
                index: c[1].parse().unwrap(),
                status: c[2].to_owned(),
                reply: c[3].to_owned(),
                sisimai: c[4].to_owned(),
                hard: c[5] == "1",
            }
        })
        .collect()
}

fn mapping() -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(Path::new(DATA).join("mapping.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (s, ours) = l.split_once('\t').unwrap();
            (s.to_owned(), ours.split('|').map(str::to_owned).collect())
        })
        .collect()
}

/// Sisimai's own statuses for "no code was in the bounce": x.0.9xx and 5.9.xxx.
fn pseudo(status: &str) -> bool {
    let parts: Vec<&str> = status.split('.').collect();
    parts.len() != 3
        || (parts[1] == "0" && parts[2].len() == 3 && parts[2].starts_with('9'))
        || parts[1] == "9"
}

fn expected_kind(label: &Label) -> &'static [Kind] {
    match label.sisimai.as_str() {
        "feedback" => &[Kind::Feedback],
        "vacation" => &[Kind::AutoReply],
        "delivered" => &[Kind::Receipt],
        _ => &[Kind::Bounce, Kind::Delay],
    }
}

/// Rows where the crate reads the bounce differently from Sisimai's label on the merits, and
/// why. They are left out of the reason and hard/soft scores (both figures are printed).
const DISAGREEMENTS: &[(&str, usize, &str)] = &[
    (
        "rhost-nttdocomo-02.eml",
        1,
        "\"550 Unknown user <addr>\": the reply says the mailbox is unknown; Sisimai's `rejected` guesses docomo's sender filter",
    ),
    (
        "rhost-yahooinc-02.eml",
        1,
        "\"421 4.7.0 [TSS04] … deferred due to unexpected volume or user complaints\": a temporary volume limit (rate_limited), not a refused sender",
    ),
    (
        "lhost-postfix-74.eml",
        1,
        "the same Yahoo TSS04 deferral: a temporary volume limit, not a refused sender",
    ),
    ("lhost-qmail-19.eml", 1, "the same Yahoo TSS04 deferral: rate_limited (Sisimai: badreputation)"),
    (
        "rhost-zoho-03.eml",
        1,
        "\"554 5.7.1 … Email flagged as Spam\": a spam verdict (spam_blocked), not a refused sender",
    ),
    (
        "lhost-exim-30.eml",
        1,
        "\"554 5.7.1 <addr>: Recipient address rejected: Access denied\": an access rule, not an unknown mailbox (issue #12: never mailbox_unknown)",
    ),
    (
        "lhost-mfilter-04.eml",
        1,
        "\"550 5.4.1 … Recipient address rejected: Access denied\" from Exchange Online: Microsoft documents it as a recipient missing from the directory (mailbox_unknown), not a refused sender",
    ),
    (
        "lhost-sendmail-31.eml",
        1,
        "Gmail's \"blocked because its content presents a potential security issue\": the content (an attachment) must change (content_rejected), as our labelled corpus reads it",
    ),
    ("lhost-sendmail-31.eml", 2, "the same Gmail content verdict"),
];

/// Rows this crate cannot score by design: `dsn::parse` reads one email, and these files hold
/// two emails one after the other (Sisimai reads them as a mailbox). Left out of every score.
const TWO_EMAILS_IN_ONE_FILE: &[(&str, usize)] = &[("rfc3464-28.eml", 2), ("rhost-cox-01.eml", 2)];

/// The floors: what the crate reaches today on the whole set (raw, disagreements counted as
/// misses). A change that lowers one fails here.
const FLOORS: [(&str, f64); 6] = [
    ("kind", 99.0),
    ("recipients", 99.0),
    ("status", 98.0),
    ("reply", 98.0),
    ("reason", 90.4),
    ("hard", 87.0),
];

#[derive(Default, Clone, Copy)]
struct Score {
    hit: usize,
    total: usize,
}

impl Score {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.hit += usize::from(ok);
    }
    fn pct(self) -> f64 {
        if self.total == 0 { 100.0 } else { 100.0 * self.hit as f64 / self.total as f64 }
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:5.1}% ({}/{})", self.pct(), self.hit, self.total)
    }
}

#[derive(Default, Clone, Copy)]
struct Scores {
    kind: Score,
    recipients: Score,
    status: Score,
    reply: Score,
    reason: Score,
    hard: Score,
}

fn prefix(file: &str) -> &str {
    file.trim_end_matches(".eml").rsplit_once('-').map_or(file, |(p, _)| p)
}

#[test]
fn sisimai_corpus() {
    let verbose = std::env::var_os("DSN_CORPUS_VERBOSE").is_some();
    let labels = labels();
    let mapping = mapping();
    let mut all = Scores::default();
    let mut per_format: BTreeMap<String, Scores> = BTreeMap::new();
    let mut reports = BTreeMap::new();
    let mut reason_adjusted = Score::default();
    let mut hard_adjusted = Score::default();
    for label in &labels {
        if TWO_EMAILS_IN_ONE_FILE.contains(&(label.file.as_str(), label.index)) {
            continue;
        }
        let report = reports.entry(label.file.clone()).or_insert_with(|| {
            let raw = std::fs::read(Path::new(DATA).join("eml").join(&label.file)).unwrap();
            dsn::parse(&raw)
        });
        let Ok(report) = report else {
            panic!("{}: {:?}", label.file, report.as_ref().err());
        };
        let format = per_format.entry(prefix(&label.file).to_owned()).or_default();
        let mut miss = Vec::new();
        if label.index == 1 {
            let ok = expected_kind(label).contains(&report.kind);
            all.kind.add(ok);
            format.kind.add(ok);
            if !ok {
                miss.push(format!("kind {:?}", report.kind));
            }
        }
        let recipient = report.recipients.get(label.index - 1);
        all.recipients.add(recipient.is_some());
        format.recipients.add(recipient.is_some());
        if recipient.is_none() {
            miss.push(format!("no recipient ({} found)", report.recipients.len()));
        }
        if !label.status.is_empty() && !pseudo(&label.status) {
            let ours = recipient.and_then(|r| r.status).map(|s| s.to_string()).unwrap_or_default();
            let ok = ours == label.status;
            all.status.add(ok);
            format.status.add(ok);
            if !ok {
                miss.push(format!("status {ours:?} want {}", label.status));
            }
        }
        if !label.reply.is_empty() {
            let ours = recipient.and_then(|r| r.reply_code).map(|c| c.to_string()).unwrap_or_default();
            let ok = ours == label.reply;
            all.reply.add(ok);
            format.reply.add(ok);
            if !ok {
                miss.push(format!("reply {ours:?} want {}", label.reply));
            }
        }
        let accepted = mapping.get(&label.sisimai).cloned().unwrap_or_default();
        let disagree = DISAGREEMENTS.iter().any(|(f, i, _)| *f == label.file && *i == label.index);
        if !accepted.is_empty() && accepted[0] != "-" {
            let ours = recipient.map(|r| r.reason().as_str().to_owned()).unwrap_or_default();
            let ok = accepted.contains(&ours);
            all.reason.add(ok);
            format.reason.add(ok);
            if !disagree {
                reason_adjusted.add(ok);
            }
            if !ok {
                miss.push(format!("reason {ours} want {} ({})", accepted.join("|"), label.sisimai));
            }
            if accepted[0] != "ok" {
                let ours = recipient.is_some_and(|r| r.retry() == Retry::Never);
                let ok = ours == label.hard;
                all.hard.add(ok);
                format.hard.add(ok);
                if !disagree {
                    hard_adjusted.add(ok);
                }
                if !ok {
                    miss.push(format!(
                        "hard {ours} want {} as {}",
                        label.hard,
                        recipient.map(|r| r.reason().as_str().to_owned()).unwrap_or_default()
                    ));
                }
            }
        }
        if verbose && !miss.is_empty() {
            let diag = recipient.map(|r| r.diagnostic.replace('\n', " ⏎ ")).unwrap_or_default();
            let diag: String = diag.chars().take(160).collect();
            println!("MISS {}#{}: {} | {diag}", label.file, label.index, miss.join("; "));
        }
    }
    println!(
        "format                 kind            recipients      status          reply           reason          hard/soft"
    );
    for (name, s) in &per_format {
        println!("{name:22} {} {} {} {} {} {}", s.kind, s.recipients, s.status, s.reply, s.reason, s.hard);
    }
    println!(
        "{:22} {} {} {} {} {} {}",
        "ALL", all.kind, all.recipients, all.status, all.reply, all.reason, all.hard
    );
    if std::env::var_os("DSN_CORPUS_MARKDOWN").is_some() {
        // The README's per-format table.
        let cell = |s: Score| if s.total == 0 { "–".to_owned() } else { format!("{}/{}", s.hit, s.total) };
        println!("| format | messages | kind | recipients | status | reply code | reason | hard/soft |");
        println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (name, s) in per_format.iter().map(|(n, s)| (n.as_str(), s)).chain([("**all**", &all)]) {
            println!(
                "| {name} | {} | {} | {} | {} | {} | {} | {} |",
                s.kind.total,
                cell(s.kind),
                cell(s.recipients),
                cell(s.status),
                cell(s.reply),
                cell(s.reason),
                cell(s.hard)
            );
        }
    }
    let bounces: Vec<_> =
        reports.values().filter_map(|r| r.as_ref().ok()).filter(|r| r.is_failure()).collect();
    let with_id = bounces.iter().filter(|r| r.original_message_id.is_some()).count();
    println!("original Message-ID found in {with_id} of {} bounces and delay warnings", bounces.len());
    println!(
        "without the {} rows where we disagree with Sisimai on the merits: reason {}, hard/soft {}",
        DISAGREEMENTS.len(),
        reason_adjusted,
        hard_adjusted
    );
    for (file, index, why) in DISAGREEMENTS {
        println!("disagree {file}#{index}: {why}");
    }
    let figures = [all.kind, all.recipients, all.status, all.reply, all.reason, all.hard];
    for ((name, floor), score) in FLOORS.iter().zip(figures) {
        assert!(score.pct() >= *floor, "{name}: {score} is below the floor {floor}%");
    }
}
