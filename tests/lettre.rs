//! lettre's `SmtpTransport` against a real SMTP server (aiosmtpd, started by
//! `tests/smtp_server.py` on 127.0.0.1), and what `smtp_codes::lettre` makes of each failure.
//!
//! The TLS tests use lettre's `rustls-tls` feature (rustls with ring and the webpki roots), which
//! only the dev-dependency enables: the crate itself never needs a TLS backend.
//!
//! Needs `python3` with aiosmtpd (`python3 -m pip install 'aiosmtpd>=1.4,<2'`; `scripts/test`
//! installs it). Set `PYTHON` to use another interpreter.
#![cfg(feature = "lettre")]

use std::time::{Duration, Instant};

use lettre::message::Mailbox;
use lettre::transport::smtp::Error as SmtpError;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Address, Message, SmtpTransport, Transport};
use smtp_codes::lettre::explain;
use smtp_codes::{
    Bounce, Command as SmtpCommand, Context, EnhancedCode, Explain, Explanation, Failure, FixOwner, Locale,
    Reason, Retry, ServerRole,
};

#[path = "common/smtp_server.rs"]
mod smtp_server;
use smtp_server::{Server, closed_port};

/// lettre on top of the shared server.
impl Server {
    /// A plain-text transport to this server; add `.tls(…)` for STARTTLS or implicit TLS
    /// (lettre's `rustls-tls` feature, a dev-dependency).
    fn transport(&self) -> lettre::transport::smtp::SmtpTransportBuilder {
        SmtpTransport::builder_dangerous("127.0.0.1").port(self.port).timeout(Some(Duration::from_secs(10)))
    }
}

fn message(to: &str, body: String) -> Message {
    let to: Address = to.parse().expect("recipient address");
    Message::builder()
        .from("Alice <alice@example.org>".parse().expect("sender"))
        .to(Mailbox::new(None, to))
        .subject("Integration test")
        .body(body)
        .expect("message")
}

fn message_from(from: &str, to: &str) -> Message {
    let to: Address = to.parse().expect("recipient address");
    Message::builder()
        .from(from.parse().expect("sender"))
        .to(Mailbox::new(None, to))
        .subject("Integration test")
        .body("Hello from the smtp_codes tests.".to_owned())
        .expect("message")
}

fn short_message(to: &str) -> Message {
    message(to, "Hello from the smtp_codes tests.".to_owned())
}

fn credentials(password: &str) -> Credentials {
    Credentials::new("alice@example.org".to_owned(), password.to_owned())
}

/// Sends and returns the error, with the explanation from both entry points (they must agree).
fn fail(mailer: &SmtpTransport, message: &Message) -> (SmtpError, Explanation) {
    let error = mailer.send(message).expect_err("sending should fail");
    let explanation = explain(&error);
    // Shown when a test fails (the harness captures it otherwise).
    eprintln!("lettre: {error}\n  debug: {error:?}\n  explained: {explanation:?}");
    assert_eq!(error.explain(), explanation);
    (error, explanation)
}

/// The checks every explanation must pass: consistent accessors and a readable text.
fn check_human(why: &Explanation) {
    let summary = why.summary();
    let remedy = why.remedy();
    assert!(!summary.is_empty() && !remedy.is_empty());
    assert_eq!(why.to_string(), format!("{summary} {remedy}"));
    let rendered = why.render(Locale::En).to_string();
    assert!(rendered.contains(summary) && rendered.contains(remedy), "{rendered}");
    // A server reply or a failure with no reply, never both.
    assert_eq!(why.code().is_some(), why.failure().is_none());
    if why.failure().is_some() {
        assert_eq!(why.bounce(), None, "a failure with no reply says nothing about the recipient");
    }
}

fn enhanced(code: &str) -> Option<EnhancedCode> {
    Some(code.parse().expect("enhanced code"))
}

#[test]
fn wrong_password_is_auth_failed_535() {
    let server = Server::start("submission");
    let mailer = server.transport().credentials(credentials("wrong password")).build();
    let (error, why) = fail(&mailer, &short_message("bob@example.org"));
    assert!(error.is_permanent(), "{error}");
    assert_eq!(why.code(), Some(535));
    assert_eq!(why.enhanced(), enhanced("5.7.8"));
    assert_eq!((why.reason(), why.retry(), why.bounce()), (Reason::AuthFailed, Retry::AfterFix, None));
    assert_eq!(why.fix_owner(), FixOwner::SenderUser);
    assert!(why.summary().contains("rejected the user name or password"), "{why}");
    check_human(&why);
}

