//! The `stage02` command: see `stage02 --help`.
fn main() {
    std::process::exit(stage02::cli::main(&stage02::STAGE));
}
