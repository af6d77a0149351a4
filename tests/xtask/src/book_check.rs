//! `cargo xtask book-check`: every `{{#include}}` in the book must resolve to real,
//! non-empty text.
//!
//! mdBook only *warns* when an included file or anchor is missing and then renders an
//! empty listing; this check turns each of those into an error, so a renamed function
//! or a removed anchor in a stage breaks CI instead of silently emptying a chapter.
//!
//! It checks, for every include in `book/src/**/*.md`:
//! * the file exists (paths are relative to the chapter, as mdBook resolves them);
//! * a named anchor exists in it, has an `ANCHOR_END`, and encloses some text;
//! * a line range lies inside the file and is not blank;
//! * an include of an insta snapshot (`.snap`) starts right after its `---` header,
//!   so the reader sees the output and not insta's metadata.
//!
//! It also checks every file that the book includes from for anchors that are opened
//! and never closed (or closed and never opened), and, in the chapters as the built
//! book shows them with their includes resolved:
//! * that no line of a `text` block (a trace, a `dis` listing, a hex dump) is wider than
//!   [`MAX_TEXT_COLUMNS`]: wider lines scroll sideways at 1,280 px, and the stack
//!   column a reader wants is the part that scrolls away;
//! * that no Rust listing included from a stage (a `rust` block with an include of a
//!   `.rs` file) is longer than [`MAX_LISTING_LINES`]: a longer one is split into
//!   pieces with finer anchors, with prose between them.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// One `{{#include …}}` (or `{{#rustdoc_include …}}`) found in a chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Include {
    pub chapter: PathBuf,
    pub line: usize,
    /// The include's argument as written, e.g. `../../stages/stage01/src/vm.rs:run_loop`.
    pub argument: String,
    pub path: String,
    pub selector: Selector,
}

/// Which part of the file an include asks for (mdBook's four partial modes plus anchors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Whole,
    Anchor(String),
    /// 1-based, inclusive; `None` is an open end.
    Lines {
        start: Option<usize>,
        end: Option<usize>,
    },
}

/// Checks the book under `book_src` and returns every problem found (empty: all good).
pub fn check(book_src: &Path) -> Result<Vec<String>, String> {
    let mut problems = Vec::new();
    let mut included_files = BTreeSet::new();
    for chapter in markdown_files(book_src)? {
        let text = fs::read_to_string(&chapter)
            .map_err(|e| format!("cannot read {}: {e}", chapter.display()))?;
        for include in find_includes(&chapter, &text) {
            let target = chapter
                .parent()
                .unwrap_or(Path::new("."))
                .join(&include.path);
            if let Err(problem) = check_include(&include, &target) {
                problems.push(format!(
                    "{}:{}: {{{{#include {}}}}}: {problem}",
                    include.chapter.display(),
                    include.line,
                    include.argument
                ));
            } else {
                included_files.insert(target);
            }
        }
    }
    for chapter in markdown_files(book_src)? {
        let text = fs::read_to_string(&chapter)
            .map_err(|e| format!("cannot read {}: {e}", chapter.display()))?;
        problems.extend(wide_text_lines(&chapter, &text));
        problems.extend(long_rust_listings(&chapter, &text));
    }
    for file in included_files {
        if let Ok(text) = fs::read_to_string(&file) {
            let shown = file.canonicalize().unwrap_or_else(|_| file.clone());
            problems.extend(
                unbalanced_anchors(&text)
                    .into_iter()
                    .map(|p| format!("{}: {p}", shown.display())),
            );
        }
    }
    Ok(problems)
}

fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            found.extend(markdown_files(&path)?);
        } else if path.extension().is_some_and(|ext| ext == "md") {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// Finds the includes in a chapter's text. An escaped `\{{#include}}` (mdBook's way of
/// showing the syntax itself) is not an include.
pub fn find_includes(chapter: &Path, text: &str) -> Vec<Include> {
    let mut includes = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = rest.find("{{#") {
            let escaped = rest[..start].ends_with('\\');
            let after = &rest[start + 3..];
            let Some(end) = after.find("}}") else { break };
            let body = after[..end].trim();
            rest = &after[end + 2..];
            if escaped {
                continue;
            }
            let argument = body
                .strip_prefix("include ")
                .or_else(|| body.strip_prefix("rustdoc_include "));
            if let Some(argument) = argument {
                let (path, selector) = parse_argument(argument.trim());
                includes.push(Include {
                    chapter: chapter.to_path_buf(),
                    line: index + 1,
                    argument: argument.trim().to_string(),
                    path,
                    selector,
                });
            }
        }
    }
    includes
}

