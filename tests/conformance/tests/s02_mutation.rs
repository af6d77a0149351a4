//! Section 2 robustness: thousands of damaged `.pyc` files must load or fail with a
//! `LoadError`, and whatever loads must disassemble and run (under an instruction
//! budget, by every stage from 02 on) to a result or an error: never a panic
//! (DESIGN.md section 6).
//! Millions more, with any seed: `cargo xtask mutate --cases 1000000 --seed 7`.

const CASES: u64 = 6000;
const SEED: u64 = 0x5eed_0002;

/// Runs the mutation test below in a child process with a limited address space
/// (`prlimit`), so that a mutant that makes an allocation abort, or overflows
/// the stack, fails this test instead of killing the test binary.
#[test]
fn s02_6_mutated_pyc_files_never_panic_or_abort() {
    let this_test_binary = std::env::current_exe().expect("the test binary's path");
    let run = conformance::mutate::run_with_memory_limit(
        &this_test_binary,
        &[
            "--ignored",
            "--exact",
            "s02_6_mutation_run_inside_the_memory_limit",
            "--nocapture",
        ],
    );
    match run {
        Ok(output) => assert!(
            output.contains("test result: ok. 1 passed"),
            "the child process ran no mutation test:\n{output}"
        ),
        Err(failure) => panic!("{failure}"),
    }
}

/// The mutation run itself. Not run alone: the test above runs it in a child
/// process under a memory limit.
#[test]
#[ignore = "run by s02_6_mutated_pyc_files_never_panic_or_abort inside a memory limit"]
fn s02_6_mutation_run_inside_the_memory_limit() {
    // A stage binary runs its interpreter on a thread with this much stack; give
    // the mutants the same (a test thread has 2 MiB): deeply nested data is
    // legal, and a mutant may re-enter the eval loop as deep as the recursion
    // limit allows.
    let outcome = std::thread::Builder::new()
        .stack_size(conformance::corpus::check::INTERPRETER_STACK_BYTES)
        .spawn(|| conformance::mutate::run(CASES, SEED))
        .expect("spawn the mutation thread")
        .join()
        .expect("the mutation run itself does not panic");
    if let Err(failures) = outcome {
        panic!("mutants that made a stage panic:\n{failures}");
    }
    let outcome = std::thread::Builder::new()
        .stack_size(conformance::corpus::check::INTERPRETER_STACK_BYTES)
        .spawn(|| conformance::mutate::run_tables(TABLE_CASES, SEED))
        .expect("spawn the table mutation thread")
        .join()
        .expect("the table mutation run itself does not panic");
    if let Err(failures) = outcome {
        panic!("mutated exception tables that made a stage panic:\n{failures}");
    }
}

/// Programs with their exception tables mutated (stage05 unwinds through
/// them): fewer than whole-file mutants, as each one loads and runs.
const TABLE_CASES: u64 = 1500;

#[test]
fn s02_6_mutants_are_deterministic() {
    let corpus = vec![b"abcdefgh".to_vec(), b"0123456789".to_vec()];
    let first: Vec<_> = conformance::mutate::mutants(7, &corpus).take(50).collect();
    let again: Vec<_> = conformance::mutate::mutants(7, &corpus).take(50).collect();
    assert_eq!(first, again);
    assert!(
        first.iter().any(|m| !corpus.contains(m)),
        "mutations change the bytes"
    );
}
