//! The header-like field blocks of a `message/delivery-status` part (RFC 3464 §2.1), read by
//! hand: unfolded, in order, one block per message and per recipient.

use super::limits::{MAX_FIELD_BYTES, MAX_FIELDS, MAX_RECIPIENTS};

/// One `Name: value` field, unfolded (continuation lines joined by one space).
pub(crate) type Field = (String, String);

/// The per-message fields and the per-recipient field groups of a delivery-status text.
#[derive(Debug, Default)]
pub(crate) struct Groups {
    pub(crate) message: Vec<Field>,
    pub(crate) recipients: Vec<Vec<Field>>,
}

fn is_recipient_field(name: &str) -> bool {
    name.eq_ignore_ascii_case("Final-Recipient") || name.eq_ignore_ascii_case("Original-Recipient")
}

fn has(fields: &[Field], name: &str) -> bool {
    fields.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
}

/// Splits the text into fields: a line `Name: value` starts a field, a line that begins with
/// white space continues it, a blank line ends a block. Other lines are skipped.
fn fields(text: &str) -> Vec<(bool, Field)> {
    let mut out: Vec<(bool, Field)> = Vec::new();
    let mut blank_before = true;
    let mut open = false;
    for line in text.lines() {
        if out.len() >= MAX_FIELDS {
            break;
        }
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            blank_before = true;
            open = false;
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if open {
                if let Some((_, (_, value))) = out.last_mut() {
                    if value.len() < MAX_FIELD_BYTES {
                        if !value.is_empty() {
                            value.push(' ');
                        }
                        value.push_str(line.trim());
                    }
                }
            }
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            open = false;
            continue;
        };
        let name = name.trim();
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            open = false;
            continue;
        }
        let mut value = value.trim().to_owned();
        value.truncate(floor_char_boundary(&value, MAX_FIELD_BYTES));
        out.push((blank_before, (name.to_owned(), value)));
        blank_before = false;
        open = true;
    }
    out
}

/// The largest index `<= max` on a char boundary of `s`.
pub(crate) fn floor_char_boundary(s: &str, max: usize) -> usize {
    if max >= s.len() {
        return s.len();
    }
    let mut i = max;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Groups the fields of a delivery-status text: fields before the first recipient field are
/// per-message; a recipient group starts at a block that names a recipient, or at a second
/// `Final-Recipient` (or a second `Original-Recipient`) when a sender left out the blank line
/// between recipients.
pub(crate) fn groups(text: &str) -> Groups {
    let mut groups = Groups::default();
    let mut current: Option<Vec<Field>> = None;
    for (block_start, (name, value)) in fields(text) {
        let starts = is_recipient_field(&name)
            && match &current {
                None => true,
                Some(fields) => block_start || has(fields, &name),
            };
        if starts {
            if groups.recipients.len() >= MAX_RECIPIENTS {
                break;
            }
            if let Some(done) = current.take() {
                groups.recipients.push(done);
            }
            current = Some(Vec::new());
        }
        match &mut current {
            Some(fields) => fields.push((name, value)),
            None => groups.message.push((name, value)),
        }
    }
    if let Some(done) = current {
        groups.recipients.push(done);
    }
    groups
}

/// The value of the first field with this name.
pub(crate) fn get<'a>(fields: &'a [Field], name: &str) -> Option<&'a str> {
    fields.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_and_grouped() {
        let text = "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; a@example.com\r\n\
                    Original-Recipient: rfc822; a@example.org\r\nAction: failed\r\nDiagnostic-Code: smtp; 550 5.1.1 no such\r\n  user here\r\n\
                    Final-Recipient: rfc822; b@example.com\r\nAction: delayed\r\n";
        let g = groups(text);
        assert_eq!(get(&g.message, "reporting-mta"), Some("dns; mx.example.com"));
        assert_eq!(g.recipients.len(), 2);
        assert_eq!(get(&g.recipients[0], "Diagnostic-Code"), Some("smtp; 550 5.1.1 no such user here"));
        assert_eq!(get(&g.recipients[1], "Action"), Some("delayed"));
    }
}