/// Splits `path[:anchor | :start[:end]]` the way mdBook does.
fn parse_argument(argument: &str) -> (String, Selector) {
    let mut parts = argument.splitn(3, ':');
    let path = parts.next().unwrap_or_default().to_string();
    let first = parts.next();
    let second = parts.next();
    let number = |s: &str| s.trim().parse::<usize>().ok();
    let selector = match (first, second) {
        (None, _) => Selector::Whole,
        (Some(a), None) => match number(a) {
            Some(n) => Selector::Lines {
                start: Some(n),
                end: Some(n),
            },
            None => Selector::Anchor(a.trim().to_string()),
        },
        (Some(a), Some(b)) => Selector::Lines {
            start: number(a),
            end: number(b),
        },
    };
    (path, selector)
}

fn check_include(include: &Include, target: &Path) -> Result<(), String> {
    let text =
        fs::read_to_string(target).map_err(|_| format!("file not found: {}", target.display()))?;
    let listing = select(&text, &include.selector)?;
    if listing.iter().all(|line| line.trim().is_empty()) {
        return Err("the listing is empty".to_string());
    }
    if target.extension().is_some_and(|ext| ext == "snap") {
        check_snapshot_start(&text, &include.selector)?;
    }
    Ok(())
}

/// The lines an include shows, with anchor marker lines removed as mdBook does.
fn select<'a>(text: &'a str, selector: &Selector) -> Result<Vec<&'a str>, String> {
    let lines: Vec<&str> = text.lines().collect();
    let chosen: Vec<&str> = match selector {
        Selector::Whole => lines,
        Selector::Anchor(name) => anchor_body(&lines, name)?,
        Selector::Lines { start, end } => {
            let first = start.unwrap_or(1);
            let last = end.unwrap_or(lines.len());
            if first == 0 || first > lines.len() || last < first {
                return Err(format!(
                    "lines {first}..{last} are outside the file ({} lines)",
                    lines.len()
                ));
            }
            lines[first - 1..last.min(lines.len())].to_vec()
        }
    };
    Ok(chosen
        .into_iter()
        .filter(|line| anchor_marker(line).is_none())
        .collect())
}

fn anchor_body<'a>(lines: &[&'a str], name: &str) -> Result<Vec<&'a str>, String> {
    let start = lines
        .iter()
        .position(|line| anchor_marker(line) == Some(Marker::Start(name)))
        .ok_or_else(|| format!("anchor `{name}` not found"))?;
    let length = lines[start + 1..]
        .iter()
        .position(|line| anchor_marker(line) == Some(Marker::End(name)))
        .ok_or_else(|| format!("anchor `{name}` has no ANCHOR_END"))?;
    Ok(lines[start + 1..start + 1 + length].to_vec())
}

#[derive(Debug, PartialEq, Eq)]
enum Marker<'a> {
    Start(&'a str),
    End(&'a str),
}

/// Recognises mdBook's `ANCHOR: name` / `ANCHOR_END: name` anywhere in a line.
fn anchor_marker(line: &str) -> Option<Marker<'_>> {
    let name_after = |at: usize, keyword: &str| -> &str {
        let rest = line[at + keyword.len()..].trim_start();
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        &rest[..end]
    };
    if let Some(at) = line.find("ANCHOR_END:") {
        return Some(Marker::End(name_after(at, "ANCHOR_END:")));
    }
    if let Some(at) = line.find("ANCHOR:") {
        return Some(Marker::Start(name_after(at, "ANCHOR:")));
    }
    None
}

/// Every anchor must be closed, and closed only once opened.
fn unbalanced_anchors(text: &str) -> Vec<String> {
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in text.lines().enumerate() {
        match anchor_marker(line) {
            Some(Marker::Start(name)) => open.push((name.to_string(), index + 1)),
            Some(Marker::End(name)) => match open.iter().rposition(|(n, _)| n == name) {
                Some(at) => {
                    open.remove(at);
                }
                None => problems.push(format!(
                    "line {}: ANCHOR_END `{name}` without a matching ANCHOR",
                    index + 1
                )),
            },
            None => {}
        }
    }
    for (name, line) in open {
        problems.push(format!("line {line}: anchor `{name}` is never closed"));
    }
    problems
}

