//! The program corpus: where the programs live, what CPython recorded for them, and
//! the shared machinery every stage's conformance tests use.
//!
//! Layout (DESIGN.md section 6):
//!
//! * `tests/programs/NN_topic/NAME.py`: a program; `NN` is the first stage that can
//!   run it. Beside it, CPython's record: `NAME.pyc` (what the stages load),
//!   `NAME.out`, `NAME.err`, `NAME.exit` (stdout, stderr and exit status of
//!   `python3.11 NAME.pyc`) and `NAME.dis` (`python3.11 -m dis NAME.py`, addresses
//!   masked).
//! * `tests/programs/01_toy/NAME.toy`: stage01's toy programs; `NAME.py` is the same
//!   program in Python and `NAME.out` its output.
//! * `tests/dis/NAME.py`: disassembly-only fixtures (`NAME.pyc`, `NAME.dis`).
//! * `tests/wrapped/NN_topic/NAME.py`: generated, never edited: the program
//!   `tests/programs/NN_topic/NAME.py` inside `def wrapped():` (see [`wrap`]), with
//!   its own `.pyc`, `.out`, `.err` and `.exit`.
//!
//! The submodules: [`python`] finds and runs CPython, [`regenerate`] rewrites the
//! record, [`wrap`] makes the function-wrapped variants, [`level`] says which stage
//! can run a `.pyc`, [`check`] runs a stage in-process and compares with the record.

pub mod check;
pub mod level;
pub mod python;
pub mod regenerate;
pub mod wrap;

use std::fs;
use std::path::{Path, PathBuf};

pub use check::{
    check_dis_corpus, check_stage_corpus, check_toy_corpus, check_wrapped_corpus, Outcome, Report,
    RunCli, StderrCheck,
};
pub use regenerate::{check_all, regenerate_all, Summary};
pub use wrap::WRAPPED_DIR;

/// The corpus of runnable programs, relative to the repository root.
pub const PROGRAMS_DIR: &str = "tests/programs";
/// The disassembly-only fixtures, relative to the repository root.
pub const DIS_DIR: &str = "tests/dis";
/// The folder of stage01's toy programs, inside [`PROGRAMS_DIR`].
pub const TOY_FOLDER: &str = "01_toy";

/// The repository root, found from this crate's manifest (`tests/conformance`).
pub fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("..").join("..");
    root.canonicalize().unwrap_or(root)
}

// ANCHOR: program
/// One corpus program: a `NAME.py` and the files recorded beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// The first stage that runs it: `NN` of its folder (0 for `tests/dis`). For a
    /// wrapped variant, the `NN` of its original's folder; which stage runs the
    /// variant is its [`Program::level`].
    pub stage: u32,
    /// Its folder's name, e.g. `02_arith` (`dis` for `tests/dis`).
    pub topic: String,
    /// The file stem, e.g. `floor_mod_signs`.
    pub name: String,
    /// The folder holding it.
    pub dir: PathBuf,
    /// True for a generated variant in `tests/wrapped/` (the program's body inside
    /// `def wrapped():`).
    pub wrapped: bool,
}

impl Program {
    /// `topic/name` (`wrapped/topic/name` for a wrapped variant), how failures
    /// name the program.
    pub fn label(&self) -> String {
        if self.wrapped {
            format!("wrapped/{}/{}", self.topic, self.name)
        } else {
            format!("{}/{}", self.topic, self.name)
        }
    }

    /// `NAME.<extension>` in the program's folder.
    pub fn file(&self, extension: &str) -> PathBuf {
        self.dir.join(format!("{}.{}", self.name, extension))
    }

    /// The compiled program the stages load.
    pub fn pyc(&self) -> PathBuf {
        self.file("pyc")
    }

    /// CPython's behaviour, as recorded in `NAME.out`, `NAME.err` and `NAME.exit`.
    pub fn expected(&self) -> Result<Outcome, String> {
        let stdout = read(&self.file("out"))?;
        let stderr = read(&self.file("err"))?;
        let exit_text = read(&self.file("exit"))?;
        let exit = parse_exit(&exit_text)
            .ok_or_else(|| format!("{}: not an exit status", self.file("exit").display()))?;
        Ok(Outcome {
            stdout,
            stderr,
            exit,
        })
    }

