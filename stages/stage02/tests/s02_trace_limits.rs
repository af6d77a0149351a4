//! `--trace` cannot run away: however long the stack or a value, no line is
//! longer than `MAX_LINE_WIDTH`, a stack wraps to at most two lines, and a
//! long stack or value costs about what a short one does (only what is shown
//! is computed).

mod common;

use std::ffi::OsString;
use std::path::PathBuf;
use std::rc::Rc;

use num_bigint::BigInt;
use stage02::code::{Code, Constant};
use stage02::eval::trace::{
    cut, elide, short_repr, stack_repr, text_repr, MAX_ITEM_WIDTH, MAX_LINE_WIDTH, STACK_COLUMN,
    STACK_WIDTH, TEXT_ITEM_WIDTH,
};
use stage02::eval::Limits;
use stage02::opcode::{self, *};
use stage02::value::Value;

/// Whether `line` goes on with the stack of the line above it, under the
/// stack column.
fn continues(line: &str) -> bool {
    line.starts_with(&" ".repeat(STACK_COLUMN))
}

/// Asserts that no line of `trace` is longer than `MAX_LINE_WIDTH` and that no
/// stack takes more than two lines.
fn assert_narrow(trace: &str) {
    let mut rows = 0;
    for line in trace.lines() {
        let width = line.chars().count();
        assert!(width <= MAX_LINE_WIDTH, "{width} characters: {line}");
        rows = if continues(line) { rows + 1 } else { 1 };
        assert!(rows <= 2, "a stack of {rows} lines, the last: {line}");
    }
}

#[test]
fn s02_6_trace_of_a_stack_of_302_items_stays_narrow() {
    // `print(x ** x ** … ** x)`, 300 operands, compiled by CPython 3.11.
    let pyc = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/s02_programs/long_stack.pyc");
    let args: Vec<OsString> = vec!["stage02".into(), "--trace".into(), pyc.into()];
    let (mut out, mut trace) = (Vec::new(), Vec::new());
    let status = stage02::run_cli(args, &mut out, &mut trace);
    let trace = String::from_utf8(trace).expect("UTF-8 trace");
    assert_eq!((status, out.as_slice()), (0, &b"1\n"[..]), "{trace}");
    assert_narrow(&trace);
    // Short stacks are shown whole, as before; the deepest one keeps its
    // bottom (the call's NULL and callable) and its top.
    let whole = "[NULL, print, 1, 1]";
    assert!(trace.lines().any(|line| line.ends_with(whole)), "{trace}");
    let deepest = trace
        .lines()
        .take_while(|line| !line.contains("BINARY_OP"))
        .last()
        .expect("the line before the first BINARY_OP");
    let stack = &deepest[STACK_COLUMN..];
    assert!(
        stack.starts_with("[NULL, print, ...") && stack.ends_with(", 1, 1]"),
        "{deepest}"
    );
    let hidden: usize = stack
        .split("...")
        .nth(1)
        .and_then(|middle| middle.strip_suffix(" more"))
        .and_then(|count| count.parse().ok())
        .expect("a count of hidden items");
    let shown = stack.matches(", 1").count();
    assert_eq!(hidden + shown, 300, "{deepest}");
}

/// A code object from instructions `(opcode, argument)`: `EXTENDED_ARG`
/// prefixes and inline caches are added as the compiler adds them.
fn assemble(instructions: &[(u8, u32)]) -> Vec<u8> {
    let mut code = Vec::new();
    for &(op, arg) in instructions {
        for shift in [24, 16, 8] {
            if arg >> shift != 0 {
                code.extend([EXTENDED_ARG, (arg >> shift) as u8]);
            }
        }
        code.extend([op, arg as u8]);
        let caches = opcode::info(op).map_or(0, |info| info.cache_entries);
        code.extend(std::iter::repeat_n(0, 2 * usize::from(caches)));
    }
    code
}

#[test]
fn s02_6_trace_of_a_100000_argument_call_finishes_and_stays_narrow() {
    // The hand-made call: `print(7, 7, …, 7)` with 100,000 arguments,
    // all on the stack at once. Its trace used to print the whole stack on
    // each of 100,000 lines (30 KB lines, 1.5 GB of trace).
    const ARGS: u32 = 100_000;
    let mut instructions = vec![(RESUME, 0), (PUSH_NULL, 0), (LOAD_NAME, 0)];
    instructions.extend(std::iter::repeat_n((LOAD_CONST, 0), ARGS as usize));
    instructions.extend([
        (PRECALL, ARGS),
        (CALL, ARGS),
        (POP_TOP, 0),
        (LOAD_CONST, 1),
        (RETURN_VALUE, 0),
    ]);
    let code = Code {
        stacksize: ARGS + 2,
        code: Rc::from(assemble(&instructions)),
        consts: Rc::from(vec![Constant::Int(BigInt::from(7)), Constant::None]),
        names: Rc::from(vec![Rc::from("print")]),
        ..common::empty_code("call.py", "<module>")
    };
    let (mut out, mut trace) = (Vec::new(), Vec::new());
    stage02::eval::run(
        Rc::new(code),
        &mut out,
        Some(stage02::eval::Tracer::Text(&mut trace)),
        Limits::default(),
    )
    .expect("the call runs");
    let expected = format!("{}\n", vec!["7"; ARGS as usize].join(" "));
    assert!(out == expected.as_bytes(), "wrong output");
    let trace = String::from_utf8(trace).expect("UTF-8 trace");
    let lines = trace.lines().filter(|line| !continues(line)).count();
    assert_eq!(lines, 1 + 3 + ARGS as usize + 5);
    assert_narrow(&trace);
    let precall = trace
        .lines()
        .find(|line| line.contains("PRECALL"))
        .expect("PRECALL");
    assert!(
        precall.ends_with(", 7, 7, 7]") && precall.contains("[NULL, print, ...99"),
        "{precall}"
    );
}