#[test]
fn the_right_password_is_accepted() {
    // The control case: the server of the 530 and 535 tests accepts a correct sign-in.
    let server = Server::start("submission");
    let mailer = server.transport().credentials(credentials("correct horse")).build();
    let response = mailer.send(&short_message("bob@example.org")).expect("accepted");
    assert!(response.is_positive());
}

#[test]
fn no_credentials_is_auth_required_530() {
    let server = Server::start("submission");
    let mailer = server.transport().build();
    let (error, why) = fail(&mailer, &short_message("bob@example.org"));
    assert!(error.is_permanent(), "{error}");
    assert_eq!(why.code(), Some(530));
    assert_eq!(why.enhanced(), enhanced("5.7.0"));
    assert_eq!((why.reason(), why.retry(), why.bounce()), (Reason::AuthRequired, Retry::AfterFix, None));
    assert_eq!(why.fix_owner(), FixOwner::SenderUser);
    assert!(why.summary().contains("sign in"), "{why}");
    check_human(&why);
}

#[test]
fn unknown_recipient_is_mailbox_unknown_550() {
    let server = Server::start("mailbox");
    let mailer = server.transport().build();
    let (error, why) = fail(&mailer, &short_message("nobody@example.org"));
    assert!(error.to_string().contains("User unknown in local recipient table"), "{error}");
    assert_eq!(why.code(), Some(550));
    assert_eq!(why.enhanced(), enhanced("5.1.1"));
    assert_eq!(
        (why.reason(), why.retry(), why.bounce()),
        (Reason::MailboxUnknown, Retry::Never, Some(Bounce::Hard))
    );
    assert!(why.summary().contains("address does not exist"), "{why}");
    check_human(&why);

    // A known recipient on the same server goes through.
    assert!(mailer.send(&short_message("bob@example.org")).is_ok());
}

#[test]
fn multi_line_rejection_is_read_as_one_reply() {
    let server = Server::start("mailbox");
    let mailer = server.transport().build();
    let (error, why) = fail(&mailer, &short_message("moved@example.org"));
    // Every line reaches the explanation, whether lettre joins them with spaces (0.11.23) or
    // glues them together (earlier 0.11 releases).
    assert!(error.to_string().contains("does not exist") && error.to_string().contains("unnecessary spaces"));
    assert_eq!(why.code(), Some(550));
    assert_eq!(why.enhanced(), enhanced("5.1.1"));
    assert_eq!((why.reason(), why.retry()), (Reason::MailboxUnknown, Retry::Never));
    assert!(why.summary().contains("does not exist"), "{why}");
    check_human(&why);
}

#[test]
fn large_message_is_message_too_large_552() {
    let server = Server::start("size_limit");
    let mailer = server.transport().build();
    let body = "The quarterly figures, in far too much detail.\n".repeat(100);
    let (error, why) = fail(&mailer, &message("bob@example.org", body));
    assert!(error.to_string().contains("Too much mail data"), "{error}");
    assert_eq!(why.code(), Some(552));
    assert_eq!((why.reason(), why.retry()), (Reason::MessageTooLarge, Retry::AfterFix));
    assert!(why.summary().contains("larger than the receiving server allows"), "{why}");
    assert!(why.remedy().contains("smaller"), "{why}");
    check_human(&why);
}

#[test]
fn greylisting_is_temporary_451_and_the_retry_goes_through() {
    let server = Server::start("greylist");
    let mailer = server.transport().build();
    let email = short_message("bob@example.org");
    let (error, why) = fail(&mailer, &email);
    assert!(error.is_transient(), "{error}");
    assert_eq!(why.code(), Some(451));
    assert_eq!(
        (why.reason(), why.retry(), why.bounce()),
        (Reason::Greylisted, Retry::Later, Some(Bounce::Soft))
    );
    assert_eq!(why.fix_owner(), FixOwner::Nobody);
    assert!(why.summary().contains("deferred the message on purpose"), "{why}");
    check_human(&why);

    // Retry::Later was right: the same message is accepted on the next attempt.
    assert!(mailer.send(&email).is_ok());
}

