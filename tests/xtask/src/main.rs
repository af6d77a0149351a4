//! The workbook's task runner, run as `cargo xtask <task>` (an alias in
//! `.cargo/config.toml`). Every task is plain Rust so it works wherever `cargo` does;
//! only `corpus` needs a Python 3.11, because CPython is the oracle it records.
#![forbid(unsafe_code)]

mod bench;
mod book_check;
mod diagrams;
mod json;
mod stage_diff;
mod stepper_check;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Tasks that keep the workbook's generated files honest"
)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Time each stage's release build against python3.11 on the programs in
    /// tests/bench/ (best of --runs wall times) and print the ratios; fail only if a
    /// run fails or an output differs from CPython's, never on time.
    Bench {
        /// Time only this stage (default: every stage from 02 on).
        #[arg(long)]
        stage: Option<u32>,
        /// Runs of each program on each interpreter; the best time counts.
        #[arg(long, default_value_t = 3)]
        runs: u32,
    },
    /// Check every {{#include}} in the book: files exist, anchors exist and are closed,
    /// listings are not empty, snapshots are included after their header; and no line
    /// of a `text` block is over 100 columns.
    BookCheck,
    /// Run the stages with --trace-json on the book's chosen programs and write the
    /// traces its steppers replay (book/src/generated/traces/) and the SVG pictures
    /// drawn from them (book/src/generated/diagrams/); with --check, write nothing and
    /// fail if any generated file is stale, missing or no longer generated.
    Diagrams {
        #[arg(long)]
        check: bool,
    },
    /// Build the book, open each chapter's stepper at a step in headless Chromium
    /// (`--dump-dom` of the page at `#stepper-NAME-N`) and check that the frames and
    /// stacks it shows are the ones the trace records at that step. With --screenshot,
    /// also write book/src/images/stepper.png.
    StepperCheck {
        #[arg(long)]
        screenshot: bool,
    },
    /// Re-record the corpus from CPython 3.11: every program's .pyc (unchecked-hash,
    /// byte-identical on rerun), its stdout, stderr, exit status and `dis` listing,
    /// and each program's function-wrapped variant in tests/wrapped/ (stale generated
    /// files there are removed). With --check, write nothing and fail if anything is stale.
    Corpus {
        #[arg(long)]
        check: bool,
    },
    /// The robustness test at any size: mutate the corpus .pyc files (bit flips,
    /// truncations, overwrites, splices) and load, disassemble and run each mutant
    /// under an instruction budget; fail on any panic. For millions of cases build
    /// optimised: `cargo run --release -p xtask -- mutate --cases 5000000`.
    Mutate {
        #[arg(long, default_value_t = 100_000)]
        cases: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Internal: run the mutants in this process (the task re-runs itself
        /// this way under an address-space limit).
        #[arg(long, hide = true)]
        inside_limit: bool,
    },
    /// Write what changed from each stage to the next into book/src/generated/
    /// (whole files and per anchor) and print and write each stage's ownership table
    /// (lines owned, new, unchanged); with --check, write nothing and fail if anything
    /// is stale. Both fail if a stage owns a copy of its predecessor's file that is
    /// byte-identical or of which fewer than 10 % of the lines are new.
    StageDiff {
        #[arg(long)]
        check: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = repo_root();
    let result = match cli.task {
        Task::Bench { stage, runs } => bench_task(&root, stage, runs),
        Task::BookCheck => book_check_task(&root),
        Task::Corpus { check } => corpus_task(&root, check),
        Task::Diagrams { check } => diagrams_task(&root, check),
        Task::StepperCheck { screenshot } => stepper_check::run(&root, screenshot),
        Task::Mutate {
            cases,
            seed,
            inside_limit,
        } => mutate_task(cases, seed, inside_limit),
        Task::StageDiff { check } => stage_diff_task(&root, check),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cargo xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root: this crate lives in `tests/xtask`.
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap_or_else(|_| PathBuf::from("."))
}

fn bench_task(root: &Path, stage: Option<u32>, runs: u32) -> Result<(), String> {
    bench::run(root, bench::Options { stage, runs })?;
    println!("\nbench: every output matched CPython's");
    Ok(())
}

fn book_check_task(root: &Path) -> Result<(), String> {
    let problems = book_check::check(&root.join("book/src"))?;
    if problems.is_empty() {
        println!(
            "book-check: every include resolves to a non-empty listing, and no `text` \
             block line is over {} columns",
            book_check::MAX_TEXT_COLUMNS
        );
        return Ok(());
    }
    for problem in &problems {
        eprintln!("{problem}");
    }
    Err(format!("book-check found {} problem(s)", problems.len()))
}

fn diagrams_task(root: &Path, check: bool) -> Result<(), String> {
    let outcome = diagrams::run(root, check)?;
    if !outcome.problems.is_empty() {
        for problem in &outcome.problems {
            eprintln!("{problem}");
        }
        return Err(format!(
            "diagrams found {} stale generated file(s)",
            outcome.problems.len()
        ));
    }
    if check {
        println!("diagrams: generated traces and diagrams are current");
    } else if outcome.changed.is_empty() {
        println!("diagrams: nothing changed");
    } else {
        for path in &outcome.changed {
            println!("diagrams: wrote {path}");
        }
    }
    Ok(())
}

fn stage_diff_task(root: &Path, check: bool) -> Result<(), String> {
    let outcome = stage_diff::run(root, check);
    print!("{}", outcome.tables);
    if outcome.problems.is_empty() {
        let verb = if check { "are current" } else { "written" };
        println!("\nstage-diff: generated stage diffs and ownership tables {verb}");
        return Ok(());
    }
    for problem in &outcome.problems {
        eprintln!("{problem}");
    }
    let written = if check {
        ""
    } else {
        " (the generated files were written)"
    };
    Err(format!(
        "stage-diff found {} problem(s){written}",
        outcome.problems.len()
    ))
}

fn corpus_task(root: &Path, check: bool) -> Result<(), String> {
    let summary = if check {
        conformance::corpus::check_all(root)?
    } else {
        conformance::corpus::regenerate_all(root)?
    };
    println!("{summary}");
    if check && !summary.is_current() {
        return Err("the recorded corpus is stale: run `cargo xtask corpus`".to_string());
    }
    Ok(())
}

fn mutate_task(cases: u64, seed: u64, inside_limit: bool) -> Result<(), String> {
    if !inside_limit {
        // Run again in a child process under an address-space limit, so that an
        // allocation that would abort is caught as a failure, not a crash.
        let this = std::env::current_exe().map_err(|e| format!("cannot find xtask: {e}"))?;
        let (cases, seed) = (cases.to_string(), seed.to_string());
        let args = [
            "mutate",
            "--cases",
            &cases,
            "--seed",
            &seed,
            "--inside-limit",
        ];
        conformance::mutate::run_with_memory_limit(&this, &args)?;
        println!(
            "mutate: {cases} mutants (seed {seed}) loaded, disassembled and ran without a \
             panic or a signal, under a {}-byte address space",
            conformance::mutate::ADDRESS_SPACE_LIMIT
        );
        return Ok(());
    }
    // Nested data is legal up to CPython's marshal depth limit; give the loader the
    // same roomy stack a stage binary runs on.
    let run = std::thread::Builder::new()
        .stack_size(conformance::corpus::check::INTERPRETER_STACK_BYTES)
        .spawn(move || conformance::mutate::run(cases, seed))
        .map_err(|e| format!("cannot start the mutation thread: {e}"))?;
    let outcome = run
        .join()
        .map_err(|_| "the mutation run itself panicked".to_string())?;
    outcome.map_err(|failures| format!("mutants that made a stage panic:\n{failures}"))
}
