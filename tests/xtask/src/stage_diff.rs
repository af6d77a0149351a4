//! `cargo xtask stage-diff`: what changed from stage N-1 to stage N, written into the
//! book so a chapter can show the lesson as a diff, and how much of each stage is its own.
//!
//! A stage *owns a copy* of each module that evolves (the value model, the eval loop,
//! the builtins, the command line) and imports the rest from earlier stages. For every
//! source file that stage N has and stage N-1 has too, this task writes:
//!
//! * `book/src/generated/stageNN/FILE.diff`: the whole file's unified diff;
//! * `book/src/generated/stageNN/FILE/ANCHOR.diff`: the diff of one anchored region
//!   (anchor names are the same in both stages for the same region), for every anchor
//!   whose text changed. A chapter includes exactly the part it talks about.
//!
//! For every stage from 02 on it prints, and writes as `book/src/generated/stageNN/
//! ownership.md`, what the stage owns: its files (every `.rs` under its `src`), their
//! lines, how many are *new* and how many are its predecessor's *unchanged*, in total and
//! per copied file. Lines are counted as the diff counts them, blank ones included: a
//! line of a copy is unchanged when it is in the longest common subsequence with the
//! predecessor's file, and new otherwise (a `+` line). A file the predecessor does not
//! have is new throughout, and so is all of stage02: stage01 is a toy with its own
//! format, so stage02 is built on nothing.
//!
//! Two rules keep a fix made once (DESIGN.md §4): an owned copy fails the task when it
//! is byte-identical to its predecessor, or when fewer than 10 % of its lines are new
//! (a near-copy). Either should have been imported, or its common part moved into a
//! shared module that both stages import.
//!
//! With `--check` it writes nothing and fails when a generated file is stale or missing,
//! or when a copy breaks a rule. Without it, it writes every generated file and still
//! fails when a copy breaks a rule.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Lines of context around each change, as `diff -u`.
const CONTEXT: usize = 3;

/// A copy with fewer new lines than this percentage of its lines should have been
/// imported (a near-copy).
const NEAR_COPY_PERCENT: usize = 10;

/// The name of each stage's ownership table in its generated directory.
const OWNERSHIP_FILE: &str = "ownership.md";

/// What the task derives from the stages, before anything is written.
#[derive(Debug, Default)]
pub struct Generated {
    /// Generated files: path (relative to the repo) → contents.
    pub files: BTreeMap<PathBuf, String>,
    /// Each stage's ownership, from stage02 on.
    pub stages: Vec<Ownership>,
    /// Copies that break a rule (byte-identical or near-copy).
    pub problems: Vec<String>,
}

/// What one stage owns, file by file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ownership {
    pub stage: u32,
    /// The stage it is built on; `None` for stage02.
    pub previous: Option<u32>,
    pub files: Vec<FileCount>,
}

/// The lines of one owned file, split by whether its predecessor's copy has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCount {
    /// Relative to the stage's `src`.
    pub path: PathBuf,
    /// Whether the previous stage has a file at the same path.
    pub copy: bool,
    pub lines: usize,
    /// Lines the predecessor's copy does not have (the diff's inserted lines).
    pub new: usize,
    /// Lines in the common subsequence with the predecessor's copy.
    pub unchanged: usize,
}

impl FileCount {
    /// Counts a copy from the edit script of the diff against its predecessor, so the
    /// table and the rule agree with what the book's diff shows.
    fn from_edits(path: &Path, edits: &[Edit]) -> Self {
        let new = edits
            .iter()
            .filter(|e| matches!(e, Edit::Insert(..)))
            .count();
        let unchanged = edits.iter().filter(|e| matches!(e, Edit::Same(..))).count();
        FileCount {
            path: path.to_path_buf(),
            copy: true,
            lines: new + unchanged,
            new,
            unchanged,
        }
    }

    /// A file the previous stage does not have: every line is new.
    fn fresh(path: &Path, text: &str) -> Self {
        let lines = text.lines().count();
        FileCount {
            path: path.to_path_buf(),
            copy: false,
            lines,
            new: lines,
            unchanged: 0,
        }
    }

    /// A copy of which fewer than `NEAR_COPY_PERCENT` % of the lines are new. Integer
    /// arithmetic, so exactly 10 % passes; an empty file has nothing worth importing.
    pub fn is_near_copy(&self) -> bool {
        self.copy && self.lines > 0 && self.new * 100 < NEAR_COPY_PERCENT * self.lines
    }
}

