//! Which stage can run a program: its *level*, the first stage whose opcodes cover
//! every instruction of every code object in its `.pyc`.
//!
//! The table below is the one place that says which stage teaches which opcode
//! (DESIGN.md section 2). The corpus folders promise a level (`03_binding` holds
//! programs stage03 runs); the `.pyc` proves it. Levels decide which function-wrapped
//! variants a stage runs: wrapping an `03` program whose functions call each other
//! turns those functions into closures, which only stage06 runs.

use std::collections::BTreeSet;

use stage02::code::{Code, Constant};
use stage02::dis::unpack_opargs;
use stage02::opcode;

// ANCHOR: opcodes_by_stage
/// The opcodes each stage adds to the one before, by CPython 3.11 name
/// (`opcode.opname`), after DESIGN.md section 2. A stage runs its own opcodes and
/// every earlier stage's.
pub const OPCODES_BY_STAGE: &[(u32, &[&str])] = &[
    (2, STAGE02_OPCODES),
    (3, STAGE03_OPCODES),
    (4, STAGE04_OPCODES),
    (5, STAGE05_OPCODES),
    (6, STAGE06_OPCODES),
];
// ANCHOR_END: opcodes_by_stage

/// The opcodes stage02 runs: straight-line module code.
pub const STAGE02_OPCODES: &[&str] = &[
    "RESUME",
    "NOP",
    "CACHE",
    "EXTENDED_ARG",
    "POP_TOP",
    "PUSH_NULL",
    "LOAD_CONST",
    "LOAD_NAME",
    "STORE_NAME",
    "DELETE_NAME",
    "UNARY_POSITIVE",
    "UNARY_NEGATIVE",
    "UNARY_NOT",
    "UNARY_INVERT",
    "BINARY_OP",
    "COPY",
    "SWAP",
    "BUILD_TUPLE",
    "FORMAT_VALUE",
    "BUILD_STRING",
    "PRECALL",
    "CALL",
    "KW_NAMES",
    "RETURN_VALUE",
];

// ANCHOR: stage03_opcodes
/// The opcodes stage03 adds: functions, their frames, locals and globals, and
/// every way to bind arguments. `BUILD_MAP`, `BUILD_CONST_KEY_MAP` and `DICT_MERGE`
/// are here, a stage before the other container opcodes, because a call's
/// `**kwargs` is built with them; `LOAD_ATTR` because a function's attributes
/// (`f.__name__`, `f.__defaults__`) are how a program looks at it.
pub const STAGE03_OPCODES: &[&str] = &[
    "MAKE_FUNCTION",
    "LOAD_FAST",
    "STORE_FAST",
    "DELETE_FAST",
    "LOAD_GLOBAL",
    "STORE_GLOBAL",
    "DELETE_GLOBAL",
    "CALL_FUNCTION_EX",
    "BUILD_MAP",
    "BUILD_CONST_KEY_MAP",
    "DICT_MERGE",
    "LOAD_ATTR",
];
// ANCHOR_END: stage03_opcodes

/// The opcodes stage04 adds: jumps and loops, containers, iteration, subscripts,
/// methods of built-in types.
pub const STAGE04_OPCODES: &[&str] = &[
    "COMPARE_OP",
    "IS_OP",
    "CONTAINS_OP",
    "JUMP_FORWARD",
    "JUMP_BACKWARD",
    "JUMP_BACKWARD_NO_INTERRUPT",
    "POP_JUMP_FORWARD_IF_TRUE",
    "POP_JUMP_FORWARD_IF_FALSE",
    "POP_JUMP_FORWARD_IF_NONE",
    "POP_JUMP_FORWARD_IF_NOT_NONE",
    "POP_JUMP_BACKWARD_IF_TRUE",
    "POP_JUMP_BACKWARD_IF_FALSE",
    "POP_JUMP_BACKWARD_IF_NONE",
    "POP_JUMP_BACKWARD_IF_NOT_NONE",
    "JUMP_IF_TRUE_OR_POP",
    "JUMP_IF_FALSE_OR_POP",
    "GET_ITER",
    "FOR_ITER",
    "BUILD_LIST",
    "BUILD_SET",
    "BUILD_SLICE",
    "LIST_APPEND",
    "SET_ADD",
    "MAP_ADD",
    "LIST_EXTEND",
    "SET_UPDATE",
    "DICT_UPDATE",
    "LIST_TO_TUPLE",
    "UNPACK_SEQUENCE",
    "UNPACK_EX",
    "BINARY_SUBSCR",
    "STORE_SUBSCR",
    "DELETE_SUBSCR",
    "LOAD_METHOD",
];

/// The opcodes stage05 adds: exceptions, unwound through the exception table.
pub const STAGE05_OPCODES: &[&str] = &[
    "PUSH_EXC_INFO",
    "POP_EXCEPT",
    "CHECK_EXC_MATCH",
    "RERAISE",
    "RAISE_VARARGS",
    "LOAD_ASSERTION_ERROR",
];

/// The opcodes stage06 adds: closures and generators.
pub const STAGE06_OPCODES: &[&str] = &[
    "MAKE_CELL",
    "LOAD_CLOSURE",
    "LOAD_DEREF",
    "STORE_DEREF",
    "DELETE_DEREF",
    "COPY_FREE_VARS",
    "RETURN_GENERATOR",
    "YIELD_VALUE",
    "SEND",
    "GET_YIELD_FROM_ITER",
];

