//! mail-send's `SmtpClientBuilder` against a real SMTP server (aiosmtpd, started by
//! `tests/smtp_server.py` on 127.0.0.1), and what `smtp_codes::mail_send` makes of each failure.
//!
//! The TLS tests use mail-send's `ring` feature, which only the dev-dependency enables. Needs
//! `python3` with aiosmtpd (`python3 -m pip install 'aiosmtpd>=1.4,<2'`); set `PYTHON` to use
//! another interpreter.
#![cfg(feature = "mail-send")]

use std::io;
use std::time::{Duration, Instant};

use mail_send::mail_builder::MessageBuilder;
use mail_send::smtp::message::Message;
use mail_send::{Error, SmtpClientBuilder};
use smtp_codes::mail_send::explain;
use smtp_codes::{
    Bounce, Command as SmtpCommand, Context, EnhancedCode, Explain, Explanation, Failure, FixOwner, Locale,
    Reason, Retry, ServerRole,
};

#[path = "common/smtp_server.rs"]
mod smtp_server;
use smtp_server::{Server, closed_port};

/// How the client connects.
#[derive(Clone, Copy)]
enum Mode {
    /// Plain SMTP (`connect_plain`).
    Plain,
    /// STARTTLS required (`connect` with `implicit_tls(false)`).
    StartTls,
    /// Implicit TLS (`connect`).
    Implicit,
}

fn builder(port: u16) -> SmtpClientBuilder<&'static str> {
    SmtpClientBuilder::new("127.0.0.1", port).helo_host("client.example.org").timeout(Duration::from_secs(10))
}

fn message(to: &str) -> Message<'static> {
    message_from("alice@example.org", to)
}

fn message_from(from: &str, to: &str) -> Message<'static> {
    let body = format!(
        "From: <{from}>\r\nTo: <{to}>\r\nSubject: Integration test\r\n\r\nHello from the smtp_codes tests.\r\n"
    );
    Message::new(from.to_owned(), [to.to_owned()], body.into_bytes())
}

/// Connects, sends and quits.
async fn send_async(
    builder: &SmtpClientBuilder<&'static str>,
    mode: Mode,
    message: Message<'static>,
) -> Result<(), Error> {
    match mode {
        Mode::Plain => {
            let mut client = builder.connect_plain().await?;
            client.send(message).await?;
            client.quit().await
        }
        Mode::StartTls | Mode::Implicit => {
            let mut client = builder.clone().implicit_tls(matches!(mode, Mode::Implicit)).connect().await?;
            client.send(message).await?;
            client.quit().await
        }
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime")
}

fn send(
    builder: &SmtpClientBuilder<&'static str>,
    mode: Mode,
    message: Message<'static>,
) -> Result<(), Error> {
    runtime().block_on(send_async(builder, mode, message))
}

/// Sends, expecting an error, and explains it through both entry points (they must agree).
fn fail(
    builder: &SmtpClientBuilder<&'static str>,
    mode: Mode,
    message: Message<'static>,
) -> (Error, Explanation) {
    let error = send(builder, mode, message).expect_err("sending should fail");
    let why = explain(&error);
    eprintln!("mail-send: {error}\n  debug: {error:?}\n  explained: {why:?}");
    assert_eq!(error.explain(), why);
    check_human(&why);
    (error, why)
}

/// The checks every explanation must pass: consistent accessors and a readable text.
fn check_human(why: &Explanation) {
    let (summary, remedy) = (why.summary(), why.remedy());
    assert!(!summary.is_empty() && !remedy.is_empty());
    let rendered = why.render(Locale::En).to_string();
    assert!(rendered.contains(summary) && rendered.contains(remedy), "{rendered}");
    assert_eq!(why.code().is_some(), why.failure().is_none());
    if why.failure().is_some() {
        assert_eq!(why.bounce(), None);
    }
}

fn enhanced(code: &str) -> Option<EnhancedCode> {
    Some(code.parse().expect("enhanced code"))
}

/// The test that provokes each variant on loopback, or why none can. An exhaustive match: a new
/// variant in mail-send fails to compile here until it is explained and listed.
fn proven_by(error: &Error) -> &'static str {
    match error {
        Error::UnexpectedReply(_) => "no_credentials_is_auth_required_530 and every reply test",
        Error::AuthenticationFailed(_) => "wrong_password_is_authentication_failed_535",
        Error::Io(_) => "closed_port_is_connection_refused, unknown_host_is_a_dns_failure",
        Error::Tls(_) => "untrusted_certificate_is_a_tls_failure",
        Error::Timeout => "silent_server_is_a_timeout",
        Error::MissingStartTls => "starttls_required_but_not_offered_is_a_tls_failure",
        Error::UnsupportedAuthMechanism => "auth_offered_only_over_tls_is_auth_unavailable",
        Error::UnparseableReply => "non_smtp_service_is_a_bad_response",
        Error::Base64(_) => "challenges_the_client_cannot_answer_are_bad_responses",
        Error::Auth(_) => "challenges_the_client_cannot_answer_are_bad_responses",
        Error::MissingRcptTo | Error::MissingMailFrom => {
            "a_message_without_recipients_or_sender_is_a_client_error"
        }
        Error::InvalidTLSName => {
            "not provokable: a name that reaches the TLS step resolved first, so it is a valid TLS name"
        }
        Error::MissingCredentials => {
            "not provokable: only DKIM signing (`send_signed`) returns it, with no server involved"
        }
    }
}

