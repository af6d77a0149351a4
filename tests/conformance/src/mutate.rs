//! The robustness test: feed the loader thousands of damaged `.pyc` files and check
//! that every one gives an error or loads, never a panic.
//!
//! Each mutant is a corpus `.pyc` with a few mutations applied: bit flips, byte
//! overwrites with "interesting" values (0x00, 0xff, 0x7f, 0x80: the edges of
//! lengths, flags and signed numbers), truncations, chunks duplicated, and splices
//! from another corpus file. Everything is derived from one seed by a small PRNG of
//! our own (splitmix64), so a failing case is reproduced by its seed and index.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use std::rc::Rc;

use stage02::code::{Code, Constant};

// ANCHOR: splitmix
/// splitmix64 (Steele, Lea and Flood): a tiny PRNG with good output, enough to
/// pick mutations. Not cryptographic; deterministic for a given seed.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}
// ANCHOR_END: splitmix

// ANCHOR: mutations
/// The values most likely to sit on an edge: zero, all ones, the largest positive
/// and the smallest negative signed byte.
const INTERESTING: [u8; 4] = [0x00, 0xff, 0x7f, 0x80];

/// One mutation of `bytes`, chosen by `rng`. `corpus` provides splice material.
fn mutate_once(rng: &mut SplitMix64, bytes: &mut Vec<u8>, corpus: &[Vec<u8>]) {
    let len = bytes.len();
    match rng.below(6) {
        // Flip one bit.
        0 if len > 0 => {
            let at = rng.below(len);
            bytes[at] ^= 1 << rng.below(8);
        }
        // Overwrite a byte with an interesting value.
        1 if len > 0 => {
            let at = rng.below(len);
            bytes[at] = INTERESTING[rng.below(INTERESTING.len())];
        }
        // Overwrite a byte with a random value.
        2 if len > 0 => {
            let at = rng.below(len);
            bytes[at] = rng.next_u64() as u8;
        }
        // Truncate.
        3 => bytes.truncate(rng.below(len + 1)),
        // Duplicate a chunk in place.
        4 if len > 0 => {
            let start = rng.below(len);
            let end = start + 1 + rng.below((len - start).min(64));
            let chunk = bytes[start..end].to_vec();
            let at = rng.below(bytes.len() + 1);
            bytes.splice(at..at, chunk);
        }
        // Splice: our head, another file's tail.
        _ => {
            if corpus.is_empty() {
                return;
            }
            let other = &corpus[rng.below(corpus.len())];
            let cut = rng.below(len + 1);
            let from = rng.below(other.len() + 1);
            bytes.truncate(cut);
            bytes.extend_from_slice(&other[from..]);
        }
    }
}
// ANCHOR_END: mutations

/// An endless, deterministic stream of mutants of the corpus files: each one is a
/// corpus file with 1 to 4 mutations. Empty if the corpus is.
pub fn mutants(seed: u64, corpus: &[Vec<u8>]) -> impl Iterator<Item = Vec<u8>> + '_ {
    let mut rng = SplitMix64::new(seed);
    std::iter::from_fn(move || {
        if corpus.is_empty() {
            return None;
        }
        let mut bytes = corpus[rng.below(corpus.len())].clone();
        for _ in 0..1 + rng.below(4) {
            mutate_once(&mut rng, &mut bytes, corpus);
        }
        Some(bytes)
    })
}

// ANCHOR: check_one
/// Loads `bytes` and, if they load, runs everything that reads a code object.
/// `Err` only when something panicked: a load error is the right answer for a
/// damaged file.
pub fn check_one(bytes: &[u8]) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| {
        if let Ok(code) = stage02::pyc::load_pyc(bytes) {
            exercise_loaded(&code);
        }
    }))
    .map_err(|payload| panic_message(payload.as_ref()))
}

