//! Tests of `stage02::int`: Python's int semantics. Expected values come from
//! CPython 3.11 (`python3.11 -c ...`); the last test compares thousands of
//! random operations with a live `python3.11` when one is installed.

use std::cmp::Ordering;

use num_bigint::BigInt;
use stage02::exc::{ExcType, Exception};
use stage02::float::hash_int;
use stage02::int::{Int, IntOrFloat, MAX_INT_BITS};

mod common;
use common::{fmt_float, fmt_result, hex_text, Rng};

fn int(text: &str) -> Int {
    Int::from_bigint(text.parse::<BigInt>().expect("test literal"))
}

fn small(v: i64) -> Int {
    Int::from_i64(v)
}

fn err(kind: ExcType, message: &str) -> Exception {
    Exception::new(kind, message)
}

#[test]
fn s02_8_int_representation_is_normalised() {
    assert_eq!(Int::from_bigint(BigInt::from(5)), small(5));
    assert!(matches!(int("9223372036854775808"), Int::Big(_)));
    assert!(matches!(int("-9223372036854775808"), Int::Small(i64::MIN)));
    // Arithmetic that comes back into range becomes Small again.
    let back = int("9223372036854775808").sub(&small(1)).unwrap();
    assert_eq!(back, small(i64::MAX));
    assert_eq!(
        small(i64::MAX).add(&small(1)).unwrap(),
        int("9223372036854775808")
    );
    assert_eq!(
        small(i64::MIN).sub(&small(1)).unwrap(),
        int("-9223372036854775809")
    );
    assert_eq!(small(i64::MIN).neg(), int("9223372036854775808"));
    assert_eq!(small(i64::MIN).abs(), int("9223372036854775808"));
    assert_eq!(int("9223372036854775808").neg(), small(i64::MIN));
    assert_eq!(small(i64::MIN).invert(), small(i64::MAX));
    assert_eq!(
        small(4_294_967_296).mul(&small(4_294_967_296)).unwrap(),
        int("18446744073709551616")
    );
}

#[test]
fn s02_8_int_floor_division_and_modulo_signs() {
    // python3.11: [(a // b, a % b) for a in (7, -7) for b in (2, -2)]
    let cases = [
        (7, 2, 3, 1),
        (7, -2, -4, -1),
        (-7, 2, -4, 1),
        (-7, -2, 3, -1),
        (6, -3, -2, 0),
    ];
    for (a, b, q, r) in cases {
        assert_eq!(
            small(a).floordiv(&small(b)).unwrap(),
            small(q),
            "{a} // {b}"
        );
        assert_eq!(small(a).modulo(&small(b)).unwrap(), small(r), "{a} % {b}");
        assert_eq!(small(a).divmod(&small(b)).unwrap(), (small(q), small(r)));
    }
    // -2**63 // -1 == 2**63
    assert_eq!(
        small(i64::MIN).floordiv(&small(-1)).unwrap(),
        int("9223372036854775808")
    );
    assert_eq!(small(i64::MIN).modulo(&small(-1)).unwrap(), small(0));
    // (-10**30) // 7, (-10**30) % 7
    let a = int("-1000000000000000000000000000000");
    assert_eq!(
        a.floordiv(&small(7)).unwrap(),
        int("-142857142857142857142857142858")
    );
    assert_eq!(a.modulo(&small(7)).unwrap(), small(6));
}

#[test]
fn s02_8_int_zero_divisors() {
    let z = ExcType::ZeroDivisionError;
    assert_eq!(
        small(1).floordiv(&small(0)),
        Err(err(z, "integer division or modulo by zero"))
    );
    assert_eq!(
        small(1).modulo(&small(0)),
        Err(err(z, "integer modulo by zero"))
    );
    assert_eq!(
        small(1).divmod(&small(0)),
        Err(err(z, "integer division or modulo by zero"))
    );
    assert_eq!(small(1).truediv(&small(0)), Err(err(z, "division by zero")));
}