#[test]
fn every_variant_is_explained() {
    // The variants with no payload, explained without a server.
    let cases = [
        (Error::Timeout, Failure::Timeout),
        (Error::MissingStartTls, Failure::TlsUnavailable),
        (Error::InvalidTLSName, Failure::Tls),
        (Error::UnsupportedAuthMechanism, Failure::AuthUnavailable),
        (Error::UnparseableReply, Failure::BadResponse),
        (Error::MissingCredentials, Failure::Client),
        (Error::MissingMailFrom, Failure::Client),
        (Error::MissingRcptTo, Failure::Client),
        (Error::Io(io::Error::from(io::ErrorKind::ConnectionRefused)), Failure::ConnectionRefused),
    ];
    for (error, failure) in cases {
        assert!(!proven_by(&error).is_empty());
        let why = explain(&error);
        assert_eq!(why.failure(), Some(failure), "{error}");
        check_human(&why);
    }
}

#[test]
fn wrong_password_is_authentication_failed_535() {
    let server = Server::start("submission");
    let (error, why) = fail(
        &builder(server.port).credentials(("alice@example.org", "wrong")),
        Mode::Plain,
        message("bob@example.org"),
    );
    assert!(matches!(error, Error::AuthenticationFailed(_)), "{error:?}");
    assert_eq!((why.code(), why.enhanced()), (Some(535), enhanced("5.7.8")));
    assert_eq!(why.command(), Some(SmtpCommand::Auth));
    assert_eq!((why.reason(), why.retry(), why.bounce()), (Reason::AuthFailed, Retry::AfterFix, None));
    assert_eq!(why.fix_owner(), FixOwner::SenderUser);
    assert!(why.summary().contains("rejected the user name or password"), "{why}");
}

#[test]
fn the_right_password_is_accepted() {
    // 2xx: the control case of every submission test.
    let server = Server::start("submission");
    send(
        &builder(server.port).credentials(("alice@example.org", "correct horse")),
        Mode::Plain,
        message("bob@example.org"),
    )
    .expect("accepted");
}

#[test]
fn no_credentials_is_auth_required_530() {
    let server = Server::start("submission");
    let (error, why) = fail(&builder(server.port), Mode::Plain, message("bob@example.org"));
    assert!(matches!(error, Error::UnexpectedReply(_)), "{error:?}");
    assert_eq!((why.code(), why.enhanced()), (Some(530), enhanced("5.7.0")));
    assert_eq!((why.reason(), why.retry(), why.bounce()), (Reason::AuthRequired, Retry::AfterFix, None));
}

