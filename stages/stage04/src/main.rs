//! The `stage04` command: see `stage04 --help`.
fn main() {
    std::process::exit(stage04::cli::main(&stage04::STAGE));
}
