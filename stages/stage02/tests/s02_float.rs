//! Tests of `stage02::float`: Python's float and complex arithmetic, `round`,
//! `float(str)`, int/float comparison and the numeric hash. Expected values come
//! from CPython 3.11; the property tests compare thousands of random operations
//! with a live `python3.11` when one is installed.

use std::cmp::Ordering;

use num_bigint::BigInt;
use stage02::exc::{ExcType, Exception};
use stage02::float::{self, FloatPow};
use stage02::int::Int;

mod common;
use common::{fmt_float, fmt_float_arg, fmt_result, hex_text, Rng};

fn err(kind: ExcType, message: &str) -> Exception {
    Exception::new(kind, message)
}

fn int(text: &str) -> Int {
    Int::from_bigint(text.parse::<BigInt>().expect("test literal"))
}

/// Same value and same sign of zero.
fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

#[test]
fn s02_8_float_floor_division_and_modulo_signs() {
    // python3.11: [(a // b, a % b) for a in (7.5, -7.5) for b in (2.0, -2.0)]
    let cases = [
        (7.5, 2.0, 3.0, 1.5),
        (7.5, -2.0, -4.0, -0.5),
        (-7.5, 2.0, -4.0, 0.5),
        (-7.5, -2.0, 3.0, -1.5),
        // python3.11: 6.0 % -3.0 == -0.0, -6.0 % 3.0 == 0.0, 0.5 // -3.0 == -1.0, -0.0 // 5.0 == -0.0
        (6.0, -3.0, -2.0, -0.0),
        (-6.0, 3.0, -2.0, 0.0),
        (0.5, -3.0, -1.0, -2.5),
        (-0.0, 5.0, -0.0, 0.0),
        // python3.11: 1.0 // inf == 0.0, 1.0 % inf == 1.0, -1.0 // inf == -1.0, -1.0 % inf == inf
        (1.0, f64::INFINITY, 0.0, 1.0),
        (-1.0, f64::INFINITY, -1.0, f64::INFINITY),
    ];
    for (a, b, q, r) in cases {
        assert!(same(float::floordiv(a, b).unwrap(), q), "{a} // {b}");
        assert!(same(float::modulo(a, b).unwrap(), r), "{a} % {b}");
        let (dq, dr) = float::divmod(a, b).unwrap();
        assert!(same(dq, q) && same(dr, r), "divmod({a}, {b})");
    }
    let z = ExcType::ZeroDivisionError;
    assert_eq!(
        float::floordiv(1.0, 0.0),
        Err(err(z, "float floor division by zero"))
    );
    assert_eq!(float::modulo(1.0, -0.0), Err(err(z, "float modulo")));
    assert_eq!(float::divmod(1.0, 0.0), Err(err(z, "float divmod()")));
    assert_eq!(
        float::truediv(1.0, 0.0),
        Err(err(z, "float division by zero"))
    );
    assert_eq!(float::truediv(1.0, 3.0).unwrap(), 1.0 / 3.0);
}

#[test]
fn s02_8_float_pow() {
    let f = |a: f64, b: f64| float::pow(a, b).unwrap();
    assert_eq!(f(2.0, 0.5), FloatPow::Float(std::f64::consts::SQRT_2));
    assert_eq!(f(f64::NAN, 0.0), FloatPow::Float(1.0));
    assert_eq!(f(1.0, f64::NAN), FloatPow::Float(1.0));
    assert_eq!(f(-1.0, f64::INFINITY), FloatPow::Float(1.0));
    assert_eq!(f(0.5, f64::NEG_INFINITY), FloatPow::Float(f64::INFINITY));
    assert_eq!(
        f(f64::NEG_INFINITY, 3.0),
        FloatPow::Float(f64::NEG_INFINITY)
    );
    assert!(matches!(f(f64::NEG_INFINITY, -3.0), FloatPow::Float(z) if same(z, -0.0)));
    assert!(matches!(f(-0.0, 3.0), FloatPow::Float(z) if same(z, -0.0)));
    assert_eq!(f(-2.0, 3.0), FloatPow::Float(-8.0));
    assert_eq!(f(-1.0, 1e300), FloatPow::Float(1.0));
    // python3.11: (-8.0) ** (1/3) == (1.0000000000000002+1.7320508075688772j)
    assert_eq!(
        f(-8.0, 1.0 / 3.0),
        FloatPow::Complex(1.0000000000000002, 1.7320508075688772)
    );
    // python3.11: (-1.0) ** 0.5 == (6.123233995736766e-17+1j)
    assert_eq!(f(-1.0, 0.5), FloatPow::Complex(6.123233995736766e-17, 1.0));
    assert_eq!(
        float::pow(0.0, -1.0),
        Err(err(
            ExcType::ZeroDivisionError,
            "0.0 cannot be raised to a negative power"
        ))
    );
    assert_eq!(
        float::pow(2.0, 10000.0),
        Err(err(
            ExcType::OverflowError,
            "(34, 'Numerical result out of range')"
        ))
    );
    assert_eq!(
        float::pow(-1e300, 1.5),
        Err(err(ExcType::OverflowError, "complex exponentiation"))
    );
    assert_eq!(f(2.0, -2000.0), FloatPow::Float(0.0));
}

