//! `cargo xtask exercise`: the coursework, generated from the solution.
//!
//! The stages' sources carry markers around the bodies a student writes (see
//! [`markers`]). `start` swaps a section's bodies for `todo!()` after saving the
//! solution under `.exercises/` (git ignores it); `check` runs the section's tests
//! (their names start with `sNN_M_`) and prints a short report; `reset` puts the
//! solution back. Neither `start` nor `reset` overwrites code that is neither the
//! solution nor the `todo!()`, the student's own work, without `--force`.
//! `verify` proves, in a copy of the workspace, that each exercise's tests fail with
//! its bodies removed and pass with the solution: no exercise ungraded, no test
//! vacuous.

mod check;
mod markers;
mod verify;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use clap::Subcommand;

pub use markers::Region;

/// Where `start` saves the solution's files, relative to the repository root.
const SAVED: &str = ".exercises";

#[derive(Subcommand)]
pub enum Action {
    /// List the exercises by chapter, with what each asks you to write.
    List,
    /// Replace a section's marked bodies with `todo!()` (saving the solution).
    Start {
        /// The section, as the book numbers it: `3.3`.
        section: String,
        /// Replace the bodies even if they hold code of your own.
        #[arg(long)]
        force: bool,
    },
    /// Run the section's tests (`sNN_M_*` of its stage) and report each.
    Check { section: String },
    /// Put the workbook's solution back into a section's bodies.
    Reset {
        section: String,
        /// Discard your own code in the bodies.
        #[arg(long)]
        force: bool,
    },
    /// For every exercise (or one), in a copy of the workspace: with its bodies
    /// removed its section's tests must fail; with the solution they must pass.
    Verify { section: Option<String> },
}

pub fn run(root: &Path, action: Action) -> Result<(), String> {
    let regions = markers::all_regions(root)?;
    match action {
        Action::List => {
            list(&regions);
            Ok(())
        }
        Action::Start { section, force } => start(root, &section, force, true),
        Action::Check { section } => {
            let regions = of_section(&regions, &section)?;
            let report = check::run(root, &section, &regions[0].stage())?;
            print!("{report}");
            if report.passed() {
                Ok(())
            } else {
                Err(format!("§{section}: {}", report.summary()))
            }
        }
        Action::Reset { section, force } => reset(root, &section, force, true),
        Action::Verify { section } => verify::run(root, &regions, section.as_deref()),
    }
}

/// Each exercise must be announced where the book teaches it: some chapter says
/// `cargo xtask exercise start N.M`. One problem per section no chapter announces.
pub fn unannounced_in_book(root: &Path) -> Result<Vec<String>, String> {
    let regions = markers::all_regions(root)?;
    let mut book = String::new();
    for entry in fs::read_dir(root.join("book/src"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let path = entry.path();
        let is_chapter = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("ch"));
        if is_chapter && path.extension().is_some_and(|e| e == "md") {
            book.push_str(&fs::read_to_string(&path).unwrap_or_default());
        }
    }
    Ok(sections(&regions)
        .into_keys()
        .filter(|section| !book.contains(&format!("cargo xtask exercise start {section}")))
        .map(|section| {
            format!(
                "exercise {section} is not announced in its chapter: no                  `cargo xtask exercise start {section}` in book/src/ch*.md"
            )
        })
        .collect())
}

/// The regions of `section`, or an error listing the sections there are.
fn of_section(regions: &[Region], section: &str) -> Result<Vec<Region>, String> {
    let section = section.trim_start_matches('§');
    let found: Vec<Region> = regions
        .iter()
        .filter(|r| r.section == section)
        .cloned()
        .collect();
    if found.is_empty() {
        let known: Vec<&str> = sections(regions).into_keys().collect();
        return Err(format!(
            "no exercise in section {section}; the sections with exercises are {}",
            known.join(", ")
        ));
    }
    Ok(found)
}

/// The regions grouped by section, in the book's order (`2.10` after `2.9`).
fn sections(regions: &[Region]) -> BTreeMap<&str, Vec<&Region>> {
    let mut map: BTreeMap<&str, Vec<&Region>> = BTreeMap::new();
    for region in regions {
        map.entry(&region.section).or_default().push(region);
    }
    map
}