#[test]
fn s02_8_int_true_division_is_correctly_rounded() {
    // python3.11: 0/-1, 1/3, 10**400/10**399, (2**63+1)/3, 10**30/7, 1/10**320
    assert!(small(0).truediv(&small(-1)).unwrap().is_sign_negative());
    assert_eq!(small(1).truediv(&small(3)).unwrap(), 1.0 / 3.0);
    let big = int(&format!("1{}", "0".repeat(400)));
    let smaller = int(&format!("1{}", "0".repeat(399)));
    assert_eq!(big.truediv(&smaller).unwrap(), 10.0);
    assert_eq!(
        int("9223372036854775809").truediv(&small(3)).unwrap(),
        3.0744573456182584e18
    );
    assert_eq!(
        int("1000000000000000000000000000000")
            .truediv(&small(7))
            .unwrap(),
        1.4285714285714286e29
    );
    let tiny = small(1)
        .truediv(&int(&format!("1{}", "0".repeat(320))))
        .unwrap();
    assert_eq!(tiny, 1e-320);
    assert_eq!(
        big.truediv(&small(1)),
        Err(err(
            ExcType::OverflowError,
            "integer division result too large for a float"
        ))
    );
    // Far below the smallest subnormal: zero with the quotient's sign.
    let zero = small(-1)
        .truediv(&int(&format!("1{}", "0".repeat(400))))
        .unwrap();
    assert!(zero == 0.0 && zero.is_sign_negative());
}

#[test]
fn s02_8_int_pow() {
    let p = |a: i64, b: i64| small(a).pow(&small(b));
    assert_eq!(p(2, 10).unwrap(), IntOrFloat::Int(small(1024)));
    assert_eq!(
        p(2, 64).unwrap(),
        IntOrFloat::Int(int("18446744073709551616"))
    );
    assert_eq!(
        p(-3, 41).unwrap(),
        IntOrFloat::Int(int("-36472996377170786403"))
    );
    assert_eq!(p(0, 0).unwrap(), IntOrFloat::Int(small(1)));
    assert_eq!(p(-1, 1_000_000_001).unwrap(), IntOrFloat::Int(small(-1)));
    assert_eq!(p(2, -1).unwrap(), IntOrFloat::Float(0.5));
    assert_eq!(p(-2, -3).unwrap(), IntOrFloat::Float(-0.125));
    assert_eq!(
        p(0, -1),
        Err(err(
            ExcType::ZeroDivisionError,
            "0.0 cannot be raised to a negative power"
        ))
    );
    let big = int(&format!("1{}", "0".repeat(400)));
    assert_eq!(
        big.pow(&small(-1)),
        Err(err(
            ExcType::OverflowError,
            "int too large to convert to float"
        ))
    );
}

#[test]
fn s02_8_int_huge_results_are_refused_with_memory_error() {
    let memory = Err(err(ExcType::MemoryError, ""));
    // 2 ** 10**12 would need 125 GB.
    assert_eq!(
        small(2).pow(&small(1_000_000_000_000)),
        memory.clone().map(IntOrFloat::Int)
    );
    assert_eq!(
        small(10).pow(&int("100000000000000000000000")),
        memory.clone().map(IntOrFloat::Int)
    );
    assert_eq!(small(1).lshift(&small(1 << 40)), memory.clone());
    assert_eq!(small(1).lshift(&int("9223372036854775808")), memory.clone());
    // Just inside the limit is fine; the limit itself is documented.
    let limit = i64::try_from(MAX_INT_BITS).unwrap();
    let edge = small(1).lshift(&small(limit - 1)).unwrap();
    assert_eq!(edge.bit_length(), MAX_INT_BITS);
    assert_eq!(edge.mul(&edge), memory);
    assert_eq!(
        small(0)
            .lshift(&int("1267650600228229401496703205376"))
            .unwrap(),
        small(0)
    );
}

#[test]
fn s02_8_int_pow_mod() {
    // python3.11: pow(3, 200, 7), pow(-3, 3, 7), pow(3, 3, -7), pow(3, -1, 7),
    // pow(5, 0, -7), pow(2, 10, 1), pow(2, -1, 1)
    let pm = |a: i64, b: i64, c: i64| small(a).pow_mod(&small(b), &small(c));
    assert_eq!(pm(3, 200, 7).unwrap(), small(2));
    assert_eq!(pm(-3, 3, 7).unwrap(), small(1));
    assert_eq!(pm(3, 3, -7).unwrap(), small(-1));
    assert_eq!(pm(3, -1, 7).unwrap(), small(5));
    assert_eq!(pm(5, 0, -7).unwrap(), small(-6));
    assert_eq!(pm(2, 10, 1).unwrap(), small(0));
    assert_eq!(pm(2, -1, 1).unwrap(), small(0));
    assert_eq!(
        pm(2, 3, 0),
        Err(err(ExcType::ValueError, "pow() 3rd argument cannot be 0"))
    );
    assert_eq!(
        pm(2, -1, 4),
        Err(err(
            ExcType::ValueError,
            "base is not invertible for the given modulus"
        ))
    );
}

