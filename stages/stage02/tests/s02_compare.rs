//! The rich comparisons of `value::ops` (`PyObject_RichCompare`): results as
//! CPython 3.11 gives them, and tuples nested far deeper than the recursion
//! limit compared in bounded Rust stack, ending in CPython's
//! `RecursionError: maximum recursion depth exceeded in comparison` after as
//! many levels as the caller's headroom allows (`tests/limits_memory/compare_*`
//! check the same through programs, against CPython).

use std::rc::Rc;

use stage02::builtins;
use stage02::exc::{ExcType, Exception};
use stage02::int::Int;
use stage02::value::ops::{self, CompareOp};
use stage02::value::{Dict, Tuple, Value};

fn int(n: i64) -> Value {
    Value::Int(Int::from_i64(n))
}

fn tuple(items: Vec<Value>) -> Value {
    Value::Tuple(Tuple::from(items))
}

/// `leaf` inside `depth` one-item tuples: `((leaf,),)` for 2.
fn nested(depth: usize, leaf: Value) -> Value {
    let mut value = leaf;
    for _ in 0..depth {
        value = tuple(vec![value]);
    }
    value
}

fn too_deep() -> Exception {
    Exception::new(
        ExcType::RecursionError,
        "maximum recursion depth exceeded in comparison",
    )
}

/// Runs `test` on a thread with a stack a few times what the deepest
/// comparison the limit allows needs in a debug build: far too small to
/// follow a million levels, which is the point.
fn with_bounded_stack(test: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(32 << 20)
        .spawn(test)
        .expect("a test thread")
        .join()
        .expect("the test thread panicked");
}

#[test]
fn s02_compare_each_level_of_nesting_takes_one_level_of_headroom() {
    with_bounded_stack(|| {
        // At module level `a == b` has 999 levels (1000, less the module's
        // frame): CPython compares two equal tuples nested 999 deep, not 1000.
        let headroom = 999;
        for (depth, expected) in [(998, Ok(true)), (999, Ok(true)), (1000, Err(too_deep()))] {
            let (a, b) = (nested(depth, int(1)), nested(depth, int(1)));
            assert_eq!(
                ops::compare(&a, &b, CompareOp::Eq, headroom),
                expected,
                "== of two tuples nested {depth} deep"
            );
        }
        // Leaves that are not one object are compared too, which takes a level.
        let (a, b) = (nested(999, int(1000)), nested(999, int(1000)));
        assert_eq!(
            ops::compare(&a, &b, CompareOp::Eq, headroom),
            Err(too_deep())
        );
        assert_eq!(ops::compare(&a, &b, CompareOp::Eq, headroom + 1), Ok(true));
        // An ordering first looks for the first unequal pair, with `==`.
        let (a, b) = (nested(998, int(1)), nested(998, int(2)));
        assert_eq!(ops::compare(&a, &b, CompareOp::Lt, headroom), Ok(true));
        assert_eq!(ops::compare(&a, &b, CompareOp::Ge, headroom), Ok(false));
    });
}

#[test]
fn s02_compare_a_million_levels_ends_in_recursion_error_not_a_stack_overflow() {
    with_bounded_stack(|| {
        let a = nested(1_000_000, int(1));
        let b = nested(1_000_000, int(1));
        for op in [CompareOp::Eq, CompareOp::Ne, CompareOp::Lt, CompareOp::Ge] {
            assert_eq!(ops::compare(&a, &b, op, 998), Err(too_deep()), "{op:?}");
        }
        assert_eq!(ops::less_than(&a, &b, 998), Err(too_deep()));
        // A dict key's comparison cannot fail: it gives up as unequal.
        assert!(!ops::equal(&a, &b));
        // Identical items are equal without being compared.
        assert_eq!(ops::compare(&a, &a, CompareOp::Eq, 1), Ok(true));
        assert_eq!(ops::compare(&a, &a, CompareOp::Lt, 1), Ok(false));
        assert_eq!(ops::compare(&a, &a.clone(), CompareOp::Le, 1), Ok(true));
        assert!(ops::equal(&a, &a));
        let wrapped_a = tuple(vec![a.clone(), int(1)]);
        let wrapped_b = tuple(vec![a, int(2)]);
        assert_eq!(
            ops::compare(&wrapped_a, &wrapped_b, CompareOp::Lt, 2),
            Ok(true)
        );
    });
}

#[test]
fn s02_compare_with_no_headroom_left_is_a_recursion_error() {
    assert_eq!(
        ops::compare(&int(1), &int(2), CompareOp::Lt, 0),
        Err(too_deep())
    );
    assert_eq!(ops::compare(&int(1), &int(2), CompareOp::Lt, 1), Ok(true));
}

