//! Regenerating CPython's record of the corpus (`cargo xtask corpus`) and checking
//! that the committed record is current (`tests/s00_corpus_current.rs`).
//!
//! Both do the same work: each `NAME.py` is copied into a scratch folder, the exact
//! recording procedure runs there (compile the `.pyc`, run it, disassemble the
//! source), and the results are compared with the committed files. Regeneration
//! then writes the files that differ, and only those, so a regeneration that
//! changes nothing leaves `git status` clean.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::python::{find_python, Python};
use super::{exit_file_text, read, sorted_entries, topic_folders, DIS_DIR, TOY_FOLDER};

/// Whether differing files are rewritten or only reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Rewrite every file whose content changed.
    Write,
    /// Change nothing; report stale files.
    Check,
}

/// What a regeneration (or a check) found.
#[derive(Clone, Debug)]
pub struct Summary {
    pub mode: Mode,
    /// The interpreter that produced the record, e.g. `python3.11 (Python 3.11.7)`.
    pub python: String,
    /// How many `.py` files were processed.
    pub sources: usize,
    /// How many recorded files were compared.
    pub files: usize,
    /// Files (relative to the repository root) whose content differed: rewritten
    /// in [`Mode::Write`], stale in [`Mode::Check`].
    pub changed: Vec<PathBuf>,
    /// Recorded files with no `NAME.py` beside them (never deleted automatically).
    pub orphans: Vec<PathBuf>,
}

impl Summary {
    /// True when the committed record matches what CPython produces now.
    pub fn is_current(&self) -> bool {
        self.changed.is_empty() && self.orphans.is_empty()
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = match self.mode {
            Mode::Write => "rewritten",
            Mode::Check => "stale",
        };
        writeln!(
            f,
            "corpus: {} sources, {} recorded files compared, {} {verb}, with {}",
            self.sources,
            self.files,
            self.changed.len(),
            self.python
        )?;
        for path in &self.changed {
            writeln!(f, "  {verb}: {}", path.display())?;
        }
        for path in &self.orphans {
            writeln!(f, "  orphan (no .py beside it): {}", path.display())?;
        }
        Ok(())
    }
}

/// Regenerates every recorded file of the corpus from `python3.11`, writing only the
/// files whose content changed.
pub fn regenerate_all(repo_root: &Path) -> Result<Summary, String> {
    run(repo_root, Mode::Write)
}

/// Regenerates the record in scratch folders and reports which committed files
/// differ from it, changing nothing.
pub fn check_all(repo_root: &Path) -> Result<Summary, String> {
    run(repo_root, Mode::Check)
}

// ANCHOR: recording_jobs
/// What is recorded for a `NAME.py`, by the kind of folder it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `tests/programs/NN_*` (NN ≥ 2): `.pyc`, `.out`, `.err`, `.exit`, `.dis`.
    Runnable,
    /// `tests/programs/01_toy`: the Python twin of a toy program; `.out` only.
    ToyTwin,
    /// `tests/dis`: `.pyc` and `.dis`.
    DisFixture,
}

impl Kind {
    fn recorded_extensions(self) -> &'static [&'static str] {
        match self {
            Kind::Runnable => &["pyc", "out", "err", "exit", "dis"],
            Kind::ToyTwin => &["out"],
            Kind::DisFixture => &["pyc", "dis"],
        }
    }
}

/// A file to commit and its content.
type Recorded = (PathBuf, Vec<u8>);

/// What recording one job gave, tagged with the job's position.
type JobResult = (usize, Result<Vec<Recorded>, String>);

#[derive(Clone, Debug)]
struct Job {
    kind: Kind,
    dir: PathBuf,
    name: String,
}
// ANCHOR_END: recording_jobs