#[test]
fn server_closing_the_session_is_temporary_421() {
    let server = Server::start("mail_limit");
    let mailer = server.transport().build();
    let (error, why) = fail(&mailer, &short_message("bob@example.org"));
    assert!(error.to_string().contains("MAIL sent too many times"), "{error}");
    assert_eq!(why.code(), Some(421));
    assert_eq!(
        (why.reason(), why.retry(), why.bounce()),
        (Reason::RateLimited, Retry::Later, Some(Bounce::Soft))
    );
    assert!(why.summary().contains("limiting how much mail"), "{why}");
    check_human(&why);
}

#[test]
fn closed_port_is_connection_refused() {
    let port = closed_port();
    let mailer = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(port)
        .timeout(Some(Duration::from_secs(5)))
        .build();
    let (error, why) = fail(&mailer, &short_message("bob@example.org"));
    assert_eq!(why.failure(), Some(Failure::ConnectionRefused), "{error}");
    assert_eq!(why.code(), None);
    assert_eq!((why.reason(), why.retry(), why.bounce()), (Reason::NetworkError, Retry::AfterFix, None));
    assert_eq!(why.fix_owner(), FixOwner::SenderUser);
    assert!(why.summary().starts_with("Could not reach the mail server"), "{why}");
    assert!(why.remedy().contains("host name and port"), "{why}");
    assert!(why.remedy().contains("firewall blocks port 587"), "{why}");
    check_human(&why);
}

#[test]
fn silent_server_is_a_timeout() {
    // aiosmtpd waiting for a PROXY protocol header accepts the connection and says nothing.
    let server = Server::start("proxy_wait");
    let mailer = server.transport().timeout(Some(Duration::from_secs(1))).build();
    let started = Instant::now();
    let (error, why) = fail(&mailer, &short_message("bob@example.org"));
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    assert_eq!(why.failure(), Some(Failure::Timeout), "{error}");
    assert_eq!((why.reason(), why.retry(), why.bounce()), (Reason::NetworkError, Retry::Later, None));
    assert!(why.summary().contains("did not answer in time"), "{why}");
    assert!(why.remedy().contains("timeout"), "{why}");
    check_human(&why);
}

#[test]
fn server_hanging_up_without_a_word_is_closed() {
    let server = Server::start("proxy_drop");
    let mailer = server.transport().build();
    let (error, why) = fail(&mailer, &short_message("bob@example.org"));
    assert_eq!(why.failure(), Some(Failure::Closed), "{error}");
    assert_eq!((why.reason(), why.retry()), (Reason::NetworkError, Retry::Later));
    assert!(why.summary().contains("closed the connection"), "{why}");
    check_human(&why);
}

#[test]
fn non_smtp_service_is_a_bad_response() {
    let server = Server::start("not_smtp");
    let mailer = server.transport().build();
    let (error, why) = fail(&mailer, &short_message("bob@example.org"));
    assert!(error.is_response(), "{error}");
    assert_eq!(why.failure(), Some(Failure::BadResponse));
    assert_eq!((why.reason(), why.retry()), (Reason::NetworkError, Retry::AfterFix));
    assert!(why.summary().contains("not an SMTP reply"), "{why}");
    assert!(why.remedy().contains("SSH"), "{why}");
    check_human(&why);
}

#[test]
fn auth_offered_only_over_tls_is_auth_unavailable() {
    // aiosmtpd's default: no AUTH on an unencrypted connection.
    let server = Server::start("auth_tls_only");
    let mailer = server.transport().credentials(credentials("correct horse")).build();
    let (error, why) = fail(&mailer, &short_message("bob@example.org"));
    assert!(error.is_client(), "{error}");
    assert_eq!(why.failure(), Some(Failure::AuthUnavailable));
    assert_eq!((why.reason(), why.retry()), (Reason::AuthMechanism, Retry::AfterFix));
    assert!(why.summary().contains("no sign-in method"), "{why}");
    assert!(why.remedy().contains("STARTTLS"), "{why}");
    check_human(&why);
}