/// Everything a loaded file can reach: the table decoders on every nested code
/// object, the disassembler and the code-info listing on the whole tree, and each
/// stage's eval loop under an instruction budget (output thrown away). Any of them may
/// return an error; none may panic.
fn exercise_loaded(code: &Rc<Code>) {
    exercise_tables(code);
    let _ = stage02::dis::disassemble(code);
    let _ = stage02::dis::code_info(code);
    let limits = stage02::eval::Limits {
        max_instructions: INSTRUCTION_BUDGET,
    };
    let _ = stage02::eval::run_code(code.clone(), &mut std::io::sink(), limits);
    let limits = stage03::eval::Limits {
        max_instructions: INSTRUCTION_BUDGET,
    };
    let _ = stage03::eval::run_code(code.clone(), &mut std::io::sink(), limits);
    let limits = stage04::eval::Limits {
        max_instructions: INSTRUCTION_BUDGET,
    };
    let _ = stage04::eval::run_code(code.clone(), &mut std::io::sink(), limits);
    let limits = stage05::eval::Limits {
        max_instructions: INSTRUCTION_BUDGET,
    };
    // stage05 unwinds through the (mutated) exception table, and prints a
    // traceback from the (mutated) line and location tables.
    if let Err(error) = stage05::eval::run_code(code.clone(), &mut std::io::sink(), limits) {
        let _ = stage05::uncaught::report(&error, std::path::Path::new("mutant.pyc"));
    }
    // stage06 moves frames in and out of generators, by the (mutated)
    // RETURN_GENERATOR, YIELD_VALUE and SEND, and reads cells by index.
    let limits = stage06::eval::Limits {
        max_instructions: INSTRUCTION_BUDGET,
    };
    if let Err(error) = stage06::eval::run_code(code.clone(), &mut std::io::sink(), limits) {
        let _ = stage06::uncaught::report(&error, std::path::Path::new("mutant.pyc"));
    }
}

/// Instructions one mutant may execute: far more than any corpus program needs at
/// stage02 (straight-line code), few enough that a run stays quick.
const INSTRUCTION_BUDGET: u64 = 10_000;

fn exercise_tables(code: &Code) {
    let _ = stage02::linetable::positions(code);
    let _ = stage02::linetable::lines(code);
    let _ = stage02::linetable::line_at(code, 0);
    if let Ok(entries) = stage02::exceptiontable::parse(code) {
        let _ = stage02::exceptiontable::find_handler(&entries, 0);
    }
    let _ = code.varnames();
    let _ = code.cellvars();
    let _ = code.freevars();
    for constant in code.consts.iter() {
        if let stage02::code::Constant::Code(inner) = constant {
            exercise_tables(inner);
        }
    }
}
// ANCHOR_END: check_one

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "panic with a non-text payload".to_string()
    }
}

/// Every `.pyc` under `dir`, recursively, in a stable order.
fn collect_pyc(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_pyc(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "pyc") {
            out.push(path);
        }
    }
}

/// The corpus: every `.pyc` under the repository's `tests/`, plus stage02's own
/// loader fixtures (`stages/stage02/tests/fixtures`).
pub fn corpus_files() -> Vec<Vec<u8>> {
    let root = crate::corpus::repo_root();
    let mut paths = Vec::new();
    collect_pyc(&root.join("tests"), &mut paths);
    collect_pyc(&root.join("stages/stage02/tests/fixtures"), &mut paths);
    paths
        .iter()
        .filter_map(|path| std::fs::read(path).ok())
        .collect()
}

// ANCHOR: run
/// Runs `cases` mutants from `seed`. A panic is reported with the seed and the
/// case's index, which reproduce it (`mutants(seed, &corpus).nth(index)`); the
/// default panic hook is silenced meanwhile, so a failure is one line, not a wall
/// of backtraces.
pub fn run(cases: u64, seed: u64) -> Result<(), String> {
    let corpus = corpus_files();
    if corpus.is_empty() {
        return Err("no .pyc files found for the mutation corpus".to_string());
    }
    let cases = mutants(seed, &corpus).take(cases as usize);
    report_panics(
        &format!("seed {seed}"),
        cases.map(|mutant| check_one(&mutant)),
    )
}

/// Runs the checks of `outcomes` with the default panic hook silenced (a
/// failure is one line, not a wall of backtraces) and reports the first ten
/// that panicked, each named by `label` and its index, which reproduce it.
fn report_panics(
    label: &str,
    outcomes: impl Iterator<Item = Result<(), String>>,
) -> Result<(), String> {
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut failures = Vec::new();
    for (index, outcome) in outcomes.enumerate() {
        if let Err(message) = outcome {
            failures.push(format!("{label} case {index}: panic: {message}"));
            if failures.len() >= 10 {
                break;
            }
        }
    }
    std::panic::set_hook(previous_hook);
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}
// ANCHOR_END: run

