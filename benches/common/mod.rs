//! Inputs for the parse benchmark, built once at start-up and never timed: the 85 real replies of
//! `tests/data/corpus/replies.tsv` and a
//! deterministic 100,000-line Postfix log whose bounce lines carry those replies.

use std::ops::Range;

#[path = "../../tests/common/mod.rs"]
mod test_data;

/// One corpus row: the reply's lines (without line ends, `\xHH` decoded) and its labels.
pub use test_data::CorpusRow as Row;

/// Every row of the corpus, in file order.
pub fn corpus() -> Vec<Row> {
    let rows = test_data::corpus();
    assert_eq!(rows.len(), 85, "the corpus has 85 replies");
    rows
}

/// SplitMix64: a tiny deterministic generator, so every run times the same log.
#[derive(Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn queue_id(&mut self) -> String {
        let v = self.next();
        format!("{:010X}", v & 0xFF_FFFF_FFFF)
    }

    fn ip(&mut self) -> String {
        let net = ["192.0.2", "198.51.100", "203.0.113"][self.below(3) as usize];
        format!("{net}.{}", 1 + self.below(254))
    }
}

/// What a log line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A bounce or deferral carrying corpus row `usize`, joined with spaces after "said: ".
    Bounce(usize),
    /// Ordinary noise that still quotes a reply: `status=sent (250 2.0.0 Ok: …)`, or a
    /// `NOQUEUE: reject: … 554 5.7.1 …`; the code it quotes.
    Quoted(u16),
    /// Ordinary noise with no reply in it: connect, disconnect, qmgr, cleanup, warnings.
    Noise,
}

/// A generated Postfix log: one string, with every line's range, kind and reply range.
#[derive(Debug)]
pub struct PostfixLog {
    /// The whole log, lines separated by `\n`.
    pub text: String,
    /// Each line's range in `text` (without its `\n`).
    pub lines: Vec<Range<usize>>,
    /// Each line's kind.
    pub kinds: Vec<Kind>,
    /// The range of the reply inside each line (relative to the line), when it carries one.
    pub replies: Vec<Option<Range<usize>>>,
}

impl PostfixLog {
    /// Line `i`.
    pub fn line(&self, i: usize) -> &str {
        &self.text[self.lines[i].clone()]
    }

    /// The reply part of line `i`, when it carries one.
    pub fn reply(&self, i: usize) -> Option<&str> {
        let line = self.line(i);
        self.replies[i].clone().map(|r| &line[r])
    }
}

const SENDERS: [&str; 6] = ["alice", "bob", "newsletter", "billing", "noreply", "carol.smith"];
const RCPT_DOMAINS: [&str; 6] =
    ["example.net", "example.org", "gmail.example", "outlook.example", "qq.example", "orange.example"];
const COMMANDS: [&str; 5] = ["RCPT TO", "RCPT TO", "MAIL FROM", "end of DATA", "RCPT TO"];

