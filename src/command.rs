//! The SMTP commands (and protocol moments) after which a reply code appears.

use strum::EnumString;

use crate::Error;

/// A command, or a moment of the SMTP dialogue, after which a server sends a reply.
///
/// The stable id is snake_case ([`as_str`](Self::as_str), serde, `FromStr`); `Display` is the
/// English label: the verb for commands (`"RCPT"`), a short phrase for the moments that are not
/// commands (`"the connection greeting"`); [`label`](Self::label) gives it in any language.
///
/// ```
/// use smtp_codes::{lookup, Command};
/// assert!(lookup(535).unwrap().commands().contains(&Command::Auth));
/// assert_eq!(Command::EndOfData.to_string(), "the end of the message data");
/// assert_eq!(Command::Rcpt.as_str(), "rcpt");
/// assert_eq!("RCPT".parse::<Command>(), Ok(Command::Rcpt));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumString)]
#[strum(serialize_all = "snake_case", parse_err_ty = Error, parse_err_fn = command_parse_error, ascii_case_insensitive)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Command {
    /// The server's greeting when the client connects.
    #[strum(serialize = "connect")]
    Connect,
    /// `EHLO`, the extended hello.
    #[strum(serialize = "ehlo")]
    Ehlo,
    /// `HELO`, the basic hello.
    #[strum(serialize = "helo")]
    Helo,
    /// `STARTTLS` (RFC 3207).
    #[strum(serialize = "starttls")]
    #[cfg_attr(feature = "serde", serde(rename = "starttls"))]
    StartTls,
    /// `AUTH` (RFC 4954).
    #[strum(serialize = "auth")]
    Auth,
    /// A client response inside an `AUTH` exchange (RFC 4954).
    #[strum(serialize = "auth_response", serialize = "AUTH-response")]
    AuthResponse,
    /// `MAIL FROM`.
    #[strum(serialize = "mail")]
    Mail,
    /// `RCPT TO`.
    #[strum(serialize = "rcpt")]
    Rcpt,
    /// `DATA`.
    #[strum(serialize = "data")]
    Data,
    /// The end of the message data (the lone `.` after `DATA`).
    #[strum(serialize = "end_of_data", serialize = "end-of-data")]
    EndOfData,
    /// `BDAT` (RFC 3030 CHUNKING).
    #[strum(serialize = "bdat")]
    Bdat,
    /// `BURL` (RFC 4468).
    #[strum(serialize = "burl")]
    Burl,
    /// `RSET`.
    #[strum(serialize = "rset")]
    Rset,
    /// `VRFY`.
    #[strum(serialize = "vrfy")]
    Vrfy,
    /// `EXPN`.
    #[strum(serialize = "expn")]
    Expn,
    /// `HELP`.
    #[strum(serialize = "help")]
    Help,
    /// `NOOP`.
    #[strum(serialize = "noop")]
    Noop,
    /// `QUIT`.
    #[strum(serialize = "quit")]
    Quit,
    /// `ETRN` (RFC 1985).
    #[strum(serialize = "etrn")]
    Etrn,
    /// `ATRN` (RFC 2645 On-Demand Mail Relay).
    #[strum(serialize = "atrn")]
    Atrn,
    /// Reported in a delivery status notification rather than during the dialogue.
    #[strum(serialize = "dsn")]
    Dsn,
    /// Any command.
    #[strum(serialize = "any")]
    Any,
}

fn command_parse_error(_: &str) -> Error {
    Error::UnknownName { kind: "command" }
}

impl Command {
    /// Every command and moment, in declaration order.
    pub const ALL: [Command; 22] = [
        Command::Connect,
        Command::Ehlo,
        Command::Helo,
        Command::StartTls,
        Command::Auth,
        Command::AuthResponse,
        Command::Mail,
        Command::Rcpt,
        Command::Data,
        Command::EndOfData,
        Command::Bdat,
        Command::Burl,
        Command::Rset,
        Command::Vrfy,
        Command::Expn,
        Command::Help,
        Command::Noop,
        Command::Quit,
        Command::Etrn,
        Command::Atrn,
        Command::Dsn,
        Command::Any,
    ];

    /// The stable snake_case id (`"rcpt"`, `"end_of_data"`), as serde and `FromStr` use it.
    /// `FromStr` is case-insensitive, so the verbs parse as written on the wire (`"RCPT"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Command::Connect => "connect",
            Command::Ehlo => "ehlo",
            Command::Helo => "helo",
            Command::StartTls => "starttls",
            Command::Auth => "auth",
            Command::AuthResponse => "auth_response",
            Command::Mail => "mail",
            Command::Rcpt => "rcpt",
            Command::Data => "data",
            Command::EndOfData => "end_of_data",
            Command::Bdat => "bdat",
            Command::Burl => "burl",
            Command::Rset => "rset",
            Command::Vrfy => "vrfy",
            Command::Expn => "expn",
            Command::Help => "help",
            Command::Noop => "noop",
            Command::Quit => "quit",
            Command::Etrn => "etrn",
            Command::Atrn => "atrn",
            Command::Dsn => "dsn",
            Command::Any => "any",
        }
    }

    /// The verb as written on the wire (`"RCPT"`), or `None` for a moment of the dialogue.
    pub const fn verb(self) -> Option<&'static str> {
        match self {
            Command::Ehlo => Some("EHLO"),
            Command::Helo => Some("HELO"),
            Command::StartTls => Some("STARTTLS"),
            Command::Auth => Some("AUTH"),
            Command::Mail => Some("MAIL"),
            Command::Rcpt => Some("RCPT"),
            Command::Data => Some("DATA"),
            Command::Bdat => Some("BDAT"),
            Command::Burl => Some("BURL"),
            Command::Rset => Some("RSET"),
            Command::Vrfy => Some("VRFY"),
            Command::Expn => Some("EXPN"),
            Command::Help => Some("HELP"),
            Command::Noop => Some("NOOP"),
            Command::Quit => Some("QUIT"),
            Command::Etrn => Some("ETRN"),
            Command::Atrn => Some("ATRN"),
            _ => None,
        }
    }

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
        self.verb().is_some()
    }
}

impl core::fmt::Display for Command {
    /// The English label (`"RCPT"`, `"the connection greeting"`); [`Command::as_str`] gives the id.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(crate::Locale::En))
    }
}
