//! The run loop: what the stack and the names hold as a program runs.

use stage01::parse::parse_program;
use stage01::value::Value;
use stage01::vm::Vm;

/// Runs a program and returns what it printed and what it returned.
fn run(source: &str) -> (String, Result<Value, (usize, String)>) {
    let program = parse_program(source).expect("parses");
    let mut out = Vec::new();
    let result = Vm::new(&program)
        .run(&mut out, None)
        .map_err(|e| (e.line, e.message));
    (String::from_utf8(out).expect("UTF-8"), result)
}

#[test]
fn s01_3_return_value_gives_the_top_of_the_stack() {
    let (out, result) = run("consts: 41, 1\nLOAD_CONST 0\nLOAD_CONST 1\nBINARY_ADD\nRETURN_VALUE");
    assert_eq!(out, "");
    assert_eq!(result, Ok(Value::Int(42)));
}

#[test]
fn s01_3_instructions_after_return_never_run() {
    let (out, result) = run("consts: None\nLOAD_CONST 0\nRETURN_VALUE\nPRINT");
    assert_eq!(out, "");
    assert_eq!(result, Ok(Value::None));
}

#[test]
fn s01_3_print_writes_str_of_the_value() {
    let (out, result) = run("consts: \"it's\", None, -5\nLOAD_CONST 0\nPRINT\nLOAD_CONST 1\nPRINT\nLOAD_CONST 2\nPRINT\nLOAD_CONST 1\nRETURN_VALUE");
    assert_eq!(out, "it's\nNone\n-5\n");
    assert_eq!(result, Ok(Value::None));
}

#[test]
fn s01_3_store_name_rebinds() {
    let (out, _) = run("consts: 1, 2, None\nnames: x\nLOAD_CONST 0\nSTORE_NAME 0\nLOAD_CONST 1\nSTORE_NAME 0\nLOAD_NAME 0\nPRINT\nLOAD_CONST 2\nRETURN_VALUE");
    assert_eq!(out, "2\n");
}

#[test]
fn s01_3_left_operand_is_pushed_first() {
    let (out, _) = run("consts: 10, 3, None\nLOAD_CONST 0\nLOAD_CONST 1\nBINARY_SUBTRACT\nPRINT\nLOAD_CONST 2\nRETURN_VALUE");
    assert_eq!(out, "7\n");
}

#[test]
fn s01_3_runtime_errors_carry_the_line() {
    let (_, result) = run("consts: 1\n\nPRINT");
    assert_eq!(
        result,
        Err((
            3,
            "stack underflow: PRINT pops a value but the stack is empty".to_string()
        ))
    );
    let (_, result) = run("consts: 1\nRETURN_VALUE");
    assert_eq!(
        result,
        Err((
            2,
            "stack underflow: RETURN_VALUE pops a value but the stack is empty".to_string()
        ))
    );
}

#[test]
fn s01_3_an_empty_program_runs_off_its_end() {
    let (_, result) = run("# nothing\n");
    assert_eq!(
        result,
        Err((
            1,
            "the code ran past its end: a program must end with RETURN_VALUE".to_string()
        ))
    );
}

#[test]
fn s01_3_a_hand_built_program_with_bad_indexes_fails_cleanly() {
    use stage01::toy::{Instruction, Opcode, Program};
    // The parser never lets these through; a program built in Rust might.
    for opcode in [Opcode::LoadConst, Opcode::LoadName, Opcode::StoreName] {
        let program = Program {
            consts: Vec::new(),
            names: Vec::new(),
            code: vec![Instruction { opcode, arg: 3 }],
            lines: Vec::new(),
            last_line: 9,
        };
        let result = Vm::new(&program).run(&mut Vec::new(), None);
        let error = result.expect_err("an error, not a panic");
        assert_eq!(error.line, 9);
        assert!(
            error.message.contains("index 3 out of range"),
            "{}",
            error.message
        );
    }
}
