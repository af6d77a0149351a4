//! The workbook's task runner, run as `cargo xtask <task>` (an alias in
//! `.cargo/config.toml`). Every task is plain Rust so it works wherever `cargo` does;
//! only `corpus` needs a Python 3.11, because CPython is the oracle it records.
//!
//! This crate links no stage: the tasks that do (`corpus`, `mutate`, `bench`) live in
//! the conformance crate's `tasks` binary and are forwarded there. So `cargo xtask
//! exercise reset` works while a student's half-written stage does not compile.
#![forbid(unsafe_code)]

mod book_check;
mod diagrams;
mod exercise;
mod json;
mod stage_diff;
mod stepper_check;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

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
    /// Time each stage's release build against python3.11 (the real binary, with -S)
    /// on the programs in tests/bench/ (median of --runs wall times), weigh each
    /// one's peak memory (max RSS, from GNU time's /usr/bin/time if installed) and
    /// print the ratios; fail only if a run fails or an output differs from
    /// CPython's, never on time or memory.
    Bench {
        /// Time only this stage (default: every stage from 02 on).
        #[arg(long)]
        stage: Option<u32>,
        /// Timed runs of each program on each interpreter; the median time counts.
        #[arg(long, default_value_t = 5)]
        runs: u32,
    },
    /// Check every {{#include}} in the book: files exist, anchors exist and are closed,
    /// listings are not empty, snapshots are included after their header; no line of
    /// a `text` block is over 100 columns, no Rust listing over 40 lines; and each
    /// exercise is announced (`cargo xtask exercise start N.M`) in a chapter.
    BookCheck,
    /// Run the stages with --trace-json on the book's chosen programs and write the
    /// traces its steppers replay (book/src/generated/traces/) and the SVG pictures
    /// drawn from them (book/src/generated/diagrams/), and the listings and traces the
    /// chapters quote (book/src/generated/outputs/); with --check, write nothing and
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
    },
    /// The coursework: `list` the exercises; `start 3.3` replaces section 3.3's
    /// bodies with `todo!()` for you to write; `check 3.3` runs that section's tests
    /// and reports; `reset 3.3` puts the workbook's solution back. `verify` proves
    /// every exercise is graded both ways (CI runs it).
    Exercise {
        #[command(subcommand)]
        action: exercise::Action,
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
        Task::Bench { stage, runs } => {
            let mut args = vec!["bench".into(), "--runs".into(), runs.to_string().into()];
            if let Some(stage) = stage {
                args.extend(["--stage".into(), stage.to_string().into()]);
            }
            forward_to_stage_tasks(&args)
        }
        Task::BookCheck => book_check_task(&root),
        Task::Corpus { check } => {
            let mut args: Vec<OsString> = vec!["corpus".into()];
            if check {
                args.push("--check".into());
            }
            forward_to_stage_tasks(&args)
        }
        Task::Diagrams { check } => diagrams_task(&root, check),
        Task::StepperCheck { screenshot } => stepper_check::run(&root, screenshot),
        Task::Mutate { cases, seed } => forward_to_stage_tasks(&[
            "mutate".into(),
            "--cases".into(),
            cases.to_string().into(),
            "--seed".into(),
            seed.to_string().into(),
        ]),
        Task::Exercise { action } => exercise::run(&root, action),
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

fn book_check_task(root: &Path) -> Result<(), String> {
    let mut problems = book_check::check(&root.join("book/src"))?;
    problems.extend(exercise::unannounced_in_book(root)?);
    if problems.is_empty() {
        println!(
            "book-check: every include resolves to a non-empty listing, no `text` block \
             line is over {} columns, no Rust listing is over {} lines, and every \
             exercise is announced in its chapter",
            book_check::MAX_TEXT_COLUMNS,
            book_check::MAX_LISTING_LINES
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

/// Runs one of the tasks that link the stages (`corpus`, `mutate`, `bench`) in the
/// conformance crate's `tasks` binary, built with this task runner's profile (so
/// `cargo run --release -p xtask -- mutate` mutates with optimised stages).
fn forward_to_stage_tasks(args: &[OsString]) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.args([
        "run",
        "--quiet",
        "--package",
        "conformance",
        "--bin",
        "tasks",
    ]);
    if !cfg!(debug_assertions) {
        command.arg("--release");
    }
    let status = command
        .arg("--")
        .args(args)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the task failed ({status})"))
    }
}