#[test]
fn s02_8_float_round() {
    let r = |x: f64| float::round_to_int(x).unwrap();
    assert_eq!(r(2.5), Int::from_i64(2));
    assert_eq!(r(3.5), Int::from_i64(4));
    assert_eq!(r(-0.5), Int::from_i64(0));
    assert_eq!(r(-1.5), Int::from_i64(-2));
    assert_eq!(r(0.49999999999999994), Int::from_i64(0));
    assert_eq!(r(1e20), int("100000000000000000000"));
    assert_eq!(
        float::round_to_int(f64::INFINITY),
        Err(err(
            ExcType::OverflowError,
            "cannot convert float infinity to integer"
        ))
    );
    assert_eq!(
        float::round_to_int(f64::NAN),
        Err(err(
            ExcType::ValueError,
            "cannot convert float NaN to integer"
        ))
    );
    let n = |x: f64, d: i64| float::round_ndigits(x, d).unwrap();
    assert_eq!(n(0.125, 2), 0.12);
    assert_eq!(n(0.375, 2), 0.38);
    assert_eq!(n(2.675, 2), 2.67);
    assert_eq!(n(1e300, -300), 1e300);
    assert_eq!(n(1234.5678, -2), 1200.0);
    assert_eq!(n(5e-324, 323), 0.0);
    assert_eq!(n(5e-324, 324), 5e-324);
    assert!(same(n(-0.4, 0), -0.0));
    assert!(same(n(-1.0, -400), -0.0));
    assert!(n(f64::NAN, 2).is_nan());
    assert_eq!(n(f64::NEG_INFINITY, 2), f64::NEG_INFINITY);
    assert_eq!(
        float::round_ndigits(1.7976931348623157e308, -308),
        Err(err(
            ExcType::OverflowError,
            "rounded value too large to represent"
        ))
    );
}

#[test]
fn s02_8_float_parse() {
    let p = |s: &str| float::parse(s).unwrap();
    assert_eq!(p("1_0.5"), 10.5);
    assert_eq!(p(" 1.5\n"), 1.5);
    assert_eq!(p("+1_000.000_1e1_0"), 10000001000000.0);
    assert_eq!(p(".5"), 0.5);
    assert_eq!(p("5."), 5.0);
    assert_eq!(p("-Infinity"), f64::NEG_INFINITY);
    assert_eq!(p("1e500"), f64::INFINITY);
    assert!(same(p("-1e-500"), -0.0));
    assert!(p(" nan ").is_nan());
    assert!(p("-nAn").is_nan());
    assert_eq!(p("\u{663}.5"), 3.5);
    assert_eq!(p("\u{a0}12\u{2003}"), 12.0);
    assert_eq!(p("0.1"), 0.1);
    for (bad, shown) in [
        ("abc", "'abc'"),
        ("", "''"),
        ("1_", "'1_'"),
        ("1_e5", "'1_e5'"),
        ("_1", "'_1'"),
        ("nan_", "'nan_'"),
        ("1e", "'1e'"),
        (".", "'.'"),
        ("0x10", "'0x10'"),
        ("1\0", "'1\\x00'"),
        ("\x1c1", "'\\x1c1'"),
        ("inf inity", "'inf inity'"),
        ("it's", "\"it's\""),
    ] {
        assert_eq!(
            float::parse(bad),
            Err(err(
                ExcType::ValueError,
                &format!("could not convert string to float: {shown}")
            )),
            "{bad:?}"
        );
    }
}

