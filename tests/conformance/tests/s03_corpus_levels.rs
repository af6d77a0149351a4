//! Every corpus program is filed where it belongs: its level (the first stage whose
//! opcodes cover its `.pyc`, see `conformance::corpus::level`) is at most the `NN`
//! of its folder. The wrapped variants' levels decide which stage runs them.

use std::collections::BTreeSet;

use conformance::corpus::level::{opcodes_used, opnames_beyond, opnames_up_to, stage_of_opname};
use conformance::corpus::{all_programs, all_wrapped, programs_up_to, repo_root, Program};

/// Programs that are on purpose not wrapped in a function (none today). The corpus
/// task prints why a program was not wrapped; add it here with that reason.
const NOT_WRAPPED: &[&str] = &[];

fn load(program: &Program) -> std::rc::Rc<stage02::code::Code> {
    stage02::pyc::load_pyc_file(&program.pyc())
        .unwrap_or_else(|e| panic!("{}: {e}", program.pyc().display()))
}

#[test]
fn s03_corpus_programs_need_no_later_stage_than_their_folder() {
    let mut misfiled = Vec::new();
    for program in all_programs() {
        let level = program.level().unwrap_or_else(|e| panic!("{e}"));
        if level > program.stage {
            misfiled.push(format!(
                "{} is filed under {:02} but needs stage {level} for {:?}",
                program.label(),
                program.stage,
                opnames_beyond(&load(&program), program.stage)
            ));
        }
    }
    assert!(
        misfiled.is_empty(),
        "misfiled programs:\n{}",
        misfiled.join("\n")
    );
}

#[test]
fn s03_every_program_has_a_wrapped_variant() {
    let wrapped: BTreeSet<(String, String)> = all_wrapped()
        .into_iter()
        .map(|p| (p.topic, p.name))
        .collect();
    let missing: Vec<String> = all_programs()
        .into_iter()
        .filter(|p| !wrapped.contains(&(p.topic.clone(), p.name.clone())))
        .map(|p| p.label())
        .filter(|label| !NOT_WRAPPED.contains(&label.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "programs without a wrapped variant (run `cargo xtask corpus`): {missing:?}"
    );
}

#[test]
fn s03_every_wrapped_variant_needs_functions_and_has_its_program() {
    let root = repo_root();
    let mut wrong = Vec::new();
    for variant in all_wrapped() {
        let level = variant.level().unwrap_or_else(|e| panic!("{e}"));
        if level < 3 {
            wrong.push(format!("{}: level {level}, below stage03", variant.label()));
        }
        let original = root
            .join(conformance::corpus::PROGRAMS_DIR)
            .join(&variant.topic)
            .join(format!("{}.py", variant.name));
        if !original.exists() {
            wrong.push(format!("{}: no {}", variant.label(), original.display()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Wrapping turns module-level functions into inner functions: one that calls
/// another now reads it from the enclosing function's cell, a closure (stage06).
#[test]
fn s03_wrapped_functions_that_call_each_other_need_closures() {
    let level_of = |label: &str| {
        all_wrapped()
            .into_iter()
            .find(|p| p.label() == label)
            .unwrap_or_else(|| panic!("no {label}"))
            .level()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    assert_eq!(level_of("wrapped/02_basics/hello"), 3);
    assert_eq!(level_of("wrapped/03_functions/nested_calls"), 6);
    let nested = all_wrapped()
        .into_iter()
        .find(|p| p.label() == "wrapped/03_functions/nested_calls")
        .expect("the nested_calls variant");
    let beyond = opnames_beyond(&load(&nested), 3);
    assert!(beyond.contains(&"LOAD_DEREF".to_string()), "{beyond:?}");
}

/// The `03_*` programs together use every opcode stage03 adds.
#[test]
fn s03_corpus_uses_every_stage03_opcode() {
    let mut used = BTreeSet::new();
    for program in programs_up_to(3).iter().filter(|p| p.stage == 3) {
        for opcode in opcodes_used(&load(program)) {
            used.insert(stage02::dis::opname(opcode).into_owned());
        }
    }
    let missing: Vec<&str> = opnames_up_to(3)
        .into_iter()
        .filter(|name| stage_of_opname(name) == 3 && !used.contains(*name))
        .collect();
    assert!(
        missing.is_empty(),
        "stage03 opcodes no 03_* program uses: {missing:?}"
    );
}
