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
use smtp_codes::{Context, Explain};

const USAGE: &str = "usage: mail_send [--host HOST] [--port PORT] [--tls none|starttls|tls] \
[--accept-invalid-certs] [--user USER --password PASSWORD] [--from ADDRESS] [--to ADDRESS] \
[--timeout SECONDS] [--lang TAG]";

#[path = "common/cli.rs"]
mod cli;
use cli::{Options, parse_options};

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
    let options = match parse_options(USAGE) {
        Ok(options) => options,
        Err(problem) => {
            eprintln!("mail_send: {problem}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let port = options.port();
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
