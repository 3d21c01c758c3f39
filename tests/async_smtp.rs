//! async-smtp's `SmtpTransport` against a real SMTP server (aiosmtpd, started by
//! `tests/smtp_server.py` on 127.0.0.1), and what `smtp_codes::async_smtp` makes of each failure.
//!
//! async-smtp does not connect by itself: like an application, these tests open the TCP stream
//! with tokio and the TLS stream with tokio-rustls (ring, an empty root store so that the test
//! server's self-signed certificate is untrusted), and let `?` turn their errors into
//! `async_smtp::error::Error` (`Io`, `Timeout`).
#![cfg(feature = "async-smtp")]

use std::sync::Arc;
use std::time::{Duration, Instant};

use async_smtp::authentication::{Credentials, Mechanism};
use async_smtp::error::Error;
use async_smtp::{Envelope, SendableEmail, SmtpClient, SmtpTransport};
use smtp_codes::async_smtp::explain;
use smtp_codes::{
    Bounce, Context, EnhancedCode, Explain, Explanation, Failure, FixOwner, Locale, Reason, Retry,
};
use tokio::io::BufStream;
use tokio_rustls::rustls::pki_types::ServerName;
use tokio_rustls::rustls::{ClientConfig, RootCertStore};

#[path = "common/smtp_server.rs"]
mod smtp_server;
use smtp_server::{Server, closed_port};

/// What the client does.
#[derive(Clone, Copy, Default)]
struct Options<'a> {
    /// Signs in as `alice@example.org` with this password (AUTH PLAIN).
    password: Option<&'a str>,
    /// Signs in with AUTH LOGIN instead.
    login: bool,
    /// Upgrades with STARTTLS first.
    starttls: bool,
    /// Speaks TLS from the first byte.
    implicit_tls: bool,
    /// The time limit of the connection and the greeting.
    timeout: Option<Duration>,
}

fn tls() -> tokio_rustls::TlsConnector {
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(RootCertStore::empty())
        .with_no_client_auth();
    tokio_rustls::TlsConnector::from(Arc::new(config))
}

fn email(from: &str, to: &str) -> SendableEmail {
    SendableEmail::new(
        Envelope::new(Some(from.parse().expect("sender")), vec![to.parse().expect("recipient")])
            .expect("envelope"),
        "Subject: Integration test\r\n\r\nHello from the smtp_codes tests.\r\n",
    )
}

/// One session as an application writes it: `?` turns every error into async-smtp's.
async fn session(port: u16, options: Options<'_>, email: SendableEmail) -> Result<(), Error> {
    let limit = options.timeout.unwrap_or(Duration::from_secs(10));
    let tcp = tokio::time::timeout(limit, tokio::net::TcpStream::connect(("127.0.0.1", port))).await??;
    let name = ServerName::try_from("localhost").expect("name");
    if options.implicit_tls {
        let stream = tokio::time::timeout(limit, tls().connect(name, tcp)).await??;
        let mut transport =
            tokio::time::timeout(limit, SmtpTransport::new(SmtpClient::new(), BufStream::new(stream)))
                .await??;
        transport.send(email).await?;
        return transport.quit().await;
    }
    let mut transport =
        tokio::time::timeout(limit, SmtpTransport::new(SmtpClient::new(), BufStream::new(tcp))).await??;
    if options.starttls {
        let tcp = transport.starttls().await?.into_inner();
        let stream = tls().connect(name, tcp).await?;
        let mut transport =
            SmtpTransport::new(SmtpClient::new().without_greeting(), BufStream::new(stream)).await?;
        transport.send(email).await?;
        return transport.quit().await;
    }
    if let Some(password) = options.password {
        let credentials = Credentials::new("alice@example.org".to_owned(), password.to_owned());
        let mechanism = if options.login { Mechanism::Login } else { Mechanism::Plain };
        transport.auth(mechanism, &credentials).await?;
    }
    transport.send(email).await?;
    transport.quit().await
}

fn run(port: u16, options: Options<'_>, email: SendableEmail) -> Result<(), Error> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    runtime.block_on(session(port, options, email))
}

/// Sends, expecting an error, and explains it through both entry points (they must agree).
fn fail(port: u16, options: Options<'_>, email: SendableEmail) -> (Error, Explanation) {
    let error = run(port, options, email).expect_err("sending should fail");
    let why = explain(&error);
    eprintln!("async-smtp: {error}\n  debug: {error:?}\n  explained: {why:?}");
    assert_eq!(error.explain(), why);
    let rendered = why.render(Locale::En).to_string();
    assert!(rendered.contains(why.summary()) && rendered.contains(why.remedy()), "{rendered}");
    assert_eq!(why.code().is_some(), why.failure().is_none());
    if why.failure().is_some() {
        assert_eq!(why.bounce(), None);
    }
    (error, why)
}