#[test]
fn s02_8_int_shifts_and_bitwise() {
    assert_eq!(
        small(1).lshift(&small(63)).unwrap(),
        int("9223372036854775808")
    );
    assert_eq!(small(-1).lshift(&small(63)).unwrap(), small(i64::MIN));
    assert_eq!(small(-5).rshift(&small(1)).unwrap(), small(-3));
    assert_eq!(
        small(1)
            .rshift(&int("1267650600228229401496703205376"))
            .unwrap(),
        small(0)
    );
    assert_eq!(
        small(-1)
            .rshift(&int("1267650600228229401496703205376"))
            .unwrap(),
        small(-1)
    );
    assert_eq!(
        int("-18446744073709551617").rshift(&small(64)).unwrap(),
        small(-2)
    );
    let negative = Err(err(ExcType::ValueError, "negative shift count"));
    assert_eq!(small(1).lshift(&small(-1)), negative.clone());
    assert_eq!(small(1).rshift(&small(-1)), negative);
    // python3.11: -2**70 & 2**65+5, -2**70 | 12345, -2**70 ^ -1, ~2**70
    let a = int("-1180591620717411303424");
    assert_eq!(a.bitand(&int("36893488147419103237")), small(0));
    assert_eq!(a.bitor(&small(12345)), int("-1180591620717411291079"));
    assert_eq!(a.bitxor(&small(-1)), int("1180591620717411303423"));
    assert_eq!(
        int("1180591620717411303424").invert(),
        int("-1180591620717411303425")
    );
    assert_eq!(small(-6).bitand(&small(13)), small(8));
}

#[test]
fn s02_8_int_compare_and_bit_length() {
    assert_eq!(small(-1).cmp(&int("9223372036854775808")), Ordering::Less);
    assert_eq!(
        int("-9223372036854775809").cmp(&small(i64::MIN)),
        Ordering::Less
    );
    assert_eq!(
        int("99999999999999999999").cmp(&int("99999999999999999999")),
        Ordering::Equal
    );
    assert_eq!(small(0).bit_length(), 0);
    assert_eq!(small(-8).bit_length(), 4);
    assert_eq!(small(i64::MIN).bit_length(), 64);
    assert_eq!(int("18446744073709551616").bit_length(), 65);
}

#[test]
fn s02_8_int_float_conversions() {
    // float(2**53 + 1) rounds half to even; float(2**1024 - 2**970) overflows.
    assert_eq!(
        int("9007199254740993").to_f64().unwrap(),
        9007199254740992.0
    );
    assert_eq!(
        int("9007199254740995").to_f64().unwrap(),
        9007199254740996.0
    );
    assert_eq!(
        int("-9223372036854775809").to_f64().unwrap(),
        -9.223372036854776e18
    );
    let max = small(2).pow(&small(1024)).unwrap();
    let IntOrFloat::Int(max) = max else { panic!() };
    let just_below = max
        .sub(
            &small(2)
                .pow(&small(970))
                .map(|p| match p {
                    IntOrFloat::Int(i) => i,
                    IntOrFloat::Float(_) => panic!(),
                })
                .unwrap(),
        )
        .unwrap();
    assert_eq!(
        just_below.to_f64(),
        Err(err(
            ExcType::OverflowError,
            "int too large to convert to float"
        ))
    );
    assert_eq!(
        just_below.sub(&small(1)).unwrap().to_f64().unwrap(),
        f64::MAX
    );
    assert_eq!(Int::from_f64(-3.9).unwrap(), small(-3));
    assert_eq!(Int::from_f64(1e20).unwrap(), int("100000000000000000000"));
    assert_eq!(
        Int::from_f64(-9.223372036854776e18).unwrap(),
        small(i64::MIN)
    );
    assert_eq!(
        Int::from_f64(f64::NAN),
        Err(err(
            ExcType::ValueError,
            "cannot convert float NaN to integer"
        ))
    );
    assert_eq!(
        Int::from_f64(f64::NEG_INFINITY),
        Err(err(
            ExcType::OverflowError,
            "cannot convert float infinity to integer"
        ))
    );
}

