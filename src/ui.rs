//! Localized headings, labels and sentence templates, and the small template writer that fills
//! them without allocating.

use core::fmt::{self, Display, Write};

use crate::generated::{UI, Ui};
use crate::{Category, Class, Command, Locale, Standing};

/// The UI strings of a language.
pub(crate) fn ui(locale: Locale) -> &'static Ui {
    UI.get(locale)
}

/// Writes `template`, replacing each `{name}` with the matching argument. Unknown placeholders
/// are written as they stand, so a translation mistake shows instead of panicking.
pub(crate) fn write_template(
    out: &mut dyn Write,
    template: &str,
    args: &[(&str, &dyn Display)],
) -> fmt::Result {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.write_str(&rest[..open])?;
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => write!(out, "{value}")?,
                    None => write!(out, "{{{name}}}")?,
                }
                rest = &after[close + 1..];
            }
            None => {
                out.write_str(&rest[open..])?;
                rest = "";
            }
        }
    }
    out.write_str(rest)
}

/// A `Display` value that fills a template when formatted.
pub(crate) struct Template<'a> {
    pub(crate) template: &'a str,
    pub(crate) args: &'a [(&'a str, &'a dyn Display)],
}

impl Display for Template<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_template(f, self.template, self.args)
    }
}

pub(crate) fn class_name(class: Class, locale: Locale) -> &'static str {
    let ui = ui(locale);
    [
        ui.class_positive_completion,
        ui.class_positive_intermediate,
        ui.class_transient_negative,
        ui.class_permanent_negative,
    ][class.index()]
}

pub(crate) fn category_name(category: Category, locale: Locale) -> &'static str {
    let ui = ui(locale);
    [
        ui.category_syntax,
        ui.category_information,
        ui.category_connections,
        ui.category_unspecified3,
        ui.category_unspecified4,
        ui.category_mail_system,
    ][category.index()]
}

pub(crate) fn standing_name(standing: Standing, locale: Locale) -> &'static str {
    let ui = ui(locale);
    match standing {
        Standing::StandardsTrack => ui.standing_standards_track,
        Standing::Experimental => ui.standing_experimental,
        Standing::RegistryOnly => ui.standing_registry_only,
    }
}

/// A command as a reader of the language names it: verbs stay verbs, moments are translated.
pub(crate) fn command_name(command: Command, locale: Locale) -> &'static str {
    let ui = ui(locale);
    match command {
        Command::Connect => ui.command_connect,
        Command::AuthResponse => ui.command_auth_response,
        Command::EndOfData => ui.command_end_of_data,
        Command::Dsn => ui.command_dsn,
        Command::Any => ui.command_any,
        verb => verb.verb().unwrap_or_default(),
    }
}

/// A list of commands joined with the language's separator.
pub(crate) struct CommandList(pub(crate) &'static [Command], pub(crate) Locale);

impl Display for CommandList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, command) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(ui(self.1).list_separator)?;
            }
            f.write_str(command_name(*command, self.1))?;
        }
        Ok(())
    }
}
