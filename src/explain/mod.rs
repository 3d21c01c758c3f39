//! Explanations of real server replies: why, whether to retry, who must act, what to do.

mod code_text;
mod context;
mod failure;
mod find;
mod keywords;
mod named_address;
mod reason;
mod verdict;

use core::fmt::{self, Display};
use core::time::Duration;

pub use context::{Context, ServerRole};
pub use failure::Failure;
#[cfg(feature = "std")]
pub(crate) use failure::find as find_failure;
pub(crate) use keywords::{
    KeywordRule, ends_with_lower, eq_lower, find_either_ignore_case, find_ignore_case, starts_with_lower,
};
pub use reason::Reason;
pub(crate) use reason::ReasonText;
#[cfg(feature = "dsn")]
pub(crate) use verdict::bounce_of;
pub use verdict::{Bounce, FixOwner, Retry};
pub(crate) use verdict::{BounceScope, ReasonPolicy};

use crate::compare::Label;
use crate::provider::{self, Provider, ProviderRule, Segments};
use crate::text::Advice;
use crate::ui::ui;
use crate::{
    Class, Command, EnhancedCode, EnhancedStatus, Locale, ParseError, Reply, ReplyCode, generated, scan,
};

/// What a reply — or a failure with no reply — means for the person who sent the mail: the
/// reason, whether to retry, who must act, a one-sentence summary and a remedy.
///
/// One type for every source: [`explain`](crate::explain) and [`explain_text`](crate::explain_text)
/// build it from replies and texts, and every client integration (lettre, mail-send,
/// async-smtp, through the [`Explain`](crate::Explain) trait) from its errors, whether the server
/// replied ([`code`](Self::code) is `Some`) or the connection, DNS or TLS failed
/// ([`failure`](Self::failure) is `Some`). `Display` prints the summary and the remedy in English;
/// [`render`](Self::render) prints everything in any [`Locale`].
///
/// ```
/// use smtp_codes::{explain, Reason, Retry, FixOwner};
/// let e = explain("535 5.7.8 Error: authentication failed").unwrap();
/// assert_eq!(e.reason(), Reason::AuthFailed);
/// assert_eq!(e.retry(), Retry::AfterFix);
/// assert_eq!(e.fix_owner(), FixOwner::SenderUser);
/// assert_eq!(e.bounce(), None); // a wrong password says nothing about the recipient
/// assert_eq!(e.summary(), "The server rejected the user name or password.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Explanation {
    code: Option<u16>,
    enhanced: Option<EnhancedCode>,
    failure: Option<Failure>,
    reason: Reason,
    retry: Retry,
    retry_after: Option<u32>,
    role: Option<ServerRole>,
    command: Option<Command>,
    provider: Option<u8>,
    rule: Option<u8>,
}

impl Explanation {
    /// Explains a parsed reply.
    pub fn from_reply(reply: &Reply<'_>) -> Explanation {
        Explanation::from_reply_with(reply, &Context::UNKNOWN)
    }

    /// Explains a parsed reply, with what the client knows about where it came from.
    pub fn from_reply_with(reply: &Reply<'_>, context: &Context<'_>) -> Explanation {
        // qmail and some others write the enhanced code at the end: "(#5.7.1)".
        let hash = |line: &[u8]| hash_enhanced(line);
        let text = reply.text();
        let mut found = scan::Matches::new();
        if reply.line_count() == 1 {
            // One line (most replies): its text without finding its end again, as the only
            // segment.
            let segment = single_line_text(reply);
            let enhanced = reply.enhanced().or_else(|| hash(segment));
            found.scan_lines(core::iter::once(segment));
            return Explanation::decide(reply.code(), enhanced, &|visit| visit(segment), found, context);
        }
        // The segments of a reply of a few lines are read once, not again each time the decision
        // visits them (each reading finds the line ends anew).
        const FEW: usize = 4;
        if reply.line_count() <= FEW {
            let mut segments: [&[u8]; FEW] = [&[]; FEW];
            let mut count = 0;
            for (slot, segment) in segments.iter_mut().zip(text.segments()) {
                *slot = segment;
                count += 1;
            }
            let segments = &segments[..count];
            // Without an enhanced code at the start, the segments are the lines' texts.
            let enhanced = reply.enhanced().or_else(|| segments.iter().find_map(|segment| hash(segment)));
            found.scan_lines(segments.iter().copied());
            return Explanation::decide(
                reply.code(),
                enhanced,
                &|visit| segments.iter().for_each(|segment| visit(segment)),
                found,
                context,
            );
        }
        let enhanced = reply.enhanced().or_else(|| reply.lines().find_map(|line| hash(line.as_bytes())));
        found.scan_lines(text.segments());
        Explanation::decide(
            reply.code(),
            enhanced,
            &|visit| text.segments().for_each(&mut *visit),
            found,
            context,
        )
    }

    /// Explains a reply from its parts: the code, the enhanced code if known, and the text.
    ///
    /// Useful when a library has already split a reply (lettre's `Response`, a log parser).
    ///
    /// ```
    /// use smtp_codes::{Explanation, Reason};
    /// let e = Explanation::from_parts(550, None, "Requested action not taken: mailbox unavailable (user unknown)").unwrap();
    /// assert_eq!(e.reason(), Reason::MailboxUnknown);
    /// assert!(Explanation::from_parts(42, None, "").is_none());
    /// ```
    pub fn from_parts(code: u16, enhanced: Option<EnhancedCode>, text: &str) -> Option<Explanation> {
        Explanation::from_parts_with(code, enhanced, text, &Context::UNKNOWN)
    }

    /// [`from_parts`](Self::from_parts) with what the client knows about where the reply came from.
    pub fn from_parts_with(
        code: u16,
        enhanced: Option<EnhancedCode>,
        text: &str,
        context: &Context<'_>,
    ) -> Option<Explanation> {
        Class::of(code)?;
        let enhanced = enhanced
            .or_else(|| crate::reply::leading_enhanced(text.as_bytes()))
            .or_else(|| hash_enhanced(text.as_bytes()));
        let mut found = scan::Matches::new();
        found.scan(text.as_bytes());
        Some(Explanation::decide(code, enhanced, &|visit| visit(text.as_bytes()), found, context))
    }

    /// Explains a failure with no reply: a timeout, a refused connection, DNS, TLS.
    ///
    /// ```
    /// use smtp_codes::{Explanation, Failure, Reason, Retry};
    /// let e = Explanation::from_failure(Failure::Timeout);
    /// assert_eq!((e.code(), e.reason(), e.retry()), (None, Reason::NetworkError, Retry::Later));
    /// assert_eq!(e.summary(), "The mail server did not answer in time.");
    /// ```
    pub fn from_failure(failure: Failure) -> Explanation {
        Explanation::from_failure_with(failure, &Context::UNKNOWN)
    }

    /// [`from_failure`](Self::from_failure) with what the client knows.
    pub fn from_failure_with(failure: Failure, context: &Context<'_>) -> Explanation {
        let provider = context.host.and_then(|host| {
            let mut found = scan::Matches::new();
            found.scan_anywhere(host.as_bytes());
            found.provider()
        });
        Explanation {
            code: None,
            enhanced: None,
            failure: Some(failure),
            reason: failure.reason(),
            retry: failure.retry(),
            retry_after: None,
            role: context.role,
            command: context.command,
            provider,
            rule: None,
        }
    }

    /// Explains a delivery status alone (a DSN's `Status: 5.1.1` with no reply text): the
    /// enhanced code's subject and detail decide, else its class.
    ///
    /// ```
    /// use smtp_codes::{EnhancedCode, Explanation, Reason, Retry};
    /// let e = Explanation::from_status("4.4.7".parse().unwrap());
    /// assert_eq!((e.code(), e.reason()), (None, Reason::Expired));
    /// ```
    pub fn from_status(status: EnhancedCode) -> Explanation {
        let transient = status.class() == 4;
        let reason = status_reason(status).map(|(reason, _)| reason).unwrap_or(match status.class() {
            2 => Reason::Ok,
            4 => Reason::ServiceUnavailable,
            _ => Reason::Other,
        });
        let policy = generated::reason_policy(reason);
        let retry = if status.class() == 2 {
            Retry::NotNeeded
        } else if transient {
            policy.transient
        } else {
            policy.permanent
        };
        Explanation {
            code: None,
            enhanced: Some(status),
            failure: None,
            reason,
            retry,
            retry_after: None,
            role: None,
            command: Some(Command::Dsn),
            provider: None,
            rule: None,
        }
    }

    /// The same explanation with the verdict a whole report decided (a bounce's action and
    /// wording can outweigh the quoted reply); a provider rule that no longer fits is dropped.
    #[cfg(feature = "dsn")]
    pub(crate) fn with_verdict(mut self, reason: Reason, retry: Retry) -> Explanation {
        if reason != self.reason {
            self.rule = None;
        }
        self.reason = reason;
        self.retry = retry;
        self
    }

    /// A message the MTA gave up on is not retried as it was: a temporary verdict becomes the
    /// reason's verdict for a permanent failure.
    fn given_up(&mut self) {
        if self.retry == Retry::Later {
            self.retry = generated::reason_policy(self.reason).permanent;
        }
    }

    /// A report with no reply and no status, explained by its words alone (a bounce's "mailbox
    /// is full", "delivery time expired"): a failure that was given up on, so the permanent
    /// verdict of the reason.
    fn from_words(reason: Reason, context: &Context<'_>) -> Explanation {
        Explanation {
            code: None,
            enhanced: None,
            failure: None,
            reason,
            retry: generated::reason_policy(reason).permanent,
            retry_after: None,
            role: context.role,
            command: context.command,
            provider: None,
            rule: None,
        }
    }

