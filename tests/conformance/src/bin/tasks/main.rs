//! The tasks that link the stages: recording the corpus (it reads each `.pyc` with
//! stage02's loader to find the program's level), the mutation run (it runs the
//! stages in-process) and the benchmarks. `cargo xtask corpus|mutate|bench` forwards
//! here, so that `cargo xtask` itself never links a stage: its other tasks (the
//! exercises above all) must work while a student's stage does not compile.
#![forbid(unsafe_code)]

mod bench;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "The workbook's tasks that run the stages (called by `cargo xtask`)"
)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

/// The tasks, documented where `cargo xtask --help` shows them (tests/xtask).
#[derive(Subcommand)]
enum Task {
    Bench {
        #[arg(long)]
        stage: Option<u32>,
        #[arg(long, default_value_t = 5)]
        runs: u32,
    },
    Corpus {
        #[arg(long)]
        check: bool,
    },
    Mutate {
        #[arg(long, default_value_t = 100_000)]
        cases: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, hide = true)]
        inside_limit: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Bench { stage, runs } => bench_task(stage, runs),
        Task::Corpus { check } => corpus_task(check),
        Task::Mutate {
            cases,
            seed,
            inside_limit,
        } => mutate_task(cases, seed, inside_limit),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cargo xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn bench_task(stage: Option<u32>, runs: u32) -> Result<(), String> {
    let root = conformance::corpus::repo_root();
    bench::run(&root, bench::Options { stage, runs })?;
    println!("\nbench: every output matched CPython's");
    Ok(())
}

fn corpus_task(check: bool) -> Result<(), String> {
    let root = conformance::corpus::repo_root();
    let summary = if check {
        conformance::corpus::check_all(&root)?
    } else {
        conformance::corpus::regenerate_all(&root)?
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
        let this = std::env::current_exe().map_err(|e| format!("cannot find this task: {e}"))?;
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