#[test]
fn unknown_recipient_is_mailbox_unknown_550() {
    let server = Server::start("mailbox");
    let (_, why) = fail(&builder(server.port), Mode::Plain, message("nobody@example.org"));
    assert_eq!((why.code(), why.enhanced()), (Some(550), enhanced("5.1.1")));
    assert_eq!(
        (why.reason(), why.retry(), why.bounce()),
        (Reason::MailboxUnknown, Retry::Never, Some(Bounce::Hard))
    );
    send(&builder(server.port), Mode::Plain, message("bob@example.org"))
        .expect("a known recipient goes through");
}

#[test]
fn multi_line_rejection_is_read_as_one_reply() {
    // smtp-proto strips "5.1.1" from each of the three lines and joins them with "\n".
    let server = Server::start("mailbox");
    let (error, why) = fail(&builder(server.port), Mode::Plain, message("moved@example.org"));
    let Error::UnexpectedReply(reply) = &error else { panic!("{error:?}") };
    assert_eq!((reply.code, reply.esc), (550, [5, 1, 1]));
    assert!(reply.message.contains('\n') && !reply.message.contains("5.1.1"), "{:?}", reply.message);
    assert_eq!((why.code(), why.enhanced()), (Some(550), enhanced("5.1.1")));
    assert_eq!((why.reason(), why.retry()), (Reason::MailboxUnknown, Retry::Never));
}

#[test]
fn large_message_is_message_too_large_552() {
    let server = Server::start("size_limit");
    let mut email = message("bob@example.org");
    email.body = "The quarterly figures, in far too much detail.\r\n".repeat(100).into_bytes().into();
    let (_, why) = fail(&builder(server.port), Mode::Plain, email);
    assert_eq!(
        (why.code(), why.reason(), why.retry()),
        (Some(552), Reason::MessageTooLarge, Retry::AfterFix)
    );
}

#[test]
fn greylisting_is_temporary_451_and_the_retry_goes_through() {
    let server = Server::start("greylist");
    let (_, why) = fail(&builder(server.port), Mode::Plain, message("bob@example.org"));
    assert_eq!((why.code(), why.reason(), why.retry()), (Some(451), Reason::Greylisted, Retry::Later));
    assert_eq!((why.fix_owner(), why.bounce()), (FixOwner::Nobody, Some(Bounce::Soft)));
    send(&builder(server.port), Mode::Plain, message("bob@example.org")).expect("the retry goes through");
}

#[test]
fn server_closing_the_session_is_temporary_421() {
    let server = Server::start("mail_limit");
    let (_, why) = fail(&builder(server.port), Mode::Plain, message("bob@example.org"));
    assert_eq!((why.code(), why.reason(), why.retry()), (Some(421), Reason::RateLimited, Retry::Later));
    assert_eq!(why.bounce(), Some(Bounce::Soft));
}

#[test]
fn submission_server_refusing_the_sender_is_the_users_to_fix() {
    let server = Server::start("submission");
    let client = builder(server.port).credentials(("alice@example.org", "correct horse"));
    let error =
        send(&client, Mode::Plain, message_from("boss@example.org", "bob@example.org")).expect_err("refused");
    let context = Context::submission("127.0.0.1").with_command(SmtpCommand::Mail);
    let why = error.explain_with(&context);
    assert_eq!(why, smtp_codes::mail_send::explain_with(&error, &context));
    assert_eq!((why.code(), why.enhanced()), (Some(550), enhanced("5.7.60")));
    assert_eq!(why.role(), Some(ServerRole::Submission));
    assert_eq!((why.reason(), why.retry(), why.bounce()), (Reason::SenderRejected, Retry::AfterFix, None));
    assert_eq!(why.fix_owner(), FixOwner::SenderUser);
    assert!(why.summary().contains("sender address"), "{why}");
    check_human(&why);
}

#[test]
fn too_many_login_attempts_is_temporary_454() {
    let server = Server::start("submission");
    let client = builder(server.port).credentials(("locked@example.org", "correct horse"));
    let (error, _) = fail(&client, Mode::Plain, message("bob@example.org"));
    assert!(matches!(error, Error::AuthenticationFailed(_)), "{error:?}");
    let why = error.explain_with(&Context::submission("127.0.0.1"));
    assert_eq!(
        (why.code(), why.enhanced(), why.command()),
        (Some(454), enhanced("4.7.0"), Some(SmtpCommand::Auth))
    );
    assert_eq!((why.retry(), why.bounce()), (Retry::Later, None));
}