    /// Decides from the code, the enhanced code and the reply's text (`segments`), with what one
    /// pass of the scanner `found` in it: its keywords and delays, and the providers shown in it
    /// or in the whole text it was found in (a log line, a session transcript: `relay=…`, the
    /// server's greeting count as shown).
    fn decide(
        code: u16,
        enhanced: Option<EnhancedCode>,
        segments: Segments<'_>,
        mut found: scan::Matches,
        context: &Context<'_>,
    ) -> Explanation {
        if let Some(host) = context.host {
            found.scan_anywhere(host.as_bytes());
        }
        // A marker in the text, else a private status code only one provider sends.
        let provider = found.provider().or_else(|| enhanced.and_then(provider::by_status));
        let class = Class::of(code).unwrap_or(Class::PermanentNegative);
        let mut explanation = Explanation {
            code: Some(code),
            enhanced,
            failure: None,
            reason: Reason::Ok,
            retry: Retry::NotNeeded,
            retry_after: None,
            role: context.role,
            command: context.command,
            provider,
            rule: None,
        };
        if class.is_positive() {
            // XOAUTH2 (Gmail, Microsoft): a failed token comes back as a 334 challenge whose
            // base64 JSON carries an HTTP-like error status.
            let mut oauth_error = false;
            if code == 334 {
                segments(&mut |segment| oauth_error |= xoauth2_error(segment));
            }
            if oauth_error {
                explanation.reason = Reason::AuthFailed;
                explanation.retry = Retry::AfterFix;
            }
            return explanation;
        }
        let retry_after = found.delay();
        explanation.retry_after = retry_after;
        if let Some(index) = provider.and_then(|p| provider::matching_rule(p, code, enhanced, segments)) {
            let rule = provider::rule(index);
            explanation.reason = rule.reason();
            explanation.retry = rule.retry();
            explanation.rule = Some(index);
            return explanation;
        }
        // From the code: a specific enhanced code first, then the reply code, then the class.
        let from_enhanced = enhanced.and_then(|e| {
            let (reason, weak) = status_reason(e)?;
            // A catch-all about the content (X.6.0) that is temporary says the server could not
            // read the content for now ("451 4.6.0 Content scanner malfunction"): the reply
            // code's reading, the server's trouble.
            if weak && reason == Reason::ContentRejected && class.is_transient() {
                return None;
            }
            Some((reason, weak || used_loosely(e, code)))
        });
        let from_basic = generated::basic_reason(code);
        // What the enhanced code says of an address, even where it is used loosely (550 5.1.8):
        // that it is the sender's (X.1.7, X.1.8, X.7.27), that it is malformed (X.1.3).
        let sender_syntax = enhanced.is_some_and(|e| (e.subject(), e.detail()) == (1, 7));
        let names_sender = sender_syntax || from_enhanced.is_some_and(|(r, _)| r == Reason::SenderRejected);
        let malformed_address = !sender_syntax
            && from_enhanced.is_some_and(|(r, _)| r == Reason::SyntaxError)
            && enhanced.is_some_and(|e| e.subject() == 1);
        let fallback = if class.is_transient() { Reason::ServiceUnavailable } else { Reason::Other };
        let (mut reason, weak) = match (from_enhanced, from_basic) {
            (Some((r, false)), _) => (r, false),
            (Some((_, true)), Some((b, false))) => (b, false),
            (Some((r, true)), _) => (r, true),
            (None, Some(b)) => b,
            (None, None) => (fallback, true),
        };
        // A reply that says nothing but its subject or "try again later" (see `bare_reason`).
        let bare = if weak { bare_reason(code, enhanced, segments) } else { None };
        // The text, when it is clearly more specific; else the command stage breaks the tie.
        match found.reason() {
            _ if bare.is_some() => reason = bare.unwrap_or(reason),
            // A vague word ("denied", "policy") does not outweigh the stage: a refusal of MAIL
            // FROM in vague words is still about the sender, one of the connection itself
            // ("554 Blocked") refuses the sending host (`stage_reason`).
            Some((keyword @ (Reason::PolicyBlocked | Reason::Other), false)) if weak => {
                reason = verdict_on_address(&found, segments)
                    .or_else(|| stage_reason(keyword, code, context))
                    .unwrap_or(keyword);
            }
            // A code that names what is wrong with an address decides over words that only say
            // which address or where it points: the sender's (X.1.7, X.1.8, X.7.27) or a
            // recipient domain's null MX (X.1.10, RFC 7505) for words about MX records, DNS or a
            // domain that accepts no mail; a malformed one (X.1.3) for "invalid sender".
            Some((Reason::NetworkError | Reason::MailboxUnknown, _)) if names_sender => {
                reason = Reason::SenderRejected;
            }
            Some((Reason::NetworkError, _))
                if !weak && enhanced.is_some_and(|e| (e.subject(), e.detail()) == (1, 10)) => {}
            Some((Reason::SenderRejected | Reason::MailboxUnknown, _)) if malformed_address => {
                reason = Reason::SyntaxError;
            }
            // 501 is a syntax error in the command's arguments (RFC 5321): words naming the
            // argument (the AUTH mechanism, the HELO name) say which one, not another reason.
            // A mechanism the server does not offer is 504 (RFC 4954), but some servers send
            // 501 for it: words that say the mechanism is not offered name that reason ("501
            // Authentication mechanism not supported"), where "Syntax: AUTH mechanism" does not.
            // Vague sender words ("invalid MAIL FROM address") name the argument too.
            Some((Reason::AuthMechanism, _)) if code == 501 && mechanism_not_offered(segments) => {
                reason = Reason::AuthMechanism;
            }
            Some(
                (Reason::AuthMechanism, _) | (Reason::PolicyBlocked, true) | (Reason::SenderRejected, false),
            ) if code == 501 => {
                reason = Reason::SyntaxError;
            }
            // "Invalid command" alone reads as a command the server does not know, but 501 (its
            // arguments) and 503 (its order) say what is wrong with it.
            Some((Reason::CommandUnrecognized, false)) if matches!(code, 501 | 503) => {}
            // 502 and 504 say a command or parameter is not available: "disabled", "not
            // active" then describe the command, not a mailbox ("VRFY has been disabled").
            Some((Reason::MailboxDisabled, _)) if matches!(code, 502 | 504) => {}
            // A specific code names why the message expired ("554 5.4.4 Message expired, unable
            // to route"), or what expired ("535 Authentication failed: the grant is invalid,
            // expired, or revoked": the credentials): the cause over the expiry, as for a
            // report without a reply (`explain_text`).
            Some((Reason::Expired, _)) if !weak && reason != Reason::Expired => {}
            // "Invalid" alone reads as a malformed argument, but a verdict on an address named
            // before it ("Recipient <x> invalid") says whose address is refused.
            Some((Reason::SyntaxError, false)) if weak => {
                reason = verdict_on_address(&found, segments).unwrap_or(Reason::SyntaxError);
            }
            Some((keyword, always)) if always || weak => reason = keyword,
            // Words that hold the address between the subject and the verdict ("User <benny>
            // unknown") say what the phrases would without it.
            None if weak => {
                reason = verdict_on_address(&found, segments)
                    .or_else(|| stage_reason(reason, code, context))
                    .unwrap_or(reason);
            }
            _ => {}
        }
        // Exchange Online refuses a recipient its directory does not hold (Directory Based Edge
        // Blocking) as "550 5.4.1 Recipient address rejected: Access denied": an unknown
        // recipient in policy words.
        if reason == Reason::PolicyBlocked
            && enhanced.is_some_and(|e| (e.class(), e.subject(), e.detail()) == (5, 4, 1))
        {
            let mut denied = false;
            segments(&mut |segment| denied |= find_ignore_case(segment, b"access denied").is_some());
            if denied {
                reason = Reason::MailboxUnknown;
            }
        }
        // A refused STARTTLS, whatever it says of the server's trouble ("454 4.7.0 TLS not
        // available due to local problem" after "TLS is required, but host … refused to start
        // TLS"): the message that needs TLS cannot go; the stage names the reason.
        if context.command == Some(Command::StartTls)
            && matches!(
                reason,
                Reason::ServiceUnavailable | Reason::NotImplemented | Reason::PolicyBlocked | Reason::Other
            )
        {
            reason = Reason::TlsRequired;
        }
        // A missing feature is not temporary: a 4xx saying a feature is not available ("454
        // 4.3.3 TLS not available") says the server cannot offer it for now.
        if class.is_transient() && reason == Reason::NotImplemented {
            reason = Reason::ServiceUnavailable;
        }
        let policy = generated::reason_policy(reason);
        let mut retry = if class.is_transient() { policy.transient } else { policy.permanent };
        match found.retry() {
            // "Never" words that are not any-class name an address or a domain that cannot
            // receive mail ("Host unknown", "inactive"): they refine a reason about the address
            // only. Said of the sender's own domain they ask the sender to fix it; of a server
            // that accepts no mail for now, the server's verdict stands.
            Some((Retry::Never, false)) if class.is_permanent() && !about_the_address(reason) => {}
            Some((verdict, _)) if class.is_permanent() => retry = verdict,
            // "Bare LF": even a 4xx will not go through until the client changes how it sends;
            // a 4xx saying outright that retrying will not succeed is not retried.
            Some((verdict, true)) => retry = verdict,
            _ => {}
        }
        if retry_after.is_some() && class.is_permanent() && retry == Retry::Never {
            retry = Retry::Later;
        }
        explanation.reason = reason;
        explanation.retry = retry;
        explanation
    }

    /// The reply code, when a server replied (`None` for a [`Failure`] or a status alone).
    pub const fn code(&self) -> Option<u16> {
        self.code
    }

    /// The class of the reply code, when a server replied.
    pub fn class(&self) -> Option<Class> {
        Class::of(self.code?)
    }