impl Ownership {
    fn lines(&self) -> usize {
        self.files.iter().map(|f| f.lines).sum()
    }

    fn new_lines(&self) -> usize {
        self.files.iter().map(|f| f.new).sum()
    }

    fn unchanged(&self) -> usize {
        self.files.iter().map(|f| f.unchanged).sum()
    }

    /// The table as Markdown, columns padded so it also reads well in a terminal: the
    /// same text is printed and included in the book.
    pub fn markdown(&self) -> String {
        let stage = format!("stage{:02}", self.stage);
        let totals = render_table(
            &[
                "stage",
                "files owned",
                "lines owned",
                "new lines",
                "unchanged lines",
                "% unchanged",
            ],
            &[vec![
                stage.clone(),
                self.files.len().to_string(),
                self.lines().to_string(),
                self.new_lines().to_string(),
                self.unchanged().to_string(),
                percent(self.unchanged(), self.lines()),
            ]],
        );
        format!("{totals}\n{}", self.copies_markdown(&stage))
    }

    /// The per-file breakdown of the copies, or a sentence saying there are none.
    fn copies_markdown(&self, stage: &str) -> String {
        let Some(previous) = self.previous else {
            return format!("{stage} is built on no earlier stage: every line is new.\n");
        };
        let rows: Vec<Vec<String>> = self
            .files
            .iter()
            .filter(|f| f.copy)
            .map(|f| {
                vec![
                    format!("`{}`", f.path.display()),
                    f.lines.to_string(),
                    f.new.to_string(),
                    f.unchanged.to_string(),
                    percent(f.new, f.lines),
                ]
            })
            .collect();
        if rows.is_empty() {
            return format!("{stage} copies no file of stage{previous:02}.\n");
        }
        let first = format!("copied from stage{previous:02}");
        render_table(&[&first, "lines", "new", "unchanged", "% changed"], &rows)
    }
}

/// `part` as a percentage of `whole`, one decimal; `-` when there is no whole.
fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "-".to_string();
    }
    format!("{:.1} %", part as f64 * 100.0 / whole as f64)
}

/// A Markdown table with padded cells: the first column left-aligned, numbers right.
fn render_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            rows.iter()
                .map(|r| r[c].len())
                .chain([header[c].len(), 3])
                .max()
                .unwrap_or(3)
        })
        .collect();
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let pad = |c: usize, text: &str| match c {
        0 => format!("{text:<w$}", w = widths[c]),
        _ => format!("{text:>w$}", w = widths[c]),
    };
    let rule = (0..header.len())
        .map(|c| match c {
            0 => format!(":{}", "-".repeat(widths[c] - 1)),
            _ => format!("{}:", "-".repeat(widths[c] - 1)),
        })
        .collect();
    let mut out = line(header.iter().enumerate().map(|(c, h)| pad(c, h)).collect());
    out.push_str(&line(rule));
    for row in rows {
        out.push_str(&line(
            row.iter().enumerate().map(|(c, t)| pad(c, t)).collect(),
        ));
    }
    out
}

/// Every stage's ownership and the generated files, and the copies that break a rule.
pub fn generate(root: &Path) -> Generated {
    let mut generated = Generated::default();
    // stage02 starts afresh (the toy VM shares nothing with it); from stage03 on,
    // each stage is built on the one before.
    let mut previous = None;
    for stage in stage_numbers(root).into_iter().filter(|n| *n >= 2) {
        let files = source_files(&stage_src(root, stage))
            .iter()
            .map(|relative| compare_file(root, previous, stage, relative, &mut generated))
            .collect();
        let ownership = Ownership {
            stage,
            previous,
            files,
        };
        let path = generated_dir(stage).join(OWNERSHIP_FILE);
        generated.files.insert(path, ownership.markdown());
        generated.stages.push(ownership);
        previous = Some(stage);
    }
    generated
}

fn stage_src(root: &Path, stage: u32) -> PathBuf {
    root.join(format!("stages/stage{stage:02}/src"))
}

/// Where a stage's generated files go, relative to the repo.
fn generated_dir(stage: u32) -> PathBuf {
    PathBuf::from(format!("book/src/generated/stage{stage:02}"))
}

