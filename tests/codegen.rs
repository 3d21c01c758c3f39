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
    for file in ["codes.toml", "enhanced.toml", "explain.toml", "providers.toml"] {
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