    /// What the crate knows about the reply code, when a standard defines it.
    pub fn reply_code(&self) -> Option<&'static ReplyCode> {
        crate::lookup(self.code?)
    }

    /// What failed when no reply came: a timeout, a refused connection, DNS, TLS.
    pub const fn failure(&self) -> Option<Failure> {
        self.failure
    }

    /// The server's role, when the caller said it ([`Context`]).
    pub const fn role(&self) -> Option<ServerRole> {
        self.role
    }

    /// The command the reply answered, when known ([`Context`], or read from the text).
    pub const fn command(&self) -> Option<Command> {
        self.command
    }

    /// How long to wait before retrying, when the server's text says so ("try again in 1
    /// hour", "after 30 minutes").
    ///
    /// ```
    /// use std::time::Duration;
    /// let e = smtp_codes::explain("550 5.4.5 Daily sending quota exceeded, try again in 24 hours").unwrap();
    /// assert_eq!(e.retry(), smtp_codes::Retry::Later);
    /// assert_eq!(e.retry_after(), Some(Duration::from_secs(24 * 3600)));
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after.map(|seconds| Duration::from_secs(u64::from(seconds)))
    }

    /// The enhanced status code the server gave: at the RFC 2034 position, or else in qmail's
    /// `(#5.7.1)` form.
    pub const fn enhanced(&self) -> Option<EnhancedCode> {
        self.enhanced
    }

    /// The registry entry of the enhanced code, when the registry lists it.
    pub fn enhanced_status(&self) -> Option<&'static EnhancedStatus> {
        self.enhanced?.status()
    }

    /// Why the server replied as it did.
    pub const fn reason(&self) -> Reason {
        self.reason
    }

    /// Whether and when to send again.
    pub const fn retry(&self) -> Retry {
        self.retry
    }

    /// What this says about the recipient address, for a mailing system: [`Bounce::Hard`] when
    /// the address itself is the problem and sending again cannot help, [`Bounce::Soft`] when
    /// delivery to it failed for now. `None` when it says nothing about the recipient: a
    /// positive reply, and sign-in, TLS, connection, sender or message problems — and anything
    /// but the address itself from the user's own submission server.
    pub fn bounce(&self) -> Option<Bounce> {
        if self.failure.is_some() {
            return None;
        }
        // From the user's own submission server, only the address itself is a bounce.
        let submission_delivery = self.role == Some(ServerRole::Submission)
            && generated::reason_policy(self.reason).bounce == BounceScope::Delivery;
        verdict::bounce_of(self.reason, self.retry).filter(|_| !submission_delivery)
    }

    /// Who must act for the message to go through.
    pub fn fix_owner(&self) -> FixOwner {
        if let Some(failure) = self.failure {
            return failure.fix_owner();
        }
        let policy = generated::reason_policy(self.reason);
        match self.role {
            Some(ServerRole::Submission) => policy.submission_fix_owner,
            _ => policy.fix_owner,
        }
    }

    /// One sentence a non-expert understands, in English (the provider's case when a provider
    /// rule matched). [`text`](Self::text) gives it in any language.
    pub fn summary(&self) -> &'static str {
        self.text(Locale::En).summary()
    }

    /// What to do about it, in English (the provider-specific remedy when a provider rule
    /// matched). [`text`](Self::text) gives it in any language.
    pub fn remedy(&self) -> &'static str {
        self.text(Locale::En).remedy()
    }

    /// The summary and the remedy in the given language.
    ///
    /// ```
    /// use smtp_codes::{explain, Locale};
    /// let e = explain("552 5.2.2 Mailbox full").unwrap();
    /// assert_ne!(e.text(Locale::Ja).summary(), e.summary());
    /// ```
    pub fn text(&self, locale: Locale) -> Advice {
        if let Some(failure) = self.failure {
            return failure.text(locale);
        }
        if let Some(rule) = self.provider_rule() {
            return rule.text(locale);
        }
        if self.role == Some(ServerRole::Submission) {
            if let Some(texts) = generated::submission_texts(self.reason) {
                return *texts.get(locale);
            }
        }
        self.reason.text(locale)
    }

    /// The provider the reply shows (by a host name, a help link, wording or a private status
    /// code only it uses).
    /// Never guessed: a reply that shows no provider has none.
    pub fn provider(&self) -> Option<&'static Provider> {
        self.provider.map(provider::provider)
    }

    /// The provider rule that decided this explanation, if one matched.
    pub fn provider_rule(&self) -> Option<&'static ProviderRule> {
        self.rule.map(provider::rule)
    }

    /// Everything about the reply, with labels in the given language.
    ///
    /// ```
    /// let e = smtp_codes::explain("550 5.1.1 <user@example.com>: Recipient address rejected").unwrap();
    /// let text = e.render(smtp_codes::Locale::Ja).to_string();
    /// assert!(text.contains("550") && text.contains("5.1.1"));
    /// ```
    pub fn render(&self, locale: Locale) -> impl Display + '_ {
        Rendered { explanation: self, locale }
    }
}

/// The text of a reply of one line, as its only segment (`reply.text().segments()`): the reply's
/// bytes after the code and the separator, without the line end (the reply holds no line feed but
/// its last byte).
fn single_line_text<'a>(reply: &Reply<'a>) -> &'a [u8] {
    let raw = reply.as_bytes();
    let line = raw.strip_suffix(b"\n").unwrap_or(raw);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.get(4..).unwrap_or_default()
}

/// What explicit words ("always" keyword rules) say in the lines of `text` before its reply: a
/// bounce's session transcript can name the failure (`mail.local: unknown user: bob`) before a
/// relaying server's generic reply (`554 <bob@…>... Service unavailable`).
#[cfg(feature = "dsn")]
pub(crate) fn words_before_reply(text: &str) -> Option<Reason> {
    let bytes = text.as_bytes();
    let reply = find::find(bytes)?;
    let start = offset_in(bytes, reply.region);
    let line_start = bytes[..start].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let mut found = scan::Matches::new();
    found.scan_within(bytes, 0, line_start);
    found.reason().filter(|&(_, always)| always).map(|(reason, _)| reason)
}

/// The reply an expiry quotes as its last error (`554 4.4.7 Message expired: … <421 4.4.2
/// Connection timed out>`): its code and enhanced code.
#[cfg(feature = "dsn")]
pub(crate) fn quoted_cause(text: &str) -> Option<(u16, EnhancedCode)> {
    let found = find::quoted_reply(text.as_bytes())?;
    Some((found.code, found.enhanced?))
}

/// The reason an enhanced status's subject and detail name (`[enhanced]` in
/// `data/explain.toml`), and whether that code is a catch-all a keyword may refine.
pub(crate) fn status_reason(status: EnhancedCode) -> Option<(Reason, bool)> {
    generated::enhanced_reason(status.subject(), status.detail())
}

/// The reason a weak code gets from the command it answered, when the text said nothing.
///
/// 550/553/501 at `MAIL FROM` refuse the sender; a 5xx at `AUTH` is a sign-in refusal; a
/// catch-all at `RCPT` without words stays "refused, reason not stated" ([`Reason::Other`]).
/// From a submission server, a catch-all policy refusal of `MAIL FROM` is about the sender. A
/// vague refusal of the connection itself (the greeting) refuses the sending host.
fn stage_reason(reason: Reason, code: u16, context: &Context<'_>) -> Option<Reason> {
    let command = context.command?;
    match (command, code) {
        (Command::Mail, 550 | 553 | 501 | 554) if reason != Reason::SpamBlocked => {
            Some(Reason::SenderRejected)
        }
        (Command::Auth | Command::AuthResponse, 500..=599) => Some(Reason::AuthFailed),
        (Command::StartTls, 400..=599) => Some(Reason::TlsRequired),
        (Command::Connect, 400..=599) if matches!(reason, Reason::Other | Reason::PolicyBlocked) => {
            Some(Reason::SpamBlocked)
        }
        (Command::EndOfData | Command::Data | Command::Bdat, 550 | 554) if reason == Reason::Other => {
            Some(Reason::PolicyBlocked)
        }
        _ => None,
    }
}

/// Whether a 334 challenge is an XOAUTH2 error: base64 of JSON such as
/// `{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}`.
fn xoauth2_error(text: &[u8]) -> bool {
    let text = text.trim_ascii();
    if text.len() < 16 || text.len() > 1024 {
        return false;
    }
    let mut decoded = [0u8; 768];
    let Some(len) = decode_base64(text, &mut decoded) else { return false };
    let json = &decoded[..len];
    let key = b"\"status\":\"";
    json.windows(key.len() + 1).any(|w| w.starts_with(key) && matches!(w[key.len()], b'4' | b'5'))
}

/// Standard base64 (with or without padding) into `out`; `None` on any other byte or overflow.
fn decode_base64(text: &[u8], out: &mut [u8]) -> Option<usize> {
    let value = |b: u8| -> Option<u32> {
        Some(u32::from(match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        }))
    };
    let (mut buffer, mut bits, mut len) = (0u32, 0u32, 0usize);
    for &b in text.iter().take_while(|&&b| b != b'=') {
        buffer = (buffer << 6) | value(b)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            *out.get_mut(len)? = (buffer >> bits) as u8;
            len += 1;
            buffer &= (1 << bits) - 1;
        }
    }
    Some(len)
}

/// The delay asked for by the words after a lead ("try again in " → "1 hour", "wait " → "30
/// minutes"): a number and a unit (seconds, minutes, hours, days). The scanner finds the leads.
pub(crate) fn delay_after(rest: &[u8]) -> Option<u32> {
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let amount: u32 = core::str::from_utf8(&rest[..digits]).ok()?.parse().ok()?;
    let unit = rest[digits..].strip_prefix(b" ").unwrap_or(&rest[digits..]);
    let starts = |word: &[u8]| starts_with_lower(unit, word);
    let seconds = if starts(b"sec") {
        1
    } else if starts(b"min") {
        60
    } else if starts(b"hour") || starts(b"hr") {
        3600
    } else if starts(b"day") {
        86_400
    } else {
        return None;
    };
    amount.checked_mul(seconds).filter(|&s| s > 0)
}

/// Where `inner`, a subslice of `outer`, starts in it.
fn offset_in(outer: &[u8], inner: &[u8]) -> usize {
    let offset = (inner.as_ptr() as usize).wrapping_sub(outer.as_ptr() as usize);
    debug_assert!(offset <= outer.len() && offset + inner.len() <= outer.len(), "not a subslice");
    offset.min(outer.len())
}

/// Words that say a SASL mechanism is not offered ("Unrecognized authentication mechanism",
/// "mechanism not supported", "Client must not start with this mechanism"), not that the AUTH
/// command's argument is malformed.
fn mechanism_not_offered(segments: Segments<'_>) -> bool {
    const NOT_OFFERED: [&[u8]; 8] = [
        b"unrecognized",
        b"unrecognised",
        b"not supported",
        b"unsupported",
        b"does not support",
        b"not available",
        b"must not",
        b"not allowed",
    ];
    let mut said = false;
    segments(&mut |segment| {
        said |= NOT_OFFERED.iter().any(|words| find_ignore_case(segment, words).is_some());
    });
    said
}

/// The reason a verdict on an address named between the words gives, in the first segment
/// that holds one ([`named_address`]), read only when the scanner `found` a verdict's words.
fn verdict_on_address(found: &scan::Matches, segments: Segments<'_>) -> Option<Reason> {
    if !found.verdict() {
        return None;
    }
    let mut named = None;
    segments(&mut |segment| {
        if named.is_none() {
            named = named_address::verdict_on_address(segment);
        }
    });
    named
}

