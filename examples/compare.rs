//! Compares two reply codes: `cargo run --example compare -- 221 535 --lang ja`

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
    let mut codes = Vec::new();
    let mut locale = Locale::En;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--lang" {
            let tag = args.next().ok_or("--lang needs a language tag such as ja or zh-CN")?;
            locale = Locale::from_tag(&tag).ok_or(format!("unknown language {tag:?}"))?;
        } else {
            let code: u16 = arg
                .parse()
                .map_err(|_| format!("{arg:?} is not a number; usage: compare CODE CODE [--lang TAG]"))?;
            codes.push(code);
        }
    }
    let [a, b] = codes[..] else {
        return Err("usage: compare CODE CODE [--lang TAG]".into());
    };
    let comparison = smtp_codes::compare(a, b).map_err(|e| e.to_string())?;
    Ok(comparison.render(locale).to_string())
}