fn list(regions: &[Region]) {
    let mut chapter = 0;
    for (section, parts) in sections(regions) {
        let first = parts[0];
        if first.chapter() != chapter {
            chapter = first.chapter();
            println!("Chapter {chapter} ({}):", first.stage());
        }
        println!("  §{section}");
        for part in parts {
            println!("      {} in {}:", part.name, part.path.display());
            println!("          {}", part.task);
        }
    }
    println!(
        "\nStart one with `cargo xtask exercise start 3.3`, grade it with \
         `cargo xtask exercise check 3.3`,\nand put the workbook's solution back with \
         `cargo xtask exercise reset 3.3`."
    );
}

/// What a region's body holds now.
#[derive(Debug, PartialEq, Eq)]
enum State {
    /// The `todo!()` line of `start`.
    Started,
    /// The workbook's solution.
    Solution,
    /// Anything else: the student's own code.
    OwnWork,
}

fn state(region: &Region, lines: &[String], solution: &[String]) -> State {
    let body = region.body(lines);
    if body.len() == 1 && body[0] == region.stub() {
        State::Started
    } else if body == solution {
        State::Solution
    } else {
        State::OwnWork
    }
}

/// The solution's text of `relative`: the copy `start` saved; before any `start`,
/// the working tree's file (its bodies are the solution unless they are `todo!()`),
/// and for a `reset` with no saved copy the committed file (`git show HEAD:path`).
fn solution_lines(root: &Path, relative: &Path, for_reset: bool) -> Result<Vec<String>, String> {
    let saved = root.join(SAVED).join(relative);
    if saved.exists() {
        return markers::read_lines(&saved);
    }
    if !for_reset {
        return markers::read_lines(&root.join(relative));
    }
    let spec = format!("HEAD:./{}", relative.display());
    let committed = Command::new("git")
        .current_dir(root)
        .args(["show", &spec])
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !committed.status.success() {
        return Err(format!(
            "no saved solution for {} ({SAVED}/ is gone) and git has none:              `git checkout {}` restores the workbook's file",
            relative.display(),
            relative.display()
        ));
    }
    Ok(String::from_utf8_lossy(&committed.stdout)
        .lines()
        .map(str::to_string)
        .collect())
}

/// The body of the region named like `region` in a file's solution text.
fn solution_body(region: &Region, solution: &[String]) -> Result<Vec<String>, String> {
    let text = solution.join("\n");
    let regions = markers::regions_in(&region.path, &region.path, &text)?;
    let found = regions
        .iter()
        .find(|r| r.section == region.section && r.name == region.name)
        .ok_or_else(|| {
            format!(
                "the saved solution of {} has no exercise {} {}: delete {SAVED}/ and \
                 `git checkout` the file",
                region.path.display(),
                region.section,
                region.name
            )
        })?;
    Ok(found.body(solution).to_vec())
}

/// Rewrites the regions of each file with `new_body(region)`; regions of one file are
/// rewritten from the last to the first so line numbers stay valid.
fn rewrite(
    root: &Path,
    regions: &[Region],
    new_body: impl Fn(&Region) -> Result<Vec<String>, String>,
) -> Result<(), String> {
    let mut by_file: BTreeMap<&PathBuf, Vec<&Region>> = BTreeMap::new();
    for region in regions {
        by_file.entry(&region.path).or_default().push(region);
    }
    for (path, mut file_regions) in by_file {
        let full = root.join(path);
        let mut lines = markers::read_lines(&full)?;
        file_regions.sort_by_key(|r| std::cmp::Reverse(r.open));
        for region in file_regions {
            let body = new_body(region)?;
            lines.splice(region.open + 1..region.close, body);
        }
        markers::write_lines(&full, &lines)?;
    }
    Ok(())
}

