//! Which stage of the workbook runs what: for each opcode a stage does not
//! execute and each builtin name it does not define, the stage (and chapter)
//! that adds it.
//!
//! A stage that meets such a thing stops with `RunError::NotImplemented` (exit
//! status 2) and a message that names the stage to go to. It must never raise
//! a Python exception instead (a `NameError` for `range`, say): from stage05
//! on, `except` would catch it and the program would silently take another
//! path. The table follows DESIGN.md's table of stages.

use crate::opcode;

/// `stage04`: how the workbook names stage `n`.
pub fn stage_name(stage: u8) -> String {
    format!("stage{stage:02}")
}

// ANCHOR: opcode_stage
/// The stage that first executes `opcode`, and what the opcode is for, in a
/// reader's words: `GET_ITER (a for loop)`. `None` for an opcode no stage of
/// the workbook runs yet (classes, imports, `with`, `match`, async).
pub fn opcode_stage(opcode: u8) -> Option<(u8, &'static str)> {
    use opcode::*;
    Some(match opcode {
        MAKE_FUNCTION | LOAD_FAST | STORE_FAST | DELETE_FAST | LOAD_GLOBAL | STORE_GLOBAL
        | DELETE_GLOBAL | CALL_FUNCTION_EX | BUILD_MAP | BUILD_CONST_KEY_MAP | DICT_MERGE
        | LOAD_ATTR => (3, "a function"),
        COMPARE_OP | IS_OP | CONTAINS_OP => (4, "a comparison"),
        POP_JUMP_FORWARD_IF_FALSE
        | POP_JUMP_FORWARD_IF_TRUE
        | POP_JUMP_BACKWARD_IF_FALSE
        | POP_JUMP_BACKWARD_IF_TRUE
        | POP_JUMP_FORWARD_IF_NONE
        | POP_JUMP_FORWARD_IF_NOT_NONE
        | POP_JUMP_BACKWARD_IF_NONE
        | POP_JUMP_BACKWARD_IF_NOT_NONE
        | JUMP_IF_FALSE_OR_POP
        | JUMP_IF_TRUE_OR_POP
        | JUMP_FORWARD
        | JUMP_BACKWARD
        | JUMP_BACKWARD_NO_INTERRUPT => (4, "a jump (if, while, and, or)"),
        GET_ITER | FOR_ITER => (4, "a for loop"),
        BUILD_LIST | BUILD_SET | BUILD_SLICE | LIST_APPEND | SET_ADD | MAP_ADD | LIST_EXTEND
        | SET_UPDATE | DICT_UPDATE | LIST_TO_TUPLE | UNPACK_SEQUENCE | UNPACK_EX
        | BINARY_SUBSCR | STORE_SUBSCR | DELETE_SUBSCR => (4, "a container"),
        LOAD_METHOD => (4, "a method call"),
        PUSH_EXC_INFO | POP_EXCEPT | CHECK_EXC_MATCH | RERAISE | RAISE_VARARGS
        | LOAD_ASSERTION_ERROR => (5, "an exception handler"),
        MAKE_CELL | LOAD_CLOSURE | LOAD_DEREF | STORE_DEREF | DELETE_DEREF | COPY_FREE_VARS
        | LOAD_CLASSDEREF => (6, "a closure"),
        RETURN_GENERATOR | YIELD_VALUE | SEND | GET_YIELD_FROM_ITER => (6, "a generator"),
        _ => return None,
    })
}
// ANCHOR_END: opcode_stage

// ANCHOR: builtin_stage
/// The stage whose builtins namespace first has `name`, for the names of
/// CPython's `builtins` module that the workbook defines.
pub fn builtin_stage(name: &str) -> Option<u8> {
    Some(match name {
        "dict" => 3,
        "range" | "list" | "set" | "frozenset" | "sorted" | "reversed" | "enumerate" | "zip"
        | "map" | "filter" | "sum" | "any" | "all" | "iter" | "next" | "isinstance" | "hash"
        | "slice" | "globals" | "callable" => 4,
        "BaseException"
        | "Exception"
        | "ArithmeticError"
        | "LookupError"
        | "StopIteration"
        | "RecursionError"
        | "AssertionError"
        | "NameError"
        | "UnboundLocalError"
        | "AttributeError"
        | "TypeError"
        | "ValueError"
        | "KeyError"
        | "IndexError"
        | "ZeroDivisionError"
        | "OverflowError"
        | "RuntimeError"
        | "NotImplementedError"
        | "KeyboardInterrupt"
        | "MemoryError"
        | "SystemExit"
        | "GeneratorExit"
        | "FloatingPointError"
        | "BufferError"
        | "EOFError"
        | "ImportError"
        | "ModuleNotFoundError"
        | "SystemError"
        | "UnicodeError"
        | "UnicodeDecodeError"
        | "UnicodeEncodeError"
        | "issubclass" => 5,
        _ => return None,
    })
}
// ANCHOR_END: builtin_stage