/// Counts one owned file; for a copy, adds its diffs or the rule it breaks.
fn compare_file(
    root: &Path,
    previous: Option<u32>,
    stage: u32,
    relative: &Path,
    generated: &mut Generated,
) -> FileCount {
    let after = fs::read_to_string(stage_src(root, stage).join(relative)).unwrap_or_default();
    let Some((old, before)) = previous.and_then(|old| {
        let text = fs::read_to_string(stage_src(root, old).join(relative)).ok()?;
        Some((old, text))
    }) else {
        return FileCount::fresh(relative, &after); // a new module: nothing to diff against
    };
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let edits = edit_script(&a, &b);
    let count = FileCount::from_edits(relative, &edits);
    let old_name = format!("stage{old:02}/src/{}", relative.display());
    let new_name = format!("stage{stage:02}/src/{}", relative.display());
    if before == after {
        generated.problems.push(format!(
            "{new_name} is a byte-identical copy of {old_name}: import it from stage{old:02} instead"
        ));
        return count;
    }
    if count.is_near_copy() {
        generated
            .problems
            .push(near_copy_message(&new_name, &old_name, old, &count));
    }
    let out = generated_dir(stage);
    let whole = render_diff(&old_name, &new_name, &edits);
    generated
        .files
        .insert(out.join(format!("{}.diff", relative.display())), whole);
    for (anchor, diff) in anchor_diffs(&old_name, &new_name, &before, &after) {
        let path = out
            .join(relative.with_extension(""))
            .join(format!("{anchor}.diff"));
        generated.files.insert(path, diff);
    }
    count
}

/// The diff of every anchored region whose text changed, by anchor name.
fn anchor_diffs(
    old_name: &str,
    new_name: &str,
    before: &str,
    after: &str,
) -> Vec<(String, String)> {
    common_anchors(before, after)
        .into_iter()
        .filter(|(_, (old_body, new_body))| old_body != new_body)
        .map(|(anchor, (old_body, new_body))| {
            let diff = unified_diff(
                &format!("{old_name}:{anchor}"),
                &format!("{new_name}:{anchor}"),
                &old_body,
                &new_body,
            );
            (anchor, diff)
        })
        .collect()
}

/// Says which copy is too close to its predecessor, by how much, and what to do.
fn near_copy_message(new_name: &str, old_name: &str, old: u32, count: &FileCount) -> String {
    format!(
        "{new_name} is a near-copy of {old_name}: only {} of its lines changed ({} of {}, \
         fewer than {NEAR_COPY_PERCENT} %); import it from stage{old:02} instead of copying, \
         or move what is the same into a shared module both stages import",
        percent(count.new, count.lines),
        count.new,
        count.lines
    )
}

/// What a run found: the ownership tables to print, and the problems that fail it.
#[derive(Debug)]
pub struct Outcome {
    pub tables: String,
    pub problems: Vec<String>,
}

/// Writes the generated files, or (with `check`) lists the stale ones; either way
/// reports the copies that break a rule and every stage's ownership table.
pub fn run(root: &Path, check: bool) -> Outcome {
    let generated = generate(root);
    let mut problems = generated.problems;
    problems.extend(update_wanted(root, &generated.files, check));
    problems.extend(remove_unwanted(root, &generated.files, check));
    let tables = generated
        .stages
        .iter()
        .map(Ownership::markdown)
        .collect::<Vec<_>>()
        .join("\n");
    Outcome { tables, problems }
}

/// Writes every generated file whose contents differ, or (with `check`) names it.
fn update_wanted(root: &Path, wanted: &BTreeMap<PathBuf, String>, check: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for (path, contents) in wanted {
        let full = root.join(path);
        let current = fs::read_to_string(&full).ok();
        if current.as_deref() == Some(contents.as_str()) {
            continue;
        }
        if check {
            let state = if current.is_some() {
                "stale"
            } else {
                "missing"
            };
            problems.push(format!(
                "{} is {state}: run `cargo xtask stage-diff`",
                path.display()
            ));
        } else if let Err(e) = write_file(&full, contents) {
            problems.push(e);
        }
    }
    problems
}

/// Removes generated files nothing generates any more, or (with `check`) names them.
fn remove_unwanted(root: &Path, wanted: &BTreeMap<PathBuf, String>, check: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for existing in all_files(&root.join("book/src/generated")) {
        let relative = existing
            .strip_prefix(root)
            .unwrap_or(&existing)
            .to_path_buf();
        let ours = existing.extension().is_some_and(|e| e == "diff")
            || existing.file_name().is_some_and(|n| n == OWNERSHIP_FILE);
        if !ours || wanted.contains_key(&relative) {
            continue;
        }
        if check {
            problems.push(format!(
                "{} is no longer generated: run `cargo xtask stage-diff`",
                relative.display()
            ));
        } else {
            let _ = fs::remove_file(&existing);
        }
    }
    problems
}

