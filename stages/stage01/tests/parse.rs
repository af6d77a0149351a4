//! Reading `.toy` text: the tables, the instructions, the line numbers.

use stage01::parse::parse_program;
use stage01::toy::{Instruction, Opcode};
use stage01::value::Value;

fn message(source: &str) -> (usize, String) {
    let error = parse_program(source).expect_err("a parse error");
    (error.line, error.message)
}

#[test]
fn s01_2_parse_tables_and_code() {
    let source = "# a comment\nconsts: 6, \"hi\", None, -3\nnames: x, _y2\n\nLOAD_CONST 1  # trailing\nSTORE_NAME 1\nRETURN_VALUE\n";
    let program = parse_program(source).expect("parses");
    assert_eq!(
        program.consts,
        vec![
            Value::Int(6),
            Value::Str("hi".into()),
            Value::None,
            Value::Int(-3)
        ]
    );
    assert_eq!(program.names, vec!["x".into(), "_y2".into()]);
    assert_eq!(
        program.code,
        vec![
            Instruction {
                opcode: Opcode::LoadConst,
                arg: 1
            },
            Instruction {
                opcode: Opcode::StoreName,
                arg: 1
            },
            Instruction {
                opcode: Opcode::ReturnValue,
                arg: 0
            },
        ]
    );
    assert_eq!(program.lines, vec![5, 6, 7]);
    assert_eq!(program.last_line, 7);
}

#[test]
fn s01_2_parse_table_lines_append() {
    let program = parse_program("consts: 1, 2,\nconsts: 3\nnames:\nnames: a").expect("parses");
    assert_eq!(
        program.consts,
        vec![Value::Int(1), Value::Int(2), Value::Int(3)]
    );
    assert_eq!(program.names, vec!["a".into()]);
}

#[test]
fn s01_2_parse_strings_keep_commas_hashes_and_escapes() {
    let program =
        parse_program(r#"consts: "a, b # c", 'it\'s', "tab\tnew\nline \\ \"q\"""#).expect("parses");
    assert_eq!(
        program.consts,
        vec![
            Value::Str("a, b # c".into()),
            Value::Str("it's".into()),
            Value::Str("tab\tnew\nline \\ \"q\"".into()),
        ]
    );
}

#[test]
fn s01_2_parse_errors_name_the_line() {
    let cases: [(&str, usize, &str); 12] = [
        (
            "consts: 1\n\nload_const 0",
            3,
            "unknown instruction 'load_const'",
        ),
        (
            "consts: 1\nLOAD_CONST 0 1",
            2,
            "unexpected '1' after LOAD_CONST's argument",
        ),
        (
            "consts: 1\nLOAD_CONST x",
            2,
            "LOAD_CONST's argument must be an index (0, 1, 2, ...), found 'x'",
        ),
        (
            "consts: 1\nLOAD_CONST -1",
            2,
            "LOAD_CONST's argument must be an index (0, 1, 2, ...), found '-1'",
        ),
        (
            "LOAD_NAME 0",
            1,
            "LOAD_NAME 0: index out of range, the names table is empty",
        ),
        (
            "names: a\nSTORE_NAME",
            2,
            "STORE_NAME needs an argument: an index into the names table",
        ),
        ("PRINT 0", 1, "PRINT takes no argument, found '0'"),
        ("consts: 1,,2", 1, "an empty item between commas"),
        (
            "consts: 12x",
            1,
            "bad constant '12x': expected an integer, a quoted string or None",
        ),
        (
            "consts: 9223372036854775808",
            1,
            "the integer 9223372036854775808 does not fit in 64 bits",
        ),
        ("consts: \"a\\q\"", 1, "unknown escape '\\q' in a string"),
        (
            "names: 2x",
            1,
            "'2x' is not a name (letters, digits and '_', not starting with a digit)",
        ),
    ];
    for (source, line, text) in cases {
        assert_eq!(message(source), (line, text.to_string()), "{source:?}");
    }
}

#[test]
fn s01_2_parse_accepts_the_extremes_of_i64() {
    let program =
        parse_program("consts: 9223372036854775807, -9223372036854775808").expect("parses");
    assert_eq!(
        program.consts,
        vec![Value::Int(i64::MAX), Value::Int(i64::MIN)]
    );
}

#[test]
fn s01_2_parse_never_panics_on_odd_text() {
    for source in [
        "",
        "\n\n",
        "#",
        "consts:",
        "\"",
        "consts: \"",
        "consts: '\\",
        "LOAD_CONST 99999999999999999999999",
        "\u{feff}PRINT",
        "consts: \"a\" \"b\"",
        "names: é, ü",
    ] {
        let _ = parse_program(source);
    }
}
