//! Exceptions can be chained without limit (`raise E from previous` in a
//! loop, or an exception in another's `args`): freeing such a chain must
//! not recurse in Rust once per link. The run is on a thread with a small
//! stack (1 MiB), where a recursive drop of 200,000 links overflows.

use std::ffi::OsString;
use std::path::PathBuf;

#[test]
fn s05_3_a_long_chain_of_exceptions_is_freed_without_deep_recursion() {
    let program = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/long_chain.pyc");
    let run = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let args = vec![OsString::from("stage05"), program.into_os_string()];
            let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
            let status = stage05::run_cli(args, &mut stdout, &mut stderr);
            (status, stdout, stderr)
        })
        .expect("spawn the small-stack thread")
        .join()
        .expect("no stack overflow, no panic");
    let (status, stdout, stderr) = run;
    assert_eq!(
        String::from_utf8_lossy(&stdout),
        "ValueError(199999) ValueError(199998)\nfreed\n"
    );
    assert_eq!(status, 0, "{}", String::from_utf8_lossy(&stderr));
}