#[test]
fn s02_8_float_compares_exactly_with_int() {
    let two_53_plus_1 = int("9007199254740993");
    assert_eq!(
        float::int_float_cmp(&two_53_plus_1, 9007199254740992.0),
        Some(Ordering::Greater)
    );
    assert_eq!(
        float::int_float_cmp(&int("9007199254740992"), 9007199254740992.0),
        Some(Ordering::Equal)
    );
    assert_eq!(
        float::int_float_cmp(&Int::from_i64(1), 1.5),
        Some(Ordering::Less)
    );
    assert_eq!(
        float::int_float_cmp(&int("-100000000000000000001"), -1e20),
        Some(Ordering::Less)
    );
    assert_eq!(float::int_float_cmp(&Int::from_i64(3), f64::NAN), None);
    assert_eq!(
        float::int_float_cmp(&int("1".repeat(400).as_str()), f64::INFINITY),
        Some(Ordering::Less)
    );
    assert_eq!(
        float::int_float_cmp(&int("1".repeat(400).as_str()), 1e300),
        Some(Ordering::Greater)
    );
}

#[test]
fn s02_8_float_complex() {
    assert_eq!(float::complex_add((1.0, 2.0), (3.0, -4.0)), (4.0, -2.0));
    assert_eq!(float::complex_sub((1.0, 2.0), (3.0, -4.0)), (-2.0, 6.0));
    assert_eq!(float::complex_mul((1.0, 2.0), (3.0, -4.0)), (11.0, 2.0));
    // python3.11: (1+2j) / (3-4j) == (-0.2+0.4j)
    assert_eq!(
        float::complex_div((1.0, 2.0), (3.0, -4.0)).unwrap(),
        (-0.2, 0.4)
    );
    assert_eq!(
        float::complex_div((1.0, 0.0), (0.0, 0.0)),
        Err(err(ExcType::ZeroDivisionError, "complex division by zero"))
    );
    // python3.11: (1.1+0.3j) ** 100 == (38964.234793942625+496402.3564645129j)
    assert_eq!(
        float::complex_pow((1.1, 0.3), (100.0, 0.0)).unwrap(),
        (38964.234793942625, 496402.3564645129)
    );
    let zero_power = Err(err(
        ExcType::ZeroDivisionError,
        "0.0 to a negative or complex power",
    ));
    assert_eq!(
        float::complex_pow((0.0, 0.0), (-1.0, 0.0)),
        zero_power.clone()
    );
    assert_eq!(float::complex_pow((0.0, 0.0), (0.0, 1.0)), zero_power);
    assert_eq!(
        float::complex_pow((0.0, 0.0), (0.0, 0.0)).unwrap(),
        (1.0, 0.0)
    );
    // python3.11: complex(1e300, 1e300) ** 2 == (nan+nanj), no error
    let (re, im) = float::complex_pow((1e300, 1e300), (2.0, 0.0)).unwrap();
    assert!(re.is_nan() && im.is_nan());
    assert_eq!(
        float::complex_pow((1e300, 0.0), (2.5, 0.0)),
        Err(err(ExcType::OverflowError, "complex exponentiation"))
    );
    assert_eq!(float::complex_abs((3.0, 4.0)).unwrap(), 5.0);
    assert_eq!(
        float::complex_abs((f64::NAN, f64::NEG_INFINITY)).unwrap(),
        f64::INFINITY
    );
    assert_eq!(
        float::complex_abs((1e308, 1e308)).unwrap(),
        1.4142135623730951e308
    );
    assert_eq!(
        float::complex_abs((1.7e308, 1.7e308)),
        Err(err(ExcType::OverflowError, "absolute value too large"))
    );
}

#[test]
fn s02_8_float_hash_matches_int_hash() {
    // python3.11: hash(0.5), hash(1e300), hash(-1.0), hash(float('inf')), hash(2.0**61)
    assert_eq!(float::hash_float(0.5), 1_152_921_504_606_846_976);
    assert_eq!(float::hash_float(1e300), 1_224_995_262_755_759_164);
    assert_eq!(float::hash_float(-1.0), -2);
    assert_eq!(float::hash_float(f64::INFINITY), 314_159);
    assert_eq!(float::hash_float(f64::NEG_INFINITY), -314_159);
    assert_eq!(float::hash_float(2f64.powi(61)), 1);
    for v in [0i64, 1, -1, 7, -123_456_789, 1 << 60, i64::MIN] {
        assert_eq!(
            float::hash_float(v as f64),
            float::hash_int(&Int::from_f64(v as f64).unwrap()),
            "{v}"
        );
    }
}

