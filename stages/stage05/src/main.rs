//! The `stage05` command: see `stage05 --help`.
fn main() {
    std::process::exit(stage05::cli::main(&stage05::STAGE));
}
