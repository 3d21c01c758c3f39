//! Placeholder; replaced by the lettre example.
fn main() {}