#[test]
fn s02_compare_orders_as_cpython() {
    let big = 998;
    let cmp = |a: &Value, b: &Value, op| ops::compare(a, b, op, big);
    let nan = Value::Float(f64::NAN);
    // Every comparison with a NaN is false, but `!=`.
    for op in [
        CompareOp::Lt,
        CompareOp::Le,
        CompareOp::Eq,
        CompareOp::Gt,
        CompareOp::Ge,
    ] {
        assert_eq!(cmp(&nan, &int(1), op), Ok(false), "nan {op:?} 1");
        assert_eq!(cmp(&int(1), &nan, op), Ok(false), "1 {op:?} nan");
    }
    assert_eq!(cmp(&nan, &nan, CompareOp::Ne), Ok(true));
    // Numbers by value across types; `2**53 + 1 > 2.0**53` exactly.
    assert_eq!(
        cmp(&Value::Bool(true), &Value::Float(1.0), CompareOp::Eq),
        Ok(true)
    );
    let two_53 = Value::Float(9_007_199_254_740_992.0);
    assert_eq!(cmp(&int((1 << 53) + 1), &two_53, CompareOp::Gt), Ok(true));
    let complex = Value::Complex {
        real: 1.0,
        imag: 0.0,
    };
    assert_eq!(cmp(&complex, &int(1), CompareOp::Eq), Ok(true));
    assert_eq!(
        cmp(&complex, &int(1), CompareOp::Lt),
        Err(Exception::type_error(
            "'<' not supported between instances of 'complex' and 'int'"
        ))
    );
    // str, bytes and tuples lexicographically; a shorter prefix is smaller.
    assert_eq!(
        cmp(&Value::str("ab"), &Value::str("abc"), CompareOp::Lt),
        Ok(true)
    );
    assert_eq!(
        cmp(&Value::str("é"), &Value::str("z"), CompareOp::Gt),
        Ok(true)
    );
    let bytes = |b: &[u8]| Value::Bytes(Rc::from(b));
    assert_eq!(cmp(&bytes(b""), &bytes(b"\0"), CompareOp::Lt), Ok(true));
    let t12 = tuple(vec![int(1), int(2)]);
    let t120 = tuple(vec![int(1), int(2), int(0)]);
    assert_eq!(cmp(&t12, &t120, CompareOp::Le), Ok(true));
    assert_eq!(cmp(&t12, &t120, CompareOp::Ne), Ok(true));
    // The first unequal pair decides; later items are never looked at.
    let one_a = tuple(vec![int(1), Value::str("a")]);
    let two_three = tuple(vec![int(2), int(3)]);
    assert_eq!(cmp(&one_a, &two_three, CompareOp::Lt), Ok(true));
    let one_three = tuple(vec![int(1), int(3)]);
    assert_eq!(
        cmp(&one_a, &one_three, CompareOp::Ge),
        Err(Exception::type_error(
            "'>=' not supported between instances of 'str' and 'int'"
        ))
    );
    assert_eq!(cmp(&one_a, &one_three, CompareOp::Eq), Ok(false));
    // `==` of unrelated types is identity: false, never an error.
    assert_eq!(cmp(&Value::str("1"), &int(1), CompareOp::Eq), Ok(false));
    assert_eq!(cmp(&Value::None, &Value::None, CompareOp::Eq), Ok(true));
    assert_eq!(
        cmp(&Value::None, &Value::None, CompareOp::Lt),
        Err(Exception::type_error(
            "'<' not supported between instances of 'NoneType' and 'NoneType'"
        ))
    );
}

#[test]
fn s02_compare_dicts_by_items() {
    let dict = |pairs: &[(&str, Value)]| {
        let mut d = Dict::new();
        for (key, value) in pairs {
            d.insert_str(Rc::from(*key), value.clone());
        }
        Value::new_dict(d)
    };
    let a = dict(&[("x", int(1)), ("y", Value::Float(2.0))]);
    let b = dict(&[("y", int(2)), ("x", Value::Bool(true))]);
    let c = dict(&[("x", int(1)), ("z", int(2))]);
    assert_eq!(ops::compare(&a, &b, CompareOp::Eq, 998), Ok(true));
    assert_eq!(ops::compare(&a, &c, CompareOp::Ne, 998), Ok(true));
    assert_eq!(
        ops::compare(&a, &b, CompareOp::Lt, 998),
        Err(Exception::type_error(
            "'<' not supported between instances of 'dict' and 'dict'"
        ))
    );
}

#[test]
fn s02_compare_op_follows_dis_cmp_op() {
    let ops: Vec<_> = (0..7).map(CompareOp::from_arg).collect();
    use CompareOp::*;
    assert_eq!(
        ops,
        [
            Some(Lt),
            Some(Le),
            Some(Eq),
            Some(Ne),
            Some(Gt),
            Some(Ge),
            None
        ]
    );
    for op in [Lt, Le, Eq, Ne, Gt, Ge] {
        assert_eq!(op.swapped().swapped(), op);
    }
    assert_eq!(Lt.symbol(), "<");
    assert_eq!(Ge.swapped(), Le);
}

/// The one-character strs of Latin-1 are shared, as CPython shares them:
/// `tuple('x' * 10**8)` fits 4 GB because of it
/// (`tests/limits_memory/tuple_of_chars.py`).
#[test]
fn s02_latin1_characters_are_shared() {
    let mut vm = NoCallbacks(Vec::new());
    let items = builtins::iterate(&mut vm, &Value::str("xéx€")).expect("a str iterates");
    let ptr = |value: &Value| match value {
        Value::Str(s) => Rc::as_ptr(s).cast::<u8>(),
        other => panic!("not a str: {other:?}"),
    };
    assert_eq!(items.len(), 4);
    assert_eq!(ptr(&items[0]), ptr(&items[2]));
    assert_eq!(ptr(&items[0]), ptr(&Value::char_str('x')));
    assert_eq!(ptr(&items[1]), ptr(&Value::char_str('é')));
    assert_ne!(ptr(&items[3]), ptr(&Value::char_str('€')));
    let texts: Vec<String> = items.iter().map(|v| v.repr().expect("a repr")).collect();
    assert_eq!(texts, ["'x'", "'é'", "'x'", "'€'"]);
}

/// An interpreter for builtins that call nothing back.
struct NoCallbacks(Vec<u8>);

impl stage02::vm::Vm for NoCallbacks {
    fn stdout(&mut self) -> &mut dyn std::io::Write {
        &mut self.0
    }

    fn call(
        &mut self,
        _: &Value,
        _: Vec<Value>,
        _: stage02::vm::Keywords,
    ) -> Result<Value, stage02::vm::RunError> {
        Err(stage02::vm::RunError::not_implemented("a callback", None))
    }
}