/// Builds a `count`-line Postfix log from a fixed seed. About one line in ten is a bounce (5xx)
/// or a deferral (other codes) whose text is a corpus reply with its lines joined by spaces, as
/// Postfix logs it; the rest is connect/disconnect, qmgr, cleanup, `status=sent`, warnings,
/// statistics and the odd `NOQUEUE: reject`, full of timestamps, IPs, ports and queue ids.
pub fn postfix_log(rows: &[Row], count: usize) -> PostfixLog {
    let mut rng = Rng(0x5EED_5EED_2024_1123);
    let mut log =
        PostfixLog { text: String::new(), lines: Vec::new(), kinds: Vec::new(), replies: Vec::new() };
    let mut clock: u64 = 23 * 86_400 + 17 * 3600 + 20 * 60 + 31; // Nov 23 17:20:31
    let mut bounces = 0usize;
    while log.lines.len() < count {
        clock += rng.below(3);
        let (day, secs) = (clock / 86_400, clock % 86_400);
        let stamp =
            format!("Nov {day:2} {:02}:{:02}:{:02} mx1 postfix", secs / 3600, secs / 60 % 60, secs % 60);
        let pid = 1000 + rng.below(30_000);
        let qid = rng.queue_id();
        let ip = rng.ip();
        let sender = SENDERS[rng.below(SENDERS.len() as u64) as usize];
        let rcpt_domain = RCPT_DOMAINS[rng.below(RCPT_DOMAINS.len() as u64) as usize];
        let rdns =
            if rng.below(3) == 0 { "unknown".to_string() } else { format!("mail{}.example.com", pid % 97) };
        let delay = format!("{}.{:02}", rng.below(40), rng.below(100));
        let delays = format!(
            "0.{:02}/0.{:02}/{}.{}/{}.{:02}",
            rng.below(9),
            rng.below(9),
            rng.below(3),
            rng.below(9),
            rng.below(2),
            rng.below(100)
        );
        let start = log.text.len();
        let mut reply: Option<Range<usize>> = None;
        let kind;
        let pick = rng.below(100);
        if pick < 10 {
            // A bounce carrying a corpus reply; rows taken in turn so each appears equally often.
            let index = bounces % rows.len();
            bounces += 1;
            let row = &rows[index];
            let joined: Vec<String> =
                row.lines.iter().map(|l| String::from_utf8_lossy(l).into_owned()).collect();
            let joined = joined.join(" ");
            let status = if row.code >= 500 { "bounced" } else { "deferred" };
            let dsn = if row.enhanced.is_empty() {
                format!("{}.0.0", row.code / 100)
            } else {
                row.enhanced.clone()
            };
            let command = COMMANDS[rng.below(COMMANDS.len() as u64) as usize];
            log.text.push_str(&format!(
                "{stamp}/smtp[{pid}]: {qid}: to=<user{}@{rcpt_domain}>, relay=mx.example.net[192.0.2.250]:25, \
                 delay={delay}, delays={delays}, dsn={dsn}, status={status} (host mx.example.net[192.0.2.250] said: ",
                rng.below(1000)
            ));
            let at = log.text.len() - start;
            log.text.push_str(&joined);
            reply = Some(at..at + joined.len());
            log.text.push_str(&format!(" (in reply to {command} command))"));
            kind = Kind::Bounce(index);
        } else {
            let noise = rng.below(100);
            kind = if noise < 18 {
                log.text.push_str(&format!("{stamp}/smtpd[{pid}]: connect from {rdns}[{ip}]"));
                Kind::Noise
            } else if noise < 36 {
                log.text.push_str(&format!(
                    "{stamp}/smtpd[{pid}]: disconnect from {rdns}[{ip}] ehlo=1 starttls=1 mail=1 rcpt=1 data=1 \
                     quit=1 commands=6"
                ));
                Kind::Noise
            } else if noise < 44 {
                log.text.push_str(&format!("{stamp}/smtpd[{pid}]: {qid}: client={rdns}[{ip}]"));
                Kind::Noise
            } else if noise < 52 {
                log.text.push_str(&format!(
                    "{stamp}/cleanup[{pid}]: {qid}: message-id=<20241123{clock}.{qid}@example.com>"
                ));
                Kind::Noise
            } else if noise < 62 {
                log.text.push_str(&format!(
                    "{stamp}/qmgr[{pid}]: {qid}: from=<{sender}@example.com>, size={}, nrcpt=1 (queue active)",
                    500 + rng.below(200_000)
                ));
                Kind::Noise
            } else if noise < 80 {
                let queued = rng.queue_id();
                log.text.push_str(&format!(
                    "{stamp}/smtp[{pid}]: {qid}: to=<user{}@{rcpt_domain}>, relay=mx{}.{rcpt_domain}[{ip}]:25, \
                     delay={delay}, delays={delays}, dsn=2.0.0, status=sent (",
                    rng.below(1000),
                    rng.below(5)
                ));
                let at = log.text.len() - start;
                let text = format!("250 2.0.0 Ok: queued as {queued}");
                log.text.push_str(&text);
                reply = Some(at..at + text.len());
                log.text.push(')');
                Kind::Quoted(250)
            } else if noise < 88 {
                log.text.push_str(&format!("{stamp}/qmgr[{pid}]: {qid}: removed"));
                Kind::Noise
            } else if noise < 91 {
                log.text.push_str(&format!(
                    "{stamp}/smtpd[{pid}]: warning: hostname {rdns} does not resolve to address {ip}: Name or \
                     service not known"
                ));
                Kind::Noise
            } else if noise < 93 {
                log.text.push_str(&format!(
                    "{stamp}/anvil[{pid}]: statistics: max connection rate {}/60s for (smtp:{ip}) at Nov 23 \
                     17:{:02}:{:02}",
                    1 + rng.below(30),
                    rng.below(60),
                    rng.below(60)
                ));
                Kind::Noise
            } else if noise < 95 {
                log.text.push_str(&format!(
                    "{stamp}/smtpd[{pid}]: lost connection after AUTH from unknown[{ip}]"
                ));
                Kind::Noise
            } else if noise < 97 {
                log.text.push_str(&format!(
                    "{stamp}/smtp[{pid}]: connect to mx{}.{rcpt_domain}[{ip}]:25: Connection timed out",
                    rng.below(5)
                ));
                Kind::Noise
            } else if noise < 98 {
                log.text.push_str(&format!(
                    "{stamp}/master[{pid}]: daemon started -- version 3.7.11, configuration /etc/postfix"
                ));
                Kind::Noise
            } else {
                log.text
                    .push_str(&format!("{stamp}/smtpd[{pid}]: NOQUEUE: reject: RCPT from unknown[{ip}]: "));
                let at = log.text.len() - start;
                let text = format!("554 5.7.1 <user@{rcpt_domain}>: Relay access denied");
                log.text.push_str(&text);
                reply = Some(at..at + text.len());
                log.text.push_str(&format!(
                    "; from=<{sender}@example.com> to=<user@{rcpt_domain}> proto=ESMTP helo=<[{ip}]>"
                ));
                Kind::Quoted(554)
            };
        }
        log.lines.push(start..log.text.len());
        log.kinds.push(kind);
        log.replies.push(reply);
        log.text.push('\n');
    }
    log
}
