//! The exercise markers in the stages' sources, and the two forms of the text
//! between them: the workbook's solution and the student's `todo!()`.
//!
//! A marked region is the whole body of a function or of a `match` arm:
//!
//! ```text
//!     fn binary_op(…) -> Result<(), String> {
//!         // EXERCISE 1.3 binary_op: pop the right operand, then the left, push the result
//!         let right = self.pop(opcode)?;
//!         …
//!         // END EXERCISE
//!     }
//! ```
//!
//! `cargo xtask exercise start 1.3` keeps the two marker lines and puts one line
//! between them, `todo!("§1.3 binary_op: pop the right operand, …")`, which has
//! every type, so the stage still compiles and the section's tests fail by
//! panicking with the task's description.

use std::fs;
use std::path::{Path, PathBuf};

/// What opens a region: `// EXERCISE 3.3 name: what to do`.
const OPEN: &str = "// EXERCISE ";
/// What closes it.
const CLOSE: &str = "// END EXERCISE";

/// One marked region of one source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    /// The book's section, `3.3`: chapter 3, section 3.
    pub section: String,
    /// The item it belongs to (`fill_defaults`), unique within the section.
    pub name: String,
    /// What the student writes, in one line.
    pub task: String,
    /// The file, relative to the repository root.
    pub path: PathBuf,
    /// The 0-based line of the opening marker; the body is the lines after it up to
    /// (not including) `close`.
    pub open: usize,
    pub close: usize,
    /// The marker's indentation, used for the `todo!()` line.
    pub indent: String,
}

impl Region {
    /// The chapter number (`3` of `3.3`).
    pub fn chapter(&self) -> u32 {
        self.section
            .split('.')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    }

    /// The stage crate the region is in (`stage03`), from its path.
    pub fn stage(&self) -> String {
        let mut parts = self
            .path
            .components()
            .map(|c| c.as_os_str().to_string_lossy());
        parts.nth(1).map(|s| s.into_owned()).unwrap_or_default()
    }

    /// The one line a started exercise has between its markers.
    pub fn stub(&self) -> String {
        let message = format!("§{} {}: {}", self.section, self.name, self.task);
        let escaped: String = message
            .chars()
            .flat_map(|c| match c {
                '"' => vec!['\\', '"'],
                '\\' => vec!['\\', '\\'],
                '{' => vec!['{', '{'],
                '}' => vec!['}', '}'],
                other => vec![other],
            })
            .collect();
        format!("{}todo!(\"{escaped}\")", self.indent)
    }

    /// The body's lines in `lines` (the file's current text).
    pub fn body<'a>(&self, lines: &'a [String]) -> &'a [String] {
        lines.get(self.open + 1..self.close).unwrap_or(&[])
    }
}

/// Parses the markers of one file. A marker without its end, a nested marker or an
/// opening line without `name:` is an error naming the line: the tool must never
/// guess where a body ends.
pub fn regions_in(path: &Path, relative: &Path, text: &str) -> Result<Vec<Region>, String> {
    let mut regions = Vec::new();
    let mut open: Option<Region> = None;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let at = || format!("{}:{}", path.display(), index + 1);
        if trimmed.starts_with(CLOSE) {
            let Some(mut region) = open.take() else {
                return Err(format!("{}: `{CLOSE}` without an opening marker", at()));
            };
            region.close = index;
            regions.push(region);
        } else if let Some(rest) = trimmed.strip_prefix(OPEN) {
            if open.is_some() {
                return Err(format!("{}: an exercise inside an exercise", at()));
            }
            open = Some(parse_open(rest, relative, index, line).ok_or_else(|| {
                format!(
                    "{}: expected `{OPEN}N.M name: what to write`, found `{trimmed}`",
                    at()
                )
            })?);
        }
    }
    match open {
        Some(region) => Err(format!(
            "{}:{}: exercise {} {} has no `{CLOSE}`",
            path.display(),
            region.open + 1,
            region.section,
            region.name
        )),
        None => Ok(regions),
    }
}

fn parse_open(rest: &str, relative: &Path, index: usize, line: &str) -> Option<Region> {
    let (section, rest) = rest.split_once(' ')?;
    let (name, task) = rest.split_once(':')?;
    let valid_section =
        section.split('.').count() == 2 && section.split('.').all(|n| n.parse::<u32>().is_ok());
    if !valid_section || name.is_empty() || name.contains(' ') {
        return None;
    }
    let indent_len = line.len() - line.trim_start().len();
    Some(Region {
        section: section.to_string(),
        name: name.to_string(),
        task: task.trim().to_string(),
        path: relative.to_path_buf(),
        open: index,
        close: index,
        indent: line.get(..indent_len).unwrap_or("").to_string(),
    })
}

/// Every region under `root/stages/*/src`, in path order.
pub fn all_regions(root: &Path) -> Result<Vec<Region>, String> {
    let mut files = Vec::new();
    rust_files(&root.join("stages"), &mut files);
    files.sort();
    let mut regions = Vec::new();
    for file in files {
        let relative = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
        if !relative.components().any(|c| c.as_os_str() == "src") {
            continue;
        }
        let text = fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        if text.contains(OPEN) {
            regions.extend(regions_in(&file, &relative, &text)?);
        }
    }
    Ok(regions)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The lines of a file, each without its line ending.
pub fn read_lines(path: &Path) -> Result<Vec<String>, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(text.lines().map(str::to_string).collect())
}

/// Writes `lines` back, each ending in `\n` (the sources are rustfmt-formatted, so
/// they end in one).
pub fn write_lines(path: &Path, lines: &[String]) -> Result<(), String> {
    let mut text = lines.join("\n");
    text.push('\n');
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str =
        "fn f() -> u32 {\n    // EXERCISE 1.3 f: return \"{one}\"\n    1\n    // END EXERCISE\n}\n";

    #[test]
    fn a_region_is_the_lines_between_its_markers() {
        let regions = regions_in(
            Path::new("x.rs"),
            Path::new("stages/stage01/src/x.rs"),
            SOURCE,
        )
        .expect("parses");
        assert_eq!(regions.len(), 1);
        let region = &regions[0];
        assert_eq!((region.open, region.close), (1, 3));
        assert_eq!(region.section, "1.3");
        assert_eq!(region.name, "f");
        assert_eq!(region.chapter(), 1);
        assert_eq!(region.stage(), "stage01");
        let lines: Vec<String> = SOURCE.lines().map(str::to_string).collect();
        assert_eq!(region.body(&lines), ["    1".to_string()]);
    }

    #[test]
    fn the_stub_escapes_quotes_and_format_braces() {
        let regions = regions_in(
            Path::new("x.rs"),
            Path::new("stages/stage01/src/x.rs"),
            SOURCE,
        )
        .expect("parses");
        assert_eq!(
            regions[0].stub(),
            "    todo!(\"§1.3 f: return \\\"{{one}}\\\"\")"
        );
    }

    #[test]
    fn broken_markers_are_errors_naming_the_line() {
        let unclosed = "// EXERCISE 1.3 f: x\n1\n";
        let error = regions_in(Path::new("x.rs"), Path::new("x.rs"), unclosed).unwrap_err();
        assert!(error.contains("x.rs:1"), "{error}");
        let unnamed = "// EXERCISE 1.3 no colon\n// END EXERCISE\n";
        assert!(regions_in(Path::new("x.rs"), Path::new("x.rs"), unnamed).is_err());
        let stray = "// END EXERCISE\n";
        assert!(regions_in(Path::new("x.rs"), Path::new("x.rs"), stray).is_err());
    }
}