#[test]
fn s02_6_trace_shows_the_start_of_a_long_value_exactly() {
    // A long value's repr is made from its start only, and shows what the
    // whole repr cut at the width would show: the same quotes, escapes and
    // nesting. Values around the width, with every mix of quotes.
    let mut values = Vec::new();
    for len in [0, 1, 38, 39, 40, 41, 42, 100] {
        for tail in ["", "'", "\"", "'\"", "\\\n\u{e9}\u{1f600}"] {
            let text = format!("{}{tail}", "a".repeat(len));
            values.push(Value::str(&text));
            let reversed: String = format!("{tail}{}", "a".repeat(len));
            values.push(Value::str(&reversed));
            values.push(Value::Bytes(Rc::from(text.as_bytes())));
            values.push(Value::SurrogateStr(Rc::from(
                std::iter::once(0xdc80)
                    .chain(reversed.chars().map(u32::from))
                    .collect::<Vec<_>>(),
            )));
        }
    }
    let tuples: Vec<Value> = values
        .chunks(3)
        .map(|items| Value::Tuple(items.to_vec().into()))
        .collect();
    let mut nested = Value::Tuple(vec![Value::str("end")].into());
    for depth in 0..60 {
        let value = nested.clone();
        values.push(value.clone());
        nested = Value::Tuple(vec![Value::Bool(depth % 2 == 0), value].into());
    }
    values.extend(tuples);
    values.push(Value::Tuple(vec![Value::str("one")].into()));
    values.push(Value::Tuple(Vec::new().into()));
    for value in &values {
        let whole = value.repr().expect("repr");
        assert_eq!(
            short_repr(value),
            cut(whole.clone(), MAX_ITEM_WIDTH),
            "{whole}"
        );
    }
}

#[test]
fn s02_6_trace_shows_values_short() {
    // The text trace names a builtin and cuts a long value shorter than the
    // JSON trace does.
    let print = stage02::builtins::lookup("print").expect("print");
    assert_eq!(text_repr(&print), "print");
    assert_eq!(short_repr(&print), "<built-in function print>");
    let long = Value::str(&"a".repeat(100));
    assert_eq!(text_repr(&long).chars().count(), TEXT_ITEM_WIDTH);
    assert_eq!(short_repr(&long).chars().count(), MAX_ITEM_WIDTH);
}

#[test]
fn s02_6_trace_of_a_huge_string_converts_only_its_start() {
    // 200 MB of repr per trace line before; now the start of the string. (No
    // timing: the test would take seconds per call the old way.)
    let huge = Value::str(&"ab'".repeat(10_000_000));
    let stack: Vec<Option<Value>> = (0..1000).map(|_| Some(huge.clone())).collect();
    for _ in 0..100 {
        let shown = stack_repr(&stack);
        assert!(shown.chars().count() <= STACK_WIDTH, "{shown}");
        assert!(shown.starts_with("[\"ab'ab'ab"), "{shown}");
    }
}

#[test]
fn s02_6_trace_elides_the_middle_of_a_long_list() {
    let numbers = |len: usize, width: usize| elide(len, |i| i.to_string(), width);
    assert_eq!(numbers(0, 20), "");
    assert_eq!(numbers(3, 20), "0, 1, 2");
    // "0, 1, 2, 3, 4, 5, 6, 7" is 22 characters.
    assert_eq!(numbers(8, 22), "0, 1, 2, 3, 4, 5, 6, 7");
    assert_eq!(numbers(8, 21), "0, ...5 more..., 6, 7");
    assert_eq!(numbers(20, 40), "0, 1, ...13 more..., 15, 16, 17, 18, 19");
    let long = numbers(1_000_000, 60);
    assert!(long.chars().count() <= 60, "{long}");
    assert!(long.starts_with("0, 1, ...999"), "{long}");
    assert!(long.ends_with(", 999998, 999999"), "{long}");
    // The bottom and the top item are shown even when each is as wide as
    // any item may be.
    let wide = "x".repeat(MAX_ITEM_WIDTH);
    let items = elide(10, |_| wide.clone(), STACK_WIDTH - 2);
    assert_eq!(items, format!("{wide}, ...8 more..., {wide}"));
}