fn to_bob() -> SendableEmail {
    email("alice@example.org", "bob@example.org")
}

fn enhanced(code: &str) -> Option<EnhancedCode> {
    Some(code.parse().expect("enhanced code"))
}

/// The test that provokes each variant on loopback, or why none can. An exhaustive match: a new
/// variant in async-smtp fails to compile here until it is explained and listed.
fn proven_by(error: &Error) -> &'static str {
    match error {
        Error::Transient(_) => "greylisting_is_temporary_451, server_closing_the_session_is_temporary_421",
        Error::Permanent(_) => "wrong_password_is_auth_failed_535 and the other 5xx tests",
        Error::Io(_) => "closed_port_is_connection_refused, untrusted_certificate_is_a_tls_failure",
        Error::Timeout(_) => "silent_server_is_a_timeout",
        Error::Client(_) => "starttls_not_offered_is_a_tls_failure, challenges_the_client_cannot_answer",
        Error::Parsing(_) => "non_smtp_service_is_a_bad_response",
        Error::ChallengeParsing(_) => "challenges_the_client_cannot_answer",
        Error::AddrParseError(_) => "an_address_setting_that_does_not_parse_is_a_client_error",
        Error::ResponseParsing(_) => {
            "not provokable: aiosmtpd always names itself in EHLO and sends one challenge"
        }
        Error::Utf8Parsing(_) => "not provokable: aiosmtpd's challenges are UTF-8",
        Error::Resolution => "not provokable: async-smtp 0.10 never returns it",
    }
}

#[test]
fn every_variant_is_listed() {
    let reply: async_smtp::response::Response = "250 Ok\r\n".parse().expect("reply");
    for error in [Error::Resolution, Error::Client("x"), Error::ResponseParsing("x"), Error::from(reply)] {
        assert!(!proven_by(&error).is_empty());
        assert!(!explain(&error).summary().is_empty());
    }
}

#[test]
fn wrong_password_is_auth_failed_535() {
    let server = Server::start("submission");
    let (error, why) = fail(server.port, Options { password: Some("wrong"), ..Options::default() }, to_bob());
    assert!(matches!(error, Error::Permanent(_)), "{error:?}");
    assert_eq!((why.code(), why.enhanced()), (Some(535), enhanced("5.7.8")));
    assert_eq!((why.reason(), why.retry(), why.bounce()), (Reason::AuthFailed, Retry::AfterFix, None));
    // The right password goes through: 2xx.
    run(server.port, Options { password: Some("correct horse"), ..Options::default() }, to_bob())
        .expect("sent");
}

#[test]
fn no_credentials_is_auth_required_530() {
    let server = Server::start("submission");
    let (_, why) = fail(server.port, Options::default(), to_bob());
    assert_eq!(
        (why.code(), why.enhanced(), why.reason()),
        (Some(530), enhanced("5.7.0"), Reason::AuthRequired)
    );
}

#[test]
fn submission_server_refusing_the_sender_is_the_users_to_fix() {
    let server = Server::start("submission");
    let options = Options { password: Some("correct horse"), ..Options::default() };
    let (error, _) = fail(server.port, options, email("boss@example.org", "bob@example.org"));
    let context = Context::submission("127.0.0.1").with_command(smtp_codes::Command::Mail);
    let why = error.explain_with(&context);
    assert_eq!((why.code(), why.enhanced()), (Some(550), enhanced("5.7.60")));
    assert_eq!(
        (why.reason(), why.fix_owner(), why.bounce()),
        (Reason::SenderRejected, FixOwner::SenderUser, None)
    );
}

#[test]
fn multi_line_rejection_is_read_as_one_reply() {
    // async-smtp keeps the three lines, each starting with "5.1.1".
    let server = Server::start("mailbox");
    let (error, why) = fail(server.port, Options::default(), email("alice@example.org", "moved@example.org"));
    let Error::Permanent(reply) = &error else { panic!("{error:?}") };
    assert_eq!(reply.message.len(), 3);
    assert_eq!((why.code(), why.enhanced()), (Some(550), enhanced("5.1.1")));
    assert_eq!(
        (why.reason(), why.retry(), why.bounce()),
        (Reason::MailboxUnknown, Retry::Never, Some(Bounce::Hard))
    );
}

#[test]
fn greylisting_is_temporary_451() {
    let server = Server::start("greylist");
    let (error, why) = fail(server.port, Options::default(), to_bob());
    assert!(matches!(error, Error::Transient(_)), "{error:?}");
    assert_eq!((why.code(), why.reason(), why.retry()), (Some(451), Reason::Greylisted, Retry::Later));
    run(server.port, Options::default(), to_bob()).expect("the retry goes through");
}