#[test]
fn international_address_without_smtputf8_is_unsupported() {
    let server = Server::start("no_smtputf8");
    let mailer = server.transport().build();
    let (error, why) = fail(&mailer, &short_message("jörg@example.org"));
    assert!(error.is_client(), "{error}");
    assert_eq!(why.failure(), Some(Failure::Unsupported));
    assert_eq!((why.reason(), why.retry()), (Reason::NotImplemented, Retry::AfterFix));
    assert!(why.summary().contains("SMTPUTF8"), "{why}");
    check_human(&why);
}

#[test]
fn offline_resolver_is_a_temporary_dns_failure() {
    // The real resolver path with no network: this test runs itself again inside a new network
    // namespace (`unshare -n`, root only), where the configured name server cannot be reached
    // and getaddrinfo answers EAI_AGAIN ("Temporary failure in name resolution").
    if std::env::var_os("SMTP_CODES_IN_EMPTY_NETNS").is_some() {
        let mailer = SmtpTransport::builder_dangerous("smtp.example.com")
            .port(587)
            .timeout(Some(Duration::from_secs(5)))
            .build();
        let (error, why) = fail(&mailer, &short_message("bob@example.org"));
        assert_eq!(why.failure(), Some(Failure::DnsUnavailable), "{error}");
        assert_eq!((why.reason(), why.retry()), (Reason::NetworkError, Retry::Later));
        assert!(!why.remedy().contains("spelling"), "offline is not a typo: {why}");
        check_human(&why);
        return;
    }
    let can_unshare = std::process::Command::new("unshare")
        .args(["-n", "true"])
        .status()
        .is_ok_and(|status| status.success());
    if !can_unshare {
        eprintln!("skipped: `unshare -n` is not available here (it needs root)");
        return;
    }
    let status = std::process::Command::new("unshare")
        .arg("-n")
        .arg(std::env::current_exe().expect("test binary"))
        .args(["--exact", "offline_resolver_is_a_temporary_dns_failure", "--nocapture"])
        .env("SMTP_CODES_IN_EMPTY_NETNS", "1")
        .status()
        .expect("run the test in a new network namespace");
    assert!(status.success(), "the test failed inside the network namespace");
}

#[test]
fn unknown_host_is_a_dns_failure() {
    // RFC 6761: names under .invalid never resolve.
    let mailer = SmtpTransport::builder_dangerous("smtp.no-such-host.invalid")
        .port(587)
        .timeout(Some(Duration::from_secs(5)))
        .build();
    let (error, why) = fail(&mailer, &short_message("bob@example.org"));
    // NXDOMAIN: a typo to fix. A machine with no working resolver reports the resolver
    // instead, which is retried later.
    match why.failure() {
        Some(Failure::HostNotFound) => {
            assert_eq!((why.reason(), why.retry()), (Reason::NetworkError, Retry::AfterFix));
            assert!(why.summary().contains("host name was not found"), "{why}");
        }
        Some(Failure::DnsUnavailable) => assert_eq!(why.retry(), Retry::Later),
        other => panic!("{error}: {other:?}"),
    }
    check_human(&why);
}

/// TLS settings for `localhost`, the name in the test server's self-signed certificate. `verify`
/// false accepts any certificate (the control cases, which prove the TLS path itself works).
fn tls_parameters(verify: bool) -> TlsParameters {
    TlsParameters::builder("localhost".to_owned())
        .dangerous_accept_invalid_certs(!verify)
        .build()
        .expect("TLS parameters")
}

/// The verdict of every TLS failure: fix the settings, then send again.
fn check_tls_failure(error: &SmtpError, why: &Explanation) {
    assert_eq!(why.failure(), Some(Failure::Tls), "{error}");
    assert_eq!(why.code(), None);
    assert_eq!((why.reason(), why.retry(), why.bounce()), (Reason::NetworkError, Retry::AfterFix, None));
    assert_eq!(why.fix_owner(), FixOwner::SenderUser);
    assert!(why.summary().contains("encrypted (TLS) connection"), "{why}");
    assert!(why.summary().contains("could not be set up"), "{why}");
    check_human(why);
}

