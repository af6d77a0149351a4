//! `cargo xtask stage-diff`: what changed from stage N-1 to stage N, written into the
//! book so a chapter can show the lesson as a diff.
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
//! With `--check` it writes nothing and fails when a generated file is stale or missing,
//! or when an owned copy is byte-identical to its predecessor: a file that did not
//! change should have been imported, not copied.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Lines of context around each change, as `diff -u`.
const CONTEXT: usize = 3;

/// The generated files for every stage pair: path (relative to the repo) → contents.
pub fn generate(root: &Path) -> Result<BTreeMap<PathBuf, String>, Vec<String>> {
    let mut files = BTreeMap::new();
    let mut problems = Vec::new();
    // stage02 starts afresh (the toy VM shares nothing with it); from stage03 on,
    // each stage is built on the one before.
    let stages: Vec<u32> = stage_numbers(root)
        .into_iter()
        .filter(|n| *n >= 2)
        .collect();
    for pair in stages.windows(2) {
        let (old, new) = (pair[0], pair[1]);
        let old_src = root.join(format!("stages/stage{old:02}/src"));
        let new_src = root.join(format!("stages/stage{new:02}/src"));
        let out = PathBuf::from(format!("book/src/generated/stage{new:02}"));
        for relative in source_files(&new_src) {
            let Ok(before) = fs::read_to_string(old_src.join(&relative)) else {
                continue; // a new module: nothing to diff against
            };
            let after = fs::read_to_string(new_src.join(&relative)).unwrap_or_default();
            let old_name = format!("stage{old:02}/src/{}", relative.display());
            let new_name = format!("stage{new:02}/src/{}", relative.display());
            if before == after {
                problems.push(format!(
                    "{new_name} is a byte-identical copy of {old_name}: import it from stage{old:02} instead"
                ));
                continue;
            }
            let whole = unified_diff(&old_name, &new_name, &before, &after);
            files.insert(out.join(format!("{}.diff", relative.display())), whole);
            for (anchor, (old_body, new_body)) in common_anchors(&before, &after) {
                if old_body != new_body {
                    let diff = unified_diff(
                        &format!("{old_name}:{anchor}"),
                        &format!("{new_name}:{anchor}"),
                        &old_body,
                        &new_body,
                    );
                    let path = out
                        .join(relative.with_extension(""))
                        .join(format!("{anchor}.diff"));
                    files.insert(path, diff);
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// Writes the generated files, or (with `check`) lists the stale ones.
pub fn run(root: &Path, check: bool) -> Result<(), Vec<String>> {
    let wanted = generate(root)?;
    let generated_dir = root.join("book/src/generated");
    let mut problems = Vec::new();
    for (path, contents) in &wanted {
        let full = root.join(path);
        let current = fs::read_to_string(&full).ok();
        if current.as_deref() == Some(contents.as_str()) {
            continue;
        }
        if check {
            problems.push(format!(
                "{} is stale: run `cargo xtask stage-diff`",
                path.display()
            ));
        } else if let Err(e) = write_file(&full, contents) {
            problems.push(e);
        }
    }
    for existing in all_files(&generated_dir) {
        let relative = existing
            .strip_prefix(root)
            .unwrap_or(&existing)
            .to_path_buf();
        if existing.extension().is_some_and(|e| e == "diff") && !wanted.contains_key(&relative) {
            if check {
                problems.push(format!(
                    "{} is no longer generated: run `cargo xtask stage-diff`",
                    relative.display()
                ));
            } else {
                let _ = fs::remove_file(&existing);
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
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
    let edits = edit_script(&a, &b);
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    for hunk in hunks(&edits) {
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
}