/// The reason of a refusal whose words are only a bare statement, with no cause given:
///
/// - a 450/451 deferral saying only "try again later" (with no enhanced code, or a policy one,
///   X.7.x) is how greylisting answers: rspamd's "451 4.7.1 Try again later", OpenBSD spamd's
///   "451 Temporary failure, please try again later.", hMailServer's "451 Please try again
///   later." A system status (X.3.x, X.4.x) names the server's own trouble instead;
/// - a 5xx refusal saying only "message rejected" (denied, refused, not accepted) refuses the
///   message as such: its content;
/// - a 5xx refusal saying only "recipient rejected" (or "Recipient address rejected", "mailbox
///   unavailable") refuses an address the server does not know: a policy refusal names its
///   policy.
///
/// The statements are `[bare]` in `data/explain.toml`, read after RFC 5321's "Requested action
/// not taken:" when a reply begins with it; an enhanced code that says more than "other" (X.0.x)
/// or "policy" (X.7.x) is never bare.
fn bare_reason(code: u16, enhanced: Option<EnhancedCode>, segments: Segments<'_>) -> Option<Reason> {
    let policy_or_none = enhanced.is_none_or(|e| matches!(e.subject(), 0 | 7));
    if !policy_or_none || !(matches!(code, 450 | 451) || (500..600).contains(&code)) {
        return None;
    }
    // The statements the code may make; the words are read only as long as they begin one of
    // them (a 5xx's two lists at once: words that are one statement begin it at every word).
    let greylisting = matches!(code, 450 | 451);
    let (statements, firsts): (&[&[u8]], &[u8; 32]) =
        if greylisting { (&RETRY_LATER, &RETRY_LATER_FIRSTS) } else { (&BARE_REFUSED, &REFUSED_FIRSTS) };
    let mut reader = BareWords::new(statements, firsts);
    segments(&mut |segment| reader.read(after_requested_action(segment)));
    let words = reader.words()?;
    if greylisting {
        return generated::BARE_RETRY_LATER.contains(&words).then_some(Reason::Greylisted);
    }
    if generated::BARE_MESSAGE_REFUSED.contains(&words) {
        Some(Reason::ContentRejected)
    } else {
        generated::BARE_RECIPIENT_REFUSED.contains(&words).then_some(Reason::MailboxUnknown)
    }
}

/// `segment` after RFC 5321's own words for a refusal ("Requested action not taken:"), which
/// say no more than the code: "550 Requested action not taken: mailbox not available" is the
/// bare statement.
fn after_requested_action(segment: &[u8]) -> &[u8] {
    const LEADS: [&[u8]; 2] = [b"requested action not taken:", b"requested mail action not taken:"];
    // After the reply code and its separator ("550 ", "550-") and a status and its space, which
    // the reader passes over anyway; most replies are told apart by their first letter.
    let mut words = segment;
    if let [a, b, c, b' ' | b'-', rest @ ..] = words {
        if [a, b, c].iter().all(|d| d.is_ascii_digit()) {
            words = rest;
        }
    }
    if words.first().is_some_and(u8::is_ascii_digit) {
        if let Some(space) = words.iter().take(12).position(|&b| b == b' ') {
            words = &words[space + 1..];
        }
    }
    if !matches!(words.first(), Some(b'r' | b'R')) {
        return segment;
    }
    LEADS.iter().find(|lead| starts_with_lower(words, lead)).map_or(segment, |lead| &words[lead.len()..])
}

/// The greylisting statements, by first letter ([`by_first_letter`]).
const RETRY_LATER: [&[u8]; generated::BARE_RETRY_LATER.len()] = by_first_letter(generated::BARE_RETRY_LATER);

/// A 5xx's bare statements, the message's and the recipient's, by first letter
/// ([`by_first_letter`]).
const BARE_REFUSED: [&[u8]; generated::BARE_MESSAGE_REFUSED.len() + generated::BARE_RECIPIENT_REFUSED.len()] = {
    let (message, recipient) = (&generated::BARE_MESSAGE_REFUSED, &generated::BARE_RECIPIENT_REFUSED);
    let mut all: [&[u8]; generated::BARE_MESSAGE_REFUSED.len() + generated::BARE_RECIPIENT_REFUSED.len()] =
        [&[]; generated::BARE_MESSAGE_REFUSED.len() + generated::BARE_RECIPIENT_REFUSED.len()];
    let mut i = 0;
    while i < all.len() {
        all[i] = if i < message.len() { message[i] } else { recipient[i - message.len()] };
        i += 1;
    }
    by_first_letter(all)
};

/// `statements` ordered by their first letter (in their order otherwise): those that begin with
/// one letter follow one another, so a search among them ends at the first that does not.
const fn by_first_letter<const N: usize>(mut statements: [&'static [u8]; N]) -> [&'static [u8]; N] {
    const fn key(statement: &[u8]) -> u8 {
        match statement {
            [first, ..] => *first,
            [] => 0,
        }
    }
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && key(statements[j - 1]) > key(statements[j]) {
            let previous = statements[j - 1];
            statements[j - 1] = statements[j];
            statements[j] = previous;
            j -= 1;
        }
        i += 1;
    }
    statements
}

/// Where the statements that begin with each lowercase ASCII letter (`letter & 31`) begin among
/// `statements`: the first one's index, 255 when none does.
const fn first_of_letters(statements: &[&[u8]]) -> [u8; 32] {
    let mut firsts = [255; 32];
    let mut i = statements.len();
    while i > 0 {
        i -= 1;
        if let [first, ..] = statements[i] {
            firsts[(*first & 31) as usize] = i as u8;
        }
    }
    firsts
}

/// [`first_of_letters`] of the greylisting statements.
const RETRY_LATER_FIRSTS: [u8; 32] = first_of_letters(&RETRY_LATER);

/// [`first_of_letters`] of a 5xx's statements.
const REFUSED_FIRSTS: [u8; 32] = first_of_letters(&BARE_REFUSED);

/// The longest text a bare statement stands in: a longer reply says more than "try again later".
const BARE_TEXT_MAX: usize = 96;

/// The words of a short reply, read segment by segment: lowercase, single-spaced, tokens holding a
/// digit (the reply code, the enhanced code, a count) or an `@` (an address) dropped, and
/// punctuation. Each segment ends before Postfix's "(in reply to RCPT TO command)" (the log's, not
/// the server's). Reading stops as soon as the words begin none of `statements` (words are only
/// added after them, so they cannot become one) or the segments hold more than [`BARE_TEXT_MAX`]
/// bytes.
struct BareWords<'s> {
    /// The statements, those of one first letter one after another ([`by_first_letter`]).
    statements: &'s [&'s [u8]],
    /// Where those of each first letter begin ([`first_of_letters`]).
    firsts: &'s [u8; 32],
    /// The first of `statements` that the words begin (none before it does: they began none of
    /// them with fewer words).
    from: usize,
    /// The words; a byte past the end goes to the last slot (its token, if kept, does not fit).
    out: [u8; generated::BARE_MAX + 1],
    len: usize,
    /// The bytes of the segments read so far.
    bytes: usize,
    fits: bool,
}

impl<'s> BareWords<'s> {
    fn new(statements: &'s [&'s [u8]], firsts: &'s [u8; 32]) -> Self {
        BareWords {
            statements,
            firsts,
            from: 0,
            out: [0; generated::BARE_MAX + 1],
            len: 0,
            bytes: 0,
            fits: true,
        }
    }

    fn read(&mut self, segment: &[u8]) {
        const LOG: &[u8] = b"(in reply to ";
        let log_at = |at: usize| segment.get(at..at + LOG.len()).is_some_and(|s| s.eq_ignore_ascii_case(LOG));
        if !self.fits {
            return;
        }
        // The segment's own part must fit in the bytes left; it is read up to them (or up to the
        // log's words, whichever comes first), and ends there only if the log's words start there.
        let left = BARE_TEXT_MAX - self.bytes;
        let head = &segment[..segment.len().min(left)];
        let (out, statements) = (&mut self.out, (self.statements, self.firsts));
        let (mut len, mut from) = (self.len, self.from);
        // Each token's letters are written after a space (when words come before), and kept when
        // the token ends with no digit seen.
        let mut at = bare_start(len);
        let mut digit = false;
        let mut own = None;
        let mut i = 0;
        while i < head.len() {
            let b = head[i];
            // Letters and other bytes without a branch: a byte is written where the next letter
            // goes, and counts only if it is one.
            let kind = BARE_KIND[usize::from(b)];
            if kind & SPECIAL == 0 {
                if kind & DIGIT != 0 {
                    // The token is dropped: its other bytes up to the next white space or `(`
                    // are passed over.
                    digit = true;
                    i += 1;
                    while i < head.len() && BARE_KIND[usize::from(head[i])] & SPECIAL == 0 {
                        i += 1;
                    }
                    continue;
                }
                out[at.min(generated::BARE_MAX)] = b | 0x20;
                at += usize::from(kind & LETTER);
                i += 1;
                continue;
            }
            if b != b'(' {
                if !end_token(out, statements, &mut from, &mut len, &mut at, &mut digit) {
                    self.fits = false;
                    return;
                }
            } else if log_at(i) {
                own = Some(i);
                break;
            }
            i += 1;
        }
        let own = match own {
            Some(own) => own,
            None if segment.len() <= left => segment.len(),
            None if log_at(left) => left,
            None => {
                self.fits = false;
                return;
            }
        };
        self.fits = end_token(out, statements, &mut from, &mut len, &mut at, &mut digit);
        self.bytes += own;
        self.len = len;
        self.from = from;
    }

    /// The words read, unless reading stopped.
    fn words(&self) -> Option<&[u8]> {
        self.fits.then(|| &self.out[..self.len])
    }
}

/// [`BARE_KIND`]: an ASCII letter.
const LETTER: u8 = 1;
/// [`BARE_KIND`]: a digit or an `@` (its token is dropped).
const DIGIT: u8 = 2;
/// [`BARE_KIND`]: white space (the end of a token) or a `(` (maybe the log's words).
const SPECIAL: u8 = 4;

/// What [`BareWords`] makes of each byte.
const BARE_KIND: [u8; 256] = {
    let mut kinds = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        kinds[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' | b'@' => DIGIT,
            b' ' | b'\t' | b'\n' | b'\x0C' | b'\r' | b'(' => SPECIAL,
            _ => 0,
        };
        b += 1;
    }
    kinds
};