// ANCHOR: table_mutants
/// Mutants aimed at the exception tables (stage05 unwinds through them): a
/// program that loads, with the `co_exceptiontable` of some of its code
/// objects mutated as [`mutate_once`] mutates a file. A damaged table must
/// give a VM error or a wrong-but-safe handler, never a panic.
pub fn table_mutants(seed: u64, programs: &[Rc<Code>]) -> impl Iterator<Item = Rc<Code>> + '_ {
    let mut rng = SplitMix64::new(seed);
    std::iter::from_fn(move || {
        let program = programs.get(rng.below(programs.len()))?;
        Some(Rc::new(with_mutated_tables(program, &mut rng)))
    })
}

/// `code` with each code object's exception table mutated or not, by a coin
/// flip, nested code objects included.
fn with_mutated_tables(code: &Code, rng: &mut SplitMix64) -> Code {
    let mut code = code.clone();
    if rng.below(2) == 0 {
        let mut table = code.exceptiontable.to_vec();
        for _ in 0..1 + rng.below(3) {
            mutate_once(rng, &mut table, &[]);
        }
        code.exceptiontable = Rc::from(table);
    }
    let consts: Vec<Constant> = code
        .consts
        .iter()
        .map(|constant| match constant {
            Constant::Code(inner) => Constant::Code(Rc::new(with_mutated_tables(inner, rng))),
            other => other.clone(),
        })
        .collect();
    code.consts = Rc::from(consts);
    code
}

/// Runs `cases` table mutants of the stage05 corpus programs (those with
/// `try` statements) through every stage, as [`run`] does for files.
pub fn run_tables(cases: u64, seed: u64) -> Result<(), String> {
    let programs: Vec<Rc<Code>> = corpus_files()
        .iter()
        .filter_map(|bytes| stage02::pyc::load_pyc(bytes).ok())
        .filter(|code| has_exception_table(code))
        .collect();
    if programs.is_empty() {
        return Err("no corpus program has an exception table".to_string());
    }
    let cases = table_mutants(seed, &programs).take(cases as usize);
    let outcomes = cases.map(|code| {
        catch_unwind(AssertUnwindSafe(|| exercise_loaded(&code)))
            .map_err(|payload| panic_message(payload.as_ref()))
    });
    report_panics(&format!("tables seed {seed}"), outcomes)
}

/// Whether `code` or a code object nested in it has an exception table.
fn has_exception_table(code: &Code) -> bool {
    !code.exceptiontable.is_empty()
        || code.consts.iter().any(|constant| match constant {
            Constant::Code(inner) => has_exception_table(inner),
            _ => false,
        })
}
// ANCHOR_END: table_mutants

// ANCHOR: memory_limit
/// The address space a mutation run may use. A mutant that asks for a huge
/// allocation must get `MemoryError`, never abort the process (Rust's default
/// when an allocation fails): under this limit such an allocation really
/// fails, so an unguarded one shows up as a death by `SIGABRT`.
pub const ADDRESS_SPACE_LIMIT: u64 = 4_000_000_000;

/// Runs `program args…` under `prlimit --as=`[`ADDRESS_SPACE_LIMIT`] and
/// waits for it: its output, or, for a death by a signal (an abort, a stack
/// overflow) or a failure, an error that says which, with the run's output.
pub fn run_with_memory_limit(program: &std::path::Path, args: &[&str]) -> Result<String, String> {
    use std::os::unix::process::ExitStatusExt;
    let output = std::process::Command::new("prlimit")
        .arg(format!("--as={ADDRESS_SPACE_LIMIT}"))
        .arg("--")
        .arg(program)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run prlimit (util-linux) for the memory limit: {e}"))?;
    let shown = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    match (output.status.signal(), output.status.success()) {
        (Some(signal), _) => Err(format!(
            "the mutation run died by signal {signal} under a {ADDRESS_SPACE_LIMIT}-byte \
             address space (an allocation that aborts, or a stack overflow):\n{shown}"
        )),
        (None, false) => Err(format!("the mutation run failed:\n{shown}")),
        (None, true) => Ok(shown),
    }
}
// ANCHOR_END: memory_limit
