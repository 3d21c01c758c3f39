//! Maintainer tasks. `cargo run -p xtask -- codegen` regenerates `src/generated.rs` from `data/`.

mod codegen;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    match std::env::args().nth(1).as_deref() {
        Some("codegen") => match codegen::generate(&root) {
            Ok(source) => {
                let path = root.join("src/generated.rs");
                if let Err(e) = std::fs::write(&path, source) {
                    eprintln!("xtask: cannot write {}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
                println!("wrote {}", path.display());
                ExitCode::SUCCESS
            }
            Err(problems) => {
                eprintln!("xtask codegen: the data has problems:\n{problems}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("usage: cargo run -p xtask -- codegen");
            ExitCode::FAILURE
        }
    }
}
