//! Sends one message with async-smtp's `SmtpTransport` and, when that fails, explains why in
//! words a person can act on. async-smtp does not connect by itself: the example opens the TCP
//! stream with tokio and the TLS stream with tokio-rustls (dev-dependencies), and `?` turns their
//! errors into async-smtp's (`Io`, `Timeout`), as an application does.
//!
//! ```text
//! cargo run --example async_smtp --features async-smtp -- \
//!     --host 127.0.0.1 --port 2525 --user alice@example.org --password secret \
//!     --from alice@example.org --to bob@example.net --tls none --lang en
//! ```
//!
//! `--tls none|starttls|tls` chooses plain SMTP (default port 2525), STARTTLS required (587, the
//! default mode) or implicit TLS (465). Certificates are checked against no root at all in this
//! example (it carries no root store): use `--accept-invalid-certs` with a test server, which
//! skips the check; without it, every certificate is reported as untrusted.
//!
//! Exit status: 0 when the server accepted the message, 1 when sending failed (the explanation is
//! printed), 2 for a usage error.

use std::process::ExitCode;
use std::time::Duration;

use std::sync::Arc;

use async_smtp::authentication::{Credentials, Mechanism};
use async_smtp::error::Error;
use async_smtp::{Envelope, SendableEmail, SmtpClient, SmtpTransport};
use smtp_codes::{Context, Explain};
use tokio::io::BufStream;
use tokio_rustls::rustls;

const USAGE: &str = "usage: async_smtp [--host HOST] [--port PORT] [--tls none|starttls|tls] \
[--accept-invalid-certs] [--user USER --password PASSWORD] [--from ADDRESS] [--to ADDRESS] \
[--timeout SECONDS] [--lang TAG]";

#[path = "common/cli.rs"]
mod cli;
use cli::{Options, parse_options};

/// A TLS connector: no root certificates, or no check at all with `--accept-invalid-certs`.
fn tls(accept_invalid_certs: bool) -> tokio_rustls::TlsConnector {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .expect("TLS versions");
    let config = if accept_invalid_certs {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AcceptAny(provider)))
            .with_no_client_auth()
    } else {
        builder.with_root_certificates(rustls::RootCertStore::empty()).with_no_client_auth()
    };
    tokio_rustls::TlsConnector::from(Arc::new(config))
}

/// Accepts any certificate (test servers only).
#[derive(Debug)]
struct AcceptAny(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for AcceptAny {
    fn verify_server_cert(
        &self,
        _: &rustls::pki_types::CertificateDer<'_>,
        _: &[rustls::pki_types::CertificateDer<'_>],
        _: &rustls::pki_types::ServerName<'_>,
        _: &[u8],
        _: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Signs in when asked, sends and quits.
async fn deliver<S>(
    transport: &mut SmtpTransport<S>,
    options: &Options,
    email: SendableEmail,
) -> Result<(), Error>
where
    S: tokio::io::AsyncBufRead + tokio::io::AsyncWrite + Unpin,
{
    if let (Some(user), Some(password)) = (&options.user, &options.password) {
        transport.auth(Mechanism::Plain, &Credentials::new(user.clone(), password.clone())).await?;
    }
    transport.send(email).await?;
    transport.quit().await
}

async fn send(options: &Options, port: u16) -> Result<(), Error> {
    let limit = Duration::from_secs(options.timeout);
    let envelope = Envelope::new(
        Some(options.from.parse().map_err(|_| Error::Client("--from is not an address"))?),
        vec![options.to.parse().map_err(|_| Error::Client("--to is not an address"))?],
    )
    .map_err(|_| Error::Client("the envelope is not valid"))?;
    let body = format!(
        "From: <{}>\r\nTo: <{}>\r\nSubject: Hello from smtp_codes\r\n\r\nThis message was sent by the async_smtp example of smtp_codes.\r\n",
        options.from, options.to
    );
    let email = SendableEmail::new(envelope, body);
    let tcp =
        tokio::time::timeout(limit, tokio::net::TcpStream::connect((options.host.as_str(), port))).await??;
    let name = rustls::pki_types::ServerName::try_from(options.host.clone())
        .map_err(|_| Error::Client("the host name cannot be used for TLS"))?;
    let connector = tls(options.accept_invalid_certs);
    match options.tls.as_str() {
        "tls" => {
            let stream = tokio::time::timeout(limit, connector.connect(name, tcp)).await??;
            let mut transport =
                tokio::time::timeout(limit, SmtpTransport::new(SmtpClient::new(), BufStream::new(stream)))
                    .await??;
            deliver(&mut transport, options, email).await
        }
        "starttls" => {
            let transport =
                tokio::time::timeout(limit, SmtpTransport::new(SmtpClient::new(), BufStream::new(tcp)))
                    .await??;
            let tcp = transport.starttls().await?.into_inner();
            let stream = tokio::time::timeout(limit, connector.connect(name, tcp)).await??;
            let client = SmtpClient::new().without_greeting();
            let mut transport =
                tokio::time::timeout(limit, SmtpTransport::new(client, BufStream::new(stream))).await??;
            deliver(&mut transport, options, email).await
        }
        _ => {
            let mut transport =
                tokio::time::timeout(limit, SmtpTransport::new(SmtpClient::new(), BufStream::new(tcp)))
                    .await??;
            deliver(&mut transport, options, email).await
        }
    }
}

fn main() -> ExitCode {
    let options = match parse_options(USAGE) {
        Ok(options) => options,
        Err(problem) => {
            eprintln!("async_smtp: {problem}\n{USAGE}");
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
            eprintln!("\nasync-smtp: {error}");
            ExitCode::FAILURE
        }
    }
}
