//! The stage02 corpus is what chapter 2 promises: straight-line programs that use
//! only stage02's opcodes and, together, every one of them (every BINARY_OP
//! variant included). Read from the recorded `python3.11 -m dis` listings.

use std::collections::BTreeSet;

use conformance::corpus::level::opnames_up_to;
use conformance::corpus::{programs_up_to, Program};

/// The opcodes stage02 executes, from the one table of opcodes by stage
/// (DESIGN.md section 2). `CACHE` is left out: it fills the inline caches and never
/// shows in a `dis` listing, so no listing can "use" it.
fn stage02_opcodes() -> Vec<&'static str> {
    opnames_up_to(2)
        .into_iter()
        .filter(|name| *name != "CACHE")
        .collect()
}

/// One instruction of a `dis` listing: its name and its argument, if any.
fn instructions(listing: &str) -> Vec<(String, Option<u32>)> {
    let mut found = Vec::new();
    for line in listing.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        // [line] [>>] offset OPNAME [arg] [(argrepr)]
        let Some(at) = words
            .iter()
            .position(|w| w.chars().all(|c| c.is_ascii_uppercase() || c == '_') && w.len() > 2)
        else {
            continue;
        };
        let Some(offset) = at.checked_sub(1).and_then(|i| words.get(i)) else {
            continue;
        };
        if offset.parse::<u32>().is_err() {
            continue;
        }
        let arg = words.get(at + 1).and_then(|w| w.parse().ok());
        found.push((words[at].to_string(), arg));
    }
    found
}

fn stage02_programs() -> Vec<Program> {
    programs_up_to(2)
}

#[test]
fn s02_corpus_has_at_least_thirty_programs() {
    let programs = stage02_programs();
    assert!(programs.len() >= 30, "only {} programs", programs.len());
}

#[test]
fn s02_corpus_uses_only_stage02_opcodes() {
    let stage02_opcodes = stage02_opcodes();
    let mut strays = Vec::new();
    for program in stage02_programs() {
        let listing =
            String::from_utf8(program.expected_dis().expect("a .dis file")).expect("UTF-8 listing");
        for (name, _) in instructions(&listing) {
            if !stage02_opcodes.contains(&name.as_str()) {
                strays.push(format!("{}: {name}", program.label()));
            }
        }
    }
    assert!(
        strays.is_empty(),
        "opcodes beyond stage02:\n{}",
        strays.join("\n")
    );
}

#[test]
fn s02_corpus_uses_every_stage02_opcode_and_binary_op() {
    let mut names = BTreeSet::new();
    let mut binary_ops = BTreeSet::new();
    for program in stage02_programs() {
        let listing =
            String::from_utf8(program.expected_dis().expect("a .dis file")).expect("UTF-8 listing");
        for (name, arg) in instructions(&listing) {
            if let ("BINARY_OP", Some(arg)) = (name.as_str(), arg) {
                binary_ops.insert(arg);
            }
            names.insert(name);
        }
    }
    let missing: Vec<&str> = stage02_opcodes()
        .into_iter()
        .filter(|op| !names.contains(*op))
        .collect();
    assert!(missing.is_empty(), "opcodes never used: {missing:?}");
    let missing_ops: Vec<u32> = (0..26).filter(|op| !binary_ops.contains(op)).collect();
    assert!(
        missing_ops.is_empty(),
        "BINARY_OP variants never used: {missing_ops:?}"
    );
}

#[test]
fn s02_corpus_programs_start_with_a_comment() {
    let mut uncommented = Vec::new();
    for program in stage02_programs() {
        let source = std::fs::read_to_string(program.file("py")).expect("a .py file");
        if !source.starts_with("# ") {
            uncommented.push(program.label());
        }
    }
    assert!(
        uncommented.is_empty(),
        "no first-line comment: {uncommented:?}"
    );
}

#[test]
fn s02_corpus_error_programs_exit_1_and_others_exit_0() {
    let mut wrong = Vec::new();
    for program in stage02_programs() {
        let expected = program.expected().expect("a record");
        let want = if program.topic.ends_with("_errors") {
            1
        } else {
            0
        };
        if expected.exit != want {
            wrong.push(format!("{}: exit {}", program.label(), expected.exit));
        }
    }
    assert!(
        wrong.is_empty(),
        "unexpected exit statuses:\n{}",
        wrong.join("\n")
    );
}
