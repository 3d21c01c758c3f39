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
