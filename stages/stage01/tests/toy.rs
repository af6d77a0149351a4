//! Instructions and tables: the toy's code object.

use std::rc::Rc;

use stage01::toy::{ArgKind, Instruction, Opcode, Program};
use stage01::value::Value;

#[test]
fn s01_1_every_opcode_name_reads_back() {
    for opcode in Opcode::ALL {
        assert_eq!(Opcode::from_name(opcode.name()), Some(opcode));
    }
    assert_eq!(Opcode::from_name("load_const"), None);
    assert_eq!(Opcode::from_name("BINARY_OP"), None);
}

#[test]
fn s01_1_which_table_an_argument_indexes() {
    assert_eq!(Opcode::LoadConst.arg_kind(), ArgKind::Const);
    assert_eq!(Opcode::LoadName.arg_kind(), ArgKind::Name);
    assert_eq!(Opcode::StoreName.arg_kind(), ArgKind::Name);
    for opcode in [
        Opcode::BinaryAdd,
        Opcode::BinarySubtract,
        Opcode::BinaryMultiply,
        Opcode::BinaryFloorDivide,
        Opcode::Print,
        Opcode::ReturnValue,
    ] {
        assert_eq!(opcode.arg_kind(), ArgKind::None, "{}", opcode.name());
    }
}

#[test]
fn s01_1_describe_shows_what_the_argument_means() {
    let program = Program {
        consts: vec![Value::Str(Rc::from("hi")), Value::None],
        names: vec![Rc::from("x")],
        code: Vec::new(),
        lines: Vec::new(),
        last_line: 0,
    };
    let describe = |opcode, arg| program.describe(Instruction { opcode, arg });
    assert_eq!(
        describe(Opcode::LoadConst, 0)
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["LOAD_CONST", "0", "('hi')"]
    );
    assert_eq!(
        describe(Opcode::LoadConst, 1)
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["LOAD_CONST", "1", "(None)"]
    );
    assert_eq!(
        describe(Opcode::StoreName, 0)
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["STORE_NAME", "0", "(x)"]
    );
    assert_eq!(describe(Opcode::Print, 0), "PRINT");
    // A program built by hand may hold a bad index; describing it must not panic.
    assert!(describe(Opcode::LoadName, 7).ends_with("(out of range)"));
}

#[test]
fn s01_1_line_of_points_past_the_code_at_the_end() {
    let program = Program {
        consts: Vec::new(),
        names: Vec::new(),
        code: vec![Instruction {
            opcode: Opcode::Print,
            arg: 0,
        }],
        lines: vec![3],
        last_line: 5,
    };
    assert_eq!(program.line_of(0), 3);
    assert_eq!(program.line_of(1), 5);
}