#[test]
fn the_role_decides_who_acts_and_whether_it_bounces() {
    let server = Server::start("mx");
    let (error, _) = fail(&builder(server.port), Mode::Plain, message("full@example.org"));
    let theirs = error.explain_with(&Context::mx("127.0.0.1").with_command(SmtpCommand::Rcpt));
    assert_eq!(
        (theirs.code(), theirs.reason(), theirs.retry()),
        (Some(452), Reason::MailboxFull, Retry::Later)
    );
    assert_eq!((theirs.fix_owner(), theirs.bounce()), (FixOwner::RecipientSide, Some(Bounce::Soft)));

    let server = Server::start("mail_limit");
    let (error, _) = fail(&builder(server.port), Mode::Plain, message("bob@example.org"));
    let own = error.explain_with(&Context::submission("127.0.0.1"));
    let theirs = error.explain_with(&Context::mx("127.0.0.1"));
    assert_eq!((own.reason(), own.retry()), (theirs.reason(), theirs.retry()));
    assert_ne!(own.fix_owner(), theirs.fix_owner());
    assert_eq!((own.bounce(), theirs.bounce()), (None, Some(Bounce::Soft)));
    assert_ne!(own.summary(), theirs.summary());
}

#[test]
fn closed_port_is_connection_refused() {
    let (error, why) = fail(&builder(closed_port()), Mode::Plain, message("bob@example.org"));
    assert!(matches!(error, Error::Io(_)), "{error:?}");
    assert_eq!(why.failure(), Some(Failure::ConnectionRefused));
    assert_eq!((why.code(), why.reason(), why.retry()), (None, Reason::NetworkError, Retry::AfterFix));
}

#[test]
fn silent_server_is_a_timeout() {
    // `connect` bounds the whole session set-up by the timeout; mail-send 0.5's `connect_plain`
    // bounds only the TCP connection and waits for a greeting as long as the server keeps quiet.
    let server = Server::start("proxy_wait");
    let started = Instant::now();
    let client = builder(server.port).timeout(Duration::from_secs(1));
    let (error, why) = fail(&client, Mode::StartTls, message("bob@example.org"));
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    assert!(matches!(error, Error::Timeout), "{error:?}");
    assert_eq!((why.failure(), why.retry()), (Some(Failure::Timeout), Retry::Later));
}

#[test]
fn server_hanging_up_without_a_word_is_a_bad_response() {
    // mail-send reads end of file as an unparseable reply: it cannot be told from garbage.
    let server = Server::start("proxy_drop");
    let (error, why) = fail(&builder(server.port), Mode::Plain, message("bob@example.org"));
    assert!(matches!(error, Error::UnparseableReply), "{error:?}");
    assert_eq!(why.failure(), Some(Failure::BadResponse));
}

#[test]
fn non_smtp_service_is_a_bad_response() {
    let server = Server::start("not_smtp");
    let (error, why) = fail(&builder(server.port), Mode::Plain, message("bob@example.org"));
    assert!(matches!(error, Error::UnparseableReply), "{error:?}");
    assert_eq!((why.failure(), why.retry()), (Some(Failure::BadResponse), Retry::AfterFix));
    assert!(why.summary().contains("not an SMTP reply"), "{why}");
}

#[test]
fn auth_offered_only_over_tls_is_auth_unavailable() {
    let server = Server::start("auth_tls_only");
    let client = builder(server.port).credentials(("alice@example.org", "correct horse"));
    let (error, why) = fail(&client, Mode::Plain, message("bob@example.org"));
    assert!(matches!(error, Error::UnsupportedAuthMechanism), "{error:?}");
    assert_eq!((why.failure(), why.reason()), (Some(Failure::AuthUnavailable), Reason::AuthMechanism));
}

#[test]
fn challenges_the_client_cannot_answer_are_bad_responses() {
    for (mode, expected) in [("bad_challenge", "Base64"), ("odd_challenge", "Auth")] {
        let server = Server::start(mode);
        let client = builder(server.port).credentials(("alice@example.org", "correct horse"));
        let (error, why) = fail(&client, Mode::Plain, message("bob@example.org"));
        assert!(format!("{error:?}").starts_with(expected), "{mode}: {error:?}");
        assert_eq!(why.failure(), Some(Failure::BadResponse), "{mode}");
    }
}