#[test]
fn implicit_tls_against_a_plain_port_is_a_tls_failure() {
    // The classic port mix-up: implicit TLS (port 465 style) against a server that speaks plain
    // SMTP. aiosmtpd greets with "220 …", which rustls reads as a corrupt TLS record; lettre
    // reports it as a network error ("network error: received corrupt message of type
    // InvalidContentType"), not a `tls error`.
    let server = Server::start("accept");
    let mailer = server.transport().tls(Tls::Wrapper(tls_parameters(true))).build();
    let (error, why) = fail(&mailer, &short_message("bob@example.org"));
    check_tls_failure(&error, &why);
    assert!(why.remedy().contains("implicit TLS on 465"), "{why}");
    assert!(why.remedy().contains("STARTTLS on 587"), "{why}");
}

#[test]
fn starttls_required_but_not_offered_is_a_tls_failure() {
    // aiosmtpd offers STARTTLS only when it has a certificate; this one has none. lettre refuses
    // to go on in plain text ("internal client error: STARTTLS is not supported on this server").
    let server = Server::start("accept");
    let mailer = server.transport().tls(Tls::Required(tls_parameters(true))).build();
    let (error, why) = fail(&mailer, &short_message("bob@example.org"));
    assert!(error.is_client(), "{error}");
    assert_eq!(why.failure(), Some(Failure::TlsUnavailable), "{error}");
    assert_eq!(why.code(), None);
    assert_eq!((why.reason(), why.retry(), why.bounce()), (Reason::TlsRequired, Retry::AfterFix, None));
    assert_eq!(why.fix_owner(), FixOwner::SenderUser);
    assert!(why.summary().contains("does not offer it"), "{why}");
    assert!(why.remedy().contains("STARTTLS on 587"), "{why}");
    check_human(&why);

    // The control case: the same settings go through where STARTTLS is offered.
    let server = Server::start("starttls");
    let mailer = server.transport().tls(Tls::Required(tls_parameters(false))).build();
    let response = mailer.send(&short_message("bob@example.org")).expect("sent over STARTTLS");
    assert!(response.is_positive());
}

#[test]
fn untrusted_certificate_is_a_tls_failure() {
    // A self-signed certificate, over STARTTLS and over implicit TLS: rustls rejects it ("network
    // error: invalid peer certificate: UnknownIssuer").
    for (mode, tls) in [
        ("starttls", Tls::Required(tls_parameters(true))),
        ("implicit_tls", Tls::Wrapper(tls_parameters(true))),
    ] {
        let server = Server::start(mode);
        let mailer = server.transport().tls(tls).build();
        let (error, why) = fail(&mailer, &short_message("bob@example.org"));
        check_tls_failure(&error, &why);
        assert!(why.remedy().contains("certificate"), "{mode}: {why}");
    }
}

#[test]
fn implicit_tls_against_an_implicit_tls_port_goes_through() {
    // The control case of the port mix-up: implicit TLS where the server speaks it.
    let server = Server::start("implicit_tls");
    let mailer = server.transport().tls(Tls::Wrapper(tls_parameters(false))).build();
    let response = mailer.send(&short_message("bob@example.org")).expect("sent over implicit TLS");
    assert!(response.is_positive());
}

#[test]
fn plain_smtp_against_an_implicit_tls_port_is_a_timeout() {
    // The reverse mix-up: plain SMTP (or STARTTLS) against an implicit-TLS port. The server
    // waits for a TLS ClientHello, the client for a greeting, and nothing is said until the
    // client's timeout: indistinguishable from a silent server, so it is a timeout.
    let server = Server::start("implicit_tls");
    for tls in [Tls::None, Tls::Required(tls_parameters(false))] {
        let mailer = server.transport().tls(tls).timeout(Some(Duration::from_secs(1))).build();
        let (error, why) = fail(&mailer, &short_message("bob@example.org"));
        assert_eq!(why.failure(), Some(Failure::Timeout), "{error}");
        assert_eq!((why.reason(), why.retry()), (Reason::NetworkError, Retry::Later));
        assert!(why.summary().contains("did not answer in time"), "{why}");
        check_human(&why);
    }
}

// With a `Context`: the client says which server it talks to, and the role decides who must act,
// the words and whether the recipient address is to blame.

