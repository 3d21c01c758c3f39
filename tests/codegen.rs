//! Fails when `src/generated.rs` is stale: regenerates it in memory from `data/` and compares.
//! Run `cargo run -p xtask -- codegen` to bring it up to date.

#[path = "../xtask/src/codegen.rs"]
mod codegen;

#[test]
fn generated_tables_are_up_to_date() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let fresh =
        codegen::generate(root).unwrap_or_else(|problems| panic!("the data has problems:\n{problems}"));
    let committed = std::fs::read_to_string(root.join("src/generated.rs")).expect("src/generated.rs exists");
    assert!(
        fresh == committed,
        "src/generated.rs is stale: run `cargo run -p xtask -- codegen` and commit the result"
    );
}

/// A copy of `data/` in a fresh temporary directory, for tests that break it on purpose.
fn data_copy(name: &str) -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("smtp_codes_codegen_{name}_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data/text")).unwrap();
    for file in ["codes.toml", "enhanced.toml", "explain.toml", "providers.toml", "clients.toml"] {
        std::fs::copy(root.join("data").join(file), dir.join("data").join(file)).unwrap();
    }
    for entry in std::fs::read_dir(root.join("data/text")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "toml") {
            std::fs::copy(&path, dir.join("data/text").join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

#[test]
fn a_language_file_missing_an_entry_is_refused_by_name() {
    let dir = data_copy("missing");
    let path = dir.join("data/text/de.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("[basic.535]").unwrap();
    let end = start + text[start + 1..].find("\n[").unwrap() + 1;
    std::fs::write(&path, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let problems = codegen::generate(&dir).unwrap_err();
    assert!(problems.contains("de.toml lacks [basic.535]"), "{problems}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_keyword_phrase_that_can_never_decide_is_refused() {
    let dir = data_copy("shadowed");
    let path = dir.join("data/explain.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("phrases = [\"greylist\", ", "phrases = [\"greylist\", \"greylisted by\", ", 1);
    std::fs::write(&path, text).unwrap();
    let problems = codegen::generate(&dir).unwrap_err();
    assert!(problems.contains("phrase \"greylisted by\" never decides: \"greylist\""), "{problems}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_language_file_with_an_unknown_entry_is_refused_by_name() {
    let dir = data_copy("unknown");
    let path = dir.join("data/text/ja.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n[basic.599]\nname = \"x\"\ndescription = \"x\"\nwhen = \"x\"\nremedy = \"x\"\n");
    std::fs::write(&path, text).unwrap();
    let problems = codegen::generate(&dir).unwrap_err();
    assert!(problems.contains("ja.toml has [basic.599], which the facts do not know"), "{problems}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn adding_a_language_is_adding_one_file() {
    let dir = data_copy("added");
    let english = std::fs::read_to_string(dir.join("data/text/en.toml")).unwrap();
    let italian = english
        .replacen("variant = \"En\"", "variant = \"It\"", 1)
        .replacen("tag = \"en\"", "tag = \"it\"", 1)
        .replacen("aliases = [\"en-US\", \"en-GB\"]", "aliases = [\"it-IT\"]", 1);
    std::fs::write(dir.join("data/text/it.toml"), italian).unwrap();
    let source = codegen::generate(&dir).unwrap();
    assert!(source.contains("    It,") && source.contains("pub const COUNT: usize = 8;"));
    let _ = std::fs::remove_dir_all(dir);
}

/// `phrase` with `prefix` before each of its words: a copy that holds no original phrase at a
/// word start, whose own phrases shadow each other as the originals do.
fn prefix_words(prefix: &str, phrase: &str) -> String {
    let mut out = String::new();
    let mut in_word = false;
    for c in phrase.chars() {
        if c.is_alphanumeric() && !in_word {
            out.push_str(prefix);
        }
        in_word = c.is_alphanumeric();
        out.push(c);
    }
    out
}

/// A TOML line `name = ["a", "b"]` with its strings given to `edit` (which returns the new list).
fn edit_list(line: &str, edit: impl Fn(Vec<String>) -> Vec<String>) -> String {
    let (head, list) = line.split_at(line.find('[').unwrap());
    // The lists hold plain strings (no escapes): every other piece between quotes.
    let items: Vec<String> = list.split('"').skip(1).step_by(2).map(String::from).collect();
    let quoted: Vec<String> = edit(items).iter().map(|s| format!("{s:?}")).collect();
    format!("{head}[{}]", quoted.join(", "))
}

/// The scanner's encoding holds twice today's data: with every keyword rule copied (as new
/// rules), every retry phrase, provider marker and client excerpt too, the generator fits nearly twice the states, twice the
/// slots (more than the 2^16 the former encoding held) and more distinct outputs, with no
/// `compile_error!`. (Three and four times today's data fit too, with more than 255 outputs, the
/// former limit; the test stays at two, as the data's checks take quadratic time.)
#[test]
fn the_scanner_holds_twice_the_patterns() {
    let dir = data_copy("doubled");
    let prefixes = ["zqa"];
    let copies = |items: Vec<String>| -> Vec<String> {
        let copied = prefixes.iter().flat_map(|p| items.iter().map(|i| prefix_words(p, i)));
        items.iter().cloned().chain(copied).collect()
    };
    let path = dir.join("data/explain.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut rules = String::new();
    for prefix in prefixes {
        for (i, _) in lines.iter().enumerate().filter(|(_, l)| **l == "[[keyword]]") {
            let phrases =
                edit_list(lines[i + 3], |items| items.iter().map(|p| prefix_words(prefix, p)).collect());
            rules.push_str(&format!("[[keyword]]\n{}\n{}\n{phrases}\n\n", lines[i + 1], lines[i + 2]));
        }
    }
    let mut out = String::new();
    let mut in_retry = false;
    for line in lines {
        if line.starts_with('[') {
            in_retry = line == "[retry]";
            if in_retry {
                out.push_str(&rules);
            }
        }
        match in_retry && line.contains(" = [") {
            true => out.push_str(&edit_list(line, copies)),
            false => out.push_str(line),
        }
        out.push('\n');
    }
    std::fs::write(&path, out).unwrap();
    let path = dir.join("data/providers.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text: Vec<String> = text
        .lines()
        .map(|line| match line.starts_with("markers = [") {
            true => edit_list(line, copies),
            false => line.to_string(),
        })
        .collect();
    std::fs::write(&path, text.join("\n")).unwrap();
    // The client messages' excerpts (one per line, after the first message).
    let path = dir.join("data/clients.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let (leads, messages) = text.split_at(text.find("[[message]]").unwrap());
    let mut out = leads.to_string();
    for line in messages.lines() {
        out.push_str(line);
        out.push('\n');
        if let Some(excerpt) = line.strip_prefix("  \"").and_then(|rest| rest.split('"').next()) {
            // Excerpts hold no quote or backslash: written as they are. One in a script with no
            // ASCII word gets the prefix in front.
            let copy = match prefix_words(prefixes[0], excerpt) {
                same if same == excerpt => format!("{}{excerpt}", prefixes[0]),
                copy => copy,
            };
            out.push_str(&format!("  \"{copy}\",\n"));
        }
    }
    std::fs::write(&path, out).unwrap();

    let source = codegen::generate(&dir).unwrap();
    assert!(!source.contains("compile_error!"));
    // The figures of the generated header: states and slots; and the outputs' table.
    let figure = |source: &str, after: &str, before: &str| -> usize {
        let start = source.find(after).unwrap() + after.len();
        let end = start + source[start..].find(before).unwrap();
        source[start..end].trim().parse().unwrap()
    };
    let today =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/generated.rs"))
            .unwrap();
    let states = |s: &str| figure(s, "trie nodes,\n///", " states ×");
    let slots = |s: &str| figure(s, "packed into", " slots:");
    let outputs = |s: &str| figure(s, "SCAN_OUTPUTS: [Output;", "] = [");
    // Nearly twice the states: a copy of a phrase whose first letter is beyond ASCII begins with
    // the ASCII prefix, so the generator adds no capitalized form of it, as it does of the original.
    assert!(states(&source) * 10 >= 19 * states(&today), "{} states", states(&source));
    assert!(slots(&source) >= 2 * slots(&today) && slots(&source) > 1 << 16, "{} slots", slots(&source));
    assert!(outputs(&source) > outputs(&today), "{} outputs", outputs(&source));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_quote_lead_with_a_capital_is_refused() {
    let dir = data_copy("lead");
    let path = dir.join("data/clients.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("\"responded\"", "\"Responded\"", 1)).unwrap();
    let problems = codegen::generate(&dir).unwrap_err();
    assert!(problems.contains("quote lead \"Responded\""), "{problems}");
}
