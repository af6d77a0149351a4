//! `repr` of constants, checked against strings printed by CPython 3.11.7
//! (`python3 -c 'print(repr(x))'`), and, when `python3.11` is installed, against the
//! live interpreter for every code point and thousands of floats.

use std::rc::Rc;

use num_bigint::BigInt;
use stage02::code::{Code, Constant};
use stage02::pyrepr::{
    is_printable, repr_bytes, repr_complex, repr_constant, repr_float, repr_int, repr_str,
    repr_surrogate_str,
};

mod common;

#[test]
fn s02_4_repr_float_matches_cpython() {
    let cases: &[(f64, &str)] = &[
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (-1.0, "-1.0"),
        (0.1, "0.1"),
        (0.3333333333333333, "0.3333333333333333"),
        (0.6666666666666666, "0.6666666666666666"),
        (1e+16, "1e+16"),
        (1000000000000000.0, "1000000000000000.0"),
        (9999999999999998.0, "9999999999999998.0"),
        (1.2345678901234568e+17, "1.2345678901234568e+17"),
        (0.0001, "0.0001"),
        (0.0001234, "0.0001234"),
        (9.999e-05, "9.999e-05"),
        (1e-05, "1e-05"),
        (1e+300, "1e+300"),
        (-1e+300, "-1e+300"),
        (1.5e-300, "1.5e-300"),
        (5e-324, "5e-324"),
        (1.7976931348623157e+308, "1.7976931348623157e+308"),
        (2.5, "2.5"),
        (100.0, "100.0"),
        (1e+22, "1e+22"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (-f64::NAN, "nan"),
        (0.30000000000000004, "0.30000000000000004"),
        (1234.5678, "1234.5678"),
        (1e-07, "1e-07"),
        (1.23e+22, "1.23e+22"),
    ];
    for &(x, expected) in cases {
        assert_eq!(repr_float(x), expected, "repr({x:?})");
    }
}

#[test]
fn s02_4_repr_complex_matches_cpython() {
    let inf = f64::INFINITY;
    let nan = f64::NAN;
    let cases: &[(f64, f64, &str)] = &[
        (0.0, 2.0, "2j"),
        (1.5, -2.0, "(1.5-2j)"),
        (-0.0, 1.0, "(-0+1j)"),
        (0.0, inf, "infj"),
        (nan, nan, "(nan+nanj)"),
        (0.0, -0.0, "-0j"),
        (-0.0, -0.0, "(-0-0j)"),
        (1.0, 0.0, "(1+0j)"),
        (0.0, 0.0, "0j"),
        (1e+16, 1e-05, "(1e+16+1e-05j)"),
        (-inf, nan, "(-inf+nanj)"),
        (2.0, inf, "(2+infj)"),
        (0.0, 1e+16, "1e+16j"),
        (0.0, 3.0, "3j"),
    ];
    for &(real, imag, expected) in cases {
        assert_eq!(
            repr_complex(real, imag),
            expected,
            "complex({real}, {imag})"
        );
    }
}

#[test]
fn s02_4_repr_str_quotes_and_escapes_like_cpython() {
    let cases: &[(&str, &str)] = &[
        ("", "''"),
        ("abc", "'abc'"),
        ("it's", "\"it's\""),
        ("say \"hi\"", "'say \"hi\"'"),
        ("both ' and \"", "'both \\' and \"'"),
        ("back\\slash", "'back\\\\slash'"),
        ("tab\u{9}nl\u{a}ret\u{d}", "'tab\\tnl\\nret\\r'"),
        (
            "\u{0}\u{1f}\u{7f}\u{80}\u{9f}\u{a0}\u{ad}",
            "'\\x00\\x1f\\x7f\\x80\\x9f\\xa0\\xad'",
        ),
        ("\u{e9}\u{20ac}\u{1f600}", "'\u{e9}\u{20ac}\u{1f600}'"),
        (
            "\u{200b}\u{2028}\u{2029}\u{feff}",
            "'\\u200b\\u2028\\u2029\\ufeff'",
        ),
        (
            "\u{e0001}\u{10ffff}\u{1f600}",
            "'\\U000e0001\\U0010ffff\u{1f600}'",
        ),
        ("\u{378}", "'\\u0378'"),
        ("\u{65e5}\u{672c}\u{8a9e}", "'\u{65e5}\u{672c}\u{8a9e}'"),
        ("a\u{3000}b", "'a\\u3000b'"),
    ];
    for &(s, expected) in cases {
        assert_eq!(repr_str(s), expected, "repr({s:?})");
    }
}

#[test]
fn s02_4_repr_surrogate_str_escapes_lone_surrogates() {
    // repr("\udc80") and repr("a\ud800b'")
    assert_eq!(repr_surrogate_str(&[0xdc80]), "'\\udc80'");
    assert_eq!(
        repr_surrogate_str(&[0x61, 0xd800, 0x62, 0x27]),
        "\"a\\ud800b'\""
    );
}

#[test]
fn s02_4_repr_bytes_matches_cpython() {
    let cases: &[(&[u8], &str)] = &[
        (b"", "b''"),
        (b"abc", "b'abc'"),
        (b"it's", "b\"it's\""),
        (b"say \"hi\"", "b'say \"hi\"'"),
        (b"both ' and \"", "b'both \\' and \"'"),
        (b"\\", "b'\\\\'"),
        (
            &[9, 10, 13, 0, 127, 128, 255],
            "b'\\t\\n\\r\\x00\\x7f\\x80\\xff'",
        ),
        (b"~ ", "b'~ '"),
    ];
    for &(b, expected) in cases {
        assert_eq!(repr_bytes(b), expected, "repr({b:?})");
    }
}

#[test]
fn s02_4_repr_int_refuses_more_than_4300_digits() {
    // str(10**4299) has 4300 digits and is allowed; the sign does not count.
    let allowed = -BigInt::from(10).pow(4299);
    assert_eq!(repr_int(&allowed).map(|s| s.len()), Ok(4301));
    let refused = BigInt::from(10).pow(4300);
    let error = repr_int(&refused).expect_err("4301 digits");
    assert_eq!(
        error.to_string(),
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    );
}

fn int(n: i64) -> Constant {
    Constant::Int(BigInt::from(n))
}

fn text(s: &str) -> Constant {
    Constant::Str(Rc::from(s))
}

#[test]
fn s02_4_repr_constant_containers_match_cpython() {
    let tuple = |items: Vec<Constant>| Constant::Tuple(Rc::from(items));
    let frozenset = |items: Vec<Constant>| Constant::FrozenSet(Rc::from(items));
    let cases: Vec<(Constant, &str)> = vec![
        (Constant::None, "None"),
        (Constant::Bool(true), "True"),
        (Constant::Bool(false), "False"),
        (Constant::Ellipsis, "Ellipsis"),
        (Constant::StopIteration, "<class 'StopIteration'>"),
        (int(-12345678901234), "-12345678901234"),
        (tuple(vec![]), "()"),
        (tuple(vec![int(1)]), "(1,)"),
        (
            tuple(vec![int(1), text("a"), Constant::None]),
            "(1, 'a', None)",
        ),
        (
            tuple(vec![tuple(vec![int(1)]), tuple(vec![])]),
            "((1,), ())",
        ),
        (frozenset(vec![]), "frozenset()"),
        (frozenset(vec![int(1), int(2)]), "frozenset({1, 2})"),
        (
            tuple(vec![frozenset(vec![text("x")]), Constant::Float(1.0)]),
            "(frozenset({'x'}), 1.0)",
        ),
        (
            Constant::Complex {
                real: 1.0,
                imag: -0.5,
            },
            "(1-0.5j)",
        ),
        (Constant::Bytes(Rc::from(&b"\x00a"[..])), "b'\\x00a'"),
        (Constant::List(Rc::from(vec![int(1)])), "[1]"),
        (Constant::Set(Rc::from(vec![])), "set()"),
        (Constant::Set(Rc::from(vec![int(1), int(2)])), "{1, 2}"),
        (
            Constant::Dict(Rc::from(vec![
                (text("a"), int(1)),
                (int(2), Constant::None),
            ])),
            "{'a': 1, 2: None}",
        ),
    ];
    for (constant, expected) in cases {
        assert_eq!(repr_constant(&constant), expected, "{constant:?}");
    }
}

#[test]
fn s02_4_repr_constant_code_object_shows_name_file_and_line() {
    let code = Rc::new(Code {
        firstlineno: 7,
        ..common::empty_code("prog.py", "<lambda>")
    });
    let address = Rc::as_ptr(&code) as usize;
    assert_eq!(
        repr_constant(&Constant::Code(code)),
        format!("<code object <lambda> at {address:#x}, file \"prog.py\", line 7>")
    );
}

#[test]
fn s02_4_repr_constant_giant_int_gives_a_marker() {
    let giant = Constant::Int(BigInt::from(7).pow(6000));
    assert!(repr_constant(&giant).starts_with("<int too large to repr: ValueError: Exceeds"));
}

#[test]
fn s02_4_repr_printable_table_matches_python() {
    let script = "import sys\n\
        print(' '.join(str(c) for c in range(sys.maxunicode + 1) if not chr(c).isprintable()))";
    let Some(expected) = common::run_python(&["-c", script], "") else {
        eprintln!("skipped: python3.11 not found");
        return;
    };
    let ours: Vec<String> = (0..=0x10ffff_u32)
        .filter(|&c| !is_printable(c))
        .map(|c| c.to_string())
        .collect();
    assert!(
        ours.join(" ") == expected.trim_end(),
        "printable table differs"
    );
}

/// A deterministic stream of bit patterns (xorshift64), so every run checks the
/// same floats: all exponents, subnormals, NaN payloads and infinities included.
fn float_samples() -> Vec<f64> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut samples = Vec::new();
    for _ in 0..20_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        samples.push(f64::from_bits(state));
        // Short decimal values too: they exercise the fixed/exponent boundaries.
        let digits = (state % 100_000) as f64;
        let exponent = ((state >> 20) % 50) as i32 - 25;
        samples.push(digits * 10f64.powi(exponent));
    }
    samples
}

