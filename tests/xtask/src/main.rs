//! The workbook's task runner, run as `cargo xtask <task>` (an alias in
//! `.cargo/config.toml`). Every task is plain Rust so it works wherever `cargo` does;
//! only `corpus` needs a Python 3.11, because CPython is the oracle it records.
#![forbid(unsafe_code)]

mod book_check;
mod stage_diff;

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
    /// Check every {{#include}} in the book: files exist, anchors exist and are closed,
    /// listings are not empty, snapshots are included after their header.
    BookCheck,
    /// Write what changed from each stage to the next into book/src/generated/
    /// (whole files and per anchor); with --check, fail if anything is stale or if a
    /// stage owns a byte-identical copy of its predecessor's file.
    StageDiff {
        #[arg(long)]
        check: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = repo_root();
    let result = match cli.task {
        Task::BookCheck => book_check_task(&root),
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
    let problems = book_check::check(&root.join("book/src"))?;
    if problems.is_empty() {
        println!("book-check: every include resolves to a non-empty listing");
        return Ok(());
    }
    for problem in &problems {
        eprintln!("{problem}");
    }
    Err(format!("book-check found {} problem(s)", problems.len()))
}

fn stage_diff_task(root: &Path, check: bool) -> Result<(), String> {
    match stage_diff::run(root, check) {
        Ok(()) => {
            let verb = if check { "are current" } else { "written" };
            println!("stage-diff: generated stage diffs {verb}");
            Ok(())
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            Err(format!("stage-diff found {} problem(s)", problems.len()))
        }
    }
}