/// Where the next token's letters go: after a space when words come before.
#[inline(always)]
fn bare_start(len: usize) -> usize {
    len + usize::from(len > 0)
}

/// The end of a token of [`BareWords`] (its letters in `out` from [`bare_start`]`(len)` to `at`):
/// kept when it holds a letter and no digit, then compared with the statements from `from` on.
/// `false` when the words begin none of them.
#[inline(always)]
fn end_token(
    out: &mut [u8; generated::BARE_MAX + 1],
    (statements, firsts): (&[&[u8]], &[u8; 32]),
    from: &mut usize,
    len: &mut usize,
    at: &mut usize,
    digit: &mut bool,
) -> bool {
    let mut fits = true;
    if !*digit && *at > bare_start(*len) {
        if *len > 0 {
            out[(*len).min(generated::BARE_MAX)] = b' ';
        } else {
            // The first word: the statements that begin with its first letter, if any (most
            // replies have none).
            match firsts[usize::from(out[0] & 31)] {
                255 => return false,
                first => *from = usize::from(first),
            }
        }
        *len = *at;
        // Among the statements of the words' first letter (they follow one another), the last
        // letter first: most words begin no statement, and a comparison of slices is a call.
        let mut found = None;
        if let Some(words @ [first, ..]) = out[..generated::BARE_MAX].get(..*len) {
            let last = words.last();
            for (p, s) in statements[*from..].iter().enumerate() {
                if s.first() != Some(first) {
                    break;
                }
                if s.get(words.len() - 1) == last && s.starts_with(words) {
                    found = Some(p);
                    break;
                }
            }
        }
        match found {
            Some(p) => *from += p,
            None => fits = false,
        }
    }
    *at = bare_start(*len);
    *digit = false;
    fits
}

/// Whether a report with no reply says it is temporary: sendmail's "Deferred:" lead and its
/// delay notice's "Warning:", a qmail status of class 4 ("(#4.1.2)"), the word "temporary".
fn deferred(text: &[u8]) -> bool {
    let text = text.trim_ascii_start();
    let starts = |lead: &[u8]| starts_with_lower(text, lead);
    starts(b"deferred")
        || starts(b"warning:") && !php_warning(&text[b"warning:".len()..])
        || hash_enhanced(text).is_some_and(|status| status.class() == 4)
        || temporary_or_deferral_named(text)
}

/// Whether the words after a leading "Warning:" name a PHP function (`fsockopen()`,
/// `stream_socket_client()`): PHP's level of a diagnostic, not a delay notice's warning.
fn php_warning(after: &[u8]) -> bool {
    let after = after.trim_ascii_start();
    let name = after.iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
    name > 0 && after.get(name) == Some(&b'(')
}

/// Whether `text` says "temporar…" anywhere or names a deferral after its start
/// ([`deferral_named`]): one search for both words (of one length).
fn temporary_or_deferral_named(text: &[u8]) -> bool {
    const TEMPORARY: &[u8] = b"temporar";
    let mut from = 0;
    // Where `deferral_named`'s search for "deferred" goes on: after the last it found.
    let mut deferred_from = 0;
    while let Some(at) = find_either_ignore_case(&text[from..], TEMPORARY, DEFERRED).map(|at| from + at) {
        if text[at..at + TEMPORARY.len()].eq_ignore_ascii_case(TEMPORARY) {
            return true;
        }
        if at >= deferred_from {
            if deferral_at(text, at) {
                return true;
            }
            deferred_from = at + DEFERRED.len();
        }
        from = at + 1;
    }
    false
}

/// The server's words a client quotes after saying so, with no code: what follows "The mail
/// server responded:" (Thunderbird, in every language it ships), "The server response was:"
/// (.NET), when words follow. Each colon (ASCII or full-width) in turn is checked for one of the
/// leads of `data/clients.toml` just before it.
fn server_words(text: &[u8]) -> Option<(usize, &[u8])> {
    /// The last byte of the full-width colon "：" (U+FF1A, `EF BC 9A`).
    const WIDE_COLON: [u8; 3] = [0xEF, 0xBC, 0x9A];
    let mut from = 0;
    while let Some(at) = crate::swar::find_either(text, from, b':', WIDE_COLON[2]) {
        from = at + 1;
        let colon = if text[at] == b':' {
            at
        } else if text[..=at].ends_with(&WIDE_COLON) {
            at - 2
        } else {
            continue;
        };
        let before = trim_spaces_end(&text[..colon]);
        if let Some(lead_at) = quote_lead_start(before) {
            // The server's words end where the client's next line starts ("…responded:\n<words>.
            // \nPlease ensure that … the used authentication method is correct").
            let words = text[at + 1..].trim_ascii_start();
            let end = crate::swar::find_byte(words, 0, b'\n').unwrap_or(words.len());
            let words = words[..end].trim_ascii_end();
            return (!words.is_empty()).then_some((lead_at, words));
        }
    }
    None
}

/// `text` without the spaces at its end: ASCII whitespace and the no-break spaces French puts
/// before a colon (U+00A0, U+202F).
pub(super) fn trim_spaces_end(mut text: &[u8]) -> &[u8] {
    loop {
        text = text.trim_ascii_end();
        if let Some(rest) = text.strip_suffix("\u{a0}".as_bytes()) {
            text = rest;
        } else if let Some(rest) = text.strip_suffix("\u{202f}".as_bytes()) {
            text = rest;
        } else {
            return text;
        }
    }
}

/// A client's own text for a reply code before the quote lead at `text[lead_at]`: right before
/// it, or ending the sentence before the lead's (.NET's "Transaction failed. The server response
/// was:").
fn code_named_before(text: &[u8], lead_at: usize) -> Option<code_text::CodeText> {
    let before = &text[..lead_at];
    code_text::find(before).or_else(|| {
        let sentence_end = before.iter().rposition(|&b| b == b'.')?;
        code_text::find(&before[..sentence_end])
    })
}

/// A reply of `code` decided from `words` (and what the scanner found in them) that claims no
/// code: the text holds no reply, only what stands for one (a status, a client's words for the
/// code).
fn decided_without_code(
    code: u16,
    enhanced: Option<EnhancedCode>,
    words: &[u8],
    found: scan::Matches,
    context: &Context<'_>,
) -> Explanation {
    let mut e = Explanation::decide(code, enhanced, &|visit| visit(words), found, context);
    e.code = None;
    e
}

/// Where the quote lead `before` ends with starts in it, if it ends with one: only the leads with
/// its last byte are compared (`QUOTE_LEADS` is sorted by last byte).
fn quote_lead_start(before: &[u8]) -> Option<usize> {
    let &last = before.last()?;
    let last = last.to_ascii_lowercase();
    let leads = &generated::QUOTE_LEADS;
    let start = leads.partition_point(|lead| lead.last().is_some_and(|&b| b < last));
    leads[start..]
        .iter()
        .take_while(|lead| lead.last() == Some(&last))
        .find(|lead| ends_with_lower(before, lead))
        .map(|lead| before.len() - lead.len())
}

/// A reply code in brackets shortly after the word "SMTP" ("SMTP Error (535): …", "Erreur SMTP
/// (535) : …", "SMTPエラー (450): …", "Errore SMTP: [451] …"): the code, and the text after the
/// closing bracket. Read only when no reply was found, so a code a client quotes in its own
/// words is a reply only where it says SMTP just before.
fn bracketed_code(text: &[u8]) -> Option<(u16, &[u8])> {
    // Each bracket in turn (eight bytes at a time between them): the first that holds a code,
    // with "SMTP" ending at most `BRACKET_NEAR` bytes before it. Brackets are rarer than the
    // letter 's', and few hold a code.
    let mut from = 0;
    while let Some(at) = crate::swar::find_either(text, from, b'(', b'[') {
        from = at + 1;
        if let Some(found) = code_after_bracket(text, at) {
            if find_ignore_case(&text[at.saturating_sub(BRACKET_NEAR + 4)..at], b"smtp").is_some() {
                return Some(found);
            }
        }
    }
    None
}

/// "SMTP" ends at most this many bytes before [`bracketed_code`]'s bracket (a word such as
/// "Fehler" or "エラー" and a colon between).
const BRACKET_NEAR: usize = 16;

/// [`bracketed_code`] at one bracket: the code and the words after it, when the bracket holds a
/// reply code and is followed by a colon or a status.
fn code_after_bracket(text: &[u8], at: usize) -> Option<(u16, &[u8])> {
    let code = crate::reply::line_code(text.get(at + 1..)?)?;
    if !matches!(text.get(at + 4), Some(b')' | b']')) {
        return None;
    }
    // The bracket is followed by a colon ("(535): …", "(535) : …") or by a status ("[451]
    // 4.3.0 …"): a label in front of a reply, not a number in a sentence.
    let rest = &text[at + 5..];
    // French puts a space before the colon, often a no-break one (U+00A0).
    let after_colon = rest
        .strip_prefix(b":")
        .or_else(|| rest.strip_prefix(b" :"))
        .or_else(|| rest.strip_prefix("\u{a0}:".as_bytes()));
    let status_follows = rest.first() == Some(&b' ')
        && EnhancedCode::parse_prefix(&rest[1..])
            .is_some_and(|(status, _)| u16::from(status.class()) == code / 100);
    if after_colon.is_none() && !status_follows {
        return None;
    }
    Some((code, after_colon.unwrap_or(rest)))
}

/// Whether a report that the message could not be delivered says it is not done yet ("could not
/// yet be delivered", "noch nicht zugestellt", "différée"): a delay, not a failure.
fn not_yet(text: &[u8]) -> bool {
    const WORDS: [&[u8]; 4] = [b"not yet", b"noch nicht", "différé".as_bytes(), b"pas encore"];
    WORDS.iter().any(|words| find_ignore_case(text, words).is_some())
}

/// Whether a report worded as an expiry says the MTA keeps trying: a delay notice (Postfix's
/// "It will be retried until it is 5 day(s) old", sendmail's "Will keep trying until message is
/// 5 days old", OpenSMTPD's "only a temporary failure report"), read only on that path.
fn still_trying(text: &[u8]) -> bool {
    const WORDS: [&[u8]; 11] = [
        b"warning: could not",
        b"message still undelivered",
        b"will be retried",
        b"will keep trying",
        b"will continue trying",
        b"will continue to try",
        b"continue to attempt",
        b"still trying",
        b"will try again",
        b"temporary failure report",
        b"do not need to re-send",
    ];
    let text = text.trim_ascii_start();
    starts_with_lower(text, b"warning:") || WORDS.iter().any(|words| find_ignore_case(text, words).is_some())
}