    /// The masked `python3.11 -m dis` listing recorded in `NAME.dis`.
    pub fn expected_dis(&self) -> Result<Vec<u8>, String> {
        read(&self.file("dis"))
    }

    /// The first stage that can run every instruction of the recorded `.pyc`
    /// (see [`level`]).
    pub fn level(&self) -> Result<u32, String> {
        let bytes = read(&self.pyc())?;
        level::level_of_pyc(&bytes).map_err(|e| format!("{}: {e}", self.pyc().display()))
    }
}
// ANCHOR_END: program

/// The text of a `NAME.exit` file: the status and a newline.
pub fn exit_file_text(status: i32) -> String {
    format!("{status}\n")
}

fn parse_exit(bytes: &[u8]) -> Option<i32> {
    std::str::from_utf8(bytes).ok()?.trim().parse().ok()
}

/// Reads a whole file, with the path in the error.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

// ANCHOR: mask_addresses
/// Replaces every ` at 0x<hex>,` (a code object's address in a `dis` listing) by
/// ` at 0xADDR,`: the only part of a listing that changes from run to run.
pub fn mask_addresses(listing: &str) -> String {
    const MARK: &str = " at 0x";
    let mut masked = String::with_capacity(listing.len());
    let mut rest = listing;
    while let Some(start) = rest.find(MARK) {
        let (before, from_mark) = rest.split_at(start);
        masked.push_str(before);
        let after_mark = &from_mark[MARK.len()..];
        let digits = after_mark
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(after_mark.len());
        if digits > 0 && after_mark[digits..].starts_with(',') {
            masked.push_str(" at 0xADDR,");
            rest = &after_mark[digits + 1..];
        } else {
            masked.push_str(MARK);
            rest = after_mark;
        }
    }
    masked.push_str(rest);
    masked
}
// ANCHOR_END: mask_addresses

// ANCHOR: discovery
/// The topic folders `NN_topic` under `tests/programs`, sorted, with their `NN`.
pub fn topic_folders(root: &Path) -> Result<Vec<(u32, PathBuf)>, String> {
    let mut folders = Vec::new();
    for path in sorted_entries(&root.join(PROGRAMS_DIR))? {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some((number, _topic)) = name.split_once('_') else {
            continue;
        };
        if let (Ok(stage), true) = (number.parse::<u32>(), path.is_dir()) {
            folders.push((stage, path));
        }
    }
    Ok(folders)
}

/// Every runnable program (folders `02_*` and above) whose stage is in
/// `first..=last`, in a stable order.
pub fn find_programs(root: &Path, first: u32, last: u32) -> Result<Vec<Program>, String> {
    let mut programs = Vec::new();
    for (stage, dir) in topic_folders(root)? {
        if stage >= 2 && stage >= first && stage <= last {
            programs.extend(programs_in(stage, &dir, "py")?);
        }
    }
    Ok(programs)
}

/// Every wrapped variant under `tests/wrapped/NN_topic/` whose folder's `NN` is in
/// `first..=last`, in a stable order. Which of them a stage can run is their
/// [`Program::level`], not their folder.
pub fn find_wrapped(root: &Path, first: u32, last: u32) -> Result<Vec<Program>, String> {
    let mut programs = Vec::new();
    for path in sorted_entries(&root.join(WRAPPED_DIR))? {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(Ok(stage)) = name
            .split_once('_')
            .map(|(number, _)| number.parse::<u32>())
        else {
            continue;
        };
        if path.is_dir() && stage >= first && stage <= last {
            let found = programs_in(stage, &path, "py")?;
            programs.extend(found.into_iter().map(|p| Program { wrapped: true, ..p }));
        }
    }
    Ok(programs)
}

/// Every wrapped variant, whatever its level.
/// Panics (this is test machinery) when the folder cannot be read.
pub fn all_wrapped() -> Vec<Program> {
    let root = repo_root();
    find_wrapped(&root, 0, u32::MAX)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.join(WRAPPED_DIR).display()))
}