/// An insta snapshot starts with a `---`-delimited header; the include must start on
/// the first line after it.
fn check_snapshot_start(text: &str, selector: &Selector) -> Result<(), String> {
    let lines: Vec<&str> = text.lines().collect();
    let header_end = lines
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, line)| line.trim_end() == "---")
        .map(|(index, _)| index + 1)
        .ok_or("this .snap file has no insta header")?;
    let wanted = header_end + 1;
    match selector {
        Selector::Lines {
            start: Some(start), ..
        } if *start == wanted => Ok(()),
        _ => Err(format!(
            "a snapshot must be included from line {wanted}, the first line after its header (write `:{wanted}:`)"
        )),
    }
}

// ANCHOR: text_width
/// The widest line a `text` block may show: a trace line, a `dis` line.
pub const MAX_TEXT_COLUMNS: usize = 100;

/// The lines of `text` blocks in `chapter`, includes resolved, that are wider than
/// [`MAX_TEXT_COLUMNS`]. A wide line of CPython's own output (a `dis` line naming a
/// code object, say) is left out with a line range, and what it says goes in the prose.
fn wide_text_lines(chapter: &Path, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut in_text = None;
    let dir = chapter.parent().unwrap_or(Path::new("."));
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            in_text = match in_text {
                Some(_) => None,
                None => Some(info.split(',').next().unwrap_or("").trim() == "text"),
            };
            continue;
        }
        if in_text != Some(true) {
            continue;
        }
        let includes = find_includes(chapter, line);
        let shown: Vec<String> = match includes.first() {
            None => vec![line.to_string()],
            Some(include) => included_lines(dir, include).unwrap_or_default(),
        };
        for shown_line in shown {
            let width = shown_line.chars().count();
            if width > MAX_TEXT_COLUMNS {
                let start: String = shown_line.chars().take(60).collect();
                problems.push(format!(
                    "{}:{}: a `text` block shows a line of {width} columns (at most \
                     {MAX_TEXT_COLUMNS}): {start}...",
                    chapter.display(),
                    index + 1
                ));
            }
        }
    }
    problems
}

/// The lines an include shows, as the built book shows them; `None` when it does not
/// resolve (which [`check_include`] reports).
fn included_lines(dir: &Path, include: &Include) -> Option<Vec<String>> {
    let text = fs::read_to_string(dir.join(&include.path)).ok()?;
    let lines = select(&text, &include.selector).ok()?;
    Some(lines.iter().map(|line| line.to_string()).collect())
}
// ANCHOR_END: text_width

// ANCHOR: listing_length
/// The longest Rust listing a chapter may show at a time: a reader follows 10 to 40
/// lines with prose around them; a longer one is split into pieces with finer anchors.
pub const MAX_LISTING_LINES: usize = 40;

/// One fenced `rust` block of a chapter, as it is read.
struct RustBlock {
    /// The chapter line of its first include of a `.rs` file, and that include's
    /// argument; `None` while the block has none (a hand-written snippet).
    first_rs_include: Option<(usize, String)>,
    /// The lines the built book shows: its own lines, with each include replaced by
    /// the lines it brings (anchor lines left out, as mdBook leaves them out).
    shown_lines: usize,
}

