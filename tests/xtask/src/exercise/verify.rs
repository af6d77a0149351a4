//! `cargo xtask exercise verify`: every exercise is graded both ways. In a copy of
//! the workspace (so the working tree and its build are never touched), each
//! section is started — its bodies become `todo!()` — and its tests must fail; then
//! it is reset, and with the solution the same tests must pass. An exercise whose
//! tests pass without its bodies grades nothing; one whose tests fail with the
//! solution cannot be passed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{check, markers, sections, Region};

/// The copy and its build, under the workspace's `target/`.
const COPY_DIR: &str = "target/exercise-verify";

pub fn run(root: &Path, regions: &[Region], only: Option<&str>) -> Result<(), String> {
    let copy = root.join(COPY_DIR).join("workspace");
    copy_workspace(root, &copy)?;
    let target = root.join(COPY_DIR).join("target");
    let copy_regions = markers::all_regions(&copy)?;
    if copy_regions != regions {
        return Err("the copy's exercise markers differ from the working tree's".to_string());
    }
    let mut chosen: Vec<(String, Vec<Region>)> = sections(&copy_regions)
        .into_iter()
        .filter(|(section, _)| only.is_none_or(|s| s == *section))
        .map(|(section, parts)| (section.to_string(), parts.into_iter().cloned().collect()))
        .collect();
    if chosen.is_empty() {
        return Err(format!(
            "no exercise in section {}",
            only.unwrap_or("(any)")
        ));
    }
    chosen.sort_by(|a, b| a.1[0].stage().cmp(&b.1[0].stage()));
    let mut problems = Vec::new();
    for (section, parts) in &chosen {
        super::start(&copy, section, false, false)?;
        let report = check::run_in(&copy, section, &parts[0].stage(), Some(&target))?;
        super::reset(&copy, section, false, false)?;
        let verdict = without_bodies(&report);
        println!(
            "§{section} without its bodies: {}",
            verdict.as_ref().unwrap_or_else(|e| e)
        );
        if let Err(problem) = verdict {
            problems.push(format!("§{section}: {problem}\n{report}"));
        }
    }
    for (section, parts) in &chosen {
        let report = check::run_in(&copy, section, &parts[0].stage(), Some(&target))?;
        println!("§{section} with the solution: {}", report.summary());
        if !report.passed() {
            problems.push(format!("§{section} fails with the solution:\n{report}"));
        }
    }
    if only.is_none() {
        problems.extend(check_challenge_patches(root, &copy, &target)?);
    }
    if problems.is_empty() {
        println!(
            "exercise verify: {} section(s) fail without their bodies and pass with the \
             solution; every challenge patch applies and builds",
            chosen.len()
        );
        return Ok(());
    }
    for problem in &problems {
        eprintln!("{problem}");
    }
    Err(format!("{} exercise problem(s)", problems.len()))
}

/// With the bodies removed the stage must still compile (a `todo!()` has every type)
/// and at least one of the section's tests must fail by reaching one.
fn without_bodies(report: &check::Report) -> Result<String, String> {
    if report.compile_errors.is_some() {
        return Err("the stage does not compile with the bodies removed".to_string());
    }
    let reached = report
        .tests
        .iter()
        .filter(|(_, ok, output)| !ok && output.contains("not yet implemented"))
        .count();
    if reached == 0 {
        return Err(format!(
            "no test fails by reaching a todo!() ({}): the exercise is not graded",
            report.summary()
        ));
    }
    Ok(format!(
        "{} ({reached} reach the todo!()) — graded",
        report.summary()
    ))
}

/// Where the chapters' challenges keep the code changes they suggest, as patches
/// the chapters include: `chNN-K.patch` for challenge K of chapter NN.
const CHALLENGE_PATCHES: &str = "book/challenges";

/// Every challenge patch must apply to the workbook as it is and the patched stage
/// must build, so that a change a challenge suggests compiles as written. Each is
/// applied in the copy (a git repository of its own for `git apply`) and reverted.
fn check_challenge_patches(root: &Path, copy: &Path, target: &Path) -> Result<Vec<String>, String> {
    let mut patches: Vec<PathBuf> = fs::read_dir(root.join(CHALLENGE_PATCHES))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "patch"))
        .collect();
    patches.sort();
    if patches.is_empty() {
        return Ok(Vec::new());
    }
    git(copy, &["init", "--quiet"])?;
    let mut problems = Vec::new();
    for patch in patches {
        let name = patch
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = fs::read_to_string(&patch).map_err(|e| format!("cannot read {name}: {e}"))?;
        let Some(stage) = patched_stage(&text) else {
            problems.push(format!("{name}: patches no file under stages/stageNN/"));
            continue;
        };
        let patch = patch.to_string_lossy().into_owned();
        if let Err(e) = git(copy, &["apply", &patch]) {
            problems.push(format!("{name} does not apply to the workbook: {e}"));
            continue;
        }
        let built = cargo_build(copy, target, &stage);
        git(copy, &["apply", "--reverse", &patch])?;
        match built {
            Ok(()) => println!("{name}: applies, and {stage} builds with it"),
            Err(e) => problems.push(format!("{stage} does not build with {name}:\n{e}")),
        }
    }
    Ok(problems)
}

/// `stageNN` of the first `+++ b/stages/stageNN/…` line of a patch.
fn patched_stage(patch: &str) -> Option<String> {
    patch.lines().find_map(|line| {
        let path = line.strip_prefix("+++ b/stages/")?;
        path.split('/').next().map(str::to_string)
    })
}

fn git(dir: &Path, args: &[&str]) -> Result<(), String> {
    let output = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

fn cargo_build(dir: &Path, target: &Path, stage: &str) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_TERM_COLOR", "never")
        .args(["build", "--quiet", "--package", stage])
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// Copies the files git tracks (as they are in the working tree) to `copy`,
/// replacing an older copy.
fn copy_workspace(root: &Path, copy: &Path) -> Result<(), String> {
    if copy.exists() {
        fs::remove_dir_all(copy).map_err(|e| format!("cannot remove {}: {e}", copy.display()))?;
    }
    let listed = Command::new("git")
        .current_dir(root)
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .output()
        .map_err(|e| format!("cannot run git ls-files: {e}"))?;
    if !listed.status.success() {
        return Err("git ls-files failed: verify copies the files git knows".to_string());
    }
    for name in listed.stdout.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let relative = PathBuf::from(String::from_utf8_lossy(name).into_owned());
        let from = root.join(&relative);
        if !from.is_file() {
            continue; // deleted in the working tree
        }
        let to = copy.join(&relative);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::copy(&from, &to).map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    Ok(())
}