/// Whether `text` names a deferral after its start: DragonFly Mail Agent's "remote delivery
/// deferred: …", sendmail's "user... Deferred: …". Each "deferred" in turn, one after another
/// (the tests' reference for [`temporary_or_deferral_named`]).
#[cfg(test)]
fn deferral_named(text: &[u8]) -> bool {
    let mut from = 0;
    while let Some(at) = find_ignore_case(&text[from..], DEFERRED) {
        let at = from + at;
        if deferral_at(text, at) {
            return true;
        }
        from = at + DEFERRED.len();
    }
    false
}

const DEFERRED: &[u8] = b"deferred";

/// Whether the "deferred" at `text[at]` names a deferral: a colon after it, or "delivery"
/// before it.
fn deferral_at(text: &[u8], at: usize) -> bool {
    const DELIVERY: &[u8] = b"delivery ";
    text.get(at + DEFERRED.len()) == Some(&b':') || ends_with_lower(&text[..at], DELIVERY)
}

/// Whether the registry ties the enhanced code to specific reply codes, and this is not one.
fn used_loosely(enhanced: EnhancedCode, code: u16) -> bool {
    enhanced.status().is_some_and(|status| {
        !status.basic_codes().is_empty()
            && status.basic_codes_note().is_none()
            && !status.basic_codes().contains(&code)
    })
}

/// qmail's `(#5.7.1)` and Sendmail-style `#5.1.0` forms anywhere in a line.
fn hash_enhanced(text: &[u8]) -> Option<EnhancedCode> {
    let mut from = 0;
    // Each '#' in turn (sixteen bytes at a time between them), the first that an enhanced code follows.
    while let Some(i) = crate::swar::find_byte_wide(text, from, b'#') {
        if let Some(code) = hash_enhanced_at(text, i) {
            return Some(code);
        }
        from = i + 1;
    }
    None
}

/// The enhanced code in [`hash_enhanced`]'s forms after the `#` at `text[hash]`, if any.
#[inline]
pub(crate) fn hash_enhanced_at(text: &[u8], hash: usize) -> Option<EnhancedCode> {
    let rest = &text[hash + 1..];
    let (code, used) = EnhancedCode::parse_prefix(rest)?;
    matches!(rest.get(used), None | Some(b')' | b' ' | b'.' | b',')).then_some(code)
}

#[cfg(feature = "serde")]
impl serde::Serialize for Explanation {
    /// The verdicts, with the English summary and remedy.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Explanation", 14)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("enhanced", &self.enhanced)?;
        s.serialize_field("failure", &self.failure)?;
        s.serialize_field("role", &self.role)?;
        s.serialize_field("retry_after_seconds", &self.retry_after)?;
        s.serialize_field("reason", &self.reason)?;
        s.serialize_field("retry", &self.retry)?;
        s.serialize_field("bounce", &self.bounce())?;
        s.serialize_field("fix_owner", &self.fix_owner())?;
        s.serialize_field("provider", &self.provider().map(Provider::id))?;
        s.serialize_field("provider_rule", &self.provider_rule().map(ProviderRule::id))?;
        s.serialize_field("summary", self.summary())?;
        s.serialize_field("remedy", self.remedy())?;
        s.end()
    }
}

impl Display for Explanation {
    /// The summary and the remedy, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.summary(), self.remedy())
    }
}

struct Rendered<'a> {
    explanation: &'a Explanation,
    locale: Locale,
}

impl Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.explanation;
        let locale = self.locale;
        let ui = ui(locale);
        match (e.reply_code(), e.code, e.failure) {
            (Some(entry), _, _) => write!(f, "{}: {}", ui.label_reply, Label(entry, locale))?,
            (None, Some(code), _) => {
                let pattern = Class::of(code).map_or("", Class::pattern);
                write!(f, "{}: {} ({})", ui.label_reply, code, pattern)?
            }
            (None, None, Some(failure)) => f.write_str(failure.label(locale))?,
            (None, None, None) => f.write_str(e.reason.label(locale))?,
        }
        if let Some(enhanced) = e.enhanced {
            match enhanced.status() {
                Some(status) => write!(f, " · {} {}", enhanced, status.text(locale).name())?,
                None => match enhanced.subject_info() {
                    Some(subject) => write!(f, " · {} ({})", enhanced, subject.text(locale).name())?,
                    None => write!(f, " · {enhanced}")?,
                },
            }
        }
        writeln!(f)?;
        writeln!(f)?;
        writeln!(f, "{}", ui.heading_summary)?;
        writeln!(f, "  {}", e.text(locale).summary())?;
        writeln!(f)?;
        writeln!(f, "{}", ui.heading_remedy)?;
        writeln!(f, "  {}", e.text(locale).remedy())?;
        writeln!(f)?;
        if let Some(provider) = e.provider() {
            writeln!(f, "{}: {}", ui.label_provider, provider.label(locale))?;
        }
        writeln!(f, "{}: {}", ui.label_reason, e.reason.label(locale))?;
        writeln!(f, "{}: {}", ui.label_retry, e.retry.label(locale))?;
        writeln!(f, "{}: {}", ui.label_bounce, e.bounce().map_or(ui.bounce_none, |b| b.label(locale)))?;
        writeln!(f, "{}: {}", ui.label_fix_owner, e.fix_owner().label(locale))?;
        if let Some(link) =
            e.provider_rule().and_then(ProviderRule::link).or(e.provider().map(Provider::docs))
        {
            writeln!(f, "{}: {}", ui.label_more, link)?;
        }
        Ok(())
    }
}

/// Explains one SMTP reply (line ends optional; CRLF or LF).
///
/// Whitespace around the reply, as copied from a log or a mail client's dialog, is ignored;
/// [`Reply::parse`] is wire-exact and rejects it (a reply on the wire starts with its code).
///
/// ```
/// use smtp_codes::{explain, Reason, Retry, Bounce};
/// let e = explain("550 5.1.1 <user@example.com>: Recipient address rejected: User unknown").unwrap();
/// assert_eq!((e.reason(), e.retry(), e.bounce()), (Reason::MailboxUnknown, Retry::Never, Some(Bounce::Hard)));
/// // The text wins when it is clearly more specific than the code:
/// let e = explain("550 5.1.1 <user@example.com> - 192.0.2.1 has sent to too many recipients this hour").unwrap();
/// assert_eq!((e.reason(), e.retry()), (Reason::RateLimited, Retry::Later));
/// assert!(explain("hello").is_err());
/// // Pasted with surrounding whitespace:
/// assert_eq!(explain("  550 5.1.1 <bob@example.com>: User unknown\n").unwrap().reason(), Reason::MailboxUnknown);
/// ```
pub fn explain(reply: &str) -> Result<Explanation, ParseError> {
    explain_with(reply, &Context::UNKNOWN)
}

/// [`explain`] with what the client knows: the server's role, its host name, the command.
///
/// ```
/// use smtp_codes::{explain_with, Context, FixOwner, Reason, Retry};
/// let reply = "550 5.7.60 SMTP; Client does not have permissions to send as this sender";
/// let e = explain_with(reply, &Context::submission("smtp.office365.com")).unwrap();
/// assert_eq!((e.reason(), e.fix_owner(), e.bounce()), (Reason::SenderRejected, FixOwner::SenderUser, None));
/// ```
pub fn explain_with(reply: &str, context: &Context<'_>) -> Result<Explanation, ParseError> {
    // A reply that begins and ends with a visible ASCII character is its own trim (most are).
    let visible = |byte: Option<&u8>| byte.is_some_and(u8::is_ascii_graphic);
    let bytes = reply.as_bytes();
    let reply = if visible(bytes.first()) && visible(bytes.last()) { reply } else { reply.trim() };
    Reply::parse(reply.as_bytes()).map(|reply| Explanation::from_reply_with(&reply, context))
}

/// Finds an SMTP reply inside free text and explains it: a DSN `Diagnostic-Code: smtp; 550 …`,
/// a Postfix log line `… said: 550 5.1.1 … (in reply to RCPT TO command)`, lettre's error text
/// `permanent error (535): 5.7.8 …`, an Exchange NDR's `#550 5.1.1 RESOLVER…`. IP addresses,
/// dates, times, version numbers, queue ids and numbers in prose are not taken for reply codes.
///
/// Where the text holds no reply, a bounce's report of a failure with no reply at all
/// (`connect to mx.example.com[192.0.2.1]:25: Connection timed out`, `Host or domain name not
/// found`) gives its [`Failure`], and an enhanced status alone (`5.2.2 <bob@…>... Mailbox
/// full`) is explained by its status and words. `None` when the text holds none of these.
///
/// ```
/// use smtp_codes::{explain_text, Command, Failure, Reason};
/// let log = "Nov 23 17:20:31 mx postfix/smtp[4242]: 4B1C2D3E5F: to=<user@example.com>, \
///            relay=mx.example.com[192.0.2.250]:25, delay=0.52, dsn=5.1.1, status=bounced \
///            (host mx.example.com[192.0.2.250] said: 550 5.1.1 <user@example.com>: Recipient \
///            address rejected: User unknown (in reply to RCPT TO command))";
/// let e = explain_text(log).unwrap();
/// assert_eq!((e.code(), e.reason(), e.command()), (Some(550), Reason::MailboxUnknown, Some(Command::Rcpt)));
/// assert!(explain_text("version 2.5.1 released on 2024-05-01 from 192.0.2.250").is_none());
/// assert!(explain_text("Your order 550 has shipped").is_none());
/// let e = explain_text("connect to mx.example.com[192.0.2.1]:25: Connection timed out").unwrap();
/// assert_eq!((e.code(), e.failure()), (None, Some(Failure::Timeout)));
/// ```
pub fn explain_text(text: &str) -> Option<Explanation> {
    explain_text_with(text, &Context::UNKNOWN)
}