#[test]
fn submission_server_refusing_the_sender_is_the_users_to_fix() {
    // Exchange Online's send-as refusal at MAIL FROM, after a good sign-in.
    let server = Server::start("submission");
    let mailer = server.transport().credentials(credentials("correct horse")).build();
    let email = message_from("Boss <boss@example.org>", "bob@example.org");
    let error = mailer.send(&email).expect_err("another sender is refused");
    let context = Context::submission("127.0.0.1").with_command(SmtpCommand::Mail);
    let why = error.explain_with(&context);
    assert_eq!(why, smtp_codes::lettre::explain_with(&error, &context));
    eprintln!("lettre: {error}\n  explained: {why:?}");
    assert_eq!((why.code(), why.enhanced()), (Some(550), enhanced("5.7.60")));
    assert_eq!((why.role(), why.command()), (Some(ServerRole::Submission), Some(SmtpCommand::Mail)));
    assert_eq!((why.reason(), why.retry(), why.bounce()), (Reason::SenderRejected, Retry::AfterFix, None));
    assert_eq!(why.fix_owner(), FixOwner::SenderUser);
    assert!(why.summary().contains("sender address"), "{why}");
    check_human(&why);

    // Without the context nothing says which server refused.
    assert_eq!(explain(&error).role(), None);
    // The signed-in address itself goes through.
    assert!(mailer.send(&short_message("bob@example.org")).is_ok());
}

#[test]
fn too_many_login_attempts_is_temporary_454() {
    let server = Server::start("submission");
    let mailer = server
        .transport()
        .credentials(Credentials::new("locked@example.org".to_owned(), "correct horse".to_owned()))
        .build();
    let (error, _) = fail(&mailer, &short_message("bob@example.org"));
    assert!(error.is_transient(), "{error}");
    let why = error.explain_with(&Context::submission("127.0.0.1").with_command(SmtpCommand::Auth));
    assert_eq!((why.code(), why.enhanced()), (Some(454), enhanced("4.7.0")));
    assert_eq!(why.retry(), Retry::Later);
    assert_eq!(why.bounce(), None, "a sign-in problem says nothing about the recipient");
    check_human(&why);
}

#[test]
fn the_role_decides_who_acts_and_whether_it_bounces() {
    // The same 421 from aiosmtpd, once as the user's submission server, once as the recipient's
    // mail exchanger.
    let server = Server::start("mail_limit");
    let mailer = server.transport().build();
    let (error, _) = fail(&mailer, &short_message("bob@example.org"));
    let own = error.explain_with(&Context::submission("127.0.0.1"));
    let theirs = error.explain_with(&Context::mx("127.0.0.1"));
    for why in [&own, &theirs] {
        assert_eq!((why.code(), why.retry()), (Some(421), Retry::Later));
        check_human(why);
    }
    assert_eq!((own.reason(), own.retry()), (theirs.reason(), theirs.retry()));
    assert_ne!(own.fix_owner(), theirs.fix_owner());
    assert_eq!((own.bounce(), theirs.bounce()), (None, Some(Bounce::Soft)));

    assert_ne!(own.summary(), theirs.summary());
}

#[test]
fn recipients_mail_exchanger_full_mailbox_is_a_soft_bounce() {
    let server = Server::start("mx");
    let mailer = server.transport().build();
    let (error, _) = fail(&mailer, &short_message("full@example.org"));
    let context = Context::mx("127.0.0.1").with_command(SmtpCommand::Rcpt);
    let why = error.explain_with(&context);
    assert_eq!((why.code(), why.reason(), why.retry()), (Some(452), Reason::MailboxFull, Retry::Later));
    assert_eq!((why.fix_owner(), why.bounce()), (FixOwner::RecipientSide, Some(Bounce::Soft)));
    check_human(&why);
    // An unknown address on the same exchanger is a hard bounce whatever the role.
    let (error, _) = fail(&mailer, &short_message("nobody@example.org"));
    for context in [context, Context::submission("127.0.0.1")] {
        assert_eq!(error.explain_with(&context).bounce(), Some(Bounce::Hard));
    }
}

#[test]
fn a_failure_with_no_reply_keeps_the_context() {
    let port = closed_port();
    let mailer = SmtpTransport::builder_dangerous("127.0.0.1").port(port).build();
    let error = mailer.send(&short_message("bob@example.org")).expect_err("refused");
    let why = error.explain_with(&Context::submission("smtp.gmail.com"));
    assert_eq!(why.failure(), Some(Failure::ConnectionRefused));
    assert_eq!(why.role(), Some(ServerRole::Submission));
    assert_eq!(why.bounce(), None);
}
