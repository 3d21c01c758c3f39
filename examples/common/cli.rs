//! The command line shared by the `mail_send` and `async_smtp` examples (not an example itself).

use smtp_codes::Locale;

/// What the command line asked for.
pub struct Options {
    pub host: String,
    pub port: Option<u16>,
    pub tls: String,
    pub accept_invalid_certs: bool,
    pub user: Option<String>,
    pub password: Option<String>,
    pub from: String,
    pub to: String,
    pub timeout: u64,
    pub locale: Locale,
}

/// Reads the options; `--help` prints `usage` and exits 0.
pub fn parse_options(usage: &str) -> Result<Options, String> {
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
            println!("{usage}");
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

impl Options {
    /// The port asked for, else the usual one for the TLS mode: 2525 plain (test servers),
    /// 465 implicit TLS, 587 STARTTLS.
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(match self.tls.as_str() {
            "none" => 2525,
            "tls" => 465,
            _ => 587,
        })
    }
}