/// The `rust` blocks of `chapter` that include a stage's `.rs` file and show more
/// than [`MAX_LISTING_LINES`] lines once their includes are resolved.
fn long_rust_listings(chapter: &Path, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let dir = chapter.parent().unwrap_or(Path::new("."));
    let mut fenced = false;
    let mut block: Option<RustBlock> = None;
    for (index, line) in text.lines().enumerate() {
        if let Some(info) = line.trim_start().strip_prefix("```") {
            if !fenced {
                fenced = true;
                let language = info.split(',').next().unwrap_or("").trim();
                block = (language == "rust").then_some(RustBlock {
                    first_rs_include: None,
                    shown_lines: 0,
                });
            } else {
                fenced = false;
                if let Some(RustBlock {
                    first_rs_include: Some((at, argument)),
                    shown_lines,
                }) = block.take()
                {
                    if shown_lines > MAX_LISTING_LINES {
                        problems.push(format!(
                            "{}:{at}: a Rust listing of {shown_lines} lines (at most \
                             {MAX_LISTING_LINES}) from {{{{#include {argument}}}}}: split it \
                             into pieces with finer anchors and prose between them",
                            chapter.display()
                        ));
                    }
                }
            }
            continue;
        }
        let Some(block) = block.as_mut() else {
            continue;
        };
        let includes = find_includes(chapter, line);
        if includes.is_empty() {
            block.shown_lines += 1;
        }
        for include in includes {
            let shown = included_lines(dir, &include).map_or(0, |lines| lines.len());
            block.shown_lines += shown;
            if include.path.ends_with(".rs") && block.first_rs_include.is_none() {
                block.first_rs_include = Some((index + 1, include.argument));
            }
        }
    }
    problems
}
// ANCHOR_END: listing_length

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes a one-chapter book into a fresh temporary folder, checks it, removes it.
    fn book_with(chapter: &str, files: &[(&str, &str)]) -> ((), Vec<String>) {
        let root = std::env::temp_dir().join(format!(
            "book-check-test-{}-{}",
            std::process::id(),
            NEXT_BOOK.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("src")).expect("temp dir");
        fs::write(root.join("src/chapter.md"), chapter).expect("write chapter");
        for (name, text) in files {
            fs::write(root.join(name), text).expect("write file");
        }
        let problems = check(&root.join("src")).expect("check runs");
        let _ = fs::remove_dir_all(&root);
        ((), problems)
    }

    /// Tests run in parallel: each gets its own book folder.
    static NEXT_BOOK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

    const CODE: &str = "fn a() {}\n// ANCHOR: run\nfn run() {}\n// ANCHOR_END: run\n";

    #[test]
    fn s00_book_check_fails_on_a_text_line_over_100_columns() {
        let wide = "x".repeat(101);
        let narrow = "x".repeat(100);
        let chapter = format!("```text\n{narrow}\n{{{{#include out.txt}}}}\n```\n\n{wide}\n");
        let (_, problems) = book_with(&chapter, &[("src/out.txt", &format!("{wide}\n"))]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("101 columns"), "{problems:?}");
        let (_, problems) = book_with(&format!("```rust\n{wide}\n```\n"), &[]);
        assert!(problems.is_empty(), "{problems:?}");
    }

    /// A `.rs` file whose anchor `long` holds `n` lines of code, with a nested
    /// anchor's marker lines inside, which a listing does not show.
    fn code_with_lines(n: usize) -> String {
        let body: String = (0..n).map(|i| format!("let x{i} = {i};\n")).collect();
        format!("fn a() {{}}\n// ANCHOR: long\n// ANCHOR: inner\n{body}// ANCHOR_END: inner\n// ANCHOR_END: long\n")
    }

    #[test]
    fn s00_book_check_fails_on_a_rust_listing_over_40_lines() {
        let chapter = "Text.\n\n```rust,noplayground\n{{#include ../code.rs:long}}\n```\n";
        let (_, fits) = book_with(chapter, &[("code.rs", &code_with_lines(40))]);
        assert_eq!(fits, Vec::<String>::new());
        let (_, long) = book_with(chapter, &[("code.rs", &code_with_lines(41))]);
        assert_eq!(long.len(), 1, "{long:?}");
        assert!(long[0].contains("chapter.md:4:"), "{long:?}");
        assert!(long[0].contains("41 lines"), "{long:?}");
        assert!(long[0].contains("code.rs:long"), "{long:?}");
    }

    #[test]
    fn s00_book_check_adds_up_the_includes_of_one_rust_listing() {
        let chapter = "```rust\n{{#include ../a.rs:long}}\n\n{{#include ../b.rs:long}}\n```\n";
        let files = [("a.rs", code_with_lines(20)), ("b.rs", code_with_lines(20))];
        let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let (_, problems) = book_with(chapter, &files);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("41 lines"), "{problems:?}");
        assert!(problems[0].contains("a.rs:long"), "{problems:?}");
    }

    #[test]
    fn s00_book_check_measures_only_rust_listings_included_from_rs_files() {
        let long = code_with_lines(60);
        let typed: String = "let x = 1;\n".repeat(60);
        let chapter = format!(
            "```text\n{{{{#include ../code.rs:long}}}}\n```\n\n```rust\n{typed}```\n\n\
             ```rust\n{{{{#include ../notes.txt}}}}\n```\n"
        );
        let (_, problems) = book_with(&chapter, &[("code.rs", &long), ("notes.txt", &typed)]);
        assert_eq!(problems, Vec::<String>::new());
    }

    #[test]
    fn s00_book_check_accepts_a_present_anchor() {
        let (_root, problems) = book_with(
            "```rust\n{{#include ../code.rs:run}}\n```\n",
            &[("code.rs", CODE)],
        );
        assert_eq!(problems, Vec::<String>::new());
    }

    #[test]
    fn s00_book_check_fails_when_an_included_anchor_is_removed() {
        let without = CODE
            .replace("// ANCHOR: run\n", "")
            .replace("// ANCHOR_END: run\n", "");
        let (_root, problems) =
            book_with("{{#include ../code.rs:run}}\n", &[("code.rs", &without)]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("anchor `run` not found"),
            "{problems:?}"
        );
    }

    #[test]
    fn s00_book_check_fails_on_a_missing_file() {
        let (_root, problems) = book_with("{{#include ../nowhere.rs}}\n", &[]);
        assert!(problems[0].contains("file not found"), "{problems:?}");
    }

    #[test]
    fn s00_book_check_fails_on_an_unterminated_anchor() {
        let open = "// ANCHOR: run\nfn run() {}\n";
        let (_root, problems) = book_with("{{#include ../code.rs:run}}\n", &[("code.rs", open)]);
        assert!(problems[0].contains("has no ANCHOR_END"), "{problems:?}");
    }

    #[test]
    fn s00_book_check_fails_on_an_anchor_opened_elsewhere_and_never_closed() {
        let text = format!("{CODE}// ANCHOR: dangling\nfn x() {{}}\n");
        let (_root, problems) = book_with("{{#include ../code.rs:run}}\n", &[("code.rs", &text)]);
        assert!(
            problems
                .iter()
                .any(|p| p.contains("`dangling` is never closed")),
            "{problems:?}"
        );
    }

    #[test]
    fn s00_book_check_fails_on_an_empty_listing() {
        let empty = "// ANCHOR: run\n\n// ANCHOR_END: run\n";
        let (_root, problems) = book_with("{{#include ../code.rs:run}}\n", &[("code.rs", empty)]);
        assert!(problems[0].contains("empty"), "{problems:?}");
    }

    #[test]
    fn s00_book_check_fails_on_lines_outside_the_file() {
        let (_root, problems) = book_with("{{#include ../code.rs:40:}}\n", &[("code.rs", CODE)]);
        assert!(problems[0].contains("outside the file"), "{problems:?}");
    }

    #[test]
    fn s00_book_check_ignores_escaped_includes() {
        let (_root, problems) = book_with("Write `\\{{#include file.rs:name}}`.\n", &[]);
        assert_eq!(problems, Vec::<String>::new());
    }

    #[test]
    fn s00_book_check_wants_snapshots_included_after_their_header() {
        let snap = "---\nsource: x.rs\nexpression: out\n---\nline one\nline two\n";
        let (_, good) = book_with("{{#include ../a.snap:5:}}\n", &[("a.snap", snap)]);
        assert_eq!(good, Vec::<String>::new());
        let (_, bad) = book_with("{{#include ../a.snap}}\n", &[("a.snap", snap)]);
        assert!(bad[0].contains("from line 5"), "{bad:?}");
    }

    #[test]
    fn s00_book_check_parses_every_partial_mode() {
        let parse = |s: &str| parse_argument(s).1;
        assert_eq!(parse("f.rs"), Selector::Whole);
        assert_eq!(parse("f.rs:name"), Selector::Anchor("name".into()));
        assert_eq!(
            parse("f.rs:2"),
            Selector::Lines {
                start: Some(2),
                end: Some(2)
            }
        );
        assert_eq!(
            parse("f.rs::10"),
            Selector::Lines {
                start: None,
                end: Some(10)
            }
        );
        assert_eq!(
            parse("f.rs:2:"),
            Selector::Lines {
                start: Some(2),
                end: None
            }
        );
        assert_eq!(
            parse("f.rs:2:10"),
            Selector::Lines {
                start: Some(2),
                end: Some(10)
            }
        );
    }
}
