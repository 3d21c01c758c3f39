//! [`Context`]: what the client knows about where a reply came from.

use crate::Command;

/// Which server sent the reply, as the client knows it.
///
/// ```
/// use smtp_codes::ServerRole;
/// assert_eq!(ServerRole::Submission.as_str(), "submission");
/// assert_eq!("mx".parse::<ServerRole>(), Ok(ServerRole::Mx));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::EnumString)]
#[strum(serialize_all = "snake_case", parse_err_ty = crate::Error, parse_err_fn = role_parse_error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[allow(clippy::exhaustive_enums)] // A client talks to its own server or to someone else's: two roles.
pub enum ServerRole {
    /// The user's own outgoing server (`smtp.gmail.com:587`, `smtp.office365.com`): its replies
    /// are about the user's account, credentials, sending limits and permissions.
    Submission,
    /// A relay or the recipient's mail exchanger (port 25): its replies are about the recipient,
    /// the message or the sending server's reputation.
    Mx,
}

fn role_parse_error(_: &str) -> crate::Error {
    crate::Error::UnknownName { kind: "server role" }
}

impl ServerRole {
    /// Both roles.
    pub const ALL: [ServerRole; 2] = [ServerRole::Submission, ServerRole::Mx];

    /// The stable id: `"submission"` or `"mx"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ServerRole::Submission => "submission",
            ServerRole::Mx => "mx",
        }
    }

    /// A short label in the given language ("Submission server").
    pub fn label(self, locale: crate::Locale) -> &'static str {
        let ui = crate::ui::ui(locale);
        match self {
            ServerRole::Submission => ui.role_submission,
            ServerRole::Mx => ui.role_mx,
        }
    }
}

impl core::fmt::Display for ServerRole {
    /// The English label.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.label(crate::Locale::En))
    }
}

/// What the client knows about a reply, all optional: the server's [`ServerRole`], its host
/// name and the command the reply answered. The plain functions ([`explain`](crate::explain),
/// [`explain_text`](crate::explain_text)) mean "nothing known".
///
/// ```
/// use smtp_codes::{explain_with, Command, Context, FixOwner, Reason, ServerRole};
/// let context = Context::submission("smtp.office365.com").with_command(Command::Mail);
/// let e = explain_with("530 5.7.1 Client was not authenticated", &context).unwrap();
/// assert_eq!(e.reason(), Reason::AuthRequired);
/// assert_eq!(e.fix_owner(), FixOwner::SenderUser);
/// assert_eq!(e.bounce(), None); // a sign-in problem says nothing about the recipient
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Context<'a> {
    /// Which server sent the reply.
    pub role: Option<ServerRole>,
    /// The server's host name (`smtp.gmail.com`), as the client connected to it.
    pub host: Option<&'a str>,
    /// The command the reply answered.
    pub command: Option<Command>,
}

impl<'a> Context<'a> {
    /// Nothing known.
    pub const UNKNOWN: Context<'static> = Context { role: None, host: None, command: None };

    /// Nothing known yet; fill it with the `with_…` methods.
    pub const fn new() -> Context<'a> {
        Context { role: None, host: None, command: None }
    }

    /// The user's own submission server, by host name.
    pub const fn submission(host: &'a str) -> Context<'a> {
        Context { role: Some(ServerRole::Submission), host: Some(host), command: None }
    }

    /// A relay or the recipient's mail exchanger, by host name.
    pub const fn mx(host: &'a str) -> Context<'a> {
        Context { role: Some(ServerRole::Mx), host: Some(host), command: None }
    }

    /// With the server's role.
    #[must_use]
    pub const fn with_role(mut self, role: ServerRole) -> Context<'a> {
        self.role = Some(role);
        self
    }

    /// With the server's host name.
    #[must_use]
    pub const fn with_host(mut self, host: &'a str) -> Context<'a> {
        self.host = Some(host);
        self
    }

    /// With the command the reply answered.
    #[must_use]
    pub const fn with_command(mut self, command: Command) -> Context<'a> {
        self.command = Some(command);
        self
    }
}
