//! Explains bounce emails, recipient by recipient.
//!
//! - `cargo run --example bounce --features dsn -- message.eml [--lang ja]` prints what the
//!   message is and, for each recipient, its status, reply, reason, verdict, summary and remedy;
//! - given a directory (every file in it) or an mbox file (messages split at `From ` lines) it
//!   prints a summary table: counts by kind, by reason and by provider, with a progress bar on
//!   long runs;
//! - `--help` prints the usage.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use smtp_codes::Locale;
use smtp_codes::dsn::{self, Report};

const USAGE: &str = "usage: bounce PATH [--lang TAG]

PATH    a bounce email (.eml), a directory of them, or an mbox file
--lang  the language of the explanations (en, ja, zh, de, fr, es, pt-BR; default en)

One message: prints each recipient's status, reply, reason, verdict, summary and remedy.
A directory or an mbox: prints counts by kind, by reason and by provider.";

fn main() {
    match run(std::env::args().skip(1).collect()) {
        Ok(text) => print!("{text}"),
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            std::process::exit(2);
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut locale = Locale::En;
    let mut path = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            "--lang" => {
                let tag = args.next().ok_or("--lang needs a language tag such as ja or zh-CN")?;
                locale = Locale::from_tag(&tag).ok_or(format!("unknown language {tag:?}"))?;
            }
            _ if path.is_none() => path = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    let path = path.ok_or("no PATH given")?;
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        let messages = files.iter().map(|f| std::fs::read(f).map_err(|e| format!("{}: {e}", f.display())));
        return summary(messages, files.len(), locale);
    }
    let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let messages = split_mbox(&raw);
    if messages.len() > 1 {
        let count = messages.len();
        return summary(messages.into_iter().map(|m| Ok(m.to_vec())), count, locale);
    }
    one(&path, &raw, locale)
}

/// Splits an mbox at lines that start with `From ` (after a blank line or at the start).
fn split_mbox(raw: &[u8]) -> Vec<&[u8]> {
    if !raw.starts_with(b"From ") {
        return vec![raw];
    }
    let mut starts = vec![0];
    let mut i = 0;
    while let Some(p) = raw[i..].windows(7).position(|w| w == b"\n\nFrom " || w == b"\n\r\nFrom") {
        let at = i + p;
        let from = at + if raw[at + 1] == b'\r' { 3 } else { 2 };
        starts.push(from);
        i = from;
    }
    starts.push(raw.len());
    starts.windows(2).map(|w| &raw[w[0]..w[1]]).collect()
}

fn one(path: &Path, raw: &[u8], locale: Locale) -> Result<String, String> {
    let report = dsn::parse(raw).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = String::new();
    let _ =
        writeln!(out, "{}: {} ({})", path.display(), report.kind.label(locale), report.format.label(locale));
    if let Some(id) = &report.original_message_id {
        let _ = writeln!(out, "original Message-ID: <{id}>");
    }
    for r in &report.recipients {
        let _ = writeln!(out, "\n{}", r.address);
        if let Some(action) = r.action {
            let _ = writeln!(out, "  action:  {}", action.label(locale));
        }
        if let Some(status) = r.status {
            let _ = writeln!(out, "  status:  {status}");
        }
        if let Some(code) = r.reply_code {
            let _ = writeln!(out, "  reply:   {code}");
        }
        if let Some(command) = r.command {
            let _ = writeln!(out, "  after:   {command}");
        }
        let first_line = r.diagnostic.lines().next().unwrap_or("");
        if !first_line.is_empty() {
            let _ = writeln!(out, "  said:    {first_line}");
        }
        let _ = writeln!(out, "  reason:  {} ({})", r.reason().label(locale), r.reason().as_str());
        let _ = writeln!(
            out,
            "  verdict: {} · {}",
            r.retry().label(locale),
            r.bounce().map_or("-", |b| b.label(locale))
        );
        let ses = dsn::ses_bounce(r.reason(), r.retry());
        let _ = writeln!(
            out,
            "  as:      Sisimai {} · SES {}/{}",
            dsn::sisimai_reason(r.reason()),
            ses.bounce_type,
            ses.sub_type
        );
        if let Some(e) = r.explanation() {
            let text = e.text(locale);
            let _ = writeln!(out, "  summary: {}", text.summary());
            let _ = writeln!(out, "  remedy:  {}", text.remedy());
            if let Some(provider) = e.provider() {
                let _ = writeln!(out, "  provider: {}", provider.label(locale));
            }
        }
    }
    Ok(out)
}

fn summary(
    messages: impl Iterator<Item = Result<Vec<u8>, String>>,
    count: usize,
    locale: Locale,
) -> Result<String, String> {
    let bar = (count >= 200).then(|| {
        let bar = indicatif::ProgressBar::new(count as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    let mut providers: BTreeMap<String, usize> = BTreeMap::new();
    let (mut read, mut unreadable, mut recipients) = (0usize, 0usize, 0usize);
    for message in messages {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
        let report: Result<Report, String> =
            message.and_then(|raw| dsn::parse(&raw).map_err(|e| e.to_string()));
        let Ok(report) = report else {
            unreadable += 1;
            continue;
        };
        read += 1;
        *kinds.entry(report.kind.label(locale).to_owned()).or_default() += 1;
        // Reasons and providers of failures only (an auto-reply's sender is no failure).
        for r in report.recipients.iter().filter(|_| report.is_failure()) {
            recipients += 1;
            *reasons.entry(r.reason().label(locale).to_owned()).or_default() += 1;
            let provider = r
                .explanation()
                .and_then(|e| e.provider())
                .map_or_else(|| String::from("(none shown)"), |p| p.label(locale).to_owned());
            *providers.entry(provider).or_default() += 1;
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut out =
        format!("{read} messages read, {unreadable} unreadable, {recipients} failed or delayed recipients\n");
    for (title, table) in [("kind", &kinds), ("reason", &reasons), ("provider", &providers)] {
        let _ = writeln!(out, "\n{title:<40} count");
        let mut rows: Vec<_> = table.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (name, n) in rows {
            let _ = writeln!(out, "{name:<40} {n:>5}");
        }
    }
    Ok(out)
}
