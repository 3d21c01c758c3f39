//! Sends one message with mail-send's `SmtpClientBuilder` and, when that fails, explains why in
//! words a person can act on.
//!
//! ```text
//! cargo run --example mail_send --features mail-send -- \
//!     --host 127.0.0.1 --port 2525 --user alice@example.org --password secret \
//!     --from alice@example.org --to bob@example.net --tls none --lang en
//! ```
//!
//! `--tls none|starttls|tls` chooses plain SMTP (default port 2525), STARTTLS required (587, the
//! default mode) or implicit TLS (465); the example is built with the dev-dependency's `ring`
//! TLS backend. `--accept-invalid-certs` skips the certificate check (test servers only).
//!
//! Exit status: 0 when the server accepted the message, 1 when sending failed (the explanation is
//! printed), 2 for a usage error.

use std::process::ExitCode;
use std::time::Duration;

use mail_send::SmtpClientBuilder;
use mail_send::smtp::message::Message;
use smtp_codes::{Context, Explain, Locale};

const USAGE: &str = "usage: mail_send [--host HOST] [--port PORT] [--tls none|starttls|tls] \
[--accept-invalid-certs] [--user USER --password PASSWORD] [--from ADDRESS] [--to ADDRESS] \
[--timeout SECONDS] [--lang TAG]";

struct Options {
    host: String,
    port: Option<u16>,
    tls: String,
    accept_invalid_certs: bool,
    user: Option<String>,
    password: Option<String>,
    from: String,
    to: String,
    timeout: u64,
    locale: Locale,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        host: "127.0.0.1".to_owned(),
        port: None,
        tls: "starttls".to_owned(),
        accept_invalid_certs: false,
        user: None,
        password: None,
        from: "alice@example.org".to_owned(),
        to: "bob@example.org".to_owned(),
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
                options.tls = value()?;
                if !["none", "starttls", "tls"].contains(&options.tls.as_str()) {
                    return Err(format!("--tls takes none, starttls or tls, not {:?}", options.tls));
                }
            }
            "--user" => options.user = Some(value()?),
            "--password" => options.password = Some(value()?),
            "--from" => options.from = value()?,
            "--to" => options.to = value()?,
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

async fn send(options: &Options, port: u16) -> Result<(), mail_send::Error> {
    let mut builder = SmtpClientBuilder::new(options.host.clone(), port)
        .implicit_tls(options.tls == "tls")
        .timeout(Duration::from_secs(options.timeout));
    if options.accept_invalid_certs {
        builder = builder.allow_invalid_certs();
    }
    if let (Some(user), Some(password)) = (&options.user, &options.password) {
        builder = builder.credentials((user.clone(), password.clone()));
    }
    let body = format!(
        "From: <{}>\r\nTo: <{}>\r\nSubject: Hello from smtp_codes\r\n\r\nThis message was sent by the mail_send example of smtp_codes.\r\n",
        options.from, options.to
    );
    let message = Message::new(options.from.clone(), [options.to.clone()], body.into_bytes());
    if options.tls == "none" {
        let mut client = builder.connect_plain().await?;
        client.send(message).await?;
        client.quit().await
    } else {
        let mut client = builder.connect().await?;
        client.send(message).await?;
        client.quit().await
    }
}

fn main() -> ExitCode {
    let options = match parse_options() {
        Ok(options) => options,
        Err(problem) => {
            eprintln!("mail_send: {problem}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let default_port = match options.tls.as_str() {
        "none" => 2525,
        "tls" => 465,
        _ => 587,
    };
    let port = options.port.unwrap_or(default_port);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    match runtime.block_on(send(&options, port)) {
        Ok(()) => {
            println!("Sent through {}:{port}.", options.host);
            ExitCode::SUCCESS
        }
        Err(error) => {
            // The example talks to the user's own outgoing server.
            let why = error.explain_with(&Context::submission(&options.host));
            eprintln!("Sending through {}:{port} failed.\n", options.host);
            eprint!("{}", why.render(options.locale));
            eprintln!("\nmail-send: {error}");
            ExitCode::FAILURE
        }
    }
}
