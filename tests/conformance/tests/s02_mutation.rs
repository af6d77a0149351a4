//! Section 2 robustness: thousands of damaged `.pyc` files must load or fail with a
//! `LoadError`, and whatever loads must disassemble and run (under an instruction
//! budget, by every stage from 02 on) to a result or an error: never a panic
//! (DESIGN.md section 6).
//! Millions more, with any seed: `cargo xtask mutate --cases 1000000 --seed 7`.

const CASES: u64 = 6000;
const SEED: u64 = 0x5eed_0002;

#[test]
fn s02_6_mutated_pyc_files_never_panic() {
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
}

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