fn write_file(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The stage numbers present under `stages/`, in order.
fn stage_numbers(root: &Path) -> Vec<u32> {
    let mut numbers: Vec<u32> = fs::read_dir(root.join("stages"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            entry
                .file_name()
                .to_str()?
                .strip_prefix("stage")?
                .parse()
                .ok()
        })
        .collect();
    numbers.sort();
    numbers
}

/// Source files under `dir`, relative to it, sorted.
fn source_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = all_files(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .filter_map(|p| p.strip_prefix(dir).ok().map(Path::to_path_buf))
        .collect();
    files.sort();
    files
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(all_files(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// The anchors both versions have, with each version's text between the markers.
fn common_anchors(before: &str, after: &str) -> BTreeMap<String, (String, String)> {
    let old = anchors(before);
    let new = anchors(after);
    old.into_iter()
        .filter_map(|(name, old_body)| {
            let new_body = new.get(&name)?.clone();
            Some((name, (old_body, new_body)))
        })
        .collect()
}

/// Every `ANCHOR: name` … `ANCHOR_END: name` region's text (marker lines of nested
/// anchors left out, as mdBook leaves them out of a listing).
fn anchors(text: &str) -> BTreeMap<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = BTreeMap::new();
    for (start, line) in lines.iter().enumerate() {
        let Some(name) = marker_name(line, "ANCHOR:") else {
            continue;
        };
        let end = lines[start + 1..]
            .iter()
            .position(|l| marker_name(l, "ANCHOR_END:") == Some(name));
        if let Some(length) = end {
            let body: String = lines[start + 1..start + 1 + length]
                .iter()
                .filter(|l| !l.contains("ANCHOR:") && !l.contains("ANCHOR_END:"))
                .map(|l| format!("{l}\n"))
                .collect();
            found.insert(name.to_string(), body);
        }
    }
    found
}

fn marker_name<'a>(line: &'a str, keyword: &str) -> Option<&'a str> {
    let at = line.find(keyword)?;
    if keyword == "ANCHOR:" && line[..at].ends_with("ANCHOR_END") {
        return None;
    }
    let rest = line[at + keyword.len()..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// A unified diff (`diff -u` style, 3 lines of context) from a longest common
/// subsequence of lines. Quadratic, which is fine for files of a few thousand lines.
pub fn unified_diff(old_name: &str, new_name: &str, before: &str, after: &str) -> String {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    render_diff(old_name, new_name, &edit_script(&a, &b))
}

/// The unified diff of an edit script already computed (the ownership counts use the
/// same script, so a copy is diffed once).
fn render_diff(old_name: &str, new_name: &str, edits: &[Edit]) -> String {
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    for hunk in hunks(edits) {
        out.push_str(&hunk);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit<'a> {
    Same(&'a str, usize, usize),
    Delete(&'a str, usize),
    Insert(&'a str, usize),
}

fn edit_script<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Edit<'a>> {
    // lcs[i][j] = length of the LCS of a[i..] and b[j..]
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut edits = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            edits.push(Edit::Same(a[i], i, j));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // Deletions first, as `diff -u` prints them.
            edits.push(Edit::Delete(a[i], i));
            i += 1;
        } else {
            edits.push(Edit::Insert(b[j], j));
            j += 1;
        }
    }
    edits
}

/// Groups the edit script into hunks with `CONTEXT` lines around each change.
fn hunks(edits: &[Edit]) -> Vec<String> {
    let changed: Vec<usize> = edits
        .iter()
        .enumerate()
        .filter(|(_, e)| !matches!(e, Edit::Same(..)))
        .map(|(i, _)| i)
        .collect();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for &index in &changed {
        let start = index.saturating_sub(CONTEXT);
        let end = (index + CONTEXT + 1).min(edits.len());
        match ranges.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => ranges.push((start, end)),
        }
    }
    ranges
        .into_iter()
        .map(|(start, end)| render_hunk(&edits[start..end], edits, start))
        .collect()
}

fn render_hunk(hunk: &[Edit], all: &[Edit], start: usize) -> String {
    // Line numbers where the hunk starts in each file (1-based), counted from the edits before it.
    let old_start = all[..start]
        .iter()
        .filter(|e| !matches!(e, Edit::Insert(..)))
        .count()
        + 1;
    let new_start = all[..start]
        .iter()
        .filter(|e| !matches!(e, Edit::Delete(..)))
        .count()
        + 1;
    let old_len = hunk
        .iter()
        .filter(|e| !matches!(e, Edit::Insert(..)))
        .count();
    let new_len = hunk
        .iter()
        .filter(|e| !matches!(e, Edit::Delete(..)))
        .count();
    let mut out = format!(
        "@@ -{} +{} @@\n",
        range_text(old_start, old_len),
        range_text(new_start, new_len)
    );
    for edit in hunk {
        match edit {
            Edit::Same(line, ..) => out.push_str(&format!(" {line}\n")),
            Edit::Delete(line, _) => out.push_str(&format!("-{line}\n")),
            Edit::Insert(line, _) => out.push_str(&format!("+{line}\n")),
        }
    }
    out
}

/// `diff -u` writes `start,len`, `start` alone for one line, and `start-1,0` for none.
fn range_text(start: usize, len: usize) -> String {
    match len {
        0 => format!("{},0", start - 1),
        1 => format!("{start}"),
        _ => format!("{start},{len}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s00_stage_diff_matches_diff_u_on_a_small_change() {
        let before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let after = "a\nb\nc\nD\ne\nf\ng\nh\ni\n";
        let diff = unified_diff("old", "new", before, after);
        // What `diff -u` prints for the same two files (headers aside).
        let expected =
            "--- old\n+++ new\n@@ -1,8 +1,9 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n+i\n";
        assert_eq!(diff, expected);
    }

    #[test]
    fn s00_stage_diff_splits_distant_changes_into_hunks() {
        let before: String = (1..=20).map(|n| format!("{n}\n")).collect();
        let after: String = (1..=20)
            .map(|n| match n {
                2 => "two\n".to_string(),
                18 => "eighteen\n".to_string(),
                _ => format!("{n}\n"),
            })
            .collect();
        let diff = unified_diff("old", "new", &before, &after);
        assert_eq!(diff.matches("@@ ").count(), 2, "{diff}");
        assert!(diff.contains("@@ -1,5 +1,5 @@"), "{diff}");
        assert!(diff.contains("@@ -15,6 +15,6 @@"), "{diff}");
    }

    #[test]
    fn s00_stage_diff_finds_anchor_bodies() {
        let text = "x\n// ANCHOR: one\nbody\n// ANCHOR_END: one\n";
        let found = anchors(text);
        assert_eq!(found.get("one").map(String::as_str), Some("body\n"));
    }

    /// Twenty numbered lines, with the given line numbers (1-based) rewritten.
    fn twenty_lines(changed: &[usize]) -> String {
        (1..=20)
            .map(|n| match changed.contains(&n) {
                true => format!("changed {n}\n"),
                false => format!("line {n}\n"),
            })
            .collect()
    }

    /// How a copy counts against its predecessor, as the task counts it.
    fn copy_count(before: &str, after: &str) -> FileCount {
        let a: Vec<&str> = before.lines().collect();
        let b: Vec<&str> = after.lines().collect();
        FileCount::from_edits(Path::new("f.rs"), &edit_script(&a, &b))
    }

    #[test]
    fn s00_stage_diff_flags_a_copy_changing_1_of_20_lines() {
        let count = copy_count(&twenty_lines(&[]), &twenty_lines(&[7]));
        assert_eq!((count.lines, count.new, count.unchanged), (20, 1, 19));
        assert!(count.is_near_copy());
    }

    #[test]
    fn s00_stage_diff_passes_a_copy_changing_3_of_20_lines() {
        let count = copy_count(&twenty_lines(&[]), &twenty_lines(&[2, 9, 17]));
        assert_eq!((count.lines, count.new, count.unchanged), (20, 3, 17));
        assert!(!count.is_near_copy());
        // Exactly 10 % is not "fewer than 10 %".
        assert!(!copy_count(&twenty_lines(&[]), &twenty_lines(&[1, 2])).is_near_copy());
    }

    #[test]
    fn s00_stage_diff_counts_blank_lines_and_flags_an_identical_copy() {
        let text = "a\n\nb\n";
        let count = copy_count(text, text);
        assert_eq!((count.lines, count.new, count.unchanged), (3, 0, 3));
        assert!(count.is_near_copy());
        // A file the predecessor lacks is new throughout, and never a near-copy.
        let fresh = FileCount::fresh(Path::new("f.rs"), text);
        assert_eq!((fresh.lines, fresh.new, fresh.unchanged), (3, 3, 0));
        assert!(!fresh.is_near_copy());
    }

    /// A fresh directory under the system temp dir, removed when dropped.
    struct TempTree(PathBuf);

    impl TempTree {
        fn new(name: &str) -> Self {
            let dir = std::env::temp_dir()
                .join(format!("xtask-stage-diff-{}-{name}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            TempTree(dir)
        }

        fn write(&self, path: &str, text: &str) {
            write_file(&self.0.join(path), text).unwrap();
        }
    }

    impl Drop for TempTree {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// stage01 (a toy, never compared), stage02 and stage03: stage03 has one
    /// near-copy, one fair copy, one identical copy and one new file.
    /// `name` keeps the trees of tests running in parallel apart.
    fn synthetic_tree(name: &str) -> TempTree {
        let tree = TempTree::new(name);
        tree.write("stages/stage01/src/a.rs", &twenty_lines(&[]));
        for (path, stage02, stage03) in [
            ("a.rs", twenty_lines(&[]), twenty_lines(&[5])),
            ("m/b.rs", twenty_lines(&[]), twenty_lines(&[1, 10, 20])),
            ("same.rs", "x\n\ny\n".to_string(), "x\n\ny\n".to_string()),
        ] {
            tree.write(&format!("stages/stage02/src/{path}"), &stage02);
            tree.write(&format!("stages/stage03/src/{path}"), &stage03);
        }
        tree.write("stages/stage02/src/only02.rs", "one\ntwo\n");
        tree.write("stages/stage03/src/c.rs", "1\n2\n3\n4\n5\n");
        tree
    }

    #[test]
    fn s00_stage_diff_counts_ownership_on_a_synthetic_tree() {
        let tree = synthetic_tree("counts_ownership");
        let generated = generate(&tree.0);
        let totals: Vec<_> = generated
            .stages
            .iter()
            .map(|o| {
                (
                    o.stage,
                    o.files.len(),
                    o.lines(),
                    o.new_lines(),
                    o.unchanged(),
                )
            })
            .collect();
        // stage02: a 20 + b 20 + only02 2 + same 3, all new (stage01 is not compared).
        // stage03: a 20 (1 new), b 20 (3 new), c 5 (new), same 3 (0 new).
        assert_eq!(totals, [(2, 4, 45, 45, 0), (3, 4, 48, 9, 39)]);
        let copies: Vec<_> = generated.stages[1]
            .files
            .iter()
            .filter(|f| f.copy)
            .map(|f| (f.path.display().to_string(), f.new, f.is_near_copy()))
            .collect();
        let expected = [
            ("a.rs", 1, true),
            ("m/b.rs", 3, false),
            ("same.rs", 0, true),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(p, n, near)| (p.to_string(), *n, *near))
            .collect();
        assert_eq!(copies, expected);
    }

    #[test]
    fn s00_stage_diff_reports_near_and_identical_copies_once_each() {
        let tree = synthetic_tree("reports_near");
        let problems = generate(&tree.0).problems;
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(problems[0].starts_with("stage03/src/a.rs is a near-copy"));
        assert!(problems[0].contains("5.0 %") && problems[0].contains("import it from stage02"));
        assert!(problems[1].contains("same.rs is a byte-identical copy"));
    }

    #[test]
    fn s00_stage_diff_writes_and_checks_the_ownership_tables() {
        let tree = synthetic_tree("writes_and_checks");
        let stale = run(&tree.0, true).problems;
        assert!(stale
            .iter()
            .any(|p| p.contains("stage02/ownership.md is missing")));
        let written = run(&tree.0, false);
        let table = fs::read_to_string(tree.0.join("book/src/generated/stage03/ownership.md"));
        let table = table.unwrap();
        assert!(written.tables.contains(&table), "{}", written.tables);
        assert!(table.contains("| stage03 |           4 |          48 |         9 |"));
        assert!(table.contains("| `m/b.rs`"), "{table}");
        // Only the copy rules are left once everything is written.
        assert_eq!(run(&tree.0, true).problems, written.problems);
    }
}
