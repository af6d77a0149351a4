//! Regenerating CPython's record of the corpus (`cargo xtask corpus`) and checking
//! that the committed record is current (`tests/s00_corpus_current.rs`).
//!
//! Both do the same work: each `NAME.py` is copied into a scratch folder, the exact
//! recording procedure runs there (compile the `.pyc`, run it, disassemble the
//! source), and the results are compared with the committed files. Regeneration
//! then writes the files that differ, and only those, so a regeneration that
//! changes nothing leaves `git status` clean.
//!
//! Every runnable program is also wrapped in a function (see [`super::wrap`]) into
//! `tests/wrapped/`, a folder that holds generated files only: regeneration deletes
//! whatever in it no program produced, and the check reports such files as stale.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::python::{find_python, Python};
use super::wrap::{wrap_program, Wrapping, WRAPPED_DIR};
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
    /// Programs (relative paths) that have no wrapped variant, and why.
    pub not_wrapped: Vec<(PathBuf, String)>,
    /// Files in `tests/wrapped/` that no program produces: deleted in
    /// [`Mode::Write`], stale in [`Mode::Check`].
    pub removed: Vec<PathBuf>,
}

impl Summary {
    /// True when the committed record matches what CPython produces now.
    pub fn is_current(&self) -> bool {
        self.changed.is_empty() && self.orphans.is_empty() && self.removed.is_empty()
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
        let removed = match self.mode {
            Mode::Write => "removed",
            Mode::Check => "stale, to be removed",
        };
        for path in &self.removed {
            writeln!(f, "  {removed}: {}", path.display())?;
        }
        writeln!(
            f,
            "not wrapped in a function: {} program(s)",
            self.not_wrapped.len()
        )?;
        for (path, reason) in &self.not_wrapped {
            writeln!(f, "  {}: {reason}", path.display())?;
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
    /// A runnable program wrapped in a function, recorded into `tests/wrapped/`:
    /// the generated `.py`, `.pyc`, `.out`, `.err`, `.exit`.
    Wrapped,
}

impl Kind {
    fn recorded_extensions(self) -> &'static [&'static str] {
        match self {
            Kind::Runnable => &["pyc", "out", "err", "exit", "dis"],
            Kind::ToyTwin => &["out"],
            Kind::DisFixture => &["pyc", "dis"],
            Kind::Wrapped => &["py", "pyc", "out", "err", "exit"],
        }
    }
}

/// A file to commit and its content.
type Recorded = (PathBuf, Vec<u8>);

/// What recording one job gave: the files, or the reason a program has no
/// wrapped variant.
#[derive(Debug)]
enum Recording {
    Files(Vec<Recorded>),
    NotWrapped(PathBuf, String),
}

/// What recording one job gave, tagged with the job's position.
type JobResult = (usize, Result<Recording, String>);

#[derive(Clone, Debug)]
struct Job {
    kind: Kind,
    /// The folder of `NAME.py`.
    dir: PathBuf,
    name: String,
    /// Where the recorded files go: `dir`, except for a wrapped variant.
    out_dir: PathBuf,
    /// `NAME.py`'s path from the repository root, as the generated header names it.
    origin: PathBuf,
}
// ANCHOR_END: recording_jobs

fn run(repo_root: &Path, mode: Mode) -> Result<Summary, String> {
    let python = find_python()?;
    let (jobs, orphans) = collect_jobs(repo_root)?;
    let recordings = record_all(&python, &jobs)?;
    let mut summary = Summary {
        mode,
        python: format!("{} ({})", python.program, python.version),
        sources: jobs.len(),
        files: 0,
        changed: Vec::new(),
        orphans: orphans.iter().map(|p| relative(repo_root, p)).collect(),
        not_wrapped: Vec::new(),
        removed: Vec::new(),
    };
    let mut records = Vec::new();
    for recording in recordings {
        match recording {
            Recording::Files(files) => records.extend(files),
            Recording::NotWrapped(origin, reason) => summary.not_wrapped.push((origin, reason)),
        }
    }
    for (path, contents) in &records {
        summary.files += 1;
        if fs::read(path).ok().as_deref() == Some(contents.as_slice()) {
            continue;
        }
        if mode == Mode::Write {
            write_creating_folder(path, contents)?;
        }
        summary.changed.push(relative(repo_root, path));
    }
    remove_unproduced_wrapped_files(repo_root, mode, &records, &mut summary)?;
    Ok(summary)
}

/// `tests/wrapped/` holds generated files only: any file in it that this run did
/// not produce (a deleted program, one no longer wrapped) is removed, or reported
/// in [`Mode::Check`].
fn remove_unproduced_wrapped_files(
    repo_root: &Path,
    mode: Mode,
    records: &[Recorded],
    summary: &mut Summary,
) -> Result<(), String> {
    let wrapped_dir = repo_root.join(WRAPPED_DIR);
    let produced: BTreeSet<&Path> = records.iter().map(|(path, _)| path.as_path()).collect();
    for path in files_under(&wrapped_dir)? {
        if produced.contains(path.as_path()) {
            continue;
        }
        if mode == Mode::Write {
            fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        summary.removed.push(relative(repo_root, &path));
    }
    if mode == Mode::Write {
        remove_empty_folders(&wrapped_dir)?;
    }
    Ok(())
}

fn write_creating_folder(path: &Path, contents: &[u8]) -> Result<(), String> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

/// Every file under `dir`, at any depth, sorted.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for path in sorted_entries(&folder)? {
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Removes the empty folders inside `dir` (not `dir` itself): what is left of a
/// topic folder whose programs all lost their variants.
fn remove_empty_folders(dir: &Path) -> Result<(), String> {
    for path in sorted_entries(dir)? {
        if path.is_dir() {
            remove_empty_folders(&path)?;
            if sorted_entries(&path)?.is_empty() {
                fs::remove_dir(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
    }
    Ok(())
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
    let mut wrapped_jobs = Vec::new();
    let mut orphans = Vec::new();
    for (kind, dir) in folders {
        for path in sorted_entries(&dir)? {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if extension == "py" {
                let job = Job {
                    kind,
                    dir: dir.clone(),
                    name: stem.to_string(),
                    out_dir: dir.clone(),
                    origin: relative(repo_root, &path),
                };
                if kind == Kind::Runnable {
                    wrapped_jobs.push(wrapped_job(repo_root, &job));
                }
                jobs.push(job);
            } else if kind.recorded_extensions().contains(&extension)
                && !dir.join(format!("{stem}.py")).exists()
            {
                orphans.push(path);
            }
        }
    }
    jobs.append(&mut wrapped_jobs);
    Ok((jobs, orphans))
}

/// The job that wraps a runnable program: same source, recorded into
/// `tests/wrapped/` under the same topic folder.
fn wrapped_job(repo_root: &Path, program: &Job) -> Job {
    let topic = program.dir.file_name().unwrap_or_default();
    Job {
        kind: Kind::Wrapped,
        out_dir: repo_root.join(WRAPPED_DIR).join(topic),
        ..program.clone()
    }
}

/// Records every job, on as many threads as there are cores (each job spends its
/// time waiting for CPython). The result is in job order.
fn record_all(python: &Python, jobs: &[Job]) -> Result<Vec<Recording>, String> {
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
    let mut recordings = Vec::new();
    let mut errors = Vec::new();
    for (_, result) in results {
        match result {
            Ok(recording) => recordings.push(recording),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(recordings)
    } else {
        Err(errors.join("\n"))
    }
}

// ANCHOR: record
/// Runs the recording procedure for one `NAME.py` in a scratch copy of it and
/// returns the files to commit beside it, with their contents.
fn record(python: &Python, job: &Job) -> Result<Recording, String> {
    let scratch = Scratch::new()?;
    let source = format!("{}.py", job.name);
    let pyc = format!("{}.pyc", job.name);
    fs::copy(job.dir.join(&source), scratch.path.join(&source))
        .map_err(|e| format!("{}: {e}", job.dir.join(&source).display()))?;
    let target = |extension: &str| job.out_dir.join(format!("{}.{extension}", job.name));
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
        Kind::Wrapped => return record_wrapped(python, &scratch.path, job),
    }
    Ok(Recording::Files(files))
}
// ANCHOR_END: record

// ANCHOR: record_wrapped
/// Wraps the program copied into `scratch` in a function and records the variant
/// like any runnable program (no `dis` listing: the chapters show the originals').
fn record_wrapped(python: &Python, scratch: &Path, job: &Job) -> Result<Recording, String> {
    let source = format!("{}.py", job.name);
    let pyc = format!("{}.pyc", job.name);
    let target = |extension: &str| job.out_dir.join(format!("{}.{extension}", job.name));
    let origin = job.origin.to_string_lossy();
    let wrapped = match wrap_program(python, scratch, &source, &origin)? {
        Wrapping::Wrapped(text) => text,
        Wrapping::NotWrapped(reason) => {
            return Ok(Recording::NotWrapped(job.origin.clone(), reason))
        }
    };
    fs::write(scratch.join(&source), &wrapped)
        .map_err(|e| format!("{}: {e}", scratch.display()))?;
    python.compile_pyc(scratch, &job.name)?;
    let outcome = python.run(scratch, &pyc)?;
    Ok(Recording::Files(vec![
        (target("py"), wrapped),
        (target("pyc"), read(&scratch.join(&pyc))?),
        (target("out"), outcome.stdout),
        (target("err"), outcome.stderr),
        (target("exit"), exit_file_text(outcome.exit).into_bytes()),
    ]))
}
// ANCHOR_END: record_wrapped

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
