//! The `stage03` command: see `stage03 --help`.
fn main() {
    std::process::exit(stage03::cli::main(&stage03::STAGE));
}
