//! Finding CPython 3.11 and running it the one way the corpus is recorded.
//!
//! Every command runs with the program's folder as the working directory, with the
//! `PYTHON*` variables that change behaviour removed and `PYTHONHASHSEED=0`, so the
//! record does not depend on who regenerated it.

use std::path::Path;
use std::process::{Command, Output};

use super::check::Outcome;

/// A CPython 3.11 interpreter found on `PATH`.
#[derive(Clone, Debug)]
pub struct Python {
    /// The command that was found: `python3.11`, or `python3` when that is 3.11.
    pub program: String,
    /// The interpreter's own path (`sys.executable`): starting it directly skips
    /// launchers such as pyenv's shims, which cost more than Python's own startup.
    pub executable: String,
    /// Its version, e.g. `3.11.7`.
    pub version: String,
}

// ANCHOR: find_python
/// Finds `python3.11`, or a `python3` that is 3.11. The error says what was tried,
/// for a test to print when it skips.
pub fn find_python() -> Result<Python, String> {
    let mut tried = Vec::new();
    for program in ["python3.11", "python3"] {
        match identify(program) {
            Ok((executable, version)) if version.starts_with("3.11.") => {
                return Ok(Python {
                    program: program.to_string(),
                    executable,
                    version,
                });
            }
            Ok((_, version)) => tried.push(format!("`{program}` is Python {version}")),
            Err(why) => tried.push(format!("`{program}`: {why}")),
        }
    }
    Err(format!("no CPython 3.11 found ({})", tried.join("; ")))
}
// ANCHOR_END: find_python

/// Asks `program` for its executable's path and its version.
fn identify(program: &str) -> Result<(String, String), String> {
    let output = Command::new(program)
        .args([
            "-c",
            "import sys, platform; print(sys.executable); print(platform.python_version())",
        ])
        .output()
        .map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(format!("it fails with {}", output.status));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut lines = text.lines();
    match (lines.next(), lines.next()) {
        (Some(executable), Some(version)) if !executable.is_empty() => {
            Ok((executable.to_string(), version.trim().to_string()))
        }
        _ => Err("it does not say where it is".to_string()),
    }
}

/// Environment variables that would change what CPython compiles or prints.
const UNWANTED_ENV: &[&str] = &[
    "PYTHONOPTIMIZE",
    "PYTHONWARNINGS",
    "PYTHONDEVMODE",
    "PYTHONSTARTUP",
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONSAFEPATH",
    "PYTHONINSPECT",
    "PYTHONUNBUFFERED",
    "PYTHONVERBOSE",
    "PYTHONDONTWRITEBYTECODE",
    "PYTHONPYCACHEPREFIX",
    "PYTHONIOENCODING",
    "PYTHONUTF8",
    "PYTHONBREAKPOINT",
    "PYTHONTRACEMALLOC",
    "PYTHONFAULTHANDLER",
    "PYTHONNODEBUGRANGES",
    "PYTHONINTMAXSTRDIGITS",
];

impl Python {
    /// `python3.11 ARGS…` in `dir`, in the recording environment.
    fn command(&self, dir: &Path, args: &[&str]) -> Command {
        let mut command = Command::new(&self.executable);
        command.args(args).current_dir(dir);
        for name in UNWANTED_ENV {
            command.env_remove(name);
        }
        command.env("PYTHONHASHSEED", "0");
        command
    }

    fn output(&self, dir: &Path, args: &[&str]) -> Result<Output, String> {
        self.command(dir, args).output().map_err(|e| {
            format!(
                "cannot run `{} {}` in {}: {e}",
                self.program,
                args.join(" "),
                dir.display()
            )
        })
    }

    // ANCHOR: compile_pyc
    /// Compiles `NAME.py` to `NAME.pyc` in `dir`, with an unchecked source hash in
    /// the header instead of a timestamp, so the file is the same on every rerun.
    pub fn compile_pyc(&self, dir: &Path, name: &str) -> Result<(), String> {
        let script = format!(
            "import py_compile; py_compile.compile('{name}.py', cfile='{name}.pyc', \
             dfile='{name}.py', doraise=True, \
             invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)"
        );
        let output = self.output(dir, &["-c", &script])?;
        if output.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{}/{name}.py does not compile:\n{}",
                dir.display(),
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    }
    // ANCHOR_END: compile_pyc

    /// Runs `python3.11 FILE` in `dir`: stdout, stderr and exit status.
    pub fn run(&self, dir: &Path, file: &str) -> Result<Outcome, String> {
        let output = self.output(dir, &[file])?;
        let exit = output.status.code().ok_or_else(|| {
            format!(
                "`{} {file}` in {} ended by a signal",
                self.program,
                dir.display()
            )
        })?;
        Ok(Outcome {
            stdout: output.stdout,
            stderr: output.stderr,
            exit,
        })
    }

    /// Runs a Python `script` (`python3.11 -c SCRIPT ARGS…`) in `dir`: stdout,
    /// stderr and exit status.
    pub fn run_script(&self, dir: &Path, script: &str, args: &[&str]) -> Result<Outcome, String> {
        let mut all_args = vec!["-c", script];
        all_args.extend_from_slice(args);
        let output = self.output(dir, &all_args)?;
        let exit = output
            .status
            .code()
            .ok_or_else(|| format!("a `{} -c` script ended by a signal", self.program))?;
        Ok(Outcome {
            stdout: output.stdout,
            stderr: output.stderr,
            exit,
        })
    }

    /// `python3.11 -m dis NAME.py` in `dir`, with addresses masked.
    pub fn dis(&self, dir: &Path, name: &str) -> Result<String, String> {
        let file = format!("{name}.py");
        self.listing(dir, &file, &["-m", "dis", &file])
    }

    /// The listing of the code object *loaded from* `NAME.pyc`, for the rare program
    /// whose `-m dis` listing cannot be reproduced from its `.pyc`: since 3.11 marshal
    /// writes a frozenset's items sorted, so when items collide in the hash table the
    /// order CPython prints after loading differs from the order in the source.
    /// A program asks for this with a line `# corpus: dis-from-pyc`.
    pub fn dis_of_pyc(&self, dir: &Path, name: &str) -> Result<String, String> {
        let file = format!("{name}.pyc");
        let script = "import dis, marshal, sys; \
                      dis.dis(marshal.loads(open(sys.argv[1], 'rb').read()[16:]))";
        self.listing(dir, &file, &["-c", script, &file])
    }

    fn listing(&self, dir: &Path, file: &str, args: &[&str]) -> Result<String, String> {
        let output = self.output(dir, args)?;
        if !output.status.success() {
            return Err(format!(
                "`python -m dis {file}` failed in {}:\n{}",
                dir.display(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let listing = String::from_utf8(output.stdout)
            .map_err(|_| format!("{}/{file}: dis output is not UTF-8", dir.display()))?;
        Ok(super::mask_addresses(&listing))
    }
}