#[test]
fn s02_8_int_to_text() {
    assert_eq!(small(-31).to_radix_string(16, true), "-0x1f");
    assert_eq!(small(8).to_radix_string(8, true), "0o10");
    assert_eq!(small(5).to_radix_string(2, true), "0b101");
    assert_eq!(small(0).to_radix_string(16, true), "0x0");
    assert_eq!(small(35).to_radix_string(36, false), "z");
    assert_eq!(
        small(i64::MIN).to_radix_string(16, true),
        "-0x8000000000000000"
    );
    assert_eq!(
        int("-12345678901234567890123").to_decimal_string().unwrap(),
        "-12345678901234567890123"
    );
    let limit = "Exceeds the limit (4300 digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit";
    let digits_4300 = int(&"9".repeat(4300));
    assert_eq!(digits_4300.neg().to_decimal_string().unwrap().len(), 4301);
    let digits_4301 = int(&format!("1{}", "0".repeat(4300)));
    assert_eq!(
        digits_4301.to_decimal_string(),
        Err(err(ExcType::ValueError, limit))
    );
    let IntOrFloat::Int(huge) = small(10).pow(&small(1_000_000)).unwrap() else {
        panic!()
    };
    assert_eq!(
        huge.to_decimal_string(),
        Err(err(ExcType::ValueError, limit))
    );
}

#[test]
fn s02_8_int_parse() {
    let ok = |text: &str, base: u32| Int::parse(text, base).unwrap();
    assert_eq!(ok("0x1f", 0), small(31));
    assert_eq!(ok("1_000", 10), small(1000));
    assert_eq!(ok(" 12 ", 10), small(12));
    assert_eq!(ok("\u{a0}12\u{2003}", 10), small(12));
    assert_eq!(ok("-0o17", 0), small(-15));
    assert_eq!(ok("+0b101", 0), small(5));
    assert_eq!(ok("0x_1f", 16), small(31));
    assert_eq!(ok("00", 0), small(0));
    assert_eq!(ok("0_0", 0), small(0));
    assert_eq!(ok("z", 36), small(35));
    assert_eq!(ok("١٢٣", 10), small(123));
    assert_eq!(ok("-9223372036854775809", 10), int("-9223372036854775809"));
    let invalid = |text: &str, base: u32, shown: &str| {
        assert_eq!(
            Int::parse(text, base),
            Err(err(
                ExcType::ValueError,
                &format!("invalid literal for int() with base {base}: {shown}")
            )),
            "{text:?}"
        );
    };
    invalid("12abc", 10, "'12abc'");
    invalid("010", 0, "'010'");
    invalid("0_1", 0, "'0_1'");
    invalid("0b", 0, "'0b'");
    invalid("_1", 10, "'_1'");
    invalid("1__0", 10, "'1__0'");
    invalid("1_", 10, "'1_'");
    invalid("9", 8, "'9'");
    invalid("", 10, "''");
    invalid("\0", 10, "'\\x00'");
    invalid("é", 10, "'é'");
    invalid("\x1c12", 10, "'\\x1c12'");
    invalid("1e5", 10, "'1e5'");
    // %.200R: the repr is cut at 200 characters.
    let long = format!("{}x", "1".repeat(300));
    invalid(&long, 10, &format!("'{}", "1".repeat(199)));
    assert_eq!(
        Int::parse("1", 37),
        Err(err(
            ExcType::ValueError,
            "int() base must be >= 2 and <= 36, or 0"
        ))
    );
    assert_eq!(
        Int::parse("1", 1),
        Err(err(
            ExcType::ValueError,
            "int() base must be >= 2 and <= 36, or 0"
        ))
    );
    let limit =
        "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; \
                 use sys.set_int_max_str_digits() to increase the limit";
    assert_eq!(
        Int::parse(&"1".repeat(5000), 10),
        Err(err(ExcType::ValueError, limit))
    );
    assert_eq!(
        Int::parse(&format!("{}x", "1".repeat(5000)), 10),
        Err(err(ExcType::ValueError, limit))
    );
    assert_eq!(
        Int::parse(&"1".repeat(4300), 10).unwrap().bit_length(),
        14282
    );
    // Powers of two have no digit limit.
    assert_eq!(
        Int::parse(&"f".repeat(5000), 16).unwrap().bit_length(),
        20000
    );
}

