//! Running a `.py` file: we have no compiler of our own, so we ask a CPython 3.11
//! to compile it, exactly as `python3.11 -m py_compile` would, and load the `.pyc`.
//!
//! The `.pyc` is written with `PycInvalidationMode.UNCHECKED_HASH` (the header holds
//! a hash of the source, never checked) to a temporary file that is removed at once.
//! `co_filename` is the path as the user typed it (`dfile`) for `--dis`, as
//! `python3.11 -m dis prog.py` names it; to run, it is the absolute path
//! ([`compile_script`]), as `python3.11 prog.py` names its script since 3.9, so
//! a traceback prints `File "/home/me/prog.py"` like CPython's.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a `.py` file could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    /// Neither `python3.11` nor a `python3` that is 3.11 was found.
    NoPython311 { path: PathBuf },
    /// Python refused the source: the message is Python's own
    /// (`SyntaxError: invalid syntax (prog.py, line 3)` and the like).
    CompileFailed { path: PathBuf, message: String },
    /// Running Python or handling the temporary file failed.
    Io { path: PathBuf, message: String },
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::NoPython311 { path } => write!(
                f,
                "cannot compile {}: no Python 3.11 found (looked for python3.11, and python3 \
                 of version 3.11, on PATH); install Python 3.11 or compile the file yourself \
                 with python3.11 -m py_compile {} and run the .pyc",
                path.display(),
                path.display()
            ),
            // Python's message spans lines (file and line, the source, a caret,
            // `SyntaxError: …`): print it below ours, as Python would.
            SourceError::CompileFailed { path, message } => {
                write!(f, "cannot compile {}:\n{message}", path.display())
            }
            SourceError::Io { path, message } => {
                write!(f, "cannot compile {}: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for SourceError {}

// ANCHOR: find_python311
/// The first of `python3.11`, `python3` whose `sys.version_info[:2]` is `(3, 11)`.
pub fn find_python311() -> Option<&'static str> {
    ["python3.11", "python3"]
        .into_iter()
        .find(|candidate| is_python311(candidate))
}

fn is_python311(program: &str) -> bool {
    Command::new(program)
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"])
        .output()
        .map(|output| output.status.success() && output.stdout.starts_with(b"True"))
        .unwrap_or(false)
}
// ANCHOR_END: find_python311

/// The script run by Python: compile `argv[1]` into `argv[2]`, naming the file
/// `argv[3]` inside the code object; on a syntax error print only the message.
const COMPILE_SCRIPT: &str = "\
import py_compile, sys
try:
    py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], doraise=True,
                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
except py_compile.PyCompileError as error:
    sys.stderr.write(error.msg.rstrip() + '\\n')
    sys.exit(1)
";

/// A temporary file name that no other compile (in this process or another) uses.
fn temp_pyc_path() -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    std::env::temp_dir().join(format!("pyvm-{}-{n}-{nanos}.pyc", std::process::id()))
}

// ANCHOR: compile_source
/// Compiles `py_path` with CPython 3.11 and returns the `.pyc` bytes; the
/// code object names the file as `py_path` does.
pub fn compile_source(py_path: &Path) -> Result<Vec<u8>, SourceError> {
    compile_named(py_path, py_path)
}

/// Compiles `py_path` as the script `python3.11 py_path` would run: the code
/// object names the file by its absolute path (`Modules/main.c` makes the
/// script's path absolute, `_Py_abspath`, without resolving links).
pub fn compile_script(py_path: &Path) -> Result<Vec<u8>, SourceError> {
    let absolute = std::path::absolute(py_path).unwrap_or_else(|_| py_path.to_path_buf());
    compile_named(py_path, &absolute)
}

// ANCHOR_END: compile_source

// ANCHOR: compile_named
/// Compiles `py_path`, naming the file `filename` in the code objects.
fn compile_named(py_path: &Path, filename: &Path) -> Result<Vec<u8>, SourceError> {
    let python = find_python311().ok_or_else(|| SourceError::NoPython311 {
        path: py_path.to_path_buf(),
    })?;
    let io_error = |message: String| SourceError::Io {
        path: py_path.to_path_buf(),
        message,
    };
    let cfile = temp_pyc_path();
    let output = Command::new(python)
        .arg("-c")
        .arg(COMPILE_SCRIPT)
        .arg(py_path)
        .arg(&cfile)
        .arg(filename)
        .output()
        .map_err(|error| io_error(format!("cannot run {python}: {error}")))?;
    let result = if output.status.success() {
        std::fs::read(&cfile).map_err(|error| io_error(error.to_string()))
    } else {
        let message = String::from_utf8_lossy(&output.stderr)
            .trim_end()
            .to_string();
        Err(SourceError::CompileFailed {
            path: py_path.to_path_buf(),
            message,
        })
    };
    // The file may not exist (compile error): nothing to remove then.
    let _ = std::fs::remove_file(&cfile);
    result
}
// ANCHOR_END: compile_named