#[test]
fn s02_4_repr_float_agrees_with_python_on_random_floats() {
    let samples = float_samples();
    let input: String = samples
        .iter()
        .map(|x| format!("{:x}\n", x.to_bits()))
        .collect();
    let script = "import sys, struct\n\
        for line in sys.stdin:\n    \
            x = struct.unpack('<d', int(line, 16).to_bytes(8, 'little'))[0]\n    \
            print(repr(x), repr(complex(x, -x)), repr(complex(0.0, x)))";
    let Some(expected) = common::run_python(&["-c", script], &input) else {
        eprintln!("skipped: python3.11 not found");
        return;
    };
    for (x, line) in samples.iter().zip(expected.lines()) {
        let ours = format!(
            "{} {} {}",
            repr_float(*x),
            repr_complex(*x, -*x),
            repr_complex(0.0, *x)
        );
        assert_eq!(ours, line, "bits {:#x}", x.to_bits());
    }
    assert_eq!(expected.lines().count(), samples.len());
}

#[test]
fn s02_4_repr_constant_hash_matches_pythonhashseed_0() {
    use stage02::pyrepr::set_order::constant_hash;
    // PYTHONHASHSEED=0 python3 -c "print(hash('b'), hash(b'y'), ...)"
    let cases: Vec<(Constant, i64)> = vec![
        (text("b"), -8420940591063670578),
        (Constant::Bytes(Rc::from(&b"y"[..])), 5356863688430645057),
        (text(""), 0),
        (text("\u{e9}t\u{e9}"), -1033370291238291217),
        (text("\u{2603}"), 5658562226297181912),
        (text("\u{1f600}"), -3536540696076613844),
        (Constant::Float(2.5), 1152921504606846978),
        (int(-3), -3),
        (
            Constant::Complex {
                real: 1.5,
                imag: 2.0,
            },
            1152921504608846983,
        ),
        (
            Constant::Tuple(Rc::from(vec![int(1), text("t")])),
            -5669652696130947916,
        ),
        (Constant::Float(1e-300), 482449582752280463),
        (Constant::Int(BigInt::from(10).pow(30)), 465258685558744706),
        (Constant::Float(f64::INFINITY), 314159),
    ];
    for (constant, expected) in cases {
        assert_eq!(constant_hash(&constant), Some(expected), "{constant:?}");
    }
    // Hashed by address in CPython: no stable order can be computed.
    assert_eq!(constant_hash(&Constant::None), None);
    assert_eq!(constant_hash(&Constant::Float(f64::NAN)), None);
}

