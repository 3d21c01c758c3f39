//! Exports the whole table (basic reply codes and the enhanced status registry) as JSON.
//!
//! `cargo run --example export_json --features serde > codes.json`

fn main() {
    #[derive(serde::Serialize)]
    struct Export {
        reply_codes: Vec<&'static smtp_codes::ReplyCode>,
        enhanced_registry: Vec<&'static smtp_codes::EnhancedStatus>,
        enhanced_registry_version: &'static str,
    }
    let export = Export {
        reply_codes: smtp_codes::all().collect(),
        enhanced_registry: smtp_codes::all_enhanced().collect(),
        enhanced_registry_version: smtp_codes::reference::ENHANCED_REGISTRY_VERSION,
    };
    match serde_json::to_string_pretty(&export) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