/// The wrapped variants a stage must run: those whose [`Program::level`] is at most
/// `stage`. A variant whose level cannot be read (a missing or damaged `.pyc`) is
/// kept, so the check that runs it reports the problem instead of skipping it.
pub fn wrapped_up_to(stage: u32) -> Vec<Program> {
    all_wrapped()
        .into_iter()
        .filter(|p| p.level().map_or(true, |level| level <= stage))
        .collect()
}

/// The programs a stage must run: every folder from `02_*` up to its own number.
/// Panics (this is test machinery) when the corpus cannot be read.
pub fn programs_up_to(stage: u32) -> Vec<Program> {
    let root = repo_root();
    find_programs(&root, 2, stage)
        .unwrap_or_else(|e| panic!("cannot read the corpus under {}: {e}", root.display()))
}

/// Every runnable corpus program, whatever its stage.
pub fn all_programs() -> Vec<Program> {
    programs_up_to(u32::MAX)
}

/// stage01's toy programs: `01_toy/*.toy` (each [`Program::file`]`("toy")`).
pub fn toy_programs() -> Vec<Program> {
    let dir = repo_root().join(PROGRAMS_DIR).join(TOY_FOLDER);
    programs_in(1, &dir, "toy")
        .unwrap_or_else(|e| panic!("cannot read the toy corpus {}: {e}", dir.display()))
}

/// The disassembly-only fixtures `tests/dis/*.py`.
pub fn dis_fixtures() -> Vec<Program> {
    let dir = repo_root().join(DIS_DIR);
    programs_in(0, &dir, "py")
        .unwrap_or_else(|e| panic!("cannot read the dis fixtures {}: {e}", dir.display()))
}

/// The programs in one folder: one per `*.<extension>` file.
pub fn programs_in(stage: u32, dir: &Path, extension: &str) -> Result<Vec<Program>, String> {
    let topic = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut programs = Vec::new();
    for path in sorted_entries(dir)? {
        if path.extension().and_then(|e| e.to_str()) != Some(extension) {
            continue;
        }
        if let Some(name) = path.file_stem().and_then(|s| s.to_str()) {
            programs.push(Program {
                stage,
                topic: topic.clone(),
                name: name.to_string(),
                dir: dir.to_path_buf(),
                wrapped: false,
            });
        }
    }
    Ok(programs)
}
// ANCHOR_END: discovery

/// A folder's entries, sorted by name (an absent folder has none).
pub fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        paths.push(entry.path());
    }
    paths.sort();
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s00_mask_addresses_replaces_code_object_addresses() {
        let listing = "Disassembly of <code object f at 0x7f3a2b1c0d10, file \"f.py\", line 1>:\n\
                       LOAD_CONST 0 (<code object g at 0xdeadBEEF, file \"f.py\", line 2>)\n";
        let masked = mask_addresses(listing);
        assert_eq!(
            masked,
            "Disassembly of <code object f at 0xADDR, file \"f.py\", line 1>:\n\
             LOAD_CONST 0 (<code object g at 0xADDR, file \"f.py\", line 2>)\n"
        );
    }

    #[test]
    fn s00_mask_addresses_leaves_everything_else() {
        for text in [
            "",
            "look at 0x",
            "at 0x12 no comma",
            " at 0x, empty",
            " at 0xZZ,",
            "LOAD_CONST 1 ('at 0x1f')",
            "é at 0x1é,",
        ] {
            assert_eq!(mask_addresses(text), text);
        }
        assert_eq!(mask_addresses(" at 0x1, at 0x2,"), " at 0xADDR, at 0xADDR,");
    }

    #[test]
    fn s00_exit_file_is_the_number_and_a_newline() {
        assert_eq!(exit_file_text(1), "1\n");
        assert_eq!(parse_exit(b"1\n"), Some(1));
        assert_eq!(parse_exit(b"one\n"), None);
    }

    #[test]
    fn s00_discovery_finds_stage02_programs_in_order() {
        let programs = programs_up_to(2);
        assert!(programs.iter().all(|p| p.stage == 2));
        let labels: Vec<String> = programs.iter().map(Program::label).collect();
        let mut sorted = labels.clone();
        sorted.sort();
        assert_eq!(labels, sorted);
        assert!(labels.contains(&"02_basics/hello".to_string()));
        assert!(programs_up_to(1).is_empty());
    }
}