#[test]
fn s02_4_repr_frozenset_iterates_like_cpython_not_like_marshal() {
    // marshal stores {'alpha', 'b', 'delta', 'gamma'} sorted by serialized bytes:
    // 'b' first. PYTHONHASHSEED=0 python3 -c "print(frozenset(['b', 'alpha', 'delta', 'gamma']))"
    let stored = Constant::FrozenSet(Rc::from(vec![
        text("b"),
        text("alpha"),
        text("delta"),
        text("gamma"),
    ]));
    assert_eq!(
        repr_constant(&stored),
        "frozenset({'alpha', 'delta', 'b', 'gamma'})"
    );
    // With an item hashed by address, the stored order is kept.
    let with_none = Constant::FrozenSet(Rc::from(vec![text("b"), Constant::None]));
    assert_eq!(repr_constant(&with_none), "frozenset({'b', None})");
}

#[test]
fn s02_4_repr_large_frozensets_grow_like_cpython() {
    // Past 50,000 items a set grows to 2 (not 4) times its size, which changes
    // where colliding items land. The frozenset is built and printed by
    // `marshal.loads`, as a constant would be.
    let script = "import marshal, random\n\
        random.seed(3)\n\
        for n in (1000, 60000, 120000):\n    \
            data = marshal.dumps(frozenset(random.randrange(2**40) for _ in range(n)))\n    \
            print(data.hex(), repr(marshal.loads(data)))";
    let Some(expected) = common::run_python(&["-c", script], "") else {
        eprintln!("skipped: python3.11 not found");
        return;
    };
    for line in expected.lines() {
        let (hex, repr) = line.split_once(' ').expect("hex and repr");
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex byte"))
            .collect();
        let constant = stage02::marshal::read_object(&bytes).expect("marshal data loads");
        assert!(
            repr_constant(&constant) == repr,
            "the frozenset of {} marshal bytes prints differently",
            bytes.len()
        );
    }
}
