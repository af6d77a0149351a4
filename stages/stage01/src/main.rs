//! The `stage01` command: see `stage01 --help`.
fn main() {
    std::process::exit(stage01::main());
}