/// The level of an opcode no stage teaches yet (classes, `with`, imports, pattern
/// matching, `async`): higher than every stage, so no stage runs such a program.
pub const UNTAUGHT: u32 = 99;

/// The stage that teaches the opcode named `name`, or [`UNTAUGHT`].
pub fn stage_of_opname(name: &str) -> u32 {
    OPCODES_BY_STAGE
        .iter()
        .find(|(_, names)| names.contains(&name))
        .map_or(UNTAUGHT, |(stage, _)| *stage)
}

/// The stage that teaches opcode number `opcode_byte` (a specialized instruction
/// counts as its generic opcode), or [`UNTAUGHT`] for an unknown number.
pub fn stage_of_opcode(opcode_byte: u8) -> u32 {
    opcode::info(opcode::deopt(opcode_byte)).map_or(UNTAUGHT, |info| stage_of_opname(info.name))
}

/// Every opcode name a stage runs: its own and every earlier stage's.
pub fn opnames_up_to(stage: u32) -> Vec<&'static str> {
    OPCODES_BY_STAGE
        .iter()
        .filter(|(first, _)| *first <= stage)
        .flat_map(|(_, names)| names.iter().copied())
        .collect()
}

// ANCHOR: program_level
/// Every opcode number in `code` and in the code objects nested in its constants
/// (functions, their inner functions, comprehensions), at any depth.
pub fn opcodes_used(code: &Code) -> BTreeSet<u8> {
    let mut used = BTreeSet::new();
    let mut pending: Vec<&Code> = vec![code];
    while let Some(code) = pending.pop() {
        used.extend(unpack_opargs(&code.code).iter().map(|i| i.opcode));
        for constant in code.consts.iter() {
            collect_nested_code(constant, &mut pending);
        }
    }
    used
}

/// The code objects in a constant: itself if it is one, else any inside a tuple
/// (the compiler never nests code deeper, but a damaged file may; walking tuples
/// costs nothing). Iterative, so hostile nesting cannot exhaust the Rust stack.
fn collect_nested_code<'a>(constant: &'a Constant, pending: &mut Vec<&'a Code>) {
    let mut constants = vec![constant];
    while let Some(constant) = constants.pop() {
        match constant {
            Constant::Code(code) => pending.push(code),
            Constant::Tuple(items) | Constant::FrozenSet(items) => constants.extend(items.iter()),
            _ => {}
        }
    }
}

/// The level of a set of opcodes: the latest stage any of them needs (2 at least:
/// stage02 is the first stage that runs real bytecode).
pub fn level_of_opcodes(opcodes: &BTreeSet<u8>) -> u32 {
    opcodes
        .iter()
        .map(|&op| stage_of_opcode(op))
        .fold(2, u32::max)
}

/// The level of a `.pyc` file's bytes: the first stage that can run every
/// instruction in it.
pub fn level_of_pyc(bytes: &[u8]) -> Result<u32, String> {
    let code = stage02::pyc::load_pyc(bytes).map_err(|e| e.to_string())?;
    Ok(level_of_opcodes(&opcodes_used(&code)))
}
// ANCHOR_END: program_level

/// The names of the opcodes in `code` that `stage` does not run, sorted: why a
/// program's level is above `stage`.
pub fn opnames_beyond(code: &Code, stage: u32) -> Vec<String> {
    opcodes_used(code)
        .into_iter()
        .filter(|&op| stage_of_opcode(op) > stage)
        .map(|op| stage02::dis::opname(op).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s00_every_opcode_is_taught_once_at_most() {
        let mut seen = BTreeSet::new();
        for (_, names) in OPCODES_BY_STAGE {
            for name in names.iter() {
                assert!(seen.insert(*name), "{name} is listed twice");
                let known = stage02::opcode::OPCODES.iter().any(|op| op.name == *name);
                assert!(known, "{name} is not a CPython 3.11 opcode");
            }
        }
    }

    #[test]
    fn s00_stages_are_cumulative() {
        assert_eq!(stage_of_opname("LOAD_NAME"), 2);
        assert_eq!(stage_of_opname("LOAD_FAST"), 3);
        assert_eq!(stage_of_opname("FOR_ITER"), 4);
        assert_eq!(stage_of_opname("LOAD_DEREF"), 6);
        assert_eq!(stage_of_opname("LOAD_BUILD_CLASS"), UNTAUGHT);
        assert!(opnames_up_to(3).contains(&"BINARY_OP"));
        assert!(opnames_up_to(3).contains(&"MAKE_FUNCTION"));
        assert!(!opnames_up_to(2).contains(&"MAKE_FUNCTION"));
        assert_eq!(stage_of_opcode(stage02::opcode::LOAD_CONST), 2);
        assert_eq!(stage_of_opcode(255), UNTAUGHT);
    }

    #[test]
    fn s00_level_of_opcodes_is_the_latest_stage_needed() {
        use stage02::opcode::{LOAD_CONST, LOAD_FAST, RESUME};
        assert_eq!(level_of_opcodes(&BTreeSet::new()), 2);
        assert_eq!(level_of_opcodes(&BTreeSet::from([RESUME, LOAD_CONST])), 2);
        assert_eq!(level_of_opcodes(&BTreeSet::from([RESUME, LOAD_FAST])), 3);
    }

    #[test]
    fn s00_level_of_damaged_pyc_is_an_error() {
        assert!(level_of_pyc(b"not a pyc").is_err());
    }
}