/// [`explain_text`] with what the client knows. The command the text shows (`in reply to RCPT
/// TO command`, Exim's `after RCPT TO:`) fills the context's command when it has none.
pub fn explain_text_with(text: &str, context: &Context<'_>) -> Option<Explanation> {
    // Exim gives up with its last error before ": retry timeout exceeded" ("mailbox is full:
    // retry timeout exceeded"): that error is why the message expired, and what to act on.
    const GAVE_UP: &[u8] = b": retry timeout exceeded";
    let mut explanation = explain_text_once(text, context, true)?;
    if explanation.reason != Reason::Expired {
        // A temporary reply that Exim gave up on ("451 4.3.0 …: Temporary lookup failure:
        // retry timeout exceeded") is explained by that reply, but the message was not retried.
        // A text that ends with a visible ASCII character is its own trim (most do).
        let trimmed = match text.as_bytes() {
            bytes @ [.., last] if last.is_ascii_graphic() => bytes,
            _ => text.trim_end().as_bytes(),
        };
        if ends_with_lower(trimmed, GAVE_UP) {
            explanation.given_up();
        }
        return Some(explanation);
    }
    let cause = find_ignore_case(text.as_bytes(), GAVE_UP)
        .and_then(|at| text.get(..at))
        .and_then(|before| explain_text_once(before, context, true))
        .filter(|cause| !matches!(cause.reason, Reason::Expired | Reason::Other))
        // The message was given up on: what to act on is the cause, and sending it again waits
        // for that to be fixed, whatever a temporary cause alone would say.
        .map(|mut cause| {
            cause.given_up();
            cause
        });
    Some(cause.unwrap_or(explanation))
}

/// Whether a reason can be about the recipient's address or its domain (an unknown or disabled
/// mailbox, a domain that does not exist): where words saying it can never receive mail ("Host
/// unknown", "inactive") make the verdict "never".
fn about_the_address(reason: Reason) -> bool {
    reason == Reason::NetworkError || generated::reason_policy(reason).bounce == BounceScope::Address
}

