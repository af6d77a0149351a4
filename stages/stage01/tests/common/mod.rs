//! Helpers shared by the stage01 tests: where the toy programs live and how to run
//! the `stage01` command in-process.
#![allow(dead_code)] // each test crate uses a different subset

use std::cell::RefCell;
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// `tests/programs/01_toy/` of the workspace.
pub fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs/01_toy")
}

/// `tests/programs/01_toy/errors/NAME`.
pub fn error_program(name: &str) -> PathBuf {
    programs_dir().join("errors").join(name)
}

/// The example programs (`*.toy` directly in `01_toy/`), sorted by name.
pub fn examples() -> Vec<PathBuf> {
    let mut examples: Vec<PathBuf> = std::fs::read_dir(programs_dir())
        .expect("tests/programs/01_toy exists")
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toy"))
        .collect();
    examples.sort();
    examples
}

/// What one run of the command gave back.
#[derive(Debug)]
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `stage01 ARGS...` with stdout and stderr captured apart.
pub fn run(args: &[&str]) -> Run {
    let mut argv: Vec<OsString> = vec!["stage01".into()];
    argv.extend(args.iter().map(OsString::from));
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let status = stage01::run_cli(argv, &mut stdout, &mut stderr);
    Run {
        status,
        stdout: String::from_utf8(stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(stderr).expect("UTF-8 stderr"),
    }
}

/// Runs `stage01` on a path.
pub fn run_path(options: &[&str], path: &Path) -> Run {
    let path = path.to_str().expect("a UTF-8 path");
    let mut args = options.to_vec();
    args.push(path);
    run(&args)
}

/// A writer that several handles share, so stdout and stderr land in one buffer
/// in the order they were written, as on a terminal.
#[derive(Clone, Default)]
pub struct SharedBuffer(Rc<RefCell<Vec<u8>>>);

impl Write for SharedBuffer {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Runs `stage01 ARGS...` with stdout and stderr interleaved in one text.
pub fn run_interleaved(args: &[&str]) -> (i32, String) {
    let mut argv: Vec<OsString> = vec!["stage01".into()];
    argv.extend(args.iter().map(OsString::from));
    let buffer = SharedBuffer::default();
    let status = stage01::run_cli(argv, &mut buffer.clone(), &mut buffer.clone());
    let text = String::from_utf8(buffer.0.take()).expect("UTF-8 output");
    (status, text)
}