#[test]
fn s02_8_int_hash() {
    // python3.11: hash(-1), hash(2**61 - 1), hash(2**61), hash(-2**61), hash(10**30)
    assert_eq!(hash_int(&small(1)), 1);
    assert_eq!(hash_int(&small(-1)), -2);
    assert_eq!(hash_int(&small(-2)), -2);
    assert_eq!(hash_int(&small((1 << 61) - 1)), 0);
    assert_eq!(hash_int(&small(1 << 61)), 1);
    assert_eq!(hash_int(&small(-(1 << 61))), -2);
    assert_eq!(
        hash_int(&int("1000000000000000000000000000000")),
        465_258_685_558_744_706
    );
    assert_eq!(hash_int(&small(i64::MIN)), -4);
}

// ---------------------------------------------------------------------------
// Property test against python3.11.

fn fmt_int(i: &Int) -> String {
    format!("i{}", i.to_bigint())
}

/// A random int of an interesting kind: tiny, any i64, near the i64 and u64
/// boundaries, powers of two and their neighbours, or a few hundred bits.
fn random_int(rng: &mut Rng) -> Int {
    let sign: i64 = if rng.below(2) == 0 { 1 } else { -1 };
    match rng.below(6) {
        0 => small(rng.range(-20, 20)),
        1 => small(rng.next() as i64),
        2 => {
            let base = BigInt::from(rng.pick(&[1u128 << 63, 1u128 << 64, 1u128 << 53]));
            Int::from_bigint((base + rng.range(-3, 3)) * sign)
        }
        3 => {
            let power = BigInt::from(1) << rng.below(200);
            Int::from_bigint((power + rng.range(-1, 1)) * sign)
        }
        _ => {
            let mut v = BigInt::from(0);
            for _ in 0..rng.range(1, 6) {
                v = (v << 64) + rng.next();
            }
            Int::from_bigint((v >> rng.below(64)) * sign)
        }
    }
}

const INT_OPS: &str = r#"
OPS = {
    'add': lambda a, b: a + b, 'sub': lambda a, b: a - b, 'mul': lambda a, b: a * b,
    'floordiv': lambda a, b: a // b, 'mod': lambda a, b: a % b, 'divmod': divmod,
    'truediv': lambda a, b: a / b, 'pow': lambda a, b: a ** b, 'powmod': pow,
    'lshift': lambda a, b: a << b, 'rshift': lambda a, b: a >> b,
    'and': lambda a, b: a & b, 'or': lambda a, b: a | b, 'xor': lambda a, b: a ^ b,
    'invert': lambda a: ~a, 'neg': lambda a: -a, 'abs': abs, 'cmp': CMP if False else (lambda a, b: CMP(a, b)),
    'tofloat': float, 'str': lambda a: 's' + str(a), 'hex': lambda a: 's' + hex(a),
    'oct': lambda a: 's' + oct(a), 'bin': lambda a: 's' + bin(a), 'bitlen': lambda a: a.bit_length(),
    'hash': hash, 'parse': lambda s, b: int(s, b), 'fromfloat': int,
}
"#;