fn run(repo_root: &Path, mode: Mode) -> Result<Summary, String> {
    let python = find_python()?;
    let (jobs, orphans) = collect_jobs(repo_root)?;
    let records = record_all(&python, &jobs)?;
    let mut summary = Summary {
        mode,
        python: format!("{} ({})", python.program, python.version),
        sources: jobs.len(),
        files: 0,
        changed: Vec::new(),
        orphans: orphans.iter().map(|p| relative(repo_root, p)).collect(),
    };
    for (path, contents) in records {
        summary.files += 1;
        if fs::read(&path).ok().as_deref() == Some(contents.as_slice()) {
            continue;
        }
        if mode == Mode::Write {
            fs::write(&path, &contents).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        summary.changed.push(relative(repo_root, &path));
    }
    Ok(summary)
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Every `NAME.py` to record, and every recorded file that has lost its `NAME.py`.
fn collect_jobs(repo_root: &Path) -> Result<(Vec<Job>, Vec<PathBuf>), String> {
    let mut folders = Vec::new();
    for (stage, dir) in topic_folders(repo_root)? {
        let is_toy = dir.file_name().and_then(|n| n.to_str()) == Some(TOY_FOLDER);
        match (stage, is_toy) {
            (_, true) => folders.push((Kind::ToyTwin, dir)),
            (2.., false) => folders.push((Kind::Runnable, dir)),
            _ => {}
        }
    }
    folders.push((Kind::DisFixture, repo_root.join(DIS_DIR)));

    let mut jobs = Vec::new();
    let mut orphans = Vec::new();
    for (kind, dir) in folders {
        for path in sorted_entries(&dir)? {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if extension == "py" {
                jobs.push(Job {
                    kind,
                    dir: dir.clone(),
                    name: stem.to_string(),
                });
            } else if kind.recorded_extensions().contains(&extension)
                && !dir.join(format!("{stem}.py")).exists()
            {
                orphans.push(path);
            }
        }
    }
    Ok((jobs, orphans))
}

/// Records every job, on as many threads as there are cores (each job spends its
/// time waiting for CPython). The result is in job order.
fn record_all(python: &Python, jobs: &[Job]) -> Result<Vec<Recorded>, String> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<JobResult>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(index) else {
                    break;
                };
                let result = record(python, job);
                if let Ok(mut results) = results.lock() {
                    results.push((index, result));
                }
            });
        }
    });
    let mut results = results
        .into_inner()
        .map_err(|_| "a recording thread panicked".to_string())?;
    results.sort_by_key(|(index, _)| *index);
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for (_, result) in results {
        match result {
            Ok(recorded) => files.extend(recorded),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors.join("\n"))
    }
}

// ANCHOR: record
/// Runs the recording procedure for one `NAME.py` in a scratch copy of it and
/// returns the files to commit beside it, with their contents.
fn record(python: &Python, job: &Job) -> Result<Vec<Recorded>, String> {
    let scratch = Scratch::new()?;
    let source = format!("{}.py", job.name);
    let pyc = format!("{}.pyc", job.name);
    fs::copy(job.dir.join(&source), scratch.path.join(&source))
        .map_err(|e| format!("{}: {e}", job.dir.join(&source).display()))?;
    let target = |extension: &str| job.dir.join(format!("{}.{extension}", job.name));
    let mut files = Vec::new();
    match job.kind {
        Kind::Runnable => {
            python.compile_pyc(&scratch.path, &job.name)?;
            files.push((target("pyc"), read(&scratch.path.join(&pyc))?));
            let outcome = python.run(&scratch.path, &pyc)?;
            files.push((target("out"), outcome.stdout));
            files.push((target("err"), outcome.stderr));
            files.push((target("exit"), exit_file_text(outcome.exit).into_bytes()));
            let listing = disassemble(python, &scratch.path, job)?;
            files.push((target("dis"), listing.into_bytes()));
        }
        Kind::ToyTwin => {
            let outcome = python.run(&scratch.path, &source)?;
            if outcome.exit != 0 {
                return Err(format!(
                    "{}: the toy program's Python twin failed:\n{}",
                    job.dir.join(&source).display(),
                    String::from_utf8_lossy(&outcome.stderr)
                ));
            }
            files.push((target("out"), outcome.stdout));
        }
        Kind::DisFixture => {
            python.compile_pyc(&scratch.path, &job.name)?;
            files.push((target("pyc"), read(&scratch.path.join(&pyc))?));
            let listing = disassemble(python, &scratch.path, job)?;
            files.push((target("dis"), listing.into_bytes()));
        }
    }
    Ok(files)
}
// ANCHOR_END: record

/// The marker line that asks for the listing of the loaded `.pyc` (see
/// [`Python::dis_of_pyc`]) instead of `python3.11 -m dis NAME.py`.
pub const DIS_FROM_PYC: &str = "# corpus: dis-from-pyc";

fn disassemble(python: &Python, scratch: &Path, job: &Job) -> Result<String, String> {
    let source = fs::read_to_string(job.dir.join(format!("{}.py", job.name)))
        .map_err(|e| format!("{}/{}.py: {e}", job.dir.display(), job.name))?;
    if source.lines().any(|line| line.trim() == DIS_FROM_PYC) {
        python.dis_of_pyc(scratch, &job.name)
    } else {
        python.dis(scratch, &job.name)
    }
}

/// A fresh folder under the system's temporary directory, removed when dropped.
struct Scratch {
    path: PathBuf,
}

impl Scratch {
    fn new() -> Result<Scratch, String> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let number = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "conformance-corpus-{}-{number}",
            std::process::id()
        ));
        // A leftover from an earlier process with the same id would hold stale files.
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Scratch { path })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}
