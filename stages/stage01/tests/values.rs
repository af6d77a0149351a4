//! The toy's values behave as CPython's do for the same operands. Every expected
//! value here was printed by CPython 3.11.

use std::rc::Rc;

use stage01::value::{
    binary_add, binary_floor_divide, binary_multiply, binary_subtract, str_repr, Value,
};

fn s(text: &str) -> Value {
    Value::Str(Rc::from(text))
}

/// `(a, b, a // b)` for every pair whose quotient fits in an i64, printed by
/// CPython 3.11 (`print(a // b)`).
const FLOOR_DIVISIONS: &[(i64, i64, i64)] = &[
    (7, 7, 1),
    (7, -7, -1),
    (7, 2, 3),
    (7, -2, -4),
    (7, 1, 7),
    (7, -1, -7),
    (7, 3, 2),
    (7, 9223372036854775807, 0),
    (7, -9223372036854775808, -1),
    (-7, 7, -1),
    (-7, -7, 1),
    (-7, 2, -4),
    (-7, -2, 3),
    (-7, 1, -7),
    (-7, -1, 7),
    (-7, 3, -3),
    (-7, 9223372036854775807, -1),
    (-7, -9223372036854775808, 0),
    (2, 7, 0),
    (2, -7, -1),
    (2, 2, 1),
    (2, -2, -1),
    (2, 1, 2),
    (2, -1, -2),
    (2, 3, 0),
    (2, 9223372036854775807, 0),
    (2, -9223372036854775808, -1),
    (-2, 7, -1),
    (-2, -7, 0),
    (-2, 2, -1),
    (-2, -2, 1),
    (-2, 1, -2),
    (-2, -1, 2),
    (-2, 3, -1),
    (-2, 9223372036854775807, -1),
    (-2, -9223372036854775808, 0),
    (1, 7, 0),
    (1, -7, -1),
    (1, 2, 0),
    (1, -2, -1),
    (1, 1, 1),
    (1, -1, -1),
    (1, 3, 0),
    (1, 9223372036854775807, 0),
    (1, -9223372036854775808, -1),
    (-1, 7, -1),
    (-1, -7, 0),
    (-1, 2, -1),
    (-1, -2, 0),
    (-1, 1, -1),
    (-1, -1, 1),
    (-1, 3, -1),
    (-1, 9223372036854775807, -1),
    (-1, -9223372036854775808, 0),
    (3, 7, 0),
    (3, -7, -1),
    (3, 2, 1),
    (3, -2, -2),
    (3, 1, 3),
    (3, -1, -3),
    (3, 3, 1),
    (3, 9223372036854775807, 0),
    (3, -9223372036854775808, -1),
    (0, 7, 0),
    (0, -7, 0),
    (0, 2, 0),
    (0, -2, 0),
    (0, 1, 0),
    (0, -1, 0),
    (0, 3, 0),
    (0, 9223372036854775807, 0),
    (0, -9223372036854775808, 0),
    (9223372036854775807, 7, 1317624576693539401),
    (9223372036854775807, -7, -1317624576693539401),
    (9223372036854775807, 2, 4611686018427387903),
    (9223372036854775807, -2, -4611686018427387904),
    (9223372036854775807, 1, 9223372036854775807),
    (9223372036854775807, -1, -9223372036854775807),
    (9223372036854775807, 3, 3074457345618258602),
    (9223372036854775807, 9223372036854775807, 1),
    (9223372036854775807, -9223372036854775808, -1),
    (-9223372036854775808, 7, -1317624576693539402),
    (-9223372036854775808, -7, 1317624576693539401),
    (-9223372036854775808, 2, -4611686018427387904),
    (-9223372036854775808, -2, 4611686018427387904),
    (-9223372036854775808, 1, -9223372036854775808),
    (-9223372036854775808, 3, -3074457345618258603),
    (-9223372036854775808, 9223372036854775807, -2),
    (-9223372036854775808, -9223372036854775808, 1),
];

#[test]
fn s01_4_floor_division_rounds_toward_minus_infinity() {
    for &(a, b, quotient) in FLOOR_DIVISIONS {
        assert_eq!(
            binary_floor_divide(&Value::Int(a), &Value::Int(b)),
            Ok(Value::Int(quotient)),
            "{a} // {b}"
        );
    }
}

#[test]
fn s01_4_floor_division_out_of_range_is_an_error_not_a_panic() {
    // Python prints 9223372036854775808; the toy's ints stop at 2**63 - 1.
    let result = binary_floor_divide(&Value::Int(i64::MIN), &Value::Int(-1));
    assert!(result.is_err_and(|e| e.starts_with("OverflowError: ")));
}