#[test]
fn s02_8_float_hash_complex_and_bigint() {
    // python3.11: hash(complex(1.5, -2.25)), hash(1j), hash(complex(-1, 0)),
    // hash(complex(1e300, 1e-300)), hash(-10**30)
    assert_eq!(float::hash_complex(1.5, -2.25), -576_460_752_305_423_493);
    assert_eq!(float::hash_complex(0.0, 1.0), 1_000_003);
    assert_eq!(float::hash_complex(-1.0, 0.0), -2);
    assert_eq!(
        float::hash_complex(1e300, 1e-300),
        -3_889_407_508_137_364_311
    );
    let big: BigInt = "-1000000000000000000000000000000".parse().expect("literal");
    assert_eq!(float::hash_bigint(&big), -465_258_685_558_744_706);
}

// ---------------------------------------------------------------------------
// Property tests against python3.11.

fn fmt_complex((re, im): (f64, f64)) -> String {
    format!("c{},{}", fmt_float(re), fmt_float(im))
}

/// A random double of an interesting kind: special values, small integers and
/// halves (ties), decimal-looking values, or any bit pattern.
fn random_float(rng: &mut Rng) -> f64 {
    match rng.below(5) {
        0 => rng.pick(&[
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -0.5,
            2.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            1e308,
            -1e308,
            5e-324,
            2.5,
            -2.5,
            1e16,
            9007199254740993.0,
            0.1,
            3.0,
            -3.0,
        ]),
        1 => rng.range(-40, 40) as f64 / 2.0,
        2 => rng.range(-100_000, 100_000) as f64 / 1000.0 * 10f64.powi(rng.range(-5, 5) as i32),
        3 => {
            let x = f64::from_bits(rng.next());
            if x.is_nan() {
                1.25
            } else {
                x
            }
        }
        _ => (rng.next() as i64 as f64) / (1u64 << rng.below(64)) as f64,
    }
}

const FLOAT_OPS: &str = r#"
def FPOW(a, b):
    return a ** b
OPS = {
    'floordiv': lambda a, b: a // b, 'mod': lambda a, b: a % b, 'divmod': divmod,
    'truediv': lambda a, b: a / b, 'pow': FPOW, 'round': round,
    'roundn': lambda x, n: round(x, n), 'parse': float, 'int': int,
    'cmp': lambda i, x: CMP(i, x), 'hash': lambda x: hash(x),
    'cdiv': lambda a, b, c, d: complex(a, b) / complex(c, d),
    'cmul': lambda a, b, c, d: complex(a, b) * complex(c, d),
    'cpow': lambda a, b, c, d: complex(a, b) ** complex(c, d),
    'cabs': lambda a, b: abs(complex(a, b)),
}
"#;