#[test]
fn a_message_without_recipients_or_sender_is_a_client_error() {
    let server = Server::start("accept");
    let without_recipients =
        MessageBuilder::new().from("alice@example.org").subject("Hi").text_body("Hello.");
    let without_sender = MessageBuilder::new().to("bob@example.org").subject("Hi").text_body("Hello.");
    let errors = runtime().block_on(async {
        let mut client = builder(server.port).connect_plain().await.expect("connected");
        [
            client.send(without_recipients).await.expect_err("no recipients"),
            client.send(without_sender).await.expect_err("no sender"),
        ]
    });
    assert!(matches!(errors[0], Error::MissingRcptTo), "{:?}", errors[0]);
    assert!(matches!(errors[1], Error::MissingMailFrom), "{:?}", errors[1]);
    for error in &errors {
        assert_eq!(explain(error).failure(), Some(Failure::Client));
    }
}

#[test]
fn unknown_host_is_a_dns_failure() {
    let client = SmtpClientBuilder::new("smtp.no-such-host.invalid", 587).timeout(Duration::from_secs(5));
    let (error, why) = fail(&client, Mode::Plain, message("bob@example.org"));
    assert!(matches!(error, Error::Io(_)), "{error:?}");
    match why.failure() {
        Some(Failure::HostNotFound) => assert_eq!(why.retry(), Retry::AfterFix),
        Some(Failure::DnsUnavailable) => assert_eq!(why.retry(), Retry::Later),
        other => panic!("{error}: {other:?}"),
    }
}

fn check_tls_failure(why: &Explanation) {
    assert_eq!(why.failure(), Some(Failure::Tls));
    assert_eq!((why.code(), why.retry(), why.bounce()), (None, Retry::AfterFix, None));
    assert_eq!(why.reason(), Reason::NetworkError);
    assert!(why.summary().contains("encrypted (TLS) connection"), "{why}");
}

#[test]
fn implicit_tls_against_a_plain_port_is_a_tls_failure() {
    let server = Server::start("accept");
    let (_, why) = fail(&builder(server.port), Mode::Implicit, message("bob@example.org"));
    check_tls_failure(&why);
}

#[test]
fn starttls_required_but_not_offered_is_a_tls_failure() {
    let server = Server::start("accept");
    let (error, why) = fail(&builder(server.port), Mode::StartTls, message("bob@example.org"));
    assert!(matches!(error, Error::MissingStartTls), "{error:?}");
    assert_eq!(why.failure(), Some(Failure::TlsUnavailable));
    assert_eq!((why.code(), why.reason(), why.retry()), (None, Reason::TlsRequired, Retry::AfterFix));
    assert!(why.summary().contains("does not offer it"), "{why}");
}

#[test]
fn untrusted_certificate_is_a_tls_failure() {
    for (mode, client_mode) in [("starttls", Mode::StartTls), ("implicit_tls", Mode::Implicit)] {
        let server = Server::start(mode);
        let (error, why) = fail(&builder(server.port), client_mode, message("bob@example.org"));
        assert!(matches!(error, Error::Tls(_) | Error::Io(_)), "{mode}: {error:?}");
        check_tls_failure(&why);
        // The control case: the same server, certificate not checked.
        send(&builder(server.port).allow_invalid_certs(), client_mode, message("bob@example.org"))
            .unwrap_or_else(|e| panic!("{mode}: {e}"));
    }
}

#[test]
fn starttls_against_an_implicit_tls_port_is_a_timeout() {
    let server = Server::start("implicit_tls");
    let client = builder(server.port).timeout(Duration::from_secs(1));
    // STARTTLS against an implicit-TLS port: both sides wait until the client's timeout.
    let (_, why) = fail(&client, Mode::StartTls, message("bob@example.org"));
    assert_eq!((why.failure(), why.retry()), (Some(Failure::Timeout), Retry::Later));
}