#[test]
fn server_closing_the_session_is_temporary_421() {
    let server = Server::start("mail_limit");
    let (error, why) = fail(server.port, Options::default(), to_bob());
    assert!(matches!(error, Error::Transient(_)), "{error:?}");
    assert_eq!((why.code(), why.retry()), (Some(421), Retry::Later));
    let own = error.explain_with(&Context::submission("127.0.0.1"));
    let theirs = error.explain_with(&Context::mx("127.0.0.1"));
    assert_eq!((own.bounce(), theirs.bounce()), (None, Some(Bounce::Soft)));
    assert_ne!(own.fix_owner(), theirs.fix_owner());
}

#[test]
fn full_mailbox_at_the_recipients_exchanger_is_a_soft_bounce() {
    let server = Server::start("mx");
    let (error, _) = fail(server.port, Options::default(), email("alice@example.org", "full@example.org"));
    let why = error.explain_with(&Context::mx("127.0.0.1"));
    assert_eq!(
        (why.code(), why.reason(), why.bounce()),
        (Some(452), Reason::MailboxFull, Some(Bounce::Soft))
    );
}

#[test]
fn closed_port_is_connection_refused() {
    let (error, why) = fail(closed_port(), Options::default(), to_bob());
    assert!(matches!(error, Error::Io(_)), "{error:?}");
    assert_eq!(why.failure(), Some(Failure::ConnectionRefused));
}

#[test]
fn silent_server_is_a_timeout() {
    let server = Server::start("proxy_wait");
    let started = Instant::now();
    let (error, why) =
        fail(server.port, Options { timeout: Some(Duration::from_secs(1)), ..Options::default() }, to_bob());
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    assert_eq!((why.failure(), why.retry()), (Some(Failure::Timeout), Retry::Later));
}

#[test]
fn server_hanging_up_without_a_word_is_closed() {
    let server = Server::start("proxy_drop");
    let (error, why) = fail(server.port, Options::default(), to_bob());
    assert!(matches!(error, Error::Io(_)), "{error:?}");
    assert_eq!((why.failure(), why.retry()), (Some(Failure::Closed), Retry::Later));
}

#[test]
fn non_smtp_service_is_a_bad_response() {
    let server = Server::start("not_smtp");
    let (error, why) = fail(server.port, Options::default(), to_bob());
    assert!(matches!(error, Error::Parsing(_)), "{error:?}");
    assert_eq!(why.failure(), Some(Failure::BadResponse));
}

#[test]
fn starttls_not_offered_is_a_tls_failure() {
    let server = Server::start("accept");
    let (error, why) = fail(server.port, Options { starttls: true, ..Options::default() }, to_bob());
    assert!(matches!(error, Error::Client(_)), "{error:?}");
    assert_eq!((why.failure(), why.retry()), (Some(Failure::TlsUnavailable), Retry::AfterFix));
    assert_eq!(why.reason(), Reason::TlsRequired);
    assert!(why.summary().contains("does not offer it"), "{why}");
}

#[test]
fn untrusted_certificate_is_a_tls_failure() {
    for (mode, options) in [
        ("starttls", Options { starttls: true, ..Options::default() }),
        ("implicit_tls", Options { implicit_tls: true, ..Options::default() }),
    ] {
        let server = Server::start(mode);
        let (error, why) = fail(server.port, options, to_bob());
        assert!(matches!(error, Error::Io(_)), "{mode}: {error:?}");
        assert_eq!(why.failure(), Some(Failure::Tls), "{mode}");
    }
}

#[test]
fn challenges_the_client_cannot_answer() {
    for (mode, failure) in [("bad_challenge", "ChallengeParsing"), ("odd_challenge", "Client")] {
        let server = Server::start(mode);
        let (error, why) = fail(
            server.port,
            Options { password: Some("correct horse"), login: true, ..Options::default() },
            to_bob(),
        );
        assert!(format!("{error:?}").starts_with(failure), "{mode}: {error:?}");
        assert_eq!(why.failure(), Some(Failure::BadResponse), "{mode}");
    }
}

#[test]
fn an_address_setting_that_does_not_parse_is_a_client_error() {
    fn parse(setting: &str) -> Result<std::net::IpAddr, Error> {
        Ok(setting.parse()?)
    }
    let error = parse("127.0.0.300").expect_err("not an address");
    assert!(matches!(error, Error::AddrParseError(_)));
    assert_eq!(explain(&error).failure(), Some(Failure::Client));
}
