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
    for line in super::lines::lines(text) {
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

/// Per-message field names (RFC 3464 §2.2, RFC 6533, Postfix's extensions).
fn is_message_field(name: &str) -> bool {
    ["Reporting-MTA", "DSN-Gateway", "Received-From-MTA", "Arrival-Date", "Original-Envelope-Id"]
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n))
        || name.as_bytes().get(..9).is_some_and(|p| p.eq_ignore_ascii_case(b"x-postfix"))
}

/// Whether `line` starts the delivery-status fields (`Reporting-MTA: dns; …`,
/// `Final-Recipient: rfc822; …`): where a report's prose about a recipient ends.
pub(crate) fn starts_report_fields(line: &str) -> bool {
    line.split_once(':').is_some_and(|(name, _)| is_message_field(name) || is_recipient_field(name))
}

/// Groups the fields of a delivery-status text. A block (fields between blank lines) that names
/// no recipient is per-message (or, after the recipients, more about the last one). In a block
/// that names recipients, a group starts at each recipient field unless the group already has
/// that field's partner (`Original-Recipient` then `Final-Recipient`, or the other way round);
/// fields before the first recipient field belong to it, except per-message ones (some MTAs
/// write everything in one block, in any order).
pub(crate) fn groups(text: &str) -> Groups {
    let mut groups = Groups::default();
    let mut fields = fields(text).into_iter().peekable();
    // One block at a time, in one buffer: the first field starts one, then each field after a
    // blank line.
    let mut block: Vec<Field> = Vec::new();
    while let Some((_, first)) = fields.next() {
        block.push(first);
        while let Some((_, field)) = fields.next_if(|(block_start, _)| !block_start) {
            block.push(field);
        }
        if !block.iter().any(|(n, _)| is_recipient_field(n)) {
            match groups.recipients.last_mut() {
                Some(last) => last.append(&mut block),
                None => groups.message.append(&mut block),
            }
            continue;
        }
        let mut pending: Vec<Field> = Vec::new();
        let mut current: Option<Vec<Field>> = None;
        for (name, value) in block.drain(..) {
            if is_recipient_field(&name) {
                let starts = match &current {
                    None => true,
                    Some(fields) => has(fields, &name),
                };
                if starts {
                    if let Some(done) = current.take() {
                        groups.recipients.push(done);
                    }
                    if groups.recipients.len() >= MAX_RECIPIENTS {
                        return groups;
                    }
                    current = Some(core::mem::take(&mut pending));
                }
            }
            match &mut current {
                Some(fields) => fields.push((name, value)),
                None if is_message_field(&name) => groups.message.push((name, value)),
                None => pending.push((name, value)),
            }
        }
        if let Some(done) = current {
            groups.recipients.push(done);
        }
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

    #[test]
    fn one_block_in_any_order() {
        let text = "Reporting-MTA: dns; 10.0.0.1\nDiagnostic-Code: smtp; 550 5.1.1 no\nStatus: 5.1.1\n\
                    Final-Recipient: rfc822; a@example.com\nAction: failed\n";
        let g = groups(text);
        assert_eq!(g.message.len(), 1);
        assert_eq!(get(&g.recipients[0], "Status"), Some("5.1.1"));
        assert_eq!(get(&g.recipients[0], "Action"), Some("failed"));
    }
}
