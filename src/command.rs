//! The SMTP commands (and protocol moments) after which a reply code appears.

use strum::{Display, EnumIter, EnumString, IntoStaticStr};

use crate::Error;

/// A command, or a moment of the SMTP dialogue, after which a server sends a reply.
///
/// Displays as the command verb (`"RCPT"`) or a short English phrase for the moments that are
/// not commands (`"connection opening"`).
///
/// ```
/// use smtp_codes::{lookup, Command};
/// assert!(lookup(535).unwrap().commands().contains(&Command::Auth));
/// assert_eq!(Command::EndOfData.to_string(), "end of message data");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Display, EnumString, EnumIter, IntoStaticStr,
)]
#[strum(parse_err_ty = Error, parse_err_fn = command_parse_error, ascii_case_insensitive)]
#[non_exhaustive]
pub enum Command {
    /// The server's greeting when the client connects.
    #[strum(to_string = "connection opening", serialize = "connect")]
    Connect,
    /// `EHLO`, the extended hello.
    #[strum(to_string = "EHLO")]
    Ehlo,
    /// `HELO`, the basic hello.
    #[strum(to_string = "HELO")]
    Helo,
    /// `STARTTLS` (RFC 3207).
    #[strum(to_string = "STARTTLS")]
    StartTls,
    /// `AUTH` (RFC 4954).
    #[strum(to_string = "AUTH")]
    Auth,
    /// A client response inside an `AUTH` exchange (RFC 4954).
    #[strum(to_string = "AUTH response", serialize = "AUTH-response")]
    AuthResponse,
    /// `MAIL FROM`.
    #[strum(to_string = "MAIL")]
    Mail,
    /// `RCPT TO`.
    #[strum(to_string = "RCPT")]
    Rcpt,
    /// `DATA`.
    #[strum(to_string = "DATA")]
    Data,
    /// The end of the message data (the lone `.` after `DATA`).
    #[strum(to_string = "end of message data", serialize = "end-of-data")]
    EndOfData,
    /// `BDAT` (RFC 3030 CHUNKING).
    #[strum(to_string = "BDAT")]
    Bdat,
    /// `BURL` (RFC 4468).
    #[strum(to_string = "BURL")]
    Burl,
    /// `RSET`.
    #[strum(to_string = "RSET")]
    Rset,
    /// `VRFY`.
    #[strum(to_string = "VRFY")]
    Vrfy,
    /// `EXPN`.
    #[strum(to_string = "EXPN")]
    Expn,
    /// `HELP`.
    #[strum(to_string = "HELP")]
    Help,
    /// `NOOP`.
    #[strum(to_string = "NOOP")]
    Noop,
    /// `QUIT`.
    #[strum(to_string = "QUIT")]
    Quit,
    /// `ETRN` (RFC 1985).
    #[strum(to_string = "ETRN")]
    Etrn,
    /// `ATRN` (RFC 2645 On-Demand Mail Relay).
    #[strum(to_string = "ATRN")]
    Atrn,
    /// Reported in a delivery status notification rather than during the dialogue.
    #[strum(to_string = "delivery status notification", serialize = "DSN")]
    Dsn,
    /// Any command.
    #[strum(to_string = "any command", serialize = "any")]
    Any,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Command {
    /// The command's display form: `"RCPT"`, `"end of message data"`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn command_parse_error(_: &str) -> Error {
    Error::UnknownName { kind: "command" }
}

impl Command {
    /// The command as a reader of the language names it: verbs stay verbs (`"RCPT"`), moments
    /// of the dialogue are translated ("the connection greeting").
    ///
    /// ```
    /// use smtp_codes::{Command, Locale};
    /// assert_eq!(Command::Rcpt.label(Locale::Ja), "RCPT");
    /// assert_eq!(Command::Connect.label(Locale::En), "the connection greeting");
    /// ```
    pub fn label(self, locale: crate::Locale) -> &'static str {
        crate::ui::command_name(self, locale)
    }

    /// Whether this is an SMTP command verb (as opposed to a moment such as the greeting).
    pub const fn is_verb(self) -> bool {
        !matches!(
            self,
            Command::Connect | Command::AuthResponse | Command::EndOfData | Command::Dsn | Command::Any
        )
    }
}
