//! Amazon SES notifications (`{"notificationType":"Bounce", …}` in the body): read with a few
//! linear scans for the keys SES documents, not a general JSON parser.

use super::limits::MAX_RECIPIENTS;
use super::recipient::{Action, Recipient, TypedValue};
use super::report::Kind;

/// The string value of `"key":"…"` at or after `from`, unescaped, and where it ends.
fn string_after(text: &str, from: usize, key: &str) -> Option<(String, usize)> {
    let pattern = format!("\"{key}\":");
    let at = text.get(from..)?.find(&pattern)? + from + pattern.len();
    let rest = text[at..].trim_start();
    let start = at + (text.len() - at - rest.len());
    let body = rest.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, start + 1 + i + 1)),
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, other)) => out.push(other),
                None => return None,
            },
            c => out.push(c),
        }
        if out.len() > 4096 {
            return None;
        }
    }
    None
}

/// The end of the JSON array that starts at `open` (a `[`), strings skipped.
fn array_end(text: &str, open: usize) -> usize {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate().skip(open) {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => depth += 1,
            (false, _, b']' | b'}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// The sent message's id: the `Message-ID` header SES quotes (`commonHeaders.messageId`), else
/// SES's own message id (what the sending API returned).
pub(crate) fn message_id(text: &str) -> Option<String> {
    let common = text.find("\"commonHeaders\"");
    common
        .and_then(|at| string_after(text, at, "messageId"))
        .or_else(|| string_after(text, text.find("\"mail\"")?, "messageId"))
        .map(|(id, _)| id.trim_matches(['<', '>']).to_owned())
}

/// Reads an SES notification: its kind and recipients.
pub(crate) fn read(text: &str) -> Option<(Kind, Vec<Recipient>)> {
    // Most texts are no notification: one fast search says so before any other work.
    if !text.contains("\"notificationType\":") {
        return None;
    }
    let (kind, _) = string_after(text, 0, "notificationType")?;
    let (kind, list, action) = match kind.as_str() {
        "Bounce" => (Kind::Bounce, "bouncedRecipients", Some(Action::Failed)),
        "Complaint" => (Kind::Feedback, "complainedRecipients", None),
        "Delivery" => (Kind::Receipt, "recipients", Some(Action::Delivered)),
        _ => return None,
    };
    let key = format!("\"{list}\":");
    let open = text.find(&key)? + key.len();
    let open = open + text[open..].find('[')?;
    let end = array_end(text, open);
    let array = &text[open..end];
    let mut recipients = Vec::new();
    if kind == Kind::Receipt {
        // A plain array of strings.
        for address in array.split('"').skip(1).step_by(2).take(MAX_RECIPIENTS) {
            let mut r = Recipient::new(address.to_owned());
            r.action = action;
            if let Some((response, _)) = string_after(text, 0, "smtpResponse") {
                r.diagnostic = response;
            }
            recipients.push(r);
        }
        return Some((kind, recipients));
    }
    let mut from = 0;
    while let Some((address, after)) = string_after(array, from, "emailAddress") {
        let next = array[after..].find("\"emailAddress\"").map_or(array.len(), |p| p + after);
        let object = &array[..next];
        let mut r = Recipient::new(address.clone());
        r.final_recipient = Some(TypedValue { kind: String::from("rfc822"), value: address });
        r.action = string_after(object, after, "action").and_then(|(a, _)| Action::parse(&a)).or(action);
        if let Some((status, _)) = string_after(object, after, "status") {
            r.status = crate::EnhancedCode::parse_prefix(status.as_bytes()).map(|(c, _)| c);
            r.status_field = Some(status);
        }
        if let Some((diagnostic, _)) = string_after(object, after, "diagnosticCode") {
            r.diagnostic_code = Some(TypedValue::parse(&diagnostic));
        }
        recipients.push(r);
        if recipients.len() >= MAX_RECIPIENTS {
            break;
        }
        from = next;
    }
    Some((kind, recipients))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounce() {
        let json = r#"{"notificationType":"Bounce","bounce":{"bouncedRecipients":[{"emailAddress":"a@example.com","action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user \"unknown\""}]}}"#;
        let (kind, r) = read(json).unwrap();
        assert_eq!(kind, Kind::Bounce);
        assert_eq!(r[0].address, "a@example.com");
        assert_eq!(r[0].diagnostic_code.as_ref().unwrap().value, "550 5.1.1 user \"unknown\"");
    }
}
