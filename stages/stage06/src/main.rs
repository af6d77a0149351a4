//! The `stage06` command: see `stage06 --help`.
fn main() {
    std::process::exit(stage06::cli::main(&stage06::STAGE));
}
