//! Explains a reply code or a whole server reply:
//!
//! - `cargo run --example explain -- 535` prints everything the crate knows about 535;
//! - `cargo run --example explain -- "550 5.1.1 <user@example.com>: Recipient address rejected"`
//!   explains a reply (also one found inside a log line or bounce text);
//! - `--lang ja` (or any BCP 47 tag) chooses the language.

use smtp_codes::Locale;

fn main() {
    match run(std::env::args().skip(1).collect()) {
        Ok(text) => print!("{text}"),
        Err(message) => {
            eprintln!("error: {message}");
            std::process::exit(2);
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut locale = Locale::En;
    let mut input = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--lang" {
            let tag = args.next().ok_or("--lang needs a language tag such as ja or zh-CN")?;
            locale = Locale::from_tag(&tag).ok_or(format!("unknown language {tag:?}"))?;
        } else {
            input.push(arg);
        }
    }
    let input = input.join(" ");
    if input.trim().is_empty() {
        return Err("usage: explain CODE|REPLY [--lang TAG]".into());
    }
    match input.trim().parse::<u16>() {
        Ok(code) => describe(code, locale),
        Err(_) => explain_reply(&input, locale),
    }
}

fn explain_reply(input: &str, locale: Locale) -> Result<String, String> {
    // A reply as typed on one line may carry "\n" for its line breaks.
    let reply = input.replace("\\r\\n", "\r\n").replace("\\n", "\n");
    let explanation = match smtp_codes::explain(&reply) {
        Ok(explanation) => explanation,
        Err(parse_error) => smtp_codes::explain_text(&reply)
            .ok_or(format!("no SMTP reply found in the input ({parse_error})"))?,
    };
    Ok(explanation.render(locale).to_string())
}

fn describe(code: u16, locale: Locale) -> Result<String, String> {
    match smtp_codes::lookup(code) {
        Some(entry) => Ok(entry.render(locale).to_string()),
        None => match smtp_codes::reference::Class::of(code) {
            Some(class) => Ok(format!(
                "{code}: not defined by any standard; by its first digit it is a {} reply ({})\n",
                class.label(locale),
                class.pattern()
            )),
            None => Err(format!("{code} is not a reply code: a reply code has three digits, 200 to 599")),
        },
    }
}
