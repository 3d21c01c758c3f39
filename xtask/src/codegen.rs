//! The generator: reads `data/` and writes the source of `src/generated.rs`.
//!
//! Shared by `cargo run -p xtask -- codegen` (writes the file) and the crate's `tests/codegen.rs`
//! (fails when the committed file is stale). Only maintainers compile it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde::Deserialize;

/// The facts of one basic reply code (`data/codes.toml`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeFacts {
    code: u16,
    constant: String,
    rfc_text: String,
    standing: String,
    commands: Vec<String>,
    enhanced: Vec<String>,
    references: Vec<ReferenceFacts>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReferenceFacts {
    document: String,
    section: Option<String>,
    title: Option<String>,
    #[allow(dead_code)]
    status: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodesFile {
    code: Vec<CodeFacts>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnhancedFile {
    class: Vec<GroupFacts>,
    subject: Vec<GroupFacts>,
    status: Vec<StatusFacts>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupFacts {
    value: u16,
    title: String,
    #[allow(dead_code)]
    references: Vec<ReferenceFacts>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusFacts {
    code: String,
    title: String,
    basic_codes: Vec<u16>,
    basic_codes_note: Option<String>,
    references: Vec<ReferenceFacts>,
    deprecated_by: Option<String>,
}

/// One language file, `data/text/<tag>.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    meta: Meta,
    basic: BTreeMap<String, CodeText>,
    enhanced: BTreeMap<String, CodeText>,
    enhanced_class: BTreeMap<String, BriefText>,
    enhanced_subject: BTreeMap<String, BriefText>,
    reason: BTreeMap<String, ReasonText>,
    failure: BTreeMap<String, ReasonText>,
    #[serde(default)]
    submission: BTreeMap<String, AdviceText>,
    ui: toml::Table,
    #[serde(default)]
    provider: BTreeMap<String, ProviderText>,
    #[serde(default)]
    provider_rule: BTreeMap<String, RuleText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    variant: String,
    tag: String,
    aliases: Vec<String>,
    english_name: String,
    native_name: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct CodeText {
    name: String,
    description: String,
    when: String,
    remedy: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct BriefText {
    name: String,
    description: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct ReasonText {
    name: String,
    summary: String,
    remedy: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct ProviderText {
    name: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RuleText {
    summary: String,
    remedy: String,
}

/// `data/explain.toml`: how explanations pick reason, retry and who must act.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdviceText {
    summary: String,
    remedy: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExplainFile {
    reason: BTreeMap<String, ReasonPolicy>,
    failure: BTreeMap<String, FailurePolicy>,
    enhanced: BTreeMap<String, CodeReason>,
    basic: BTreeMap<String, CodeReason>,
    keyword: Vec<KeywordRule>,
    retry: RetryKeywords,
    bare: BareStatements,
    named_address: NamedAddress,
    bounce: BounceWording,
}

/// `[named_address]`: a verdict on an address named between the words (`named_address`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedAddress {
    /// (subject, the reason a verdict on its address gives).
    subjects: Vec<(String, String)>,
    verdicts: Vec<String>,
}

/// `[bare]`: the whole statements of a short reply that says nothing else (`bare_reason`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BareStatements {
    retry_later: Vec<String>,
    message_refused: Vec<String>,
    recipient_refused: Vec<String>,
}

/// `[bounce]`: what a bounce report's own words say beyond any reply (read by `src/dsn`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BounceWording {
    gave_up: Vec<String>,
    no_reply: Vec<String>,
    no_such_domain: Vec<String>,
    /// (phrase, "subject.detail" of the status it implies).
    implied: Vec<(String, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReasonPolicy {
    fix_owner: String,
    transient: String,
    permanent: String,
    bounce: String,
    submission_fix_owner: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FailurePolicy {
    reason: String,
    retry: String,
    fix_owner: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeReason {
    reason: String,
    #[serde(default)]
    weak: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeywordRule {
    reason: String,
    level: String,
    phrases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RetryKeywords {
    /// Any class, even a 4xx: the reply says outright that retrying will not succeed.
    #[serde(default)]
    never_any_class: Vec<String>,
    never: Vec<String>,
    later: Vec<String>,
    /// Any class, even a 4xx: the client must change how it sends first.
    #[serde(default)]
    after_fix: Vec<String>,
    /// A 5xx only, like `never` and `later`: the message as sent cannot go through.
    #[serde(default)]
    after_fix_permanent: Vec<String>,
    /// A report with no reply and no cause read: the message could not be delivered, for good
    /// (`KeywordRule::Undelivered`, the last retry rule: any other retry phrase comes first).
    #[serde(default)]
    undelivered: Vec<String>,
}

/// `data/clients.toml`: mail clients' own words around the server's words they quote.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientsFile {
    quote_leads: QuoteLeads,
    message: Vec<ClientMessage>,
    #[serde(default)]
    code_text: Vec<ClientCodeText>,
    #[serde(default)]
    step_prefix: Vec<StepPrefix>,
    phpmailer_reply: PhpmailerReply,
}

/// PHPMailer's words before a reply's words, code and enhanced code, in its languages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhpmailerReply {
    detail: Vec<String>,
    code: Vec<String>,
    code_ex: Vec<String>,
}

/// A client's own text for a reply code, shown when the reply had no words (`english`, the
/// client's original), in its translations.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientCodeText {
    client: String,
    code: u16,
    english: String,
    texts: Vec<String>,
}

/// The words a client puts before a failure's text, naming the step (command) that failed; "%s"
/// stands for the recipient's address.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepPrefix {
    client: String,
    command: String,
    prefixes: Vec<String>,
}

/// A client's message that names a failure (read where a text has no reply) or a reason (a
/// keyword rule read before `data/explain.toml`'s), with an excerpt per language.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientMessage {
    client: String,
    key: String,
    failure: Option<String>,
    reason: Option<String>,
    phrases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteLeads {
    leads: Vec<String>,
}

/// `data/providers.toml`: the provider knowledge base.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProvidersFile {
    provider: Vec<ProviderFacts>,
    rule: Vec<RuleFacts>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProviderFacts {
    id: String,
    name: String,
    markers: Vec<String>,
    /// Ranges of private enhanced codes that only this provider sends: a code in one shows the
    /// provider as a marker does.
    #[serde(default)]
    statuses: Vec<Vec<String>>,
    docs: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFacts {
    id: String,
    provider: String,
    code: Option<u16>,
    enhanced: Option<String>,
    enhanced_range: Option<Vec<String>>,
    #[serde(default)]
    text: Vec<String>,
    reason: String,
    retry: String,
    link: Option<String>,
    sample: String,
    source: String,
}

/// Everything read from `data/`, checked.
struct Data {
    providers: ProvidersFile,
    clients: ClientsFile,
    codes: Vec<CodeFacts>,
    enhanced: EnhancedFile,
    explain: ExplainFile,
    languages: Vec<LanguageFile>,
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn load(root: &Path) -> Result<Data, String> {
    let mut codes: CodesFile = read_toml(&root.join("data/codes.toml"))?;
    codes.code.sort_by_key(|c| c.code);
    let enhanced: EnhancedFile = read_toml(&root.join("data/enhanced.toml"))?;
    let mut languages = Vec::new();
    let mut paths: Vec<_> = fs::read_dir(root.join("data/text"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let file: LanguageFile = read_toml(&path)?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if file.meta.tag != stem {
            return Err(format!("{}: meta.tag {:?} must match the file name", path.display(), file.meta.tag));
        }
        languages.push(file);
    }
    // English first, then the rest by tag.
    languages.sort_by_key(|l| (l.meta.tag != "en", l.meta.tag.clone()));
    if languages.first().map(|l| l.meta.tag.as_str()) != Some("en") {
        return Err("data/text/en.toml is required".into());
    }
    let explain: ExplainFile = read_toml(&root.join("data/explain.toml"))?;
    let providers: ProvidersFile = read_toml(&root.join("data/providers.toml"))?;
    let clients: ClientsFile = read_toml(&root.join("data/clients.toml"))?;
    let data = Data { providers, clients, codes: codes.code, enhanced, explain, languages };
    check(&data)?;
    Ok(data)
}

/// Compares one table's keys with the expected set, naming what is missing or unknown.
fn check_keys<'a>(
    tag: &str,
    table: &str,
    found: impl Iterator<Item = &'a String>,
    expected: &BTreeSet<String>,
    problems: &mut Vec<String>,
) {
    let found: BTreeSet<String> = found.cloned().collect();
    for missing in expected.difference(&found) {
        problems.push(format!("{tag}.toml lacks [{table}.{missing}]"));
    }
    for unknown in found.difference(expected) {
        problems.push(format!("{tag}.toml has [{table}.{unknown}], which the facts do not know"));
    }
}

fn check(data: &Data) -> Result<(), String> {
    let mut problems = Vec::new();
    check_quote_leads(&data.clients.quote_leads.leads, &mut problems);
    check_client_messages(data, &mut problems);
    check_code_texts(data, &mut problems);
    check_phpmailer_reply(&data.clients.phpmailer_reply, &mut problems);
    let codes: BTreeSet<String> = data.codes.iter().map(|c| c.code.to_string()).collect();
    let statuses: BTreeSet<String> = data.enhanced.status.iter().map(|s| s.code.clone()).collect();
    let classes: BTreeSet<String> = data.enhanced.class.iter().map(|c| c.value.to_string()).collect();
    let subjects: BTreeSet<String> = data.enhanced.subject.iter().map(|c| c.value.to_string()).collect();
    let english = &data.languages[0];
    let reasons: BTreeSet<String> = english.reason.keys().cloned().collect();
    let failures: BTreeSet<String> = english.failure.keys().cloned().collect();
    let submissions: BTreeSet<String> = english.submission.keys().cloned().collect();
    for key in &submissions {
        if !english.reason.contains_key(key) {
            problems.push(format!("en.toml: [submission.{key}] is not a reason"));
        }
    }
    let ui: BTreeSet<String> = english.ui.keys().cloned().collect();
    let providers: BTreeSet<String> = data.providers.provider.iter().map(|p| p.id.clone()).collect();
    let rules: BTreeSet<String> = data.providers.rule.iter().map(|r| r.id.clone()).collect();
    for language in &data.languages {
        let tag = &language.meta.tag;
        check_keys(tag, "basic", language.basic.keys(), &codes, &mut problems);
        check_keys(tag, "enhanced", language.enhanced.keys(), &statuses, &mut problems);
        check_keys(tag, "enhanced_class", language.enhanced_class.keys(), &classes, &mut problems);
        check_keys(tag, "enhanced_subject", language.enhanced_subject.keys(), &subjects, &mut problems);
        check_keys(tag, "reason", language.reason.keys(), &reasons, &mut problems);
        check_keys(tag, "failure", language.failure.keys(), &failures, &mut problems);
        check_keys(tag, "submission", language.submission.keys(), &submissions, &mut problems);
        check_keys(tag, "ui", language.ui.keys(), &ui, &mut problems);
        check_keys(tag, "provider", language.provider.keys(), &providers, &mut problems);
        check_keys(tag, "provider_rule", language.provider_rule.keys(), &rules, &mut problems);
        for (key, value) in &language.ui {
            if !value.is_str() {
                problems.push(format!("{tag}.toml: [ui] {key} must be a string"));
            }
        }
        let texts = language.basic.values().chain(language.enhanced.values());
        for text in texts {
            for (field, value) in [
                ("name", &text.name),
                ("description", &text.description),
                ("when", &text.when),
                ("remedy", &text.remedy),
            ] {
                if value.trim().is_empty() {
                    problems.push(format!("{tag}.toml: an entry has an empty {field} ({})", text.name));
                }
            }
        }
    }
    let constants: BTreeSet<&str> = data.codes.iter().map(|c| c.constant.as_str()).collect();
    if constants.len() != data.codes.len() {
        problems.push("codes.toml: constant names must be unique".into());
    }
    for code in &data.codes {
        let valid = code.constant.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            && code.constant.starts_with(|c: char| c.is_ascii_uppercase());
        if !valid {
            problems.push(format!(
                "codes.toml: {}: constant {:?} must be SCREAMING_SNAKE_CASE",
                code.code, code.constant
            ));
        }
        if !(200..=599).contains(&code.code) {
            problems.push(format!("codes.toml: {} is not a reply code", code.code));
        }
        for command in &code.commands {
            command_variant(command).unwrap_or_else(|| {
                problems.push(format!("codes.toml: {}: unknown command {command:?}", code.code));
                ""
            });
        }
        standing_variant(&code.standing).unwrap_or_else(|| {
            problems.push(format!("codes.toml: {}: unknown standing {:?}", code.code, code.standing));
            ""
        });
        for e in &code.enhanced {
            if parse_enhanced(e).is_none() {
                problems.push(format!("codes.toml: {}: bad enhanced code {e:?}", code.code));
            }
        }
    }
    for status in &data.enhanced.status {
        if parse_pattern(&status.code).is_none() {
            problems.push(format!("enhanced.toml: bad registry code {:?}", status.code));
        }
        if let Some(by) = status.deprecated_by.as_ref().filter(|by| !statuses.contains(*by)) {
            problems.push(format!("enhanced.toml: {} deprecated by unknown {by}", status.code));
        }
    }
    check_explain(data, &reasons, &mut problems);
    check_bounce_wording(&data.explain.bounce, &mut problems);
    check_bare_statements(&data.explain.bare, &mut problems);
    check_named_address(&data.explain.named_address, &reasons, &mut problems);
    check_providers(data, &reasons, &mut problems);
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
}

fn check_explain(data: &Data, reasons: &BTreeSet<String>, problems: &mut Vec<String>) {
    let explain = &data.explain;
    let policies: BTreeSet<String> = explain.reason.keys().cloned().collect();
    if &policies != reasons {
        problems.push(format!(
            "explain.toml [reason] must list exactly the reasons of en.toml: {policies:?} vs {reasons:?}"
        ));
    }
    let known = |r: &str| reasons.contains(r);
    for (key, policy) in &explain.reason {
        for retry in [&policy.transient, &policy.permanent] {
            if variant_of(&RETRIES, retry).is_none() {
                problems.push(format!("explain.toml: {key}: unknown retry {retry:?}"));
            }
        }
        for owner in std::iter::once(&policy.fix_owner).chain(&policy.submission_fix_owner) {
            if variant_of(&FIX_OWNERS, owner).is_none() {
                problems.push(format!("explain.toml: {key}: unknown fix_owner {owner:?}"));
            }
        }
        if variant_of(&BOUNCE_SCOPES, &policy.bounce).is_none() {
            problems.push(format!("explain.toml: {key}: unknown bounce {:?}", policy.bounce));
        }
    }
    let failures: BTreeSet<String> = data.languages[0].failure.keys().cloned().collect();
    let failure_policies: BTreeSet<String> = explain.failure.keys().cloned().collect();
    if failures != failure_policies {
        problems.push(format!(
            "explain.toml [failure] must list exactly the failures of en.toml: {failure_policies:?} vs {failures:?}"
        ));
    }
    for (key, policy) in &explain.failure {
        if !known(&policy.reason) {
            problems.push(format!("explain.toml: failure {key}: unknown reason {:?}", policy.reason));
        }
        if variant_of(&RETRIES, &policy.retry).is_none()
            || variant_of(&FIX_OWNERS, &policy.fix_owner).is_none()
        {
            problems.push(format!("explain.toml: failure {key}: unknown retry or fix_owner"));
        }
    }
    for (key, rule) in explain.enhanced.iter().chain(&explain.basic) {
        if !known(&rule.reason) {
            problems.push(format!("explain.toml: {key}: unknown reason {:?}", rule.reason));
        }
    }
    for key in explain.enhanced.keys() {
        if parse_pattern(&format!("X.{key}")).is_none() {
            problems.push(format!("explain.toml: [enhanced] bad key {key:?}"));
        }
    }
    for key in explain.basic.keys() {
        if !key.parse::<u16>().is_ok_and(|c| (200..=599).contains(&c)) {
            problems.push(format!("explain.toml: [basic] bad key {key:?}"));
        }
    }
    let phrases = explain
        .keyword
        .iter()
        .flat_map(|k| &k.phrases)
        .chain(&explain.retry.never_any_class)
        .chain(&explain.retry.never)
        .chain(&explain.retry.later)
        .chain(&explain.retry.after_fix)
        .chain(&explain.retry.after_fix_permanent)
        .chain(&explain.retry.undelivered);
    for phrase in phrases {
        // Servers' words in other languages may hold any letter; they are lowercase too, and their
        // capitalized form is generated (`capitalized`).
        if !phrase.chars().next().is_some_and(char::is_alphanumeric) || phrase.to_lowercase() != *phrase {
            problems.push(format!(
                "explain.toml: phrase {phrase:?} must be lowercase, starting with a letter or digit"
            ));
        }
    }
    for rule in &explain.keyword {
        if !known(&rule.reason) {
            problems.push(format!("explain.toml: keyword rule with unknown reason {:?}", rule.reason));
        }
        if !matches!(rule.level.as_str(), "always" | "weak") {
            problems.push(format!("explain.toml: keyword level {:?} must be always or weak", rule.level));
        }
    }
    // A phrase that contains, at a word start, a phrase of its own rule or of an earlier one
    // (the client messages' rules come first) can never decide: the shorter phrase matches
    // wherever it does, and the first rule wins.
    let rules = keyword_rules(data);
    for (index, rule) in rules.iter().enumerate() {
        for phrase in &rule.2 {
            let shadow = rules[..=index]
                .iter()
                .flat_map(|r| &r.2)
                .find(|other| !std::ptr::eq(*other, phrase) && at_word_start(phrase, other));
            if let Some(other) = shadow {
                problems.push(format!(
                    "explain.toml: phrase {phrase:?} never decides: {other:?} (same or earlier rule) matches wherever it does"
                ));
            }
        }
    }
}

/// Whether `inner` occurs in `outer` where a word starts (at its start, or after a byte that
/// is not ASCII alphanumeric).
/// Quote leads are compared with a text's ASCII-lowercased bytes, so they hold no ASCII capital,
/// and no space at either end (the text before a colon is trimmed); each appears once.
fn check_quote_leads(leads: &[String], problems: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    for lead in leads {
        if lead.is_empty() || lead.trim() != lead || lead.bytes().any(|b| b.is_ascii_uppercase()) {
            problems
                .push(format!("clients.toml: quote lead {lead:?} must be trimmed, without ASCII capitals"));
        }
        if !seen.insert(lead) {
            problems.push(format!("clients.toml: quote lead {lead:?} is listed twice"));
        }
    }
}

/// Client messages name a known failure or a known reason, not both; their excerpts hold no
/// ASCII capital (the scanner lowercases ASCII; other bytes are compared as they are), start with
/// a letter or digit and appear once.
fn check_client_messages(data: &Data, problems: &mut Vec<String>) {
    let english = &data.languages[0];
    let mut seen = BTreeSet::new();
    for message in &data.clients.message {
        let name = format!("clients.toml: {} {}", message.client, message.key);
        match (&message.failure, &message.reason) {
            (Some(failure), None) if english.failure.contains_key(failure) => {}
            (None, Some(reason)) if english.reason.contains_key(reason) => {}
            _ => problems.push(format!("{name}: needs one known failure or reason")),
        }
        for phrase in &message.phrases {
            let starts = phrase.chars().next().is_some_and(char::is_alphanumeric);
            if !starts || phrase.trim() != phrase || phrase.bytes().any(|b| b.is_ascii_uppercase()) {
                problems.push(format!(
                    "{name}: excerpt {phrase:?} must start with a letter or digit, without ASCII capitals"
                ));
            }
            if !seen.insert(phrase) {
                problems.push(format!("{name}: excerpt {phrase:?} is listed twice"));
            }
        }
    }
}

/// A client's code text stands for a 4xx or 5xx code of `data/codes.toml`; no text (compared as
/// [`code_text_key`] reads it) stands for two codes or appears twice. A step prefix names a
/// command and holds at most one "%s".
fn check_code_texts(data: &Data, problems: &mut Vec<String>) {
    let mut seen = BTreeMap::new();
    for entry in &data.clients.code_text {
        let name = format!("clients.toml: {} code text {}", entry.client, entry.code);
        if !(400..600).contains(&entry.code) || !data.codes.iter().any(|c| c.code == entry.code) {
            problems.push(format!("{name}: needs a 4xx or 5xx code of codes.toml"));
        }
        for text in std::iter::once(&entry.english).chain(&entry.texts) {
            let key = code_text_key(text);
            if key.len() < 8 {
                problems.push(format!("{name}: {text:?} is too short to stand for a code"));
            }
            if let Some(code) = seen.insert(key, entry.code) {
                problems.push(format!("{name}: {text:?} is listed twice (also for {code})"));
            }
        }
    }
    for entry in &data.clients.step_prefix {
        if command_variant(&entry.command).is_none() {
            problems.push(format!(
                "clients.toml: {} step prefix: unknown command {:?}",
                entry.client, entry.command
            ));
        }
        for prefix in &entry.prefixes {
            if prefix.matches("%s").count() > 1 || prefix.replace("%s", "").contains('%') {
                problems.push(format!(
                    "clients.toml: {} step prefix {prefix:?}: at most one \"%s\"",
                    entry.client
                ));
            }
        }
    }
}

/// PHPMailer's words are trimmed, hold no ASCII capital and end with a colon (ASCII or
/// full-width), as `explain_text` compares them.
fn check_phpmailer_reply(words: &PhpmailerReply, problems: &mut Vec<String>) {
    for (name, list) in [("detail", &words.detail), ("code", &words.code), ("code_ex", &words.code_ex)] {
        for lead in list {
            let clean = lead.trim() == lead && !lead.bytes().any(|b| b.is_ascii_uppercase());
            if !clean || !lead.ends_with([':', '：']) {
                problems.push(format!(
                    "clients.toml: phpmailer_reply {name} {lead:?} must be trimmed, lowercase ASCII, end with a colon"
                ));
            }
        }
    }
}

/// A code text as `explain_text` compares it: trimmed, without a final full stop (ASCII or
/// ideographic), ASCII lowercased.
fn code_text_key(text: &str) -> Vec<u8> {
    let mut text = text.trim();
    while let Some(rest) = text.strip_suffix('.').or_else(|| text.strip_suffix('。')) {
        text = rest.trim_end();
    }
    text.as_bytes().to_ascii_lowercase()
}

/// The hash of a key's last sixteen bytes (ASCII lowercased) whose three 14-bit slices set bits
/// of `CODE_TEXT_ENDS`: the same as `code_text::end` in `src/explain/code_text.rs`.
fn code_text_end(last: [u8; 16]) -> u64 {
    let (high, low) = last.split_at(8);
    let high = u64::from_le_bytes(high.try_into().expect("eight bytes"));
    let low = u64::from_le_bytes(low.try_into().expect("eight bytes"));
    (high.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ low).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
}

/// The hash of a key shorter than sixteen bytes, by its last eight: the same as
/// `code_text::end_short`.
fn code_text_end_short(last: [u8; 8]) -> u64 {
    u64::from_le_bytes(last).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A step prefix as `explain_text` compares it: without the colon that ends it and the spaces
/// around that colon, ASCII lowercased; split at its "%s" into the words before and after.
fn step_prefix_key(prefix: &str) -> (Vec<u8>, Vec<u8>) {
    let text = prefix.trim_end();
    let text = text.strip_suffix([':', '：', '៖']).unwrap_or(text).trim_end();
    let lower = text.as_bytes().to_ascii_lowercase();
    match text.find("%s") {
        Some(at) => (lower[..at].to_vec(), lower[at + 2..].to_vec()),
        None => (Vec::new(), lower),
    }
}

/// Every reason keyword rule, in the order the scanner ranks them: the client messages' (one
/// rule per reason, in order of first appearance, weak: they refine only catch-all codes), then
/// `data/explain.toml`'s.
fn keyword_rules(data: &Data) -> Vec<(String, bool, Vec<String>)> {
    let mut rules: Vec<(String, bool, Vec<String>)> = Vec::new();
    for message in &data.clients.message {
        let Some(reason) = &message.reason else { continue };
        match rules.iter_mut().find(|rule| &rule.0 == reason) {
            Some(rule) => rule.2.extend(message.phrases.iter().cloned()),
            None => rules.push((reason.clone(), false, message.phrases.clone())),
        }
    }
    let first_keyword_rule = rules.len();
    rules.extend(
        data.explain.keyword.iter().map(|k| (k.reason.clone(), k.level == "always", k.phrases.clone())),
    );
    // Each keyword phrase in American spelling matches in British spelling too, in the same rule
    // ("command unrecognised", "not authorised"), and a phrase that starts with a letter beyond
    // ASCII (which the scanner compares as it is) in its capitalized form too, as a reply's first
    // word has it ("Пользователь не найден", "Échec de l'authentification"); unless a phrase of
    // that rule or an earlier one already matches wherever the variant does (it is written out,
    // or shadowed on purpose).
    for index in first_keyword_rule..rules.len() {
        let variants =
            rules[index].2.iter().flat_map(|phrase| [british(phrase), capitalized(phrase)]).flatten();
        for variant in variants.collect::<Vec<_>>() {
            let shadowed =
                rules[..=index].iter().flat_map(|r| &r.2).any(|other| at_word_start(&variant, other));
            if !shadowed {
                rules[index].2.push(variant);
            }
        }
    }
    rules
}

/// American spellings and their British forms, as they occur in servers' replies.
const SPELLINGS: [(&str, &str); 10] = [
    ("recogniz", "recognis"),
    ("authoriz", "authoris"),
    ("organiz", "organis"),
    ("synchroniz", "synchronis"),
    ("initializ", "initialis"),
    ("utiliz", "utilis"),
    ("behavior", "behaviour"),
    ("canceled", "cancelled"),
    ("canceling", "cancelling"),
    ("color", "colour"),
];

/// `phrase` with its first letter capitalized, when that letter is beyond ASCII (an ASCII letter
/// is matched in either case) and has a capital.
fn capitalized(phrase: &str) -> Option<String> {
    let mut chars = phrase.chars();
    let first = chars.next().filter(|c| !c.is_ascii())?;
    let capital: String = first.to_uppercase().collect();
    (capital != first.to_string()).then(|| capital + chars.as_str())
}

/// `phrase` in British spelling, when it differs.
fn british(phrase: &str) -> Option<String> {
    let variant = SPELLINGS.iter().fold(phrase.to_owned(), |text, (us, uk)| text.replace(us, uk));
    (variant != phrase).then_some(variant)
}

/// Every failure phrase with the failure it names (a `Failure` variant), in the scanner's order:
/// the client messages' that name a specific failure, then `FAILURE_PHRASES`, then the client
/// messages' that only say the connection failed (`network`): a wrapper's words ("Could not
/// connect to SMTP host") yield to the cause a text names with them ("… nested exception is:
/// javax.net.ssl.SSLHandshakeException").
fn failure_phrases(data: &Data) -> Vec<(String, String)> {
    let clients = |generic: bool| {
        data.clients
            .message
            .iter()
            .filter_map(|m| Some((m, m.failure.as_ref()?)))
            .filter(move |(_, failure)| (failure.as_str() == "network") == generic)
            .flat_map(|(m, failure)| m.phrases.iter().map(move |p| (p.clone(), camel(failure))))
    };
    clients(false)
        .chain(FAILURE_PHRASES.iter().map(|(p, f)| (p.to_string(), f.to_string())))
        .chain(clients(true))
        .collect()
}

fn at_word_start(outer: &str, inner: &str) -> bool {
    outer.match_indices(inner).any(|(at, _)| at == 0 || !outer.as_bytes()[at - 1].is_ascii_alphanumeric())
}

fn check_providers(data: &Data, reasons: &BTreeSet<String>, problems: &mut Vec<String>) {
    let ids: Vec<&str> = data.providers.provider.iter().map(|p| p.id.as_str()).collect();
    if data.providers.provider.len() > 255 || data.providers.rule.len() > 255 {
        problems.push("providers.toml: at most 255 providers and 255 rules".into());
    }
    for provider in &data.providers.provider {
        if provider.markers.is_empty() {
            problems.push(format!("providers.toml: {} has no marker", provider.id));
        }
        for marker in &provider.markers {
            if marker.is_empty() || !marker.is_ascii() || marker.to_lowercase() != *marker {
                problems.push(format!(
                    "providers.toml: {}: marker {marker:?} must be lowercase ASCII",
                    provider.id
                ));
            }
        }
        for range in &provider.statuses {
            let private = range.iter().all(|e| parse_enhanced(e).is_some_and(|(_, _, detail)| detail >= 100));
            if !(is_enhanced_range(range) && private) {
                problems.push(format!(
                    "providers.toml: {}: statuses must be [low, high] ranges of private codes (detail ≥ 100)",
                    provider.id
                ));
            }
        }
    }
    for rule in &data.providers.rule {
        let id = &rule.id;
        if !ids.contains(&rule.provider.as_str()) {
            problems.push(format!("providers.toml: {id}: unknown provider {}", rule.provider));
        }
        if !reasons.contains(&rule.reason) {
            problems.push(format!("providers.toml: {id}: unknown reason {}", rule.reason));
        }
        if variant_of(&RETRIES, &rule.retry).is_none() {
            problems.push(format!("providers.toml: {id}: unknown retry {}", rule.retry));
        }
        if rule.code.is_none()
            && rule.enhanced.is_none()
            && rule.enhanced_range.is_none()
            && rule.text.is_empty()
        {
            problems.push(format!("providers.toml: {id}: a rule needs a condition"));
        }
        if rule.enhanced.as_deref().is_some_and(|e| parse_enhanced(e).is_none()) {
            problems.push(format!("providers.toml: {id}: bad enhanced code"));
        }
        if rule.enhanced_range.as_deref().is_some_and(|range| !is_enhanced_range(range)) {
            problems.push(format!("providers.toml: {id}: enhanced_range must be [low, high]"));
        }
        if rule.text.iter().any(|t| t.is_empty() || !t.is_ascii()) {
            problems.push(format!("providers.toml: {id}: text conditions must be non-empty ASCII"));
        }
        if rule.sample.is_empty() || rule.source.is_empty() {
            problems.push(format!("providers.toml: {id}: a rule needs a real sample and its source"));
        }
    }
}

/// `[low, high]`: two enhanced codes, the first not above the second.
fn is_enhanced_range(range: &[String]) -> bool {
    match range {
        [low, high] => match (parse_enhanced(low), parse_enhanced(high)) {
            (Some(low), Some(high)) => low <= high,
            _ => false,
        },
        _ => false,
    }
}

/// `(low, high)` as `EnhancedCode` literals, for a range checked by [`is_enhanced_range`].
fn range_literal(range: &[String]) -> String {
    format!("({}, {})", enhanced_literal(&range[0]), enhanced_literal(&range[1]))
}

fn enhanced_literal(code: &str) -> String {
    let (c, s, d) = parse_enhanced(code).unwrap_or((5, 0, 0));
    format!("EnhancedCode {{ class: {c}, subject: {s}, detail: {d} }}")
}

fn write_providers(w: &mut String, data: &Data) {
    let providers = &data.providers;
    writeln!(w, "/// The providers of data/providers.toml.").unwrap();
    writeln!(w, "pub(crate) static PROVIDERS: [Provider; {}] = [", providers.provider.len()).unwrap();
    for p in &providers.provider {
        let names = per_language(data, |l| {
            format!("{:?}", l.provider.get(&p.id).map(|t| t.name.as_str()).unwrap_or(&p.name))
        });
        let statuses: Vec<String> = p.statuses.iter().map(|range| range_literal(range)).collect();
        writeln!(
            w,
            "    Provider {{ id: {:?}, docs: {:?}, markers: &{:?}, statuses: &[{}], names: {names} }},",
            p.id,
            p.docs,
            p.markers,
            statuses.join(", ")
        )
        .unwrap();
    }
    writeln!(w, "];\n").unwrap();
    writeln!(w, "/// The provider rules, in data order (specific rules first within a provider).").unwrap();
    writeln!(w, "pub(crate) static PROVIDER_RULES: [ProviderRule; {}] = [", providers.rule.len()).unwrap();
    for r in &providers.rule {
        let provider = providers.provider.iter().position(|p| p.id == r.provider).unwrap_or_default();
        let enhanced = r
            .enhanced
            .as_deref()
            .map(enhanced_literal)
            .map(|e| format!("Some({e})"))
            .unwrap_or("None".into());
        let range = r
            .enhanced_range
            .as_ref()
            .map(|range| format!("Some({})", range_literal(range)))
            .unwrap_or("None".into());
        let texts: Vec<String> = r.text.iter().map(|t| format!("{:?}", t.to_lowercase())).collect();
        let prose = per_language(data, |l| {
            let t = &l.provider_rule[&r.id];
            format!("Advice {{ summary: {:?}, remedy: {:?} }}", t.summary, t.remedy)
        });
        writeln!(w, "    ProviderRule {{").unwrap();
        writeln!(w, "        id: {:?},\n        provider: {provider},", r.id).unwrap();
        writeln!(
            w,
            "        code: {:?},\n        enhanced: {enhanced},\n        enhanced_range: {range},",
            r.code
        )
        .unwrap();
        writeln!(w, "        text: &[{}],", texts.join(", ")).unwrap();
        writeln!(
            w,
            "        reason: Reason::{},\n        retry: Retry::{},",
            camel(&r.reason),
            variant_of(&RETRIES, &r.retry).unwrap_or("Never")
        )
        .unwrap();
        writeln!(
            w,
            "        link: {:?},\n        sample: {:?},\n        source: {:?},",
            r.link, r.sample, r.source
        )
        .unwrap();
        writeln!(w, "        texts: {prose},").unwrap();
        writeln!(w, "    }},").unwrap();
    }
    writeln!(w, "];\n").unwrap();
}

const BOUNCE_SCOPES: [(&str, &str); 3] =
    [("address", "Address"), ("delivery", "Delivery"), ("none", "NotAboutRecipient")];
const RETRIES: [(&str, &str); 4] =
    [("not_needed", "NotNeeded"), ("later", "Later"), ("after_fix", "AfterFix"), ("never", "Never")];
const FIX_OWNERS: [(&str, &str); 4] = [
    ("sender_user", "SenderUser"),
    ("sender_admin", "SenderAdmin"),
    ("recipient_side", "RecipientSide"),
    ("nobody", "Nobody"),
];

fn variant_of(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// `auth_failed` → `AuthFailed`.
fn camel(snake: &str) -> String {
    snake
        .split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// A `const fn` that maps each variant of an enum to its `Lang<ReasonText>`, from one
/// `{name, summary, remedy}` table of the language files. The match is exhaustive, so the
/// compiler proves that every variant has texts and every key names a variant.
fn write_texts_match(
    w: &mut String,
    data: &Data,
    function: &str,
    enum_path: &str,
    what: &str,
    attribute: Option<&str>,
    table: impl Fn(&LanguageFile) -> &BTreeMap<String, ReasonText>,
) {
    writeln!(w, "/// {what} → texts per language.").unwrap();
    if let Some(attribute) = attribute {
        writeln!(w, "{attribute}").unwrap();
    }
    writeln!(w, "pub(crate) const fn {function}(key: {enum_path}) -> &'static Lang<ReasonText> {{").unwrap();
    writeln!(w, "    match key {{").unwrap();
    for key in table(&data.languages[0]).keys() {
        let texts = per_language(data, |l| {
            let r = &table(l)[key];
            format!("ReasonText {{ name: {:?}, summary: {:?}, remedy: {:?} }}", r.name, r.summary, r.remedy)
        });
        writeln!(w, "        {enum_path}::{} => &{texts},", camel(key)).unwrap();
    }
    writeln!(w, "    }}\n}}\n").unwrap();
}

fn write_explain(w: &mut String, data: &Data) {
    let explain = &data.explain;
    writeln!(w, "/// Who must act, the retry verdicts for a 4xx and a 5xx reply, what it says about the")
        .unwrap();
    writeln!(w, "/// recipient address, and who must act at a submission server (data/explain.toml).")
        .unwrap();
    writeln!(w, "pub(crate) const fn reason_policy(reason: Reason) -> ReasonPolicy {{").unwrap();
    writeln!(w, "    match reason {{").unwrap();
    for (key, p) in &explain.reason {
        let owner = variant_of(&FIX_OWNERS, &p.fix_owner).unwrap_or("Nobody");
        writeln!(
            w,
            "        Reason::{} => ReasonPolicy {{ fix_owner: FixOwner::{owner}, transient: Retry::{}, permanent: Retry::{}, bounce: BounceScope::{}, submission_fix_owner: FixOwner::{} }},",
            camel(key),
            variant_of(&RETRIES, &p.transient).unwrap_or("Later"),
            variant_of(&RETRIES, &p.permanent).unwrap_or("Never"),
            variant_of(&BOUNCE_SCOPES, &p.bounce).unwrap_or("NotAboutRecipient"),
            p.submission_fix_owner.as_deref().and_then(|o| variant_of(&FIX_OWNERS, o)).unwrap_or(owner),
        )
        .unwrap();
    }
    writeln!(w, "    }}\n}}\n").unwrap();
    writeln!(w, "/// Transport failure → (reason, retry, who must act) (data/explain.toml).").unwrap();
    writeln!(w, "pub(crate) const fn failure_policy(failure: Failure) -> (Reason, Retry, FixOwner) {{")
        .unwrap();
    writeln!(w, "    match failure {{").unwrap();
    for (key, p) in &explain.failure {
        writeln!(
            w,
            "        Failure::{} => (Reason::{}, Retry::{}, FixOwner::{}),",
            camel(key),
            camel(&p.reason),
            variant_of(&RETRIES, &p.retry).unwrap_or("Later"),
            variant_of(&FIX_OWNERS, &p.fix_owner).unwrap_or("Nobody"),
        )
        .unwrap();
    }
    writeln!(w, "    }}\n}}\n").unwrap();
    let entries = explain.enhanced.iter().map(|(key, rule)| {
        let (subject, detail) = parse_pattern(&format!("X.{key}")).unwrap_or_default();
        ((subject, detail), format!("Some((Reason::{}, {}))", camel(&rule.reason), rule.weak))
    });
    write_status_table(
        w,
        "ENHANCED_REASONS",
        "enhanced_reason",
        "the reason an enhanced code gives, and whether it is weak",
        "Option<(Reason, bool)>",
        entries.collect(),
    );
    let codes: Vec<(u16, String)> = explain
        .basic
        .iter()
        .map(|(key, rule)| {
            let code = key.parse::<u16>().unwrap_or_default();
            (code, format!("Some((Reason::{}, {}))", camel(&rule.reason), rule.weak))
        })
        .collect();
    let first = codes.iter().map(|&(code, _)| code).min().unwrap_or_default();
    let last = codes.iter().map(|&(code, _)| code).max().unwrap_or_default();
    let mut table = vec!["None".to_string(); usize::from(last - first) + 1];
    for (code, value) in codes {
        table[usize::from(code - first)] = value;
    }
    writeln!(
        w,
        "/// Basic reply codes from {first} on → (reason, weak): an array, not a hash, on `explain`'s path."
    )
    .unwrap();
    writeln!(
        w,
        "static BASIC_REASONS: [Option<(Reason, bool)>; {}] = [{}];\n",
        table.len(),
        table.join(", ")
    )
    .unwrap();
    writeln!(w, "/// The reason a basic reply code gives, and whether it is weak.").unwrap();
    writeln!(w, "pub(crate) fn basic_reason(code: u16) -> Option<(Reason, bool)> {{").unwrap();
    writeln!(w, "    *BASIC_REASONS.get(usize::from(code.checked_sub({first})?))?\n}}\n").unwrap();
}

/// Writes a table indexed by an enhanced code's subject and detail (`entries`: (subject, detail)
/// → a `ty` literal; `None` elsewhere), and `accessor(subject, detail) -> ty`: two array loads,
/// where a hash map would hash the key on every call.
fn write_status_table(
    w: &mut String,
    name: &str,
    accessor: &str,
    what: &str,
    ty: &str,
    entries: Vec<((u16, u16), String)>,
) {
    let subjects = entries.iter().map(|&((s, _), _)| usize::from(s) + 1).max().unwrap_or(1);
    let details = entries.iter().map(|&((_, d), _)| usize::from(d) + 1).max().unwrap_or(1);
    let mut table = vec![vec!["None".to_string(); details]; subjects];
    for ((subject, detail), value) in entries {
        table[usize::from(subject)][usize::from(detail)] = value;
    }
    let rows: Vec<String> = table.iter().map(|row| format!("[{}]", row.join(", "))).collect();
    writeln!(w, "/// X.subject.detail → {what}.").unwrap();
    writeln!(w, "static {name}: [[{ty}; {details}]; {subjects}] = [{}];\n", rows.join(", ")).unwrap();
    writeln!(w, "/// X.subject.detail → {what}.").unwrap();
    writeln!(w, "pub(crate) fn {accessor}(subject: u16, detail: u16) -> {ty} {{").unwrap();
    writeln!(w, "    *{name}.get(usize::from(subject))?.get(usize::from(detail))?\n}}\n").unwrap();
}

fn command_variant(command: &str) -> Option<&'static str> {
    Some(match command {
        "connect" => "Connect",
        "EHLO" => "Ehlo",
        "HELO" => "Helo",
        "STARTTLS" => "StartTls",
        "AUTH" => "Auth",
        "AUTH-response" => "AuthResponse",
        "MAIL" => "Mail",
        "RCPT" => "Rcpt",
        "DATA" => "Data",
        "end-of-data" => "EndOfData",
        "BDAT" => "Bdat",
        "BURL" => "Burl",
        "RSET" => "Rset",
        "VRFY" => "Vrfy",
        "EXPN" => "Expn",
        "HELP" => "Help",
        "NOOP" => "Noop",
        "QUIT" => "Quit",
        "ETRN" => "Etrn",
        "ATRN" => "Atrn",
        "DSN" => "Dsn",
        "any" => "Any",
        _ => return None,
    })
}

fn standing_variant(standing: &str) -> Option<&'static str> {
    Some(match standing {
        "standards-track" => "StandardsTrack",
        "experimental" => "Experimental",
        "registry-only" => "RegistryOnly",
        _ => return None,
    })
}

fn parse_enhanced(code: &str) -> Option<(u8, u16, u16)> {
    let mut parts = code.split('.');
    let class = parts.next()?.parse().ok()?;
    let subject = parts.next()?.parse().ok()?;
    let detail = parts.next()?.parse().ok()?;
    (parts.next().is_none() && matches!(class, 2 | 4 | 5)).then_some((class, subject, detail))
}

fn parse_pattern(code: &str) -> Option<(u16, u16)> {
    let rest = code.strip_prefix("X.")?;
    let (subject, detail) = rest.split_once('.')?;
    Some((subject.parse().ok()?, detail.parse().ok()?))
}

fn reference(r: &ReferenceFacts) -> String {
    format!("Reference {{ document: {:?}, section: {:?}, title: {:?} }}", r.document, r.section, r.title)
}

fn code_text(t: &CodeText) -> String {
    format!(
        "CodeTexts {{ name: {:?}, description: {:?}, when: {:?}, remedy: {:?} }}",
        t.name, t.description, t.when, t.remedy
    )
}

fn brief_text(t: &BriefText) -> String {
    format!("Brief {{ name: {:?}, description: {:?} }}", t.name, t.description)
}

/// One value per language as a `Lang { en: …, #[cfg(feature = "lang-de")] de: …, … }` literal:
/// English always, every other language only when its feature is on, so the texts of a
/// disabled language are not compiled, let alone linked.
fn per_language(data: &Data, mut element: impl FnMut(&LanguageFile) -> String) -> String {
    let items: Vec<String> = data
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let value = element(l);
            if i == 0 {
                format!("{}: {value}", lang_field(l))
            } else {
                format!("#[cfg(feature = {:?})] {}: {value}", lang_feature(l), lang_field(l))
            }
        })
        .collect();
    format!("Lang {{ {} }}", items.join(", "))
}

/// The `Lang` field of a language: `en`, `pt_br`.
fn lang_field(l: &LanguageFile) -> String {
    l.meta.tag.to_ascii_lowercase().replace('-', "_")
}

/// The Cargo feature of a language: `lang-ja`, `lang-pt-br`.
fn lang_feature(l: &LanguageFile) -> String {
    format!("lang-{}", l.meta.tag.to_ascii_lowercase())
}

/// The `Lang<T>` type (one value per enabled language) and `Locale::is_enabled`.
fn write_lang(w: &mut String, data: &Data) {
    writeln!(w, "/// One value per language: English always, the others when their feature is on.").unwrap();
    writeln!(w, "#[derive(Debug, PartialEq, Eq)]").unwrap();
    writeln!(w, "pub(crate) struct Lang<T> {{").unwrap();
    for (i, l) in data.languages.iter().enumerate() {
        if i > 0 {
            writeln!(w, "    #[cfg(feature = {:?})]", lang_feature(l)).unwrap();
        }
        writeln!(w, "    pub(crate) {}: T,", lang_field(l)).unwrap();
    }
    writeln!(w, "}}\n").unwrap();
    writeln!(w, "impl<T> Lang<T> {{").unwrap();
    writeln!(w, "    /// The value in `locale`, or in English when that language's feature is off.").unwrap();
    writeln!(w, "    #[allow(unreachable_patterns)]").unwrap();
    writeln!(w, "    pub(crate) const fn get(&self, locale: Locale) -> &T {{").unwrap();
    writeln!(w, "        match locale {{").unwrap();
    for (i, l) in data.languages.iter().enumerate() {
        if i > 0 {
            writeln!(w, "            #[cfg(feature = {:?})]", lang_feature(l)).unwrap();
            writeln!(w, "            Locale::{} => &self.{},", l.meta.variant, lang_field(l)).unwrap();
        }
    }
    writeln!(w, "            _ => &self.{},", lang_field(&data.languages[0])).unwrap();
    writeln!(w, "        }}\n    }}\n}}\n").unwrap();
}

/// Generates the full source of `src/generated.rs` from the data under `root`.
pub fn generate(root: &Path) -> Result<String, String> {
    let data = load(root)?;
    let mut out = String::new();
    let w = &mut out;
    writeln!(w, "// @generated by `cargo run -p xtask -- codegen` from data/*.toml and data/text/*.toml.")
        .unwrap();
    writeln!(
        w,
        "// Do not edit by hand: change the data and regenerate. tests/codegen.rs fails when this is stale."
    )
    .unwrap();
    writeln!(w).unwrap();
    writeln!(w, "use crate::command::Command;").unwrap();
    writeln!(w, "use crate::enhanced::{{EnhancedCode, EnhancedStatus, StatusClass, StatusSubject}};")
        .unwrap();
    writeln!(w, "use crate::explain::{{BounceScope, Failure, FixOwner, KeywordRule, Reason, ReasonPolicy, ReasonText, Retry}};").unwrap();
    writeln!(w, "use crate::provider::{{Provider, ProviderRule}};").unwrap();
    writeln!(w, "use crate::scan::Output;").unwrap();
    writeln!(w, "#[cfg(test)]\nuse crate::scan::Kind;").unwrap();
    writeln!(w, "use crate::reply_code::{{Reference, ReplyCode, Standing}};").unwrap();
    writeln!(w, "use crate::text::{{Advice, Brief, CodeTexts}};").unwrap();
    writeln!(w).unwrap();

    // The Locale enum.
    let n = data.languages.len();
    writeln!(w, "/// A language the crate's texts are written in.").unwrap();
    writeln!(w, "///").unwrap();
    writeln!(w, "/// Parses from a BCP 47 tag (`\"ja\"`, `\"ja-JP\"`, case-insensitive); see").unwrap();
    writeln!(w, "/// [`Locale::from_tag`] and [`Locale::negotiate`] for best-match negotiation.").unwrap();
    writeln!(w, "#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, strum::EnumString, strum::IntoStaticStr)]").unwrap();
    writeln!(w, "#[strum(parse_err_ty = crate::Error, parse_err_fn = crate::locale::parse_error, ascii_case_insensitive)]").unwrap();
    writeln!(w, "#[cfg_attr(feature = \"serde\", derive(serde::Serialize, serde::Deserialize))]").unwrap();
    writeln!(w, "#[non_exhaustive]").unwrap();
    writeln!(w, "pub enum Locale {{").unwrap();
    for (i, l) in data.languages.iter().enumerate() {
        let m = &l.meta;
        writeln!(w, "    /// {} ({}), tag `{}`.", m.english_name, m.native_name, m.tag).unwrap();
        if i == 0 {
            writeln!(w, "    #[default]").unwrap();
        }
        let serialize: String = m.aliases.iter().map(|a| format!(", serialize = {a:?}")).collect();
        writeln!(w, "    #[strum(to_string = {:?}{serialize})]", m.tag).unwrap();
        writeln!(w, "    #[cfg_attr(feature = \"serde\", serde(rename = {:?}))]", m.tag).unwrap();
        writeln!(w, "    {},", m.variant).unwrap();
    }
    writeln!(w, "}}\n").unwrap();
    writeln!(w, "impl Locale {{").unwrap();
    writeln!(w, "    /// How many languages there are.").unwrap();
    writeln!(w, "    pub const COUNT: usize = {n};").unwrap();
    let all: Vec<String> = data.languages.iter().map(|l| format!("Locale::{}", l.meta.variant)).collect();
    writeln!(w, "    /// Every language, in declaration order (English first).").unwrap();
    writeln!(w, "    pub const ALL: [Locale; {n}] = [{}];", all.join(", ")).unwrap();
    writeln!(w, "    pub(crate) const fn index(self) -> usize {{ self as usize }}").unwrap();
    writeln!(
        w,
        "    /// Whether this language's texts are compiled in (its `lang-…` feature is on; English always"
    )
    .unwrap();
    writeln!(w, "    /// is). A disabled language's texts fall back to English.").unwrap();
    writeln!(w, "    pub const fn is_enabled(self) -> bool {{").unwrap();
    writeln!(w, "        match self {{").unwrap();
    for (i, l) in data.languages.iter().enumerate() {
        if i == 0 {
            writeln!(w, "            Locale::{} => true,", l.meta.variant).unwrap();
        } else {
            writeln!(w, "            Locale::{} => cfg!(feature = {:?}),", l.meta.variant, lang_feature(l))
                .unwrap();
        }
    }
    writeln!(w, "        }}\n    }}").unwrap();
    writeln!(w, "}}\n").unwrap();
    write_lang(w, &data);
    writeln!(w, "/// Names of each language: (tag, English name, native name), in `Locale` order.").unwrap();
    writeln!(w, "pub(crate) static LOCALE_NAMES: [(&str, &str, &str); {n}] = [").unwrap();
    for l in &data.languages {
        writeln!(w, "    ({:?}, {:?}, {:?}),", l.meta.tag, l.meta.english_name, l.meta.native_name).unwrap();
    }
    writeln!(w, "];\n").unwrap();

    // Named constants.
    writeln!(
        w,
        "/// Every standard reply code as a named constant, for `match` arms and [`lookup`](crate::lookup)."
    )
    .unwrap();
    writeln!(w, "///").unwrap();
    writeln!(w, "/// ```").unwrap();
    writeln!(w, "/// use smtp_codes::codes;").unwrap();
    writeln!(w, "/// let reply = smtp_codes::Reply::parse(b\"535 5.7.8 Bad credentials\").unwrap();")
        .unwrap();
    writeln!(w, "/// match reply.code() {{").unwrap();
    writeln!(w, "///     codes::AUTHENTICATION_FAILED => println!(\"check the password\"),").unwrap();
    writeln!(w, "///     codes::SERVICE_NOT_AVAILABLE => println!(\"try again later\"),").unwrap();
    writeln!(w, "///     _ => {{}}").unwrap();
    writeln!(w, "/// }}").unwrap();
    writeln!(w, "/// assert_eq!(smtp_codes::lookup(codes::OK).unwrap().code(), 250);").unwrap();
    writeln!(w, "/// ```").unwrap();
    writeln!(w, "pub mod codes {{").unwrap();
    for c in &data.codes {
        let english = &data.languages[0].basic[&c.code.to_string()];
        writeln!(
            w,
            "    /// {} {}: `{}` ({}).",
            c.code,
            english.name,
            c.rfc_text,
            c.references.first().map(|r| r.document.as_str()).unwrap_or("")
        )
        .unwrap();
        writeln!(w, "    pub const {}: u16 = {};", c.constant, c.code).unwrap();
    }
    writeln!(w, "}}\n").unwrap();

    // Basic reply codes.
    writeln!(w, "/// Every basic reply code, ordered by code.").unwrap();
    writeln!(w, "pub(crate) static REPLY_CODES: [ReplyCode; {}] = [", data.codes.len()).unwrap();
    for c in &data.codes {
        let key = c.code.to_string();
        let commands: Vec<String> =
            c.commands.iter().map(|x| format!("Command::{}", command_variant(x).unwrap_or("Any"))).collect();
        let enhanced: Vec<String> = c
            .enhanced
            .iter()
            .filter_map(|e| parse_enhanced(e))
            .map(|(c, s, d)| format!("EnhancedCode {{ class: {c}, subject: {s}, detail: {d} }}"))
            .collect();
        let references: Vec<String> = c.references.iter().map(reference).collect();
        writeln!(w, "    ReplyCode {{").unwrap();
        writeln!(w, "        code: {},", c.code).unwrap();
        writeln!(w, "        rfc_text: {:?},", c.rfc_text).unwrap();
        writeln!(
            w,
            "        standing: Standing::{},",
            standing_variant(&c.standing).unwrap_or("StandardsTrack")
        )
        .unwrap();
        writeln!(w, "        commands: &[{}],", commands.join(", ")).unwrap();
        writeln!(w, "        enhanced: &[{}],", enhanced.join(", ")).unwrap();
        writeln!(w, "        references: &[{}],", references.join(", ")).unwrap();
        writeln!(w, "        texts: {},", per_language(&data, |l| code_text(&l.basic[&key]))).unwrap();
        writeln!(w, "    }},").unwrap();
    }
    writeln!(w, "];\n").unwrap();
    let mut map = phf_codegen::Map::new();
    for (i, c) in data.codes.iter().enumerate() {
        map.entry(c.code, i.to_string());
    }
    writeln!(w, "/// Reply code → index into `REPLY_CODES`.").unwrap();
    writeln!(w, "pub(crate) static REPLY_CODE_INDEX: phf::Map<u16, u8> = {};\n", map.build()).unwrap();

    // Enhanced classes and subjects.
    writeln!(w, "/// Enhanced status classes 2, 4, 5.").unwrap();
    writeln!(w, "pub(crate) static STATUS_CLASSES: [StatusClass; {}] = [", data.enhanced.class.len())
        .unwrap();
    for c in &data.enhanced.class {
        let key = c.value.to_string();
        writeln!(
            w,
            "    StatusClass {{ digit: {}, title: {:?}, texts: {} }},",
            c.value,
            c.title,
            per_language(&data, |l| brief_text(&l.enhanced_class[&key]))
        )
        .unwrap();
    }
    writeln!(w, "];\n").unwrap();
    writeln!(w, "/// Enhanced status subjects 0 to 7, indexed by subject.").unwrap();
    writeln!(w, "pub(crate) static STATUS_SUBJECTS: [StatusSubject; {}] = [", data.enhanced.subject.len())
        .unwrap();
    for s in &data.enhanced.subject {
        let key = s.value.to_string();
        writeln!(
            w,
            "    StatusSubject {{ value: {}, title: {:?}, texts: {} }},",
            s.value,
            s.title,
            per_language(&data, |l| brief_text(&l.enhanced_subject[&key]))
        )
        .unwrap();
    }
    writeln!(w, "];\n").unwrap();

    // Enhanced registry.
    writeln!(w, "/// The IANA enhanced status code registry, in registry order.").unwrap();
    writeln!(w, "pub(crate) static ENHANCED: [EnhancedStatus; {}] = [", data.enhanced.status.len()).unwrap();
    let mut index = Vec::new();
    for (i, s) in data.enhanced.status.iter().enumerate() {
        let (subject, detail) = parse_pattern(&s.code).unwrap_or_default();
        index.push(((subject, detail), format!("Some({i})")));
        let references: Vec<String> = s.references.iter().map(reference).collect();
        let deprecated = s
            .deprecated_by
            .as_deref()
            .and_then(parse_pattern)
            .map(|(s, d)| format!("Some(({s}, {d}))"))
            .unwrap_or("None".into());
        writeln!(w, "    EnhancedStatus {{").unwrap();
        writeln!(w, "        subject: {subject},\n        detail: {detail},").unwrap();
        writeln!(w, "        title: {:?},", s.title).unwrap();
        writeln!(w, "        basic_codes: &{:?},", s.basic_codes).unwrap();
        writeln!(w, "        basic_codes_note: {:?},", s.basic_codes_note).unwrap();
        writeln!(w, "        references: &[{}],", references.join(", ")).unwrap();
        writeln!(w, "        deprecated_by: {deprecated},").unwrap();
        writeln!(w, "        texts: {},", per_language(&data, |l| code_text(&l.enhanced[&s.code]))).unwrap();
        writeln!(w, "    }},").unwrap();
    }
    writeln!(w, "];\n").unwrap();
    write_status_table(w, "ENHANCED_INDEX", "enhanced_index", "index into `ENHANCED`", "Option<u8>", index);

    // Reasons and transport failures.
    let english = &data.languages[0];
    write_texts_match(w, &data, "reason_texts", "Reason", "Reason", None, |l| &l.reason);
    write_texts_match(w, &data, "failure_texts", "Failure", "Transport failure", None, |l| &l.failure);

    writeln!(w, "/// Reason → summary and remedy when the user's own submission server replied.").unwrap();
    writeln!(w, "pub(crate) const fn submission_texts(reason: Reason) -> Option<&'static Lang<Advice>> {{")
        .unwrap();
    writeln!(w, "    match reason {{").unwrap();
    for key in english.submission.keys() {
        let texts = per_language(&data, |l| {
            let a = &l.submission[key];
            format!("Advice {{ summary: {:?}, remedy: {:?} }}", a.summary, a.remedy)
        });
        writeln!(w, "        Reason::{} => Some(&{texts}),", camel(key)).unwrap();
    }
    writeln!(w, "        _ => None,\n    }}\n}}\n").unwrap();

    write_explain(w, &data);
    write_providers(w, &data);
    write_scan(w, &data);

    // UI strings.
    writeln!(w, "/// Headings, labels and sentence templates of one language.").unwrap();
    writeln!(w, "#[derive(Debug)]\n#[allow(dead_code)]\npub(crate) struct Ui {{").unwrap();
    for key in english.ui.keys() {
        writeln!(w, "    pub(crate) {key}: &'static str,").unwrap();
    }
    writeln!(w, "}}\n").unwrap();
    writeln!(w, "/// UI strings per language.").unwrap();
    writeln!(w, "pub(crate) static UI: Lang<Ui> = Lang {{").unwrap();
    for (i, l) in data.languages.iter().enumerate() {
        if i > 0 {
            writeln!(w, "    #[cfg(feature = {:?})]", lang_feature(l)).unwrap();
        }
        writeln!(w, "    {}: Ui {{", lang_field(l)).unwrap();
        for key in english.ui.keys() {
            let value = l.ui.get(key).and_then(|v| v.as_str()).unwrap_or_default();
            writeln!(w, "        {key}: {value:?},").unwrap();
        }
        writeln!(w, "    }},").unwrap();
    }
    writeln!(w, "}};\n").unwrap();
    write_quote_leads(w, &data.clients.quote_leads.leads);
    write_code_texts(w, &data.clients);
    let words = &data.clients.phpmailer_reply;
    for (name, what, list) in [
        ("PHPMAILER_DETAIL", "the reply's words", &words.detail),
        ("PHPMAILER_CODE", "its code", &words.code),
        ("PHPMAILER_CODE_EX", "its enhanced code", &words.code_ex),
    ] {
        writeln!(w, "/// PHPMailer's words before {what} (`data/clients.toml`), lowercase ASCII.").unwrap();
        writeln!(w, "pub(crate) static {name}: [&[u8]; {}] = [", list.len()).unwrap();
        for lead in list {
            writeln!(w, "    {lead:?}.as_bytes(),").unwrap();
        }
        writeln!(w, "];\n").unwrap();
    }
    write_bare_statements(w, &data.explain.bare);
    write_named_address(w, &data.explain.named_address);
    write_bounce_wording(w, &data.explain.bounce);
    Ok(out)
}

/// The longest bare statement `bare_words` reads (its buffer).
const BARE_MAX: usize = 48;

/// `[bare]` statements are words of lowercase ASCII letters, single-spaced, at most
/// [`BARE_MAX`] bytes: the only shape `bare_words` produces.
fn check_bare_statements(bare: &BareStatements, problems: &mut Vec<String>) {
    for statement in bare.retry_later.iter().chain(&bare.message_refused).chain(&bare.recipient_refused) {
        let words_ok =
            statement.split(' ').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()));
        if !words_ok || statement.len() > BARE_MAX {
            problems.push(format!(
                "explain.toml [bare]: {statement:?} must be lowercase ASCII words, single-spaced, at most {BARE_MAX} bytes"
            ));
        }
    }
}

/// The `[bare]` statements, as the byte strings `bare_reason` compares.
/// The quote leads of `data/clients.toml`, sorted by their last byte (then by the bytes before
/// it, read backwards): the leads a text before a colon may end with are the run that shares its
/// last byte, found by binary search.
fn write_quote_leads(w: &mut String, leads: &[String]) {
    let mut sorted: Vec<&String> = leads.iter().collect();
    sorted.sort_by(|a, b| a.bytes().rev().cmp(b.bytes().rev()));
    writeln!(
        w,
        "/// The words before the server's words a mail client quotes (`data/clients.toml`), sorted by"
    )
    .unwrap();
    writeln!(w, "/// their last byte.").unwrap();
    writeln!(w, "pub(crate) static QUOTE_LEADS: [&[u8]; {}] = [", sorted.len()).unwrap();
    for lead in sorted {
        writeln!(w, "    {lead:?}.as_bytes(),").unwrap();
    }
    writeln!(w, "];").unwrap();
    writeln!(w).unwrap();
}

/// The clients' code texts (`data/clients.toml`): a map from each text's key ([`code_text_key`])
/// to its code and English words, the longest key's length, and which hashes of their last
/// sixteen bytes (eight, for a shorter key) keys have (a text that ends otherwise is no code text: one load decides). The step prefixes,
/// split at their "%s", with their commands.
fn write_code_texts(w: &mut String, clients: &ClientsFile) {
    writeln!(w, "/// A client's own text for a reply code (`data/clients.toml`): the code and the client's")
        .unwrap();
    writeln!(w, "/// English words for it.").unwrap();
    writeln!(w, "pub(crate) static CODE_TEXT_REPLIES: [(u16, &str); {}] = [", clients.code_text.len())
        .unwrap();
    for entry in &clients.code_text {
        writeln!(w, "    ({}, {:?}),", entry.code, entry.english).unwrap();
    }
    writeln!(w, "];\n").unwrap();
    let mut map = phf_codegen::Map::<&[u8]>::new();
    let mut keys = Vec::new();
    for (i, entry) in clients.code_text.iter().enumerate() {
        for text in std::iter::once(&entry.english).chain(&entry.texts) {
            keys.push((code_text_key(text), i));
        }
    }
    let mut ends = [0u64; 256];
    for (key, _) in &keys {
        let end = match key.last_chunk::<16>() {
            Some(last) => code_text_end(*last),
            None => code_text_end_short(*key.last_chunk::<8>().expect("keys have 8 bytes or more")),
        };
        for bit in [end >> 50, end >> 36 & 0x3FFF, end >> 22 & 0x3FFF] {
            ends[bit as usize / 64] |= 1 << (bit % 64);
        }
    }
    for (key, i) in &keys {
        map.entry(key.as_slice(), i.to_string());
    }
    let longest = keys.iter().map(|(key, _)| key.len()).max().unwrap_or(0);
    writeln!(w, "/// A code text's key (trimmed, no final full stop, ASCII lowercased) → its index in")
        .unwrap();
    writeln!(w, "/// `CODE_TEXT_REPLIES`.").unwrap();
    writeln!(w, "pub(crate) static CODE_TEXTS: phf::Map<&'static [u8], u8> = {};\n", map.build()).unwrap();
    writeln!(w, "/// The longest code text's key, in bytes.").unwrap();
    writeln!(w, "pub(crate) const CODE_TEXT_MAX: usize = {longest};\n").unwrap();
    writeln!(w, "/// A Bloom filter of the keys' ends: the bits of the three 14-bit slices of").unwrap();
    writeln!(
        w,
        "/// `code_text::end(last sixteen bytes)` (`end_short(last eight)` for a shorter key) are set for"
    )
    .unwrap();
    writeln!(
        w,
        "/// every key. Small enough to stay in cache (an 8 KiB table's misses cost 3% of `explain_text`)."
    )
    .unwrap();
    writeln!(w, "pub(crate) static CODE_TEXT_ENDS: [u64; 256] = {ends:?};\n").unwrap();
    let mut prefixes = Vec::new();
    for entry in &clients.step_prefix {
        for prefix in &entry.prefixes {
            let (head, tail) = step_prefix_key(prefix);
            let command = command_variant(&entry.command).unwrap_or("Any");
            if !prefixes.iter().any(|(h, t, _)| (h, t) == (&head, &tail)) {
                prefixes.push((head, tail, command));
            }
        }
    }
    writeln!(w, "/// The words before a client's failure text that name the step that failed: the words")
        .unwrap();
    writeln!(w, "/// before the address and after it (or all of them), ASCII lowercased, and the command.")
        .unwrap();
    writeln!(w, "pub(crate) static STEP_PREFIXES: [(&[u8], &[u8], Command); {}] = [", prefixes.len())
        .unwrap();
    for (head, tail, command) in prefixes {
        let text = |b: &[u8]| format!("{:?}.as_bytes()", String::from_utf8_lossy(b));
        writeln!(w, "    ({}, {}, Command::{command}),", text(&head), text(&tail)).unwrap();
    }
    writeln!(w, "];\n").unwrap();
}

fn write_bare_statements(w: &mut String, bare: &BareStatements) {
    let list = |items: &[String]| items.iter().map(|p| format!("b{p:?}")).collect::<Vec<_>>().join(", ");
    writeln!(w, "/// The longest `[bare]` statement may be this long (the reader's buffer).").unwrap();
    writeln!(
        w,
        "pub(crate) const BARE_MAX: usize = {BARE_MAX};
"
    )
    .unwrap();
    let lists = [
        ("retry_later", "all a 450/451 says when it is greylisting", "BARE_RETRY_LATER", &bare.retry_later),
        (
            "message_refused",
            "all a 5xx says when it refuses the content",
            "BARE_MESSAGE_REFUSED",
            &bare.message_refused,
        ),
        (
            "recipient_refused",
            "all a 5xx says when it refuses the recipient",
            "BARE_RECIPIENT_REFUSED",
            &bare.recipient_refused,
        ),
    ];
    for (key, doc, name, items) in lists {
        writeln!(w, "/// `[bare] {key}`: {doc}.").unwrap();
        writeln!(w, "pub(crate) const {name}: [&[u8]; {}] = [{}];\n", items.len(), list(items)).unwrap();
    }
}

/// `[named_address]`: subjects and verdicts lowercase ASCII, trimmed, each listed once; every
/// subject's reason known.
fn check_named_address(named: &NamedAddress, reasons: &BTreeSet<String>, problems: &mut Vec<String>) {
    let clean = |p: &str| {
        !p.is_empty() && p.trim() == p && p.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    };
    let mut seen = BTreeSet::new();
    for (subject, reason) in &named.subjects {
        if !clean(subject) || !seen.insert(subject) {
            problems.push(format!(
                "explain.toml: [named_address] subject {subject:?} must be lowercase ASCII, once"
            ));
        }
        if !reasons.contains(reason) {
            problems.push(format!(
                "explain.toml: [named_address] subject {subject:?} has unknown reason {reason:?}"
            ));
        }
    }
    let mut seen = BTreeSet::new();
    for verdict in &named.verdicts {
        if !clean(verdict) || !seen.insert(verdict) {
            problems.push(format!(
                "explain.toml: [named_address] verdict {verdict:?} must be lowercase ASCII, once"
            ));
        }
    }
}

/// `[named_address]` as `NAMED_SUBJECTS` and `NAMED_VERDICTS`.
fn write_named_address(w: &mut String, named: &NamedAddress) {
    let subjects: Vec<String> =
        named.subjects.iter().map(|(s, r)| format!("(b{s:?}, Reason::{})", camel(r))).collect();
    writeln!(w, "/// `[named_address] subjects`: whose address, and the reason a verdict on it gives.")
        .unwrap();
    writeln!(
        w,
        "pub(crate) static NAMED_SUBJECTS: [(&[u8], Reason); {}] = [{}];\n",
        subjects.len(),
        subjects.join(", ")
    )
    .unwrap();
    let verdicts: Vec<String> = named.verdicts.iter().map(|v| format!("b{v:?}")).collect();
    writeln!(w, "/// `[named_address] verdicts`: that the address named before is not known.").unwrap();
    writeln!(
        w,
        "pub(crate) static NAMED_VERDICTS: [&[u8]; {}] = [{}];\n",
        verdicts.len(),
        verdicts.join(", ")
    )
    .unwrap();
}

/// `[bounce]` phrases are lowercase and not empty; every implied status is `subject.detail`.
fn check_bounce_wording(bounce: &BounceWording, problems: &mut Vec<String>) {
    let phrases = bounce
        .gave_up
        .iter()
        .chain(&bounce.no_reply)
        .chain(&bounce.no_such_domain)
        .chain(bounce.implied.iter().map(|(p, _)| p));
    for phrase in phrases {
        if phrase.is_empty() || *phrase != phrase.to_lowercase() {
            problems
                .push(format!("explain.toml [bounce]: phrase {phrase:?} must be lowercase and not empty"));
        }
    }
    for (phrase, status) in &bounce.implied {
        if parse_pattern(&format!("X.{status}")).is_none() {
            problems.push(format!(
                "explain.toml [bounce] implied: {phrase:?} → {status:?} is not subject.detail"
            ));
        }
    }
}

/// The `[bounce]` tables, compiled only with the `dsn` feature that reads them.
fn write_bounce_wording(w: &mut String, bounce: &BounceWording) {
    let list = |items: &[String]| items.iter().map(|p| format!("{p:?}")).collect::<Vec<_>>().join(", ");
    writeln!(w, "/// `[bounce] gave_up`: wording of an MTA that stopped retrying.").unwrap();
    writeln!(w, "#[cfg(feature = \"dsn\")]").unwrap();
    writeln!(
        w,
        "pub(crate) static BOUNCE_GAVE_UP: [&str; {}] = [{}];\n",
        bounce.gave_up.len(),
        list(&bounce.gave_up)
    )
    .unwrap();
    writeln!(w, "/// `[bounce] no_reply`: wording of a transport failure without any SMTP reply.").unwrap();
    writeln!(w, "#[cfg(feature = \"dsn\")]").unwrap();
    writeln!(
        w,
        "pub(crate) static BOUNCE_NO_REPLY: [&str; {}] = [{}];\n",
        bounce.no_reply.len(),
        list(&bounce.no_reply)
    )
    .unwrap();
    writeln!(w, "/// `[bounce] no_such_domain`: wording of a recipient domain that does not exist.").unwrap();
    writeln!(w, "#[cfg(feature = \"dsn\")]").unwrap();
    writeln!(
        w,
        "pub(crate) static BOUNCE_NO_SUCH_DOMAIN: [&str; {}] = [{}];\n",
        bounce.no_such_domain.len(),
        list(&bounce.no_such_domain)
    )
    .unwrap();
    let implied: Vec<String> = bounce
        .implied
        .iter()
        .filter_map(|(p, status)| {
            parse_pattern(&format!("X.{status}")).map(|(s, d)| format!("({p:?}, {s}, {d})"))
        })
        .collect();
    writeln!(
        w,
        "/// `[bounce] implied`: a bounce's wording and the (subject, detail) of the status it implies."
    )
    .unwrap();
    writeln!(w, "#[cfg(feature = \"dsn\")]").unwrap();
    writeln!(
        w,
        "pub(crate) static BOUNCE_IMPLIED: [(&str, u16, u16); {}] = [{}];\n",
        implied.len(),
        implied.join(", ")
    )
    .unwrap();
}

/// A scanner state is one u32, its base: the index of its slots in `SCAN_SLOTS`, below
/// `1 << SCAN_CHECK_SHIFT`. Its low bit is set when the state has found something (its output's
/// index is in its slot of class `SCAN_OUTPUT_CLASS`), so that a state is its own index (no mask
/// before the load) and that flag is seen without a load. A state's row (whose default
/// transitions it takes) is carried beside it by the scan: each byte's key holds the next one.
const SCAN_OUTPUT_FLAG: usize = 1;
/// The rows: inside a word, at a word start, and after the first byte of a two-byte letter
/// (Latin beyond ASCII, Greek, Cyrillic, Hebrew, Arabic: the byte after it ends the letter, and
/// what follows is inside the word).
const SCAN_ROW_COUNT: usize = 3;

/// What a byte does to word starts, as `scan::row_after` reads it: an ASCII letter or digit
/// is inside a word; a two-byte letter's first byte (`0xC3..=0xDF`: `0xC2` leads the Latin-1
/// signs and spaces) and the byte after it too; every other byte (ASCII punctuation and space,
/// a three- or four-byte character, such as CJK, that is a word of its own) ends one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum ByteKind {
    Alphanumeric,
    Other,
    LetterLead,
    Continuation,
}

fn byte_kind(byte: u8) -> ByteKind {
    match byte {
        _ if byte.is_ascii_alphanumeric() => ByteKind::Alphanumeric,
        0x80..=0xBF => ByteKind::Continuation,
        0xC3..=0xDF => ByteKind::LetterLead,
        _ => ByteKind::Other,
    }
}
/// A slot is `class + 1 << SCAN_CHECK_SHIFT | next state ^ tag` (0: free), the class of the
/// transition it holds: as every state has a base of its own, the state whose base is the slot's
/// index less that class is its owner, and no other state reaches the slot with that class.
/// Eight bits of check: up to 254 byte classes (a class per byte that is not an ASCII letter
/// would fit), and a pseudo-class for the output; 24 bits of state: 2^24 slots.
const SCAN_CHECK_BITS: u32 = 8;
const SCAN_CHECK_SHIFT: u32 = 32 - SCAN_CHECK_BITS;

/// What a scan pattern reports when it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Output {
    /// A keyword rule (index into `KEYWORD_RULES`).
    Rule(usize),
    /// A provider marker (index into `PROVIDERS`).
    Provider(usize),
    /// A phrase naming the command a reply answered (index into `SCAN_COMMANDS`).
    Command(usize),
    /// A phrase after which a delay may follow ("try again in ").
    Lead,
    /// A phrase naming a failure with no reply (index into `SCAN_FAILURES`).
    Failure(usize),
    /// A verdict on an address named before it (`[named_address] verdicts`).
    Verdict,
}

/// One pattern of the scanner: lowercase ASCII, matched ignoring ASCII case, at a word start
/// (the byte before it, if any, is not ASCII alphanumeric) or anywhere.
struct Pattern {
    text: String,
    word_start: bool,
    output: Output,
    /// A client message's excerpt: long sentences in many languages that few texts hold, whose
    /// own states are packed after all others (see `write_scan`).
    late: bool,
}

/// The phrases that show which command a reply answered, found anywhere in a text: Postfix's
/// `(in reply to RCPT TO command)`, Exim's `after RCPT TO:<…>`, Sendmail's `>>> RCPT To:<…>`.
/// The first one listed that occurs decides.
const COMMAND_PHRASES: [(&str, &str); 36] = [
    ("but sender was rejected", "Mail"),
    ("does not like recipient", "Rcpt"),
    ("failed after i sent the message", "EndOfData"),
    ("in reply to rcpt to", "Rcpt"),
    ("in reply to mail from", "Mail"),
    ("in reply to end of data", "EndOfData"),
    ("in reply to data", "Data"),
    ("in reply to ehlo", "Ehlo"),
    ("in reply to helo", "Helo"),
    ("in reply to starttls", "StartTls"),
    // Postfix: "TLS is required, but host … refused to start TLS: 454 …", "STARTTLS rejected:",
    // DMA's "STARTTLS not available: 454 …".
    ("refused to start tls", "StartTls"),
    ("starttls rejected", "StartTls"),
    ("connection with starttls", "StartTls"),
    ("command: (starttls)", "StartTls"),
    ("can't starttls", "StartTls"),
    ("starttls not available", "StartTls"),
    // Client libraries: "failed to start TLS connection: 454 …", "STARTTLS command failed: …".
    ("failed to start tls", "StartTls"),
    ("starttls command", "StartTls"),
    ("starttls failed", "StartTls"),
    ("in reply to auth", "Auth"),
    ("in reply to bdat", "Bdat"),
    ("while sending rcpt to", "Rcpt"),
    ("while sending mail from", "Mail"),
    ("while sending end of data", "EndOfData"),
    ("while sending data", "Data"),
    ("after rcpt to", "Rcpt"),
    ("after mail from", "Mail"),
    ("after end of data", "EndOfData"),
    ("after data", "Data"),
    ("after initial connection", "Connect"),
    ("refused to talk to me", "Connect"),
    ("but greeting failed", "Connect"),
    ("after ehlo", "Ehlo"),
    (">>> rcpt to", "Rcpt"),
    (">>> mail from", "Mail"),
    (">>> data", "Data"),
];

/// The phrases of resolvers, operating systems, TLS libraries and MTAs that name a failure with
/// no reply, most specific first: the first phrase found (in this order, at a word start)
/// decides. Lowercase; matched ignoring ASCII case.
const FAILURE_PHRASES: [(&str, &str); 189] = [
    // A resolver that did not answer: temporary (glibc EAI_AGAIN, Postfix ", try again").
    ("temporary failure in name resolution", "DnsUnavailable"),
    // musl's words for EAI_AGAIN ("failed to lookup address information: Try again", Python's
    // "[Errno -3] Try again"), before glibc's words for a name that does not exist.
    ("lookup address information: try again", "DnsUnavailable"),
    ("errno -3]", "DnsUnavailable"),
    ("name server timeout", "DnsUnavailable"),
    ("host not found, try again", "DnsUnavailable"),
    ("dns lookup timed out", "DnsUnavailable"),
    ("servfail", "DnsUnavailable"),
    ("try again later (dns", "DnsUnavailable"),
    // A name server that answered badly or not at all, as MTAs report it (Postfix's "Malformed or
    // unexpected name server reply", "Non-recoverable error", msmtp's "nonauthoritative", Node's
    // ESERVFAIL, Exim's "tlsa lookup DEFER"): retried, like a resolver that did not answer.
    ("malformed name server reply", "DnsUnavailable"),
    ("malformed or unexpected name server reply", "DnsUnavailable"),
    ("non-recoverable error", "DnsUnavailable"),
    ("nonauthoritative", "DnsUnavailable"),
    ("eservfail", "DnsUnavailable"),
    ("lookup defer", "DnsUnavailable"),
    // A name that does not exist.
    ("name or service not known", "HostNotFound"),
    ("nodename nor servname", "HostNotFound"),
    ("no such host", "HostNotFound"),
    // Java's UnknownHostException, and the bounces that print it ("user@example.com ... unknown host").
    ("unknown host", "HostNotFound"),
    ("no address associated", "HostNotFound"),
    ("name does not resolve", "HostNotFound"),
    ("host or domain name not found", "HostNotFound"),
    ("domain not found", "HostNotFound"),
    ("nxdomain", "HostNotFound"),
    ("couldn't find any host named", "HostNotFound"),
    ("could not find any host named", "HostNotFound"),
    ("unrouteable address", "HostNotFound"),
    ("unrouteable mail domain", "HostNotFound"),
    ("all relevant mx records point to non-existent hosts", "HostNotFound"),
    ("couldn't find a mail exchanger", "HostNotFound"),
    ("couldn't find any host by that name", "HostNotFound"),
    ("no mx found", "HostNotFound"),
    ("domain does not exist", "HostNotFound"),
    ("no such domain", "HostNotFound"),
    ("nowhere to deliver", "HostNotFound"),
    ("temporary failure in mx lookup", "DnsUnavailable"),
    ("lookup failed temporarily", "DnsUnavailable"),
    ("host name lookup failure", "HostNotFound"),
    // A client that wanted STARTTLS from a server that does not offer it (Thunderbird's "Unable
    // to establish a secure link with Outgoing server (SMTP) … using STARTTLS since it doesn't
    // advertise that feature"), before "unable to establish".
    ("using starttls since", "TlsUnavailable"),
    ("connection died", "Closed"),
    ("unable to find primary relay", "Network"),
    ("no valid route", "Network"),
    ("wasn't able to establish", "Network"),
    ("unable to establish", "Network"),
    ("failed to lookup address", "HostNotFound"),
    ("could not resolve", "HostNotFound"),
    ("host not found", "HostNotFound"),
    // Connections.
    ("connection timed out", "Timeout"),
    ("timed out", "Timeout"),
    ("timeout", "Timeout"),
    ("connection refused", "ConnectionRefused"),
    // Node.js and Ruby name them so ("Error: connect ECONNREFUSED 192.0.2.1:25",
    // "Net::ReadTimeout").
    ("econnrefused", "ConnectionRefused"),
    ("etimedout", "Timeout"),
    ("econnreset", "Closed"),
    ("readtimeout", "Timeout"),
    ("opentimeout", "Timeout"),
    ("connection reset", "Closed"),
    ("connection closed", "Closed"),
    // The platforms' words for a connection the other side ended: .NET's "The underlying
    // connection was closed", "The server has closed the connection", Go's "use of closed network
    // connection".
    ("connection was closed", "Closed"),
    ("closed the connection", "Closed"),
    ("closed network connection", "Closed"),
    ("connection was reset", "Closed"),
    ("lost connection", "Closed"),
    ("broken pipe", "Closed"),
    ("unexpected eof", "Closed"),
    ("incomplete response", "Closed"),
    ("network is unreachable", "Network"),
    ("no route to host", "Network"),
    ("host is unreachable", "Network"),
    ("host unreachable", "Network"),
    ("cannot assign requested address", "Network"),
    // A delivery attempt skipped or failed on every host for now (Exim's "retry time not reached
    // for any host", Haraka's "Tried all MXs"): retried later. Given up, they are worded so
    // ("... after a long failure period", "Too many failures"): the expiry rule.
    ("retry time not reached", "Network"),
    ("retry time not yet reached", "Network"),
    ("no smtp servers were available", "Network"),
    ("tried all mxs", "Network"),
    ("did not accept our requests to connect", "Network"),
    // TLS. A sender's REQUIRETLS that this relay cannot honour names the certificate check it
    // lacks ("Sender requested REQUIRETLS, but my configured TLS security level 'may' disables
    // certificate matching"): TLS required, before the certificate words.
    ("requested requiretls", "TlsUnavailable"),
    ("certificate", "Tls"),
    ("handshake", "Tls"),
    ("received fatal alert", "Tls"),
    ("wrong version number", "Tls"),
    ("invalidcontenttype", "Tls"),
    ("corrupt message", "Tls"),
    ("unknownissuer", "Tls"),
    ("notvalidforname", "Tls"),
    ("x509", "Tls"),
    ("self_signed", "Tls"),
    // TLS that was required but not offered (Postfix's "TLS is required, but was not offered by
    // host", Python's "STARTTLS extension not supported by server", REQUIRETLS): after the
    // certificate and handshake words, which name a TLS that was offered and failed.
    ("tls is required", "TlsUnavailable"),
    ("tls required", "TlsUnavailable"),
    ("tls session is required", "TlsUnavailable"),
    ("requiretls", "TlsUnavailable"),
    ("starttls not", "TlsUnavailable"),
    ("starttls extension not", "TlsUnavailable"),
    ("starttls extension unavailable", "TlsUnavailable"),
    ("starttls is not", "TlsUnavailable"),
    ("starttls_not", "TlsUnavailable"),
    ("support the starttls", "TlsUnavailable"),
    ("support starttls", "TlsUnavailable"),
    ("support tls", "TlsUnavailable"),
    ("tls not available", "TlsUnavailable"),
    ("no tls available", "TlsUnavailable"),
    ("tls is not available", "TlsUnavailable"),
    ("tls was not offered", "TlsUnavailable"),
    ("tls service was not offered", "TlsUnavailable"),
    ("must issue a starttls", "TlsUnavailable"),
    ("tls engine is unavailable", "TlsUnavailable"),
    ("missing capability: starttls", "TlsUnavailable"),
    ("no tls achieved", "TlsUnavailable"),
    ("tls configuration problem", "TlsUnavailable"),
    ("starttls", "Tls"),
    ("tls", "Tls"),
    ("ssl", "Tls"),
    // Client libraries' own words (PHPMailer's "SMTP connect() failed", "Could not connect to
    // SMTP host", Swift Mailer's "Expected response code 354 but got an empty response").
    ("connect() failed", "Network"),
    ("connect call failed", "ConnectionRefused"),
    ("timedout", "Timeout"),
    ("connection has closed", "Closed"),
    ("been closed unexpectedly", "Closed"),
    ("could not read from", "Closed"),
    ("no connection has been established", "Network"),
    ("unable to connect", "Network"),
    ("is down", "Network"),
    ("could not connect", "Network"),
    ("failed to connect", "Network"),
    ("empty response", "Closed"),
    ("empty reply", "Closed"),
    ("dropped connection", "Closed"),
    ("got code \"\"", "Closed"),
    ("eof caught", "Closed"),
    ("unexpectedly disconnected", "Closed"),
    ("unexpectedly terminated", "Closed"),
    ("greeting never received", "Timeout"),
    ("cannot open mailhub", "Network"),
    // Clients' words for a connection that did not open or broke ("The message could not be sent
    // because connecting to Outgoing server (SMTP) … failed", "… the connection to Outgoing server
    // (SMTP) … was lost", "Unable to open connection to SMTP server").
    ("connecting to outgoing server", "Network"),
    ("connection to server failed", "Network"),
    // Apple Mail's ("Cannot Send Mail. The connection to the outgoing server "smtp.example.com"
    // failed.", "The connection to the server failed.").
    ("connection to the outgoing server", "Network"),
    ("connection to the server failed", "Network"),
    ("unable to open connection", "Network"),
    ("closed the connection unexpectedly", "Closed"),
    ("connection to outgoing server", "Closed"),
    // An answer that is not an SMTP reply ("Unparseable SMTP reply", "Unrecognized response from
    // upstream server: HTTP/1.1 400 Bad Request").
    ("unparseable smtp reply", "BadResponse"),
    ("unparsable smtp reply", "BadResponse"),
    ("unable to parse status code", "BadResponse"),
    ("unexpected response from server", "BadResponse"),
    ("unrecognized response from", "BadResponse"),
    ("unexpected server message", "BadResponse"),
    ("could not find the host", "HostNotFound"),
    // The operating systems' and runtimes' own words for a socket, as clients print them:
    // Windows' Winsock messages (WSAECONNREFUSED "No connection could be made because the target
    // machine actively refused it", WSAECONNRESET "An existing connection was forcibly closed by
    // the remote host", WSAECONNABORTED, WSAETIMEDOUT "… did not properly respond after a period of
    // time …", WSATRY_AGAIN, WSAENETUNREACH "… an unreachable network", WSAENETDOWN
    // "… a dead network"); .NET's ("Unable to read data from the transport connection:
    // net_io_connectionclosed.", "The remote name could not be resolved", SslStream's "the remote
    // party has closed the transport stream", a handshake that the server broke off); libuv's
    // and Ruby's errno names (ENOTFOUND, EAI_AGAIN, EHOSTUNREACH, ENETUNREACH, EPIPE,
    // ECONNABORTED); Python's smtplib ("Connection unexpectedly closed") and getaddrinfo on
    // Windows ("[Errno 11001] getaddrinfo failed"); Go's resolver ("server misbehaving", its
    // SERVFAIL); Java's UnknownHostException and PKIX trust ("unable to find valid certification
    // path"); Ruby's EOFError ("end of file reached"); curl's "Couldn't resolve host".
    ("during hostname resolution", "DnsUnavailable"),
    ("eai_again", "DnsUnavailable"),
    ("server misbehaving", "DnsUnavailable"),
    ("could not be resolved", "HostNotFound"),
    ("couldn't resolve", "HostNotFound"),
    ("failed to resolve", "HostNotFound"),
    // Node's DNS refused by the resolver, and a local address that cannot be bound.
    ("erefused", "DnsUnavailable"),
    ("eaddrnotavail", "Network"),
    // Winsock's numbers, as Python's "[WinError 10061]" and .NET's "SocketException (10060)" show
    // them: WSAETIMEDOUT, WSAECONNREFUSED, WSAECONNRESET, WSAECONNABORTED, WSAHOST_NOT_FOUND.
    ("10060", "Timeout"),
    ("10061", "ConnectionRefused"),
    ("10054", "Closed"),
    ("10053", "Closed"),
    ("11001", "HostNotFound"),
    // PHP's stream that could not start TLS ("fsockopen(): Failed to enable crypto").
    ("enable crypto", "Tls"),
    ("enotfound", "HostNotFound"),
    ("unknownhostexception", "HostNotFound"),
    ("getaddrinfo failed", "HostNotFound"),
    ("actively refused", "ConnectionRefused"),
    ("did not properly respond", "Timeout"),
    ("failed to respond", "Timeout"),
    ("closed the transport stream", "Tls"),
    ("certification path", "Tls"),
    ("pkix path", "Tls"),
    ("forcibly closed", "Closed"),
    ("connection was aborted", "Closed"),
    ("econnaborted", "Closed"),
    ("net_io_connectionclosed", "Closed"),
    ("the transport connection", "Closed"),
    ("unexpectedly closed", "Closed"),
    ("end of file reached", "Closed"),
    ("epipe", "Closed"),
    // Go's io.EOF as its SMTP client returns it ("Failed to read SMTP server greeting: EOF"),
    // Python's smtplib.SMTPServerDisconnected, rustls's CorruptMessage.
    ("eof", "Closed"),
    ("smtpserverdisconnected", "Closed"),
    ("corruptmessage", "Tls"),
    ("unreachable network", "Network"),
    ("network unreachable", "Network"),
    ("unreachable host", "Network"),
    ("dead network", "Network"),
    ("ehostunreach", "Network"),
    ("enetunreach", "Network"),
    ("couldn't connect", "Network"),
    // Generic words last: a client's "network error: invalid peer certificate" is TLS, Swift
    // Mailer's "Connection could not be established with host …: SSL operation failed" too.
    ("could not be established", "Network"),
    ("network error", "Network"),
    ("server unavailable", "Network"),
];

/// The words after which a text asks for a delay ("try again in 1 hour"), found anywhere.
const DELAY_LEADS: [&str; 6] =
    ["try again in ", "try again after ", "retry in ", "retry after ", "again in ", "wait "];

/// The keyword rules (reason rules in file order, then retry "never_any_class", "never", "later",
/// "after_fix", "after_fix_permanent", "undelivered") as
/// `KeywordRule` literals, and every scan pattern: keyword phrases, provider markers, command
/// phrases, delay leads, the verdicts on a named address and failure phrases.
fn scan_patterns(data: &Data) -> (Vec<String>, Vec<Pattern>) {
    let explain = &data.explain;
    let reason_rules = keyword_rules(data);
    let mut rules: Vec<String> = reason_rules
        .iter()
        .map(|(reason, always, _)| format!("KeywordRule::Reason(Reason::{}, {always})", camel(reason)))
        .collect();
    let mut patterns = Vec::new();
    let word = |text: &String, output| Pattern { text: text.clone(), word_start: true, output, late: false };
    let client_rules = reason_rules.len() - explain.keyword.len();
    for (i, (_, _, phrases)) in reason_rules.iter().enumerate() {
        let late = i < client_rules;
        patterns.extend(phrases.iter().map(|p| Pattern { late, ..word(p, Output::Rule(i)) }));
    }
    // (verdict, list, whether it refines a 4xx too)
    let lists = [
        ("Never", &explain.retry.never_any_class, true),
        ("Never", &explain.retry.never, false),
        ("Later", &explain.retry.later, false),
        ("AfterFix", &explain.retry.after_fix, true),
        ("AfterFix", &explain.retry.after_fix_permanent, false),
    ];
    for (verdict, list, any_class) in lists {
        let rule = rules.len();
        patterns.extend(list.iter().map(|p| word(p, Output::Rule(rule))));
        rules.push(format!("KeywordRule::Retry(Retry::{verdict}, {any_class})"));
    }
    // Last, so that any retry phrase above decides first; a phrase beyond ASCII in its
    // capitalized form too, as a report's first word has it.
    let rule = rules.len();
    let undelivered =
        explain.retry.undelivered.iter().flat_map(|p| std::iter::once(p.clone()).chain(capitalized(p)));
    patterns.extend(undelivered.map(|p| word(&p, Output::Rule(rule))));
    rules.push("KeywordRule::Undelivered".to_string());
    for (i, p) in data.providers.provider.iter().enumerate() {
        patterns.extend(p.markers.iter().map(|m| word(m, Output::Provider(i))));
    }
    for ((phrase, _), run) in COMMAND_PHRASES.iter().zip(runs(&COMMAND_PHRASES).0) {
        patterns.push(Pattern {
            text: phrase.to_string(),
            word_start: false,
            output: Output::Command(run),
            late: false,
        });
    }
    for lead in DELAY_LEADS {
        patterns.push(Pattern {
            text: lead.to_string(),
            word_start: false,
            output: Output::Lead,
            late: false,
        });
    }
    patterns.extend(explain.named_address.verdicts.iter().map(|v| word(v, Output::Verdict)));
    let failures = failure_phrases(data);
    let client_failures = failures.len() - FAILURE_PHRASES.len();
    for (i, ((phrase, _), run)) in failures.iter().zip(runs(&failures).0).enumerate() {
        let output = Output::Failure(run);
        patterns.push(Pattern { text: phrase.clone(), word_start: true, output, late: i < client_failures });
    }
    (rules, patterns)
}

/// The runs of a phrase list: for each phrase, the index of the run of neighbours that name the
/// same value, and each run's value. The scanner reports the first run found, not the first
/// phrase: the same value, as runs keep the list's order, with far fewer distinct outputs.
fn runs<P, V: PartialEq + Clone>(phrases: &[(P, V)]) -> (Vec<usize>, Vec<V>) {
    let mut index = Vec::with_capacity(phrases.len());
    let mut values: Vec<V> = Vec::new();
    for (_, value) in phrases {
        if values.last() != Some(value) {
            values.push(value.clone());
        }
        index.push(values.len() - 1);
    }
    (index, values)
}

/// The scanner's automaton, built from the patterns: a deterministic Aho-Corasick automaton over
/// byte classes whose states are sets of trie nodes, stored as two dense default rows plus each
/// state's exceptions packed into one table (row displacement).
struct Automaton {
    /// Byte → class.
    classes: [u8; 256],
    class_count: usize,
    /// state → class → state, dense (only for building and measuring).
    next: Vec<Vec<usize>>,
    /// state → index of its output in `outputs` (0: none).
    output: Vec<usize>,
    /// Distinct outputs: (first keyword reason rule, first retry rule, provider bits, first
    /// command phrase, a delay lead, first failure phrase, a verdict on a named address).
    outputs: Vec<(usize, usize, u64, usize, bool, usize, bool)>,
    /// state → default row (0: inside a word, 1: at a word start, 2: after a two-byte letter's
    /// first byte).
    row: Vec<usize>,
    /// state → whether only late patterns (client messages) have begun in it.
    late: Vec<bool>,
    /// The dense default rows: the states with no partial match, in each row.
    rows: [usize; SCAN_ROW_COUNT],
    start: usize,
    trie_nodes: usize,
}

/// Builds the automaton: a trie of the patterns, then the subset construction. A state is the set
/// of trie nodes that end at the current byte and began where their pattern may begin: node 0,
/// the root of the word-start patterns, is in the set exactly at word starts; node 1, the root of
/// the patterns matched anywhere, always. Scanning is linear: one transition per byte.
/// `keyword_rules` counts every keyword rule; the first `reason_rules` of them name reasons, the
/// rest retry verdicts.
fn build_automaton(
    patterns: &[Pattern],
    keyword_rules: usize,
    reason_rules: usize,
) -> Result<Automaton, String> {
    // Byte classes: bytes that no pattern tells apart share a class. A byte's identity is its
    // lowercase form if some pattern holds it, and whether it is alphanumeric (word starts).
    let used: BTreeSet<u8> = patterns.iter().flat_map(|p| p.text.bytes()).collect();
    let mut signatures: BTreeMap<(Option<u8>, ByteKind), u8> = BTreeMap::new();
    let mut classes = [0u8; 256];
    for byte in 0..=255u8 {
        let lower = byte.to_ascii_lowercase();
        let signature = (used.contains(&lower).then_some(lower), byte_kind(byte));
        let next = signatures.len();
        let class = *signatures.entry(signature).or_insert(next as u8);
        classes[usize::from(byte)] = class;
    }
    let class_count = signatures.len();
    let mut kinds = vec![ByteKind::Other; class_count];
    for (&(_, kind), &class) in &signatures {
        kinds[usize::from(class)] = kind;
    }
    // The trie, node 0 the root of the word-start patterns, node 1 of the others; children by class.
    let mut children: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(), BTreeMap::new()];
    let mut ends: Vec<Vec<Output>> = vec![Vec::new(), Vec::new()];
    // Whether only late patterns pass through a node.
    let mut late_node = vec![false, false];
    for pattern in patterns {
        let mut node = if pattern.word_start { 0 } else { 1 };
        for byte in pattern.text.bytes() {
            let class = usize::from(classes[usize::from(byte)]);
            node = match children[node].get(&class) {
                Some(&child) => child,
                None => {
                    children.push(BTreeMap::new());
                    ends.push(Vec::new());
                    late_node.push(true);
                    let child = children.len() - 1;
                    children[node].insert(class, child);
                    child
                }
            };
            // Client messages' excerpts, and phrases in a script beyond ASCII (a text in
            // English never reaches their states), are packed after the rest.
            late_node[node] &= pattern.late || !pattern.text.as_bytes()[0].is_ascii();
        }
        ends[node].push(pattern.output);
    }
    // Subset construction. State 0: inside a word, nothing begun; state 1: at a word start;
    // state 2: after a two-byte letter's first byte, which `LETTER` in a set marks (it is no
    // trie node: it only tells the byte after it that the letter goes on).
    const LETTER: usize = usize::MAX;
    let mut ids: BTreeMap<Vec<usize>, usize> = BTreeMap::new();
    let mut sets: Vec<Vec<usize>> = Vec::new();
    for set in [vec![1], vec![0, 1], vec![1, LETTER]] {
        ids.insert(set.clone(), sets.len());
        sets.push(set);
    }
    let mut next: Vec<Vec<usize>> = Vec::new();
    let mut index = 0;
    while index < sets.len() {
        let mut row = Vec::with_capacity(class_count);
        let in_letter = sets[index].contains(&LETTER);
        for (class, &kind) in kinds.iter().enumerate() {
            let mut set: Vec<usize> = sets[index]
                .iter()
                .filter(|&&node| node != LETTER)
                .filter_map(|node| children[*node].get(&class).copied())
                .collect();
            set.push(1);
            match kind {
                ByteKind::Alphanumeric => {}
                ByteKind::LetterLead => set.push(LETTER),
                ByteKind::Continuation if in_letter => {}
                ByteKind::Continuation | ByteKind::Other => set.push(0),
            }
            set.sort_unstable();
            let id = match ids.get(&set) {
                Some(&id) => id,
                None => {
                    ids.insert(set.clone(), sets.len());
                    sets.push(set);
                    sets.len() - 1
                }
            };
            row.push(id);
        }
        next.push(row);
        index += 1;
    }
    // The limits of `Output`: u8 indices (255: none) and a u64 of providers.
    if keyword_rules >= 255 {
        return Err("at most 254 keyword rules".into());
    }
    for pattern in patterns {
        match pattern.output {
            Output::Provider(p) if p >= 64 => return Err("at most 64 providers".into()),
            Output::Command(c) | Output::Failure(c) if c >= 255 => {
                return Err("at most 254 runs of command or failure phrases".into());
            }
            _ => {}
        }
    }
    let mut outputs: Vec<(usize, usize, u64, usize, bool, usize, bool)> =
        vec![(255, 255, 0, 255, false, 255, false)];
    let mut output = Vec::with_capacity(sets.len());
    for set in &sets {
        let mut found = (255usize, 255usize, 0u64, 255usize, false, 255usize, false);
        for out in set.iter().filter(|&&node| node != LETTER).flat_map(|node| &ends[*node]) {
            match *out {
                Output::Rule(rule) if rule >= reason_rules => found.1 = found.1.min(rule),
                Output::Rule(rule) => found.0 = found.0.min(rule),
                Output::Provider(p) => found.2 |= 1 << p,
                Output::Command(c) => found.3 = found.3.min(c),
                Output::Lead => found.4 = true,
                Output::Failure(f) => found.5 = found.5.min(f),
                Output::Verdict => found.6 = true,
            }
        }
        let at = outputs.iter().position(|o| *o == found).unwrap_or_else(|| {
            outputs.push(found);
            outputs.len() - 1
        });
        output.push(at);
    }
    let row = sets
        .iter()
        .map(|set| match (set.first(), set.last()) {
            (Some(0), _) => 1,
            (_, Some(&LETTER)) => 2,
            _ => 0,
        })
        .collect();
    let late = sets
        .iter()
        .map(|set| {
            let mut nodes = set.iter().filter(|&&n| n != LETTER);
            nodes.clone().any(|&n| n > 1) && nodes.all(|&n| n <= 1 || late_node[n])
        })
        .collect();
    Ok(Automaton {
        classes,
        class_count,
        next,
        output,
        outputs,
        row,
        late,
        rows: [0, 1, 2],
        start: 1,
        trie_nodes: children.len(),
    })
}

/// Writes the scanner: byte classes, the two dense rows, the states and their packed exceptions.
fn write_scan(w: &mut String, data: &Data) {
    let (rules, patterns) = scan_patterns(data);
    writeln!(w, "/// Keyword rules, most specific first.").unwrap();
    writeln!(
        w,
        "pub(crate) static KEYWORD_RULES: [KeywordRule; {}] = [{}];\n",
        rules.len(),
        rules.join(", ")
    )
    .unwrap();
    let automaton = match build_automaton(&patterns, rules.len(), keyword_rules(data).len()) {
        Ok(automaton) => automaton,
        Err(problem) => {
            writeln!(w, "compile_error!({problem:?});").unwrap();
            return;
        }
    };
    let a = &automaton;
    let n = a.class_count;
    // The output's pseudo-class: past every byte class, its check matches no byte's key.
    let output_class = n;
    // Exceptions: where a state's transition differs from its default row, and its output.
    let exceptions: Vec<Vec<(usize, u32)>> = (0..a.next.len())
        .map(|s| {
            let default = &a.next[a.rows[a.row[s]]];
            let mut list: Vec<(usize, u32)> =
                (0..n).filter(|&c| a.next[s][c] != default[c]).map(|c| (c, a.next[s][c] as u32)).collect();
            if a.output[s] != 0 {
                list.push((output_class, a.output[s] as u32));
            }
            list
        })
        .collect();
    // A state's flags are the low bits of its base: the residue its base must have.
    let flags = |s: usize| usize::from(a.output[s] != 0) * SCAN_OUTPUT_FLAG;
    let step = SCAN_OUTPUT_FLAG * 2;
    // Row displacement, first fit, in the order the states were found (breadth first: the
    // states near the start, those a scan visits most, get the first slots and share cache
    // lines; measured a little faster than largest rows first, in no more slots); every state
    // gets its own base, of its flags' residue. The states only client messages' excerpts reach
    // come after all others, so that they do not spread the others over more cache lines.
    let mut order: Vec<usize> = (0..a.next.len()).filter(|&s| !exceptions[s].is_empty()).collect();
    order.sort_by_key(|&s| a.late[s]);
    let mut owner: Vec<Option<usize>> = Vec::new();
    let mut base_used: Vec<bool> = Vec::new();
    let mut base = vec![usize::MAX; a.next.len()];
    let mut first_free = 0;
    for &s in &order {
        while owner.get(first_free).is_some_and(Option::is_some) {
            first_free += 1;
        }
        let mut b = first_free.saturating_sub(exceptions[s][0].0);
        b += (flags(s) + step - b % step) % step;
        while base_used.get(b).is_some_and(|&used| used)
            || exceptions[s].iter().any(|&(c, _)| owner.get(b + c).is_some_and(Option::is_some))
        {
            b += step;
        }
        base[s] = b;
        if base_used.len() <= b {
            base_used.resize(b + 1, false);
        }
        base_used[b] = true;
        for &(c, _) in &exceptions[s] {
            if owner.len() <= b + c {
                owner.resize(b + c + 1, None);
            }
            owner[b + c] = Some(s);
        }
    }
    // States without exceptions or output: any base of their own, of their residue.
    for (s, base) in base.iter_mut().enumerate().filter(|(_, b)| **b == usize::MAX) {
        let mut b = flags(s);
        while base_used.get(b).is_some_and(|&used| used) {
            b += step;
        }
        if base_used.len() <= b {
            base_used.resize(b + 1, false);
        }
        base_used[b] = true;
        *base = b;
    }
    let states = a.next.len();
    // A state is its base: one slot load per transition (and one from a default row, not
    // dependent on it), the state's flags seen without a load. The slots are padded with free
    // slots to the highest base and 256 classes past it, so that no index a scan computes is
    // out of the table.
    let max_base = base.iter().copied().max().unwrap_or(0);
    let slot_count = owner.len().max(max_base + 256);
    if slot_count > 1 << SCAN_CHECK_SHIFT
        || a.outputs.len() > 1 << SCAN_CHECK_SHIFT
        || output_class + 1 >= 1 << SCAN_CHECK_BITS
    {
        writeln!(w, "compile_error!(\"the scanner outgrew its state encoding\");").unwrap();
        return;
    }
    let value = |s: usize| -> u32 { base[s] as u32 };
    let mut slots = vec![0u32; slot_count];
    for (s, list) in exceptions.iter().enumerate() {
        for &(c, target) in list {
            // The next state xor the class's tag: a slot xor its class's key (check and tag)
            // is the next state. The output's slot holds the output's index.
            let held = if c == output_class {
                target
            } else {
                let tag = c as u32 | (a.row[target as usize] as u32) << 8;
                value(target as usize) ^ tag
            };
            slots[base[s] + c] = (c as u32 + 1) << SCAN_CHECK_SHIFT | held;
        }
    }
    let exception_count: usize = exceptions.iter().map(Vec::len).sum();
    let output_states = a.output.iter().filter(|&&o| o != 0).count();
    let bytes = 256 + SCAN_ROW_COUNT * n * 4 + slots.len() * 4 + a.outputs.len() * 16;
    writeln!(w, "/// The one-pass scanner (`crate::scan`): every keyword phrase of data/explain.toml, every")
        .unwrap();
    writeln!(w, "/// provider marker of data/providers.toml, the command, delay and failure phrases in one")
        .unwrap();
    writeln!(
        w,
        "/// deterministic automaton over ASCII-lowercased byte classes: {} patterns, {} trie nodes,",
        patterns.len(),
        a.trie_nodes
    )
    .unwrap();
    writeln!(
        w,
        "/// {states} states × {n} classes = {} transitions, stored as {SCAN_ROW_COUNT} dense default rows and",
        states * n
    )
    .unwrap();
    writeln!(
        w,
        "/// {} exceptions and {output_states} outputs packed into {} slots: {bytes} bytes in all (a dense",
        exception_count - output_states,
        slots.len()
    )
    .unwrap();
    writeln!(w, "/// table of u32 would take {} bytes).", states * n * 4).unwrap();
    writeln!(w, "pub(crate) const SCAN_CLASS_COUNT: usize = {n};\n").unwrap();
    let items: Vec<String> = a.classes.iter().map(u8::to_string).collect();
    writeln!(w, "/// Byte → class (a byte and its ASCII lowercase share a class).").unwrap();
    writeln!(w, "pub(crate) static SCAN_CLASSES: [u8; 256] = [{}];\n", items.join(", ")).unwrap();
    writeln!(
        w,
        "/// A state is its base, the index of its slots in `SCAN_SLOTS` (the highest is {max_base}). Set in a"
    )
    .unwrap();
    writeln!(
        w,
        "/// state when it has found something: its slot of class `SCAN_CLASS_COUNT` holds the index"
    )
    .unwrap();
    writeln!(w, "/// of what it found in `SCAN_OUTPUTS`.").unwrap();
    writeln!(w, "pub(crate) const SCAN_OUTPUT_FLAG: u32 = {SCAN_OUTPUT_FLAG};\n").unwrap();
    writeln!(w, "/// The state a scan starts in (a word start, nothing begun).").unwrap();
    writeln!(w, "pub(crate) const SCAN_START: u32 = {};\n", value(a.start)).unwrap();
    writeln!(w, "/// The default transitions, class by class: inside a word, at a word start, and after a")
        .unwrap();
    writeln!(w, "/// two-byte letter's first byte, with nothing begun.").unwrap();
    let rows: Vec<String> = a
        .rows
        .iter()
        .map(|&r| {
            let row: Vec<String> = a.next[r].iter().map(|&t| value(t).to_string()).collect();
            format!("[{}]", row.join(", "))
        })
        .collect();
    writeln!(
        w,
        "pub(crate) static SCAN_ROWS: [[u32; SCAN_CLASS_COUNT]; {SCAN_ROW_COUNT}] = [{}];\n",
        rows.join(", ")
    )
    .unwrap();
    writeln!(
        w,
        "/// A slot holds `class + 1 << SCAN_CHECK_SHIFT | next state ^ tag`: its check is the class of"
    )
    .unwrap();
    writeln!(
        w,
        "/// the transition, and as every state has a base of its own, the state whose base is the slot's"
    )
    .unwrap();
    writeln!(
        w,
        "/// index less that class owns it. 0 is a free slot. The tag is `class | 256` for a class of"
    )
    .unwrap();
    writeln!(
        w,
        "/// bytes that are not ASCII alphanumeric, else `class`. A slot xor its class's key (`class + 1"
    )
    .unwrap();
    writeln!(
        w,
        "/// << SCAN_CHECK_SHIFT | tag`) is below `1 << SCAN_CHECK_SHIFT` exactly when it is the state's,"
    )
    .unwrap();
    writeln!(
        w,
        "/// and is then the next state. The slot of class `SCAN_CLASS_COUNT` (check `SCAN_CLASS_COUNT + 1`,"
    )
    .unwrap();
    writeln!(w, "/// no byte's) of a state with [`SCAN_OUTPUT_FLAG`] holds the index of its output.")
        .unwrap();
    writeln!(w, "pub(crate) const SCAN_CHECK_SHIFT: u32 = {SCAN_CHECK_SHIFT};").unwrap();
    writeln!(w, "const _: () = assert!(SCAN_CLASS_COUNT < (1 << (32 - SCAN_CHECK_SHIFT)) - 1);\n").unwrap();
    writeln!(w, "/// Packed exceptions: slot `base + class` is the state's when its check is that class.")
        .unwrap();
    writeln!(w, "/// Padded to the highest base and 256 classes past it.").unwrap();
    let items: Vec<String> = slots.iter().map(u32::to_string).collect();
    writeln!(w, "pub(crate) static SCAN_SLOTS: [u32; {}] = [{}];\n", slots.len(), items.join(", ")).unwrap();
    writeln!(w, "/// What a state has found (255: nothing of that kind).").unwrap();
    let items: Vec<String> = a
        .outputs
        .iter()
        .map(|(r, t, p, c, l, f, v)| {
            format!(
                "Output {{ reason_rule: {r}, retry_rule: {t}, providers: {p:#x}, command: {c}, lead: {l}, failure: {f}, verdict: {v} }}"
            )
        })
        .collect();
    writeln!(w, "pub(crate) static SCAN_OUTPUTS: [Output; {}] = [{}];\n", a.outputs.len(), items.join(", "))
        .unwrap();
    let items: Vec<String> = runs(&COMMAND_PHRASES).1.iter().map(|c| format!("Command::{c}")).collect();
    writeln!(w, "/// The command each run of command phrases shows (in list order).").unwrap();
    writeln!(w, "pub(crate) static SCAN_COMMANDS: [Command; {}] = [{}];\n", items.len(), items.join(", "))
        .unwrap();
    let failures = failure_phrases(data);
    let items: Vec<String> = runs(&failures).1.iter().map(|f| format!("Failure::{f}")).collect();
    writeln!(w, "/// The failure each run of failure phrases names (in list order).").unwrap();
    writeln!(w, "pub(crate) static SCAN_FAILURES: [Failure; {}] = [{}];\n", items.len(), items.join(", "))
        .unwrap();
    // The patterns themselves, for the reference matcher of the tests.
    let items: Vec<String> = patterns
        .iter()
        .map(|p| {
            let (kind, value) = match p.output {
                Output::Rule(r) => ("Rule", r),
                Output::Provider(i) => ("Provider", i),
                Output::Command(i) => ("Command", i),
                Output::Lead => ("Lead", 0),
                Output::Failure(i) => ("Failure", i),
                Output::Verdict => ("Verdict", 0),
            };
            format!("({:?}, {}, Kind::{kind}, {value})", p.text, p.word_start)
        })
        .collect();
    writeln!(
        w,
        "/// Every pattern: (text, matched at word starts only, kind, value), for the tests' reference."
    )
    .unwrap();
    writeln!(
        w,
        "#[cfg(test)]\npub(crate) static SCAN_PATTERNS: [(&str, bool, crate::scan::Kind, u8); {}] = [{}];\n",
        items.len(),
        items.join(", ")
    )
    .unwrap();
}