/// [`explain_text_with`] without looking behind an expiry for its cause. `quotes`: whether to
/// read the server's words a client quotes with no code (`server_words`) — not again inside
/// them, so that the work stays linear in the text.
fn explain_text_once(text: &str, context: &Context<'_>, quotes: bool) -> Option<Explanation> {
    let bytes = text.as_bytes();
    let mut context = *context;
    // One pass of the scanner over the text: the providers and the command it shows, and the
    // keywords and delays of the reply in it (or of the whole text when there is no reply).
    let scan = |region: &[u8]| {
        let mut found = scan::Matches::new();
        let start = offset_in(bytes, region);
        found.scan_within(bytes, start, start + region.len());
        found
    };
    let fill = |context: &mut Context<'_>, found: &scan::Matches| {
        context.command = context.command.or_else(|| found.command());
    };
    if let Some(reply) = find::find(bytes) {
        let enhanced =
            reply.enhanced.or_else(|| reply.hash_enhanced.unwrap_or_else(|| hash_enhanced(reply.region)));
        // A status the report states before a reply that has none, of the reply's class (Amazon
        // SES: "5.3.0 - Other mail system problem 550-'Unknown user …'").
        let enhanced = enhanced.or_else(|| {
            let before = &bytes[..offset_in(bytes, reply.region)];
            // Most replies start the text: nothing stands before them to search.
            if before.is_empty() {
                return None;
            }
            find::status_only(before)
                .map(|(status, _)| status)
                .filter(|status| u16::from(status.class()) == reply.code / 100)
        });
        let continued =
            reply.continued.unwrap_or_else(|| find::continued(reply.region, reply.code, reply.prefix));
        let found = if continued {
            // A multi-line reply: its repeated prefixes are skipped so that phrases broken over
            // its lines are found; providers and commands are still read in the whole text.
            let mut found = scan::Matches::new();
            let start = offset_in(bytes, reply.region);
            found.scan_anywhere(&bytes[..start]);
            found.scan_anywhere(&bytes[start + reply.region.len()..]);
            found.scan_lines(find::reply_pieces(reply.region, reply.code));
            found
        } else {
            scan(reply.region)
        };
        fill(&mut context, &found);
        return Some(Explanation::decide(
            reply.code,
            enhanced,
            &|visit| visit(reply.region),
            found,
            &context,
        ));
    }
    if let Some((code, region)) = bracketed_code(bytes) {
        // A client's "SMTP Error (535): …" in any language (Roundcube's catalogues): the code in
        // brackets after the word SMTP, the words after it, a status there if one of its class.
        let words = region.trim_ascii_start();
        let enhanced = EnhancedCode::parse_prefix(words)
            .map(|(status, _)| status)
            .or_else(|| find::status_only(region).map(|(status, _)| status))
            .filter(|status| u16::from(status.class()) == code / 100);
        let found = scan(region);
        fill(&mut context, &found);
        return Some(Explanation::decide(code, enhanced, &|visit| visit(region), found, &context));
    }
    if let Some((status, region)) = find::status_only(bytes) {
        // An enhanced status with no reply code: decided as a reply of its class whose basic
        // code says nothing more (a weak catch-all), so the status and the words decide; unless
        // a client named the code in its own words before the server's (.NET's "Transaction
        // failed. The server response was: 5.7.1 …"), a code of the status's class.
        let lead_at = || {
            // A quote lead and its colon right before the status (no search: the status begins
            // the region), where the lead starts.
            let before = bytes[..offset_in(bytes, region)].trim_ascii_end().strip_suffix(b":")?;
            let before = trim_spaces_end(before);
            quote_lead_start(before)
        };
        let named = quotes
            .then(lead_at)
            .flatten()
            .and_then(|lead_at| code_named_before(bytes, lead_at))
            .filter(|client| client.code / 100 == u16::from(status.class()));
        context.command = context.command.or(named.and_then(|client| client.command));
        let basic = match (named, status.class()) {
            (Some(client), _) => client.code,
            (None, 2) => 250,
            (None, 4) => 451,
            _ => 550,
        };
        let found = scan(region);
        fill(&mut context, &found);
        return Some(decided_without_code(basic, Some(status), region, found, &context));
    }
    // A client's own words for a reply code, shown when the reply had none (Evolution's "RCPT TO
    // <x> failed: Requested action not taken: mailbox unavailable", in its languages): decided as
    // a reply of that code with the client's English words, at the step named before them. The
    // code is not claimed: the text is not a reply.
    if let Some(client) = code_text::find(bytes) {
        context.command = context.command.or(client.command);
        let words = client.english.as_bytes();
        let mut matches = scan::Matches::new();
        matches.scan(words);
        return Some(decided_without_code(client.code, None, words, matches, &context));
    }
    // A client that quotes the server's words without their code ("An error occurred while
    // sending mail. The mail server responded: <x>: Recipient address rejected: User unknown …"):
    // those words decide, not the client's own around them.
    if let Some((lead_at, words)) = quotes.then(|| server_words(bytes)).flatten() {
        // A client's own text for the reply's code before its lead (.NET's "Transaction failed.
        // The server response was: <words>", the server's words without their code or status:
        // a status would have been read above): the words are a reply of that code. No code is
        // claimed.
        if let Some(client) = code_named_before(bytes, lead_at) {
            context.command = context.command.or(client.command);
            let found = scan(words);
            fill(&mut context, &found);
            return Some(decided_without_code(client.code, None, words, found, &context));
        }
        let start = offset_in(bytes, words);
        let text = text.get(start..start + words.len()).unwrap_or_default();
        if let Some(e) = explain_text_once(text, &context, false).filter(|e| e.reason != Reason::Other) {
            return Some(e);
        }
    }
    // No reply: what a bounce reports without one. Giving up after retrying is named first
    // (its text often quotes the last transport error), then the transport failure, then a
    // status in qmail's `(#4.4.1)` form, then the words alone. One pass over the whole text.
    let found = scan(bytes);
    fill(&mut context, &found);
    let worded = found.reason().map(|(reason, _)| reason);
    let stated_retry = found.retry().map(|(retry, _)| retry);
    let from_words = |reason: Reason| {
        let mut e = Explanation::from_words(reason, &context);
        // A report of a deferral, or words that say it is retried (Exim's local delivery "quota
        // exceeded while writing to …"), as a 5xx reply's words would. So is the receiving
        // server's own trouble told in words alone ("local data error", "mail transport
        // unavailable", "Unable to run qmail-remote"): MTAs defer on it, as on a 4xx.
        if deferred(bytes) || stated_retry == Some(Retry::Later) || reason == Reason::ServiceUnavailable {
            e.retry = Retry::Later;
        } else if stated_retry == Some(Retry::Never) && about_the_address(reason) {
            // Words that say the address or its domain cannot receive mail, as a 5xx reply's.
            e.retry = Retry::Never;
        }
        e
    };
    // Expiry words beside a TLS failure that names a certificate are the certificate's ("The
    // certificate presented by the server is expired or invalid" after "An error occurred while
    // attempting to establish an SSL or TLS connection"): the TLS failure decides below. Without
    // a certificate they are the message's (Haraka's "Too many failures (Host failed TLS
    // verification …)").
    let certificate_expired = || {
        found.failure() == Some(Failure::Tls) && keywords::find_ignore_case(bytes, b"certificate").is_some()
    };
    if worded == Some(Reason::Expired) && !certificate_expired() {
        // The cause over giving up, when a specific status names one (qmail's `(#4.4.1)`: no
        // connection; x.4.7 is the expiry itself). Failure words are not read here: expiry
        // is often worded with them ("message timed out").
        let cause = hash_enhanced(bytes)
            .filter(|s| s.subject() != 4 || s.detail() != 7)
            .and_then(status_reason)
            .filter(|&(cause, weak)| !weak && cause != Reason::Expired)
            .map(|(cause, _)| cause);
        if still_trying(bytes) {
            // A delay notice ("could not be delivered for more than 4 hours. It will be retried
            // until …"): the MTA keeps trying, so nothing expired. Its cause if it names one;
            // else the MTA could not reach the recipient's server so far, as most delays are
            // (Sisimai's mapping reads them `expired|network_error`).
            let mut e = match found.failure() {
                Some(failure) if cause.is_none() => Explanation::from_failure_with(failure, &context),
                _ => Explanation::from_words(cause.unwrap_or(Reason::NetworkError), &context),
            };
            e.retry = Retry::Later;
            return Some(e);
        }
        // Given up: the permanent verdict, even where a temporary status names the cause
        // (qmail's "(#4.4.2) … I'm not going to try again").
        return Some(Explanation::from_words(cause.unwrap_or(Reason::Expired), &context));
    }
    // Inside the words a client quotes from the server (`quotes` false), the server's words
    // decide before a failure's: "Sender address rejected: Domain not found" refuses the sender.
    if let Some(failure) = found.failure().filter(|_| quotes || worded.is_none()) {
        let mut e = Explanation::from_failure_with(failure, &context);
        // A deferral reported as such (sendmail's "Deferred: Connection refused by …", qmail's
        // "(#4.1.2)", "Temporary MX lookup error") is retried, whatever the failure. So is a
        // refused connection that a relay reports ("connect to mx.example.net[192.0.2.1]:25:
        // Connection refused"): MTAs retry a server that is down; only the user's own
        // submission server refusing is a setting to fix.
        let relay_refused =
            failure == Failure::ConnectionRefused && context.role != Some(ServerRole::Submission);
        if deferred(bytes) || relay_refused {
            e.retry = Retry::Later;
        }
        return Some(e);
    }
    if let Some(status) = hash_enhanced(bytes) {
        let basic = if status.class() == 4 { 451 } else { 550 };
        let mut e = Explanation::decide(basic, Some(status), &|visit| visit(bytes), found, &context);
        e.code = None;
        return Some(e);
    }
    // A verdict on an address named between the words ("Recipient <x> not found") when no
    // phrase named a reason.
    match worded.or_else(|| verdict_on_address(&found, &|visit| visit(bytes))) {
        Some(reason) => Some(from_words(reason)),
        // A report that the message could not be delivered, with no cause this crate reads
        // ("I'm afraid I wasn't able to deliver your message", "Ihre Nachricht konnte nicht
        // zugestellt werden"): the delivery failed for good, so sending it again as it is will
        // not help; what to fix is in the part of the report that names the cause.
        None if found.undelivered() && !still_trying(bytes) && !deferred(bytes) && !not_yet(bytes) => {
            let mut e = Explanation::from_words(Reason::Other, &context);
            e.retry = Retry::AfterFix;
            Some(e)
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    extern crate std;
    use std::vec::Vec;

    /// The words of a reply as `BareWords` reads them, spelled out: every token, then the
    /// statements compared whole.
    fn reference(code: u16, text: &[u8]) -> Option<Reason> {
        let text = after_requested_action(text);
        let mut words: Vec<u8> = Vec::new();
        for token in text.split(|b| b.is_ascii_whitespace()) {
            if token.iter().any(|b| b.is_ascii_digit() || *b == b'@')
                || !token.iter().any(u8::is_ascii_alphabetic)
            {
                continue;
            }
            if !words.is_empty() {
                words.push(b' ');
            }
            words.extend(token.iter().filter(|b| b.is_ascii_alphabetic()).map(u8::to_ascii_lowercase));
        }
        if text.len() > 96 || words.len() > 48 {
            return None;
        }
        let (retry, refused) = (&generated::BARE_RETRY_LATER, &generated::BARE_MESSAGE_REFUSED);
        let recipient = &generated::BARE_RECIPIENT_REFUSED;
        match code {
            450 | 451 if retry.contains(&words.as_slice()) => Some(Reason::Greylisted),
            500..=599 if refused.contains(&words.as_slice()) => Some(Reason::ContentRejected),
            500..=599 if recipient.contains(&words.as_slice()) => Some(Reason::MailboxUnknown),
            _ => None,
        }
    }

    fn piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop::sample::select(
                &[
                    "try",
                    "again",
                    "later",
                    "please",
                    "retry",
                    "come",
                    "back",
                    "in",
                    "minutes",
                    "temporary",
                    "failure",
                    "temporarily",
                    "deferred",
                    "message",
                    "rejected",
                    "denied",
                    "refused",
                    "not",
                    "accepted",
                    "was",
                    "recipient",
                    "address",
                    "<user@example.com>:",
                    "Later.",
                    "la.ter",
                    "TRY",
                    "451",
                    "4.7.1",
                    "5.7.1",
                    "(5)",
                    "x1",
                ][..]
            )
            .prop_map(|w| w.as_bytes().to_vec()),
            prop::sample::select(&[" ", "  ", "\t", "\r\n", ", ", "... ", "-", ""][..])
                .prop_map(|s| s.as_bytes().to_vec()),
            proptest::collection::vec(any::<u8>(), 0..3),
        ]
    }

    #[test]
    fn a_single_line_is_its_only_segment() {
        let replies: [&[u8]; 9] = [
            b"550 5.1.1 User unknown\r\n",
            b"550 5.1.1 User unknown\n",
            b"550 5.1.1 User unknown",
            b"550 a\rb\r\n",
            b"550 a\r\r\n",
            b"550 a\r",
            b"550\r\n",
            b"550",
            b"\r\n\n250 OK\r\n  \r\n",
        ];
        for bytes in replies {
            let reply = Reply::parse(bytes).unwrap();
            assert_eq!(reply.line_count(), 1);
            let segments: Vec<&[u8]> = reply.text().segments().collect();
            assert_eq!(segments, [single_line_text(&reply)], "{bytes:?}");
        }
    }

    #[test]
    fn bare_statements_are_read_to_the_end() {
        let cases: [(u16, &[u8], Option<Reason>); 12] = [
            (550, b"550 <user@example.com>: Recipient address rejected.", Some(Reason::MailboxUnknown)),
            // RFC 5321's own words for a refusal say no more than the code.
            (
                550,
                b"550 5.7.1 Requested action not taken: mailbox not available",
                Some(Reason::MailboxUnknown),
            ),
            (550, b"550 Requested mail action not taken: message refused", Some(Reason::ContentRejected)),
            (550, b"550 Requested action not taken: mailbox not available today", None),
            (550, b"550 Recipient rejected: <user@example.com>", Some(Reason::MailboxUnknown)),
            (450, b"450 Recipient rejected", None),
            (451, b"451 4.7.1 Please try again later.", Some(Reason::Greylisted)),
            (451, b"Try again la.ter", Some(Reason::Greylisted)),
            (451, b"Try again later, 5 (#4.7.1)", Some(Reason::Greylisted)),
            (451, b"Try again later or not", None),
            (554, b"554 5.7.1 Message rejected", Some(Reason::ContentRejected)),
            (554, b"554 Message (x) rejected because", None),
        ];
        for (code, text, reason) in cases {
            assert_eq!(bare_reason(code, None, &|visit| visit(text)), reason, "{text:?}");
            assert_eq!(reference(code, text), reason, "{text:?}");
        }
    }

    /// [`bracketed_code`] as it was written: each "SMTP" in turn, then the brackets just after it.
    fn bracketed_code_after_smtp(text: &[u8]) -> Option<(u16, &[u8])> {
        let mut smtp_from = 0;
        let mut from = 0;
        while let Some(smtp) = find_ignore_case(&text[smtp_from..], b"smtp").map(|i| smtp_from + i) {
            smtp_from = smtp + 4;
            from = from.max(smtp_from);
            let window = text.len().min(smtp_from + BRACKET_NEAR + 1);
            while let Some(at) = crate::swar::find_either(&text[..window], from, b'(', b'[') {
                from = at + 1;
                if let Some(found) = code_after_bracket(text, at) {
                    return Some(found);
                }
            }
        }
        None
    }

    fn bracket_piece() -> impl Strategy<Value = Vec<u8>> {
        prop::sample::select(
            &[
                "SMTP",
                "smtp",
                "Smtp",
                "SMTP Error ",
                "Erreur SMTP ",
                "エラー",
                " ",
                ": ",
                "(535)",
                "(535): ",
                "[451] 4.3.0 ",
                "(451) : ",
                "(",
                "[",
                ")",
                "]",
                "535",
                "(53",
                "x",
                "Fehler ",
                "0123456789",
                "\u{a0}:",
                "(250) 2.0.0 ",
                "(535) 4.7.8 ",
            ][..],
        )
        .prop_map(|p| p.as_bytes().to_vec())
    }

    #[test]
    fn one_search_finds_temporary_words_and_deferrals_as_two_did() {
        let texts: [&[u8]; 8] = [
            b"remote delivery deferred: x",
            b"user... Deferred: y",
            b"deferredeferred: overlapping",
            b"deferred deferred: second",
            b"a Temporary failure",
            b"DEFERRED without a colon, temporarily",
            b"nothing here",
            b"deferre",
        ];
        for text in texts {
            let two = find_ignore_case(text, b"temporar").is_some() || deferral_named(text);
            assert_eq!(temporary_or_deferral_named(text), two, "{text:?}");
        }
    }

    #[test]
    fn bracketed_codes_are_found_as_after_each_smtp() {
        let texts: [&[u8]; 6] = [
            b"SMTP Error (535): Authentication failed",
            b"Erreur SMTP (535) : x",
            "SMTPエラー (450): y".as_bytes(),
            b"Errore SMTP: [451] 4.3.0 z",
            b"(535): no smtp before SMTP 0123456789012345678 (535): far",
            b"smtp smtp (53) [535] (421): late",
        ];
        for text in texts {
            assert_eq!(bracketed_code(text), bracketed_code_after_smtp(text), "{text:?}");
        }
        assert!(bracketed_code(texts[0]).is_some() && bracketed_code(texts[4]).is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn bracketed_codes_as_after_each_smtp(pieces in proptest::collection::vec(bracket_piece(), 0..14)) {
            let text = pieces.concat();
            prop_assert_eq!(bracketed_code(&text), bracketed_code_after_smtp(&text));
        }

        #[test]
        fn temporary_words_and_deferrals_as_two_searches(
            pieces in proptest::collection::vec(prop::sample::select(&[
                "deferred", "Deferred", "deferre", "d", ":", " ", "delivery ", "temporar", "Temporary", "x",
                "tempora", "DEFERRED:", "ed",
            ][..]), 0..12)
        ) {
            let text = pieces.concat();
            let two = find_ignore_case(text.as_bytes(), b"temporar").is_some() || deferral_named(text.as_bytes());
            prop_assert_eq!(temporary_or_deferral_named(text.as_bytes()), two);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn bare_statements_read_as_the_reference(pieces in proptest::collection::vec(piece(), 0..14), code in prop::sample::select(&[450u16, 451, 550, 554, 421][..])) {
            let text = pieces.concat();
            prop_assert_eq!(bare_reason(code, None, &|visit| visit(&text)), reference(code, &text));
        }
    }
}