#[test]
fn s01_4_overflow_is_an_error_not_a_panic() {
    let max = Value::Int(i64::MAX);
    let min = Value::Int(i64::MIN);
    assert!(binary_add(&max, &Value::Int(1)).is_err());
    assert!(binary_subtract(&min, &Value::Int(1)).is_err());
    assert!(binary_multiply(&max, &Value::Int(2)).is_err());
    assert!(binary_multiply(&min, &Value::Int(-1)).is_err());
}

#[test]
fn s01_4_strings_concatenate_and_repeat() {
    assert_eq!(binary_add(&s("ab"), &s("cd")), Ok(s("abcd")));
    assert_eq!(binary_multiply(&s("ab"), &Value::Int(3)), Ok(s("ababab")));
    assert_eq!(binary_multiply(&Value::Int(2), &s("ab")), Ok(s("abab")));
    // 'ab' * 0 and 'ab' * -1 are both ''.
    assert_eq!(binary_multiply(&s("ab"), &Value::Int(0)), Ok(s("")));
    assert_eq!(binary_multiply(&s("ab"), &Value::Int(-1)), Ok(s("")));
}

#[test]
fn s01_4_huge_repetition_is_an_error_not_an_abort() {
    // CPython: 'ab' * 2**62 raises OverflowError: repeated string is too long.
    let result = binary_multiply(&s("ab"), &Value::Int(1 << 62));
    assert_eq!(
        result,
        Err("OverflowError: repeated string is too long".to_string())
    );
    // CPython: 'ab' * 2**40 raises MemoryError (on this machine).
    let result = binary_multiply(&s("ab"), &Value::Int(1 << 40));
    assert_eq!(result, Err("MemoryError".to_string()));
}

#[test]
fn s01_4_type_errors_read_like_cpython() {
    let none = Value::None;
    let one = Value::Int(1);
    let cases = [
        (
            binary_add(&s("a"), &one),
            "TypeError: can only concatenate str (not \"int\") to str",
        ),
        (
            binary_add(&one, &s("a")),
            "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
        ),
        (
            binary_add(&s("a"), &none),
            "TypeError: can only concatenate str (not \"NoneType\") to str",
        ),
        (
            binary_add(&none, &s("a")),
            "TypeError: unsupported operand type(s) for +: 'NoneType' and 'str'",
        ),
        (
            binary_add(&none, &one),
            "TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'",
        ),
        (
            binary_subtract(&s("a"), &s("b")),
            "TypeError: unsupported operand type(s) for -: 'str' and 'str'",
        ),
        (
            binary_subtract(&one, &s("a")),
            "TypeError: unsupported operand type(s) for -: 'int' and 'str'",
        ),
        (
            binary_multiply(&s("a"), &s("b")),
            "TypeError: can't multiply sequence by non-int of type 'str'",
        ),
        (
            binary_multiply(&s("a"), &none),
            "TypeError: can't multiply sequence by non-int of type 'NoneType'",
        ),
        (
            binary_multiply(&none, &s("a")),
            "TypeError: can't multiply sequence by non-int of type 'NoneType'",
        ),
        (
            binary_multiply(&one, &none),
            "TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'",
        ),
        (
            binary_floor_divide(&s("a"), &Value::Int(2)),
            "TypeError: unsupported operand type(s) for //: 'str' and 'int'",
        ),
        (
            binary_floor_divide(&s("a"), &s("b")),
            "TypeError: unsupported operand type(s) for //: 'str' and 'str'",
        ),
        (
            binary_floor_divide(&none, &none),
            "TypeError: unsupported operand type(s) for //: 'NoneType' and 'NoneType'",
        ),
        (
            binary_floor_divide(&one, &Value::Int(0)),
            "ZeroDivisionError: integer division or modulo by zero",
        ),
    ];
    for (result, message) in cases {
        assert_eq!(result, Err(message.to_string()));
    }
}

#[test]
fn s01_4_str_and_repr_match_cpython() {
    assert_eq!(Value::Int(-42).to_string(), "-42");
    assert_eq!(Value::None.to_string(), "None");
    assert_eq!(Value::None.repr(), "None");
    assert_eq!(s("it's").to_string(), "it's");
    let reprs = [
        ("hi", r#"'hi'"#),
        ("it's", r#""it's""#),
        ("say \"hi\"", r#"'say "hi"'"#),
        ("both ' and \"", r#"'both \' and "'"#),
        ("tab\there\nnew", r#"'tab\there\nnew'"#),
        ("back\\slash", r#"'back\\slash'"#),
        ("\x07bell", r#"'\x07bell'"#),
        ("café", r#"'café'"#),
    ];
    for (text, repr) in reprs {
        assert_eq!(str_repr(text), repr, "{text:?}");
    }
}