#[test]
fn s02_8_float_agrees_with_python_on_random_operations() {
    let mut rng = Rng(0x5EED_F10A_7000_0001);
    let mut input = String::new();
    let mut ours = Vec::new();
    for _ in 0..6000 {
        let a = random_float(&mut rng);
        let b = random_float(&mut rng);
        let (fa, fb) = (fmt_float_arg(a), fmt_float_arg(b));
        let (line, result) = match rng.below(13) {
            0 => (
                format!("floordiv {fa} {fb}"),
                fmt_result(float::floordiv(a, b), fmt_float),
            ),
            1 => (
                format!("mod {fa} {fb}"),
                fmt_result(float::modulo(a, b), fmt_float),
            ),
            2 => (
                format!("divmod {fa} {fb}"),
                fmt_result(float::divmod(a, b), |(q, r)| {
                    format!("({} {})", fmt_float(q), fmt_float(r))
                }),
            ),
            3 => (
                format!("truediv {fa} {fb}"),
                fmt_result(float::truediv(a, b), fmt_float),
            ),
            4 => (
                format!("pow {fa} {fb}"),
                fmt_result(float::pow(a, b), |p| match p {
                    FloatPow::Float(f) => fmt_float(f),
                    FloatPow::Complex(re, im) => fmt_complex((re, im)),
                }),
            ),
            5 => (
                format!("round {fa}"),
                fmt_result(float::round_to_int(a), |i| format!("i{}", i.to_bigint())),
            ),
            6 => {
                let n = if rng.below(10) == 0 {
                    rng.range(-400, 400)
                } else {
                    rng.range(-5, 20)
                };
                (
                    format!("roundn {fa} i{n}"),
                    fmt_result(float::round_ndigits(a, n), fmt_float),
                )
            }
            7 => (
                format!("int {fa}"),
                fmt_result(Int::from_f64(a), |i| format!("i{}", i.to_bigint())),
            ),
            8 => {
                let i = Int::from_f64(b.trunc()).unwrap_or(Int::from_i64(7));
                let i = i.add(&Int::from_i64(rng.range(-1, 1))).expect("small");
                let cmp = match float::int_float_cmp(&i, a) {
                    Some(Ordering::Less) => "LT",
                    Some(Ordering::Greater) => "GT",
                    Some(Ordering::Equal) => "EQ",
                    None => "none",
                };
                (format!("cmp i{} {fa}", i.to_bigint()), cmp.to_owned())
            }
            9 if !a.is_nan() => (format!("hash {fa}"), format!("i{}", float::hash_float(a))),
            9 | 10 => {
                let (c, d) = (random_float(&mut rng), random_float(&mut rng));
                let (fc, fd) = (fmt_float_arg(c), fmt_float_arg(d));
                let args = format!("{fa} {fb} {fc} {fd}");
                match rng.below(2) {
                    0 => (
                        format!("cdiv {args}"),
                        fmt_result(float::complex_div((a, b), (c, d)), fmt_complex),
                    ),
                    _ => (
                        format!("cmul {args}"),
                        fmt_complex(float::complex_mul((a, b), (c, d))),
                    ),
                }
            }
            11 => {
                // Small integral exponents take c_powi, the rest _Py_c_pow.
                let (c, d) = match rng.below(3) {
                    0 => (rng.range(-110, 110) as f64, 0.0),
                    1 => (random_float(&mut rng), 0.0),
                    _ => (random_float(&mut rng), random_float(&mut rng)),
                };
                let (a, b) = (a.clamp(-1e3, 1e3), b.clamp(-1e3, 1e3));
                let args = format!(
                    "{} {} {} {}",
                    fmt_float_arg(a),
                    fmt_float_arg(b),
                    fmt_float_arg(c),
                    fmt_float_arg(d)
                );
                (
                    format!("cpow {args}"),
                    fmt_result(float::complex_pow((a, b), (c, d)), fmt_complex),
                )
            }
            _ => (
                format!("cabs {fa} {fb}"),
                fmt_result(float::complex_abs((a, b)), fmt_float),
            ),
        };
        input.push_str(&line);
        input.push('\n');
        ours.push(result);
    }
    common::check_ops(FLOAT_OPS, &input, &ours);
}

#[test]
fn s02_8_float_parse_agrees_with_python_on_random_strings() {
    let mut rng = Rng(0x5EED_F10A_7000_0002);
    let alphabet = [
        "0", "1", "5", "9", "9", ".", "_", "_", "e", "E", "+", "-", "i", "n", "f", "a", "t", "y",
        "I", "N", "F", " ", "\t", "\u{0b}", "\u{663}", "\u{2003}", "x", "\0", "1", "2",
    ];
    let mut input = String::new();
    let mut ours = Vec::new();
    for _ in 0..8000 {
        let text: String = (0..rng.below(9)).map(|_| rng.pick(&alphabet)).collect();
        input.push_str(&format!("parse s{}\n", hex_text(&text)));
        ours.push(fmt_result(float::parse(&text), fmt_float));
    }
    // Words that the random alphabet rarely spells.
    for text in [
        "inf",
        "-INF",
        "+infinity",
        "Infinity",
        "nan",
        "-NaN",
        "infinit",
        "1e+308",
        "1e309",
        "4.9e-324",
        "2.4703282292062328e-324",
    ] {
        input.push_str(&format!("parse s{}\n", hex_text(text)));
        ours.push(fmt_result(float::parse(text), fmt_float));
    }
    common::check_ops(FLOAT_OPS, &input, &ours);
}