fn rust_int_op(op: &str, a: &Int, b: &Int, c: &Int) -> String {
    let i = |r: Result<Int, Exception>| fmt_result(r, |v| fmt_int(&v));
    match op {
        "add" => i(a.add(b)),
        "sub" => i(a.sub(b)),
        "mul" => i(a.mul(b)),
        "floordiv" => i(a.floordiv(b)),
        "mod" => i(a.modulo(b)),
        "divmod" => fmt_result(a.divmod(b), |(q, r)| {
            format!("({} {})", fmt_int(&q), fmt_int(&r))
        }),
        "truediv" => fmt_result(a.truediv(b), fmt_float),
        "pow" => fmt_result(a.pow(b), |v| match v {
            IntOrFloat::Int(v) => fmt_int(&v),
            IntOrFloat::Float(f) => fmt_float(f),
        }),
        "powmod" => i(a.pow_mod(b, c)),
        "lshift" => i(a.lshift(b)),
        "rshift" => i(a.rshift(b)),
        "and" => fmt_int(&a.bitand(b)),
        "or" => fmt_int(&a.bitor(b)),
        "xor" => fmt_int(&a.bitxor(b)),
        "invert" => fmt_int(&a.invert()),
        "neg" => fmt_int(&a.neg()),
        "abs" => fmt_int(&a.abs()),
        "cmp" => match a.cmp(b) {
            Ordering::Less => "LT",
            Ordering::Greater => "GT",
            Ordering::Equal => "EQ",
        }
        .to_owned(),
        "tofloat" => fmt_result(a.to_f64(), fmt_float),
        "str" => fmt_result(a.to_decimal_string(), |s| format!("s{s}")),
        "hex" => format!("s{}", a.to_radix_string(16, true)),
        "oct" => format!("s{}", a.to_radix_string(8, true)),
        "bin" => format!("s{}", a.to_radix_string(2, true)),
        "bitlen" => format!("i{}", a.bit_length()),
        "hash" => format!("i{}", hash_int(a)),
        _ => unreachable!("{op}"),
    }
}

#[test]
fn s02_8_int_agrees_with_python_on_random_operations() {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut input = String::new();
    let mut ours = Vec::new();
    let binary = [
        "add", "sub", "mul", "floordiv", "mod", "divmod", "truediv", "and", "or", "xor", "cmp",
    ];
    let unary = [
        "invert", "neg", "abs", "tofloat", "str", "hex", "oct", "bin", "bitlen", "hash",
    ];
    for _ in 0..4000 {
        let a = random_int(&mut rng);
        let mut b = random_int(&mut rng);
        if rng.below(10) == 0 {
            b = small(0);
        }
        let kind = rng.below(10);
        let (op, b, c) = match kind {
            0 => ("pow", small(rng.range(-4, 40)), small(0)),
            1 => ("powmod", small(rng.range(-3, 300)), b),
            2 => ("lshift", small(rng.range(-2, 150)), small(0)),
            3 => (
                "rshift",
                if rng.below(8) == 0 {
                    int("1267650600228229401496703205376")
                } else {
                    small(rng.range(-2, 300))
                },
                small(0),
            ),
            4 | 5 => (rng.pick(&unary), small(0), small(0)),
            _ => (rng.pick(&binary), b, small(0)),
        };
        let args = match op {
            "powmod" => format!("{} {} {}", fmt_int(&a), fmt_int(&b), fmt_int(&c)),
            _ if unary.contains(&op) => fmt_int(&a),
            _ => format!("{} {}", fmt_int(&a), fmt_int(&b)),
        };
        input.push_str(&format!("{op} {args}\n"));
        ours.push(rust_int_op(op, &a, &b, &c));
    }
    common::check_ops(INT_OPS, &input, &ours);
}

#[test]
fn s02_8_int_parse_agrees_with_python_on_random_strings() {
    let mut rng = Rng(0x5EED_0000_1111_2222);
    let alphabet = [
        "0", "0", "1", "7", "9", "a", "f", "z", "x", "X", "o", "b", "B", "_", "_", "+", "-", " ",
        "\t", "\u{0b}", "\u{1c}", "é", "١", "\u{a0}", "\u{2003}", "\0",
    ];
    let mut input = String::new();
    let mut ours = Vec::new();
    for _ in 0..6000 {
        let text: String = (0..rng.below(8)).map(|_| rng.pick(&alphabet)).collect();
        let base = rng.pick(&[0u32, 0, 2, 8, 10, 10, 16, 16, 36, 3, 1, 37]);
        input.push_str(&format!("parse s{} i{base}\n", hex_text(&text)));
        ours.push(fmt_result(Int::parse(&text, base), |v| fmt_int(&v)));
    }
    common::check_ops(INT_OPS, &input, &ours);
}