/// Starts `section` in the workspace at `root` (its markers are read afresh: line
/// numbers change as bodies are swapped).
fn start(root: &Path, section: &str, force: bool, verbose: bool) -> Result<(), String> {
    let regions = of_section(&markers::all_regions(root)?, section)?;
    let section = &regions[0].section;
    let mut to_start = Vec::new();
    for region in &regions {
        let lines = markers::read_lines(&root.join(&region.path))?;
        let solution = solution_body(region, &solution_lines(root, &region.path, false)?)?;
        match state(region, &lines, &solution) {
            State::Started => {}
            State::Solution => to_start.push(region.clone()),
            State::OwnWork if force => to_start.push(region.clone()),
            State::OwnWork => {
                return Err(format!(
                    "{}:{}: {} holds code that is neither the workbook's solution nor the \
                     exercise's todo!(): your own work? `cargo xtask exercise start {section} \
                     --force` replaces it",
                    region.path.display(),
                    region.open + 1,
                    region.name
                ))
            }
        }
    }
    if to_start.is_empty() {
        println!("§{section} is already started: `cargo xtask exercise check {section}`");
        return Ok(());
    }
    save_solutions(root, &to_start)?;
    rewrite(root, &to_start, |region| Ok(vec![region.stub()]))?;
    if !verbose {
        return Ok(());
    }
    for region in &to_start {
        println!(
            "started §{section} {}: {} (line {})",
            region.name,
            region.path.display(),
            region.open + 2
        );
    }
    println!(
        "\nWrite the bodies, then `cargo xtask exercise check {section}`; \
         `cargo xtask exercise reset {section}` puts the solution back."
    );
    Ok(())
}

/// Copies each file that holds one of `regions` to `.exercises/PATH`, unless a copy
/// is there: the first `start` saved the solution, and a later one must not save a
/// student's edits over it.
fn save_solutions(root: &Path, regions: &[Region]) -> Result<(), String> {
    for region in regions {
        let saved = root.join(SAVED).join(&region.path);
        if saved.exists() {
            continue;
        }
        if let Some(parent) = saved.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::copy(root.join(&region.path), &saved)
            .map_err(|e| format!("cannot save {}: {e}", saved.display()))?;
    }
    Ok(())
}

fn reset(root: &Path, section: &str, force: bool, verbose: bool) -> Result<(), String> {
    let regions = of_section(&markers::all_regions(root)?, section)?;
    let section = &regions[0].section;
    let mut to_reset = Vec::new();
    for region in &regions {
        let lines = markers::read_lines(&root.join(&region.path))?;
        let solution = solution_body(region, &solution_lines(root, &region.path, true)?)?;
        match state(region, &lines, &solution) {
            State::Solution => {}
            State::Started => to_reset.push((region.clone(), solution)),
            State::OwnWork if force => to_reset.push((region.clone(), solution)),
            State::OwnWork => {
                return Err(format!(
                    "{}:{}: {} holds your own code; `cargo xtask exercise reset {section} \
                     --force` replaces it with the workbook's solution",
                    region.path.display(),
                    region.open + 1,
                    region.name
                ))
            }
        }
    }
    if to_reset.is_empty() {
        println!("§{section} holds the workbook's solution already");
        return Ok(());
    }
    let reset_regions: Vec<Region> = to_reset.iter().map(|(r, _)| r.clone()).collect();
    rewrite(root, &reset_regions, |region| {
        let (_, body) = to_reset
            .iter()
            .find(|(r, _)| r == region)
            .ok_or("internal: a region to reset went missing")?;
        Ok(body.clone())
    })?;
    for (region, _) in to_reset.iter().filter(|_| verbose) {
        println!(
            "reset §{section} {}: {}",
            region.name,
            region.path.display()
        );
    }
    forget_solutions(root, &reset_regions)
}

/// Deletes the saved copy of each file whose every exercise holds the solution
/// again, so that a copy never outlives its exercises and an updated workbook (a
/// `git pull`) is never reset to an old solution.
fn forget_solutions(root: &Path, regions: &[Region]) -> Result<(), String> {
    for region in regions {
        let saved = root.join(SAVED).join(&region.path);
        if !saved.exists() {
            continue;
        }
        let solution = markers::read_lines(&saved)?;
        let lines = markers::read_lines(&root.join(&region.path))?;
        let text = lines.join("\n");
        let all_solved = markers::regions_in(&region.path, &region.path, &text)?
            .iter()
            .all(|r| solution_body(r, &solution).is_ok_and(|body| r.body(&lines) == body));
        if all_solved {
            fs::remove_file(&saved)
                .map_err(|e| format!("cannot remove {}: {e}", saved.display()))?;
        }
    }
    Ok(())
}
