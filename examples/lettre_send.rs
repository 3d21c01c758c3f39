//! Sends one message with lettre's `SmtpTransport` and, when that fails, explains why in words a
//! person can act on.
//!
//! ```text
//! cargo run --example lettre_send --features lettre -- \
//!     --host 127.0.0.1 --port 2525 --user alice@example.org --password secret \
//!     --from 'Alice <alice@example.org>' --to bob@example.net --tls none --lang en
//! ```
//!
//! `--tls none|starttls|tls` chooses plain SMTP (default port 2525), STARTTLS required (587,
//! the default mode) or implicit TLS (465). The example is built with the crate's
//! dev-dependencies, whose lettre has the `rustls-tls` backend (rustls with ring and the webpki
//! root certificates); the crate itself needs no TLS backend. `--accept-invalid-certs` skips the
//! certificate check, for a test server with a self-signed certificate only.
//!
//! Try the classic mistakes against `python3 tests/smtp_server.py --mode accept --port 2525`:
//! `--port 2525 --tls tls` (implicit TLS against a plain port) or `--port 2525 --tls starttls`
//! (STARTTLS required, not offered) both end in a TLS failure.
//!
//! Exit status: 0 when the server accepted the message, 1 when sending failed (the explanation is
//! printed), 2 for a usage error.

use std::process::ExitCode;
use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};
use smtp_codes::{Context, Explain, Locale};

const USAGE: &str = "usage: lettre_send [--host HOST] [--port PORT] [--tls none|starttls|tls] \
[--accept-invalid-certs] [--user USER --password PASSWORD] [--from ADDRESS] [--to ADDRESS] \
[--subject TEXT] [--body TEXT] [--timeout SECONDS] [--lang TAG]";

struct Options {
    host: String,
    port: Option<u16>,
    tls: Security,
    accept_invalid_certs: bool,
    user: Option<String>,
    password: Option<String>,
    from: String,
    to: String,
    subject: String,
    body: String,
    timeout: u64,
    locale: Locale,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Security {
    Plain,
    StartTls,
    Implicit,
}

impl Security {
    fn default_port(self) -> u16 {
        match self {
            Security::Plain => 2525,
            Security::StartTls => 587,
            Security::Implicit => 465,
        }
    }

    /// The connection URL lettre's `SmtpTransport::from_url` would take for it.
    fn url(self, host: &str, port: u16) -> String {
        match self {
            Security::Plain => format!("smtp://{host}:{port}"),
            Security::StartTls => format!("smtp://{host}:{port}?tls=required"),
            Security::Implicit => format!("smtps://{host}:{port}"),
        }
    }
}

/// lettre's TLS mode for the options; an error (a host name TLS cannot use) is lettre's own.
fn tls_mode(options: &Options) -> Result<Tls, lettre::transport::smtp::Error> {
    if options.tls == Security::Plain {
        return Ok(Tls::None);
    }
    let parameters = TlsParameters::builder(options.host.clone())
        .dangerous_accept_invalid_certs(options.accept_invalid_certs)
        .build()?;
    Ok(match options.tls {
        Security::StartTls => Tls::Required(parameters),
        _ => Tls::Wrapper(parameters),
    })
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        host: "127.0.0.1".to_owned(),
        port: None,
        tls: Security::StartTls,
        accept_invalid_certs: false,
        user: None,
        password: None,
        from: "Alice <alice@example.org>".to_owned(),
        to: "Bob <bob@example.org>".to_owned(),
        subject: "Hello from smtp_codes".to_owned(),
        body: "This message was sent by the lettre_send example of smtp_codes.".to_owned(),
        timeout: 20,
        locale: Locale::En,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            println!("{USAGE}");
            std::process::exit(0);
        }
        if arg == "--accept-invalid-certs" {
            options.accept_invalid_certs = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
            None => (arg, None),
        };
        let mut value = || inline.clone().or_else(|| args.next()).ok_or(format!("{name} needs a value"));
        match name.as_str() {
            "--host" => options.host = value()?,
            "--port" => {
                options.port = Some(value()?.parse().map_err(|_| "--port takes a number from 1 to 65535")?)
            }
            "--tls" => {
                options.tls = match value()?.as_str() {
                    "none" | "plain" => Security::Plain,
                    "starttls" => Security::StartTls,
                    "tls" | "wrapper" | "implicit" => Security::Implicit,
                    other => return Err(format!("--tls takes none, starttls or tls, not {other:?}")),
                }
            }
            "--user" => options.user = Some(value()?),
            "--password" => options.password = Some(value()?),
            "--from" => options.from = value()?,
            "--to" => options.to = value()?,
            "--subject" => options.subject = value()?,
            "--body" => options.body = value()?,
            "--timeout" => options.timeout = value()?.parse().map_err(|_| "--timeout takes whole seconds")?,
            "--lang" => {
                let tag = value()?;
                options.locale = Locale::from_tag(&tag).ok_or(format!("no texts in language {tag:?}"))?;
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    if options.user.is_some() != options.password.is_some() {
        return Err("--user and --password go together".to_owned());
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_options() {
        Ok(options) => options,
        Err(problem) => {
            if !problem.is_empty() {
                eprintln!("lettre_send: {problem}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let email = match Message::builder()
        .from(
            options
                .from
                .parse()
                .map_err(|e| format!("--from {:?}: {e}", options.from))
                .unwrap_or_else(exit_usage),
        )
        .to(options.to.parse().map_err(|e| format!("--to {:?}: {e}", options.to)).unwrap_or_else(exit_usage))
        .subject(options.subject.clone())
        .body(options.body.clone())
    {
        Ok(email) => email,
        Err(e) => exit_usage(format!("cannot build the message: {e}")),
    };

    let port = options.port.unwrap_or(options.tls.default_port());
    let url = options.tls.url(&options.host, port);
    let result = tls_mode(&options).and_then(|tls| {
        let mut builder = SmtpTransport::builder_dangerous(options.host.as_str())
            .port(port)
            .tls(tls)
            .timeout(Some(Duration::from_secs(options.timeout)));
        if let (Some(user), Some(password)) = (&options.user, &options.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        builder.build().send(&email)
    });

    match result {
        Ok(response) => {
            let code: u16 = response.code().into();
            println!("Sent through {url}: {code} {}", response.message().collect::<Vec<_>>().join(" "));
            ExitCode::SUCCESS
        }
        Err(error) => {
            // The example talks to the user's own outgoing server.
            let why = error.explain_with(&Context::submission(&options.host));
            eprintln!("Sending through {url} failed.");
            eprintln!();
            eprint!("{}", why.render(options.locale));
            eprintln!();
            eprintln!("lettre: {error}");
            ExitCode::FAILURE
        }
    }
}

fn exit_usage<T>(problem: String) -> T {
    eprintln!("lettre_send: {problem}");
    eprintln!("{USAGE}");
    std::process::exit(2)
}
