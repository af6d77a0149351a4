//! Tests of `stage02::format`: the format-spec mini-language and printf-style `%`.
//! Every expected string was produced by CPython 3.11 (`python3`), by the script
//! quoted above each table (run it with python3.11 to regenerate the rows).
// 3.14159 and 2.71828 in the tables are test inputs, not stand-ins for π and e.
#![allow(clippy::approx_constant)]

use num_bigint::BigInt;
use stage02::exc::{ExcType, Exception, PyResult};
use stage02::format::{format_complex, format_float, format_int, format_str, printf, PrintfArg};
use stage02::pyrepr::{repr_bytes, repr_complex, repr_float, repr_str};

mod common;

#[derive(Debug, Clone, Copy)]
enum Kind {
    Int,
    Float,
    Str,
    Complex,
}
use Kind::*;

/// Run one row: `value` is `str(int)`, `repr(float)`, the str itself, or
/// `"repr(re) repr(im)"`; an expected text starting with `!` is an exception.
fn run_format(kind: Kind, value: &str, spec: &str) -> PyResult<String> {
    let float = |s: &str| s.parse::<f64>().expect("test data float");
    match kind {
        Int => format_int(&value.parse::<BigInt>().expect("test data int"), spec),
        Float => format_float(float(value), spec),
        Str => format_str(value, spec),
        Complex => {
            let (re, im) = value.split_once(' ').expect("test data complex");
            format_complex(float(re), float(im), spec)
        }
    }
}

fn shown(result: PyResult<String>) -> String {
    match result {
        Ok(text) => text,
        Err(e) => format!("!{e}"),
    }
}

fn check_table(table: &[(Kind, &str, &str, &str)]) {
    let mut failures = Vec::new();
    for (kind, value, spec, expected) in table {
        let actual = shown(run_format(*kind, value, spec));
        if actual != *expected {
            failures.push(format!(
                "format({kind:?} {value:?}, {spec:?}): expected {expected:?}, got {actual:?}"
            ));
        }
    }
    common::assert_no_failures(&failures, table.len());
}

#[test]
fn s02_8_format_table_matches_cpython() {
    check_table(FORMAT_TABLE);
}

/// A stand-in for the interpreter's values, as `%` sees them.
#[derive(Debug, Clone, Copy)]
enum A {
    I(i64),
    Big(&'static str),
    F(f64),
    S(&'static str),
    B(bool),
    N,
    C(f64, f64),
    Y(&'static [u8]),
}
use A::*;

impl PrintfArg for A {
    fn type_name(&self) -> String {
        let name = match self {
            I(_) | Big(_) => "int",
            F(_) => "float",
            S(_) => "str",
            B(_) => "bool",
            N => "NoneType",
            C(..) => "complex",
            Y(_) => "bytes",
        };
        name.to_string()
    }
    fn str(&self) -> PyResult<String> {
        Ok(match self {
            I(n) => n.to_string(),
            Big(s) => s.to_string(),
            F(x) => repr_float(*x),
            S(s) => s.to_string(),
            B(b) => if *b { "True" } else { "False" }.to_string(),
            N => "None".to_string(),
            C(re, im) => repr_complex(*re, *im),
            Y(bytes) => repr_bytes(bytes),
        })
    }
    fn repr(&self) -> PyResult<String> {
        match self {
            S(s) => Ok(repr_str(s)),
            _ => self.str(),
        }
    }
    fn ascii(&self) -> PyResult<String> {
        let mut out = String::new();
        for c in self.repr()?.chars() {
            match u32::from(c) {
                0..=0x7f => out.push(c),
                n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
                n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
                n => out.push_str(&format!("\\U{n:08x}")),
            }
        }
        Ok(out)
    }
    fn as_int(&self) -> Option<BigInt> {
        match self {
            I(n) => Some(BigInt::from(*n)),
            Big(s) => s.parse().ok(),
            B(b) => Some(BigInt::from(u8::from(*b))),
            _ => None,
        }
    }
    fn as_float(&self) -> Option<f64> {
        match self {
            F(x) => Some(*x),
            _ => None,
        }
    }
    fn as_str(&self) -> Option<String> {
        match self {
            S(s) => Some(s.to_string()),
            _ => None,
        }
    }
    fn is_mapping(&self) -> bool {
        matches!(self, Y(_))
    }
    fn get_item(&self, _key: &str) -> PyResult<Box<dyn PrintfArg>> {
        Err(Exception::type_error(
            "byte indices must be integers or slices, not str",
        ))
    }
}

fn check_printf_table(table: &[(&str, &[A], bool, &str)]) {
    let mut failures = Vec::new();
    for (template, args, is_tuple, expected) in table {
        let refs: Vec<&dyn PrintfArg> = args.iter().map(|a| a as &dyn PrintfArg).collect();
        let actual = shown(printf(template, &refs, *is_tuple));
        if actual != *expected {
            failures.push(format!(
                "{template:?} % {args:?}: expected {expected:?}, got {actual:?}"
            ));
        }
    }
    common::assert_no_failures(&failures, table.len());
}

#[test]
fn s02_8_printf_table_matches_cpython() {
    check_printf_table(PRINTF_TABLE);
}

fn int(text: &str) -> BigInt {
    text.parse().expect("test int")
}

// Expected values below come from python3.11, e.g. `format(0.125, '.2f')`.

#[test]
fn s02_8_format_float_rounds_ties_to_even_on_the_exact_value() {
    // 0.125 is exact in binary: a true tie, rounded to even.
    assert_eq!(format_float(0.125, ".2f").unwrap(), "0.12");
    // 2.5 and 3.5 are ties too; `'%.0f' % 2.5` is '2'.
    assert_eq!(format_float(2.5, ".0f").unwrap(), "2");
    assert_eq!(format_float(3.5, ".0f").unwrap(), "4");
    // 0.1 is slightly above 1/10, so 17 significant digits show the error.
    assert_eq!(format_float(0.1, ".17").unwrap(), "0.10000000000000001");
    // The shortest digits (no type, no precision) also round a tie to even:
    // 1658206780088562.25 lies exactly between ...562.2 and ...562.3, both of
    // which read back as it. Written as a sum (both parts and the sum are exact)
    // because clippy would have the literal shortened to ...562.2.
    // python3.11: format(1658206780088562.25, '<20'), format(complex(1, -0.0), '>9')
    let tie = 1658206780088562.0 + 0.25;
    assert_eq!(format_float(tie, "<20").unwrap(), "1658206780088562.2  ");
    assert_eq!(format_complex(1.0, -0.0, ">9").unwrap(), "   (1-0j)");
}

#[test]
fn s02_8_format_float_without_type_keeps_a_digit_after_the_point() {
    assert_eq!(format_float(1.0, ".3").unwrap(), "1.0");
    // ... and switches to an exponent one digit earlier than 'g' does.
    assert_eq!(format_float(123.0, ".3").unwrap(), "1.23e+02");
    assert_eq!(format_float(100.0, ".3").unwrap(), "1e+02");
    assert_eq!(format_float(1e20, ".3").unwrap(), "1e+20");
    // No spec at all is repr().
    assert_eq!(format_float(1e16, "").unwrap(), "1e+16");
}

#[test]
fn s02_8_format_float_z_coerces_negative_zero() {
    assert_eq!(format_float(-0.0, "z.1f").unwrap(), "0.0");
    assert_eq!(format_float(-0.04, "z.1f").unwrap(), "0.0");
    assert_eq!(format_float(-0.04, ".1f").unwrap(), "-0.0");
    assert_eq!(format_float(-0.0, "z").unwrap(), "0.0");
}

#[test]
fn s02_8_format_int_groups_digits_and_zero_padding() {
    assert_eq!(format_int(&int("1234567"), ",").unwrap(), "1,234,567");
    assert_eq!(format_int(&int("1234"), "010,").unwrap(), "00,001,234");
    assert_eq!(format_int(&int("1234"), "09,").unwrap(), "0,001,234");
    assert_eq!(format_int(&int("255"), "#_b").unwrap(), "0b1111_1111");
    assert_eq!(
        format_int(&int("18446744073709551616"), ",").unwrap(),
        "18,446,744,073,709,551,616"
    );
}

#[test]
fn s02_8_format_int_as_float_converts_first() {
    assert_eq!(
        format_int(&int("100000000000000000000"), "f").unwrap(),
        "100000000000000000000.000000"
    );
    assert_eq!(
        format_int(&int("9007199254740993"), "e").unwrap(),
        "9.007199e+15"
    );
    let huge = int(&format!("1{}", "0".repeat(400)));
    let err = format_int(&huge, "f").unwrap_err();
    assert_eq!(
        err.to_string(),
        "OverflowError: int too large to convert to float"
    );
}

#[test]
fn s02_8_format_int_has_str_digit_limit_in_decimal_only() {
    // python3.11: format(10**5000, 'd'), format(10**5000, ''), '%d' % 10**5000 raise;
    // len(format(10**5000, 'x')) == 4153 (no limit in the power-of-two bases);
    // len('%d' % -(10**4300 - 1)) == 4301 (the sign does not count).
    let limit = "ValueError: Exceeds the limit (4300 digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit";
    let huge = int(&format!("1{}", "0".repeat(5000)));
    let huge_text = huge.to_string();
    for spec in ["", "d", ",", ">10", "n"] {
        assert_eq!(
            shown(format_int(&huge, spec)),
            format!("!{limit}"),
            "{spec:?}"
        );
    }
    assert_eq!(format_int(&huge, "x").map(|s| s.len()), Ok(4153));
    let big = Big(Box::leak(huge_text.into_boxed_str()));
    let refs: [&dyn PrintfArg; 1] = [&big];
    assert_eq!(shown(printf("%d", &refs, false)), format!("!{limit}"));
    let negative = Big(Box::leak(format!("-{}", "9".repeat(4300)).into_boxed_str()));
    let refs: [&dyn PrintfArg; 1] = [&negative];
    assert_eq!(printf("%d", &refs, false).map(|s| s.len()), Ok(4301));
}

#[test]
fn s02_8_format_counts_characters_not_bytes() {
    assert_eq!(format_str("x", "\u{1F600}^5").unwrap(), "😀😀x😀😀");
    assert_eq!(format_int(&int("5"), "\u{1F600}^5").unwrap(), "😀😀5😀😀");
    assert_eq!(format_str("naïve", ".3").unwrap(), "naï");
}

#[test]
fn s02_8_format_errors_carry_cpython_messages() {
    let message = |r: PyResult<String>| r.unwrap_err().to_string();
    assert_eq!(
        message(format_int(&int("5"), ",x")),
        "ValueError: Cannot specify ',' with 'x'."
    );
    assert_eq!(
        message(format_float(1.5, "d")),
        "ValueError: Unknown format code 'd' for object of type 'float'"
    );
    assert_eq!(
        message(format_str("s", "+")),
        "ValueError: Sign not allowed in string format specifier"
    );
    assert_eq!(
        message(format_int(&int("5"), "xx")),
        "ValueError: Invalid format specifier 'xx' for object of type 'int'"
    );
    assert_eq!(
        message(format_complex(1.0, 1.0, "010")),
        "ValueError: Zero padding is not allowed in complex format specifier"
    );
}

#[test]
fn s02_8_format_refuses_enormous_widths_with_memory_error() {
    // CPython would try to build a 2 GB string here; we refuse.
    let err = format_int(&int("5"), "2000000000").unwrap_err();
    assert_eq!(err.kind, ExcType::MemoryError);
    let err = format_float(1.5, ".2000000000f").unwrap_err();
    assert_eq!(err.kind, ExcType::MemoryError);
    // Above INT_MAX it is CPython's own error.
    let err = format_float(1.5, ".2147483648f").unwrap_err();
    assert_eq!(err.to_string(), "ValueError: precision too big");
}

#[test]
fn s02_8_printf_basic_conversions() {
    let run = |template: &str, args: &[A]| {
        let refs: Vec<&dyn PrintfArg> = args.iter().map(|a| a as &dyn PrintfArg).collect();
        shown(printf(template, &refs, true))
    };
    assert_eq!(run("%s=%d", &[S("x"), I(5)]), "x=5");
    assert_eq!(run("%.0f %.0f", &[F(2.5), F(3.5)]), "2 4");
    assert_eq!(
        run("%#x|%#o|%+05d", &[I(255), I(8), I(3)]),
        "0xff|0o10|+0003"
    );
    assert_eq!(run("%-5s|%5.1f", &[S("ab"), F(2.25)]), "ab   |  2.2");
    assert_eq!(
        run("%y", &[I(1)]),
        "!ValueError: unsupported format character 'y' (0x79) at index 1"
    );
    assert_eq!(
        run("%s %s", &[I(1)]),
        "!TypeError: not enough arguments for format string"
    );
    assert_eq!(
        run("%d", &[S("a")]),
        "!TypeError: %d format: a real number is required, not str"
    );
}

#[test]
fn s02_8_printf_single_argument_and_mapping_keys() {
    let one = |template: &str, arg: A| shown(printf(template, &[&arg], false));
    assert_eq!(one("%s", S("text")), "text");
    assert_eq!(
        one("hello", I(5)),
        "!TypeError: not all arguments converted during string formatting"
    );
    // Mappings (here bytes, which CPython counts as one) skip that check.
    assert_eq!(one("hello", Y(b"x")), "hello");
    // `%(key)s` needs a mapping; dicts arrive in stage04.
    assert_eq!(one("%(a)s", I(1)), "!TypeError: format requires a mapping");
}

/// Every prefix of every spec built from the mini-language's characters, and
/// every template made of printf's, gives a result or an error: never a panic.
#[test]
fn s02_8_format_never_panics_on_odd_specs() {
    let pieces = [
        "",
        "<",
        ">",
        "^",
        "=",
        "+",
        "-",
        " ",
        "z",
        "#",
        "0",
        "9",
        "99",
        "99999999999999999999",
        ",",
        "_",
        ".",
        ".5",
        ".99999999999",
        "x",
        "c",
        "%",
        "n",
        "s",
        "é",
        "\u{1F600}",
        "(",
        ")",
        "*",
    ];
    let values = [
        A::I(0),
        A::I(-7),
        A::Big("-1180591620717411303424"),
        A::F(-0.0),
        A::F(f64::NAN),
        A::F(f64::MAX),
        A::S("é"),
        A::N,
    ];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                let spec = format!("{a}{b}{c}");
                let _ = format_int(&int("-1234567"), &spec);
                let _ = format_float(-1234.5678, &spec);
                let _ = format_float(5e-324, &spec);
                let _ = format_complex(-0.0, f64::INFINITY, &spec);
                let _ = format_str("héllo", &spec);
                let template = format!("%{a}{b}{c}|%{c}{a}");
                for value in &values {
                    let _ = printf(&template, &[value], false);
                    let _ = printf(&template, &[value, value, value], true);
                }
            }
        }
    }
}

// The rows of FORMAT_TABLE are the output of this script:
//
// def res(f):
//     try:
//         return f()
//     except Exception as e:
//         return '!%s: %s' % (type(e).__name__, e)
// def lit(s):
//     esc = lambda ch: '\\' + ch if ch in '"\\' else ch if 32 <= ord(ch) < 127 else '\\u{%x}' % ord(ch)
//     return '"' + ''.join(esc(ch) for ch in s) + '"'
// inf, nan = float('inf'), float('nan')
// int_values = [0, -42, 1234567, 10**20, 65]
// int_specs = ['', 'd', '5', '<6', '^7', '=+8', '08', '+', ' ', '-', ',', '_', '010,', '09_', 'x', 'X', '#x',
//              '#X', '#010x', '_x', '#_x', '012_b', 'b', '#b', 'o', '#o', 'n', '010n', 'c', '>5c', 'e', '.2e',
//              'f', ',.2f', 'g', '%', '*^12,', 'x<+9', '0=12,', '+#x', ' 05', '0<5', 'é>6', ',x', '.2', 'z',
//              's', 'xx', '.', '99999999999999999999', ',_', '_,', '+c', '#c', '_n', '\x01', 'y']
// float_values = [-0.0, 2.5, 0.125, -0.001234, 123.456, 1e16, 1e-5, 1/3, inf, nan]
// float_specs = ['', '.0', '.1', '.3', '.17', '10', '<10', '^11', '=+12', '012', '+', ' ', ',', '_', '012,',
//                '.2f', '.0f', 'f', 'F', 'e', 'E', '.0e', '#.0e', 'g', 'G', '.0g', '.2g', '#.3g', '#g', 'n',
//                '%', '.1%', '#.0f', ',.2f', '015,.2f', 'z.2f', 'z', '+.3', '#', '#.3', '*>10.2e', '-^9.1f',
//                '.30f', '0<10', 'd', ',x', '.', 'zz', '.2147483648f']
// str_values = ['', 'hello', 'naïve café']
// str_specs = ['', 's', '10', '<10', '>10', '^10', '*^9', '.2', '10.3', '^5.1s', '010', '0>7', 'é<8', '+',
//              ' ', '#', '=5', 'z', 'd', ',', '_s', '.', 'xx', '.0']
// complex_values = [(0.0, 0.0), (1.0, 2.0), (-0.0, -0.0), (1.5, -2.25), (1e20, 1.0)]
// complex_specs = ['', '.1', '10', '<20', '^20', '+', 'f', '.2f', 'e', 'g', '.3g', ',.2f', 'z', 'z.1f', '0',
//                  '=10', '%', 'd', 'n']
// rows = [('Int', str(v), s, res(lambda: format(v, s))) for v in int_values for s in int_specs]
// rows += [('Float', repr(v), s, res(lambda: format(v, s))) for v in float_values for s in float_specs]
// rows += [('Str', v, s, res(lambda: format(v, s))) for v in str_values for s in str_specs]
// rows += [('Complex', '%r %r' % z, s, res(lambda: format(complex(*z), s)))
//          for z in complex_values for s in complex_specs]
// for k, v, s, e in rows:
//     print('    (%s, %s, %s, %s),' % (k, lit(v), lit(s), lit(e)))
#[rustfmt::skip]
const FORMAT_TABLE: &[(Kind, &str, &str, &str)] = &[
    (Int, "0", "", "0"),
    (Int, "0", "d", "0"),
    (Int, "0", "5", "    0"),
    (Int, "0", "<6", "0     "),
    (Int, "0", "^7", "   0   "),
    (Int, "0", "=+8", "+      0"),
    (Int, "0", "08", "00000000"),
    (Int, "0", "+", "+0"),
    (Int, "0", " ", " 0"),
    (Int, "0", "-", "0"),
    (Int, "0", ",", "0"),
    (Int, "0", "_", "0"),
    (Int, "0", "010,", "00,000,000"),
    (Int, "0", "09_", "0_000_000"),
    (Int, "0", "x", "0"),
    (Int, "0", "X", "0"),
    (Int, "0", "#x", "0x0"),
    (Int, "0", "#X", "0X0"),
    (Int, "0", "#010x", "0x00000000"),
    (Int, "0", "_x", "0"),
    (Int, "0", "#_x", "0x0"),
    (Int, "0", "012_b", "00_0000_0000"),
    (Int, "0", "b", "0"),
    (Int, "0", "#b", "0b0"),
    (Int, "0", "o", "0"),
    (Int, "0", "#o", "0o0"),
    (Int, "0", "n", "0"),
    (Int, "0", "010n", "0000000000"),
    (Int, "0", "c", "\u{0}"),
    (Int, "0", ">5c", "    \u{0}"),
    (Int, "0", "e", "0.000000e+00"),
    (Int, "0", ".2e", "0.00e+00"),
    (Int, "0", "f", "0.000000"),
    (Int, "0", ",.2f", "0.00"),
    (Int, "0", "g", "0"),
    (Int, "0", "%", "0.000000%"),
    (Int, "0", "*^12,", "*****0******"),
    (Int, "0", "x<+9", "+0xxxxxxx"),
    (Int, "0", "0=12,", "0,000,000,000"),
    (Int, "0", "+#x", "+0x0"),
    (Int, "0", " 05", " 0000"),
    (Int, "0", "0<5", "00000"),
    (Int, "0", "\u{e9}>6", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}0"),
    (Int, "0", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Int, "0", ".2", "!ValueError: Precision not allowed in integer format specifier"),
    (Int, "0", "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
    (Int, "0", "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
    (Int, "0", "xx", "!ValueError: Invalid format specifier 'xx' for object of type 'int'"),
    (Int, "0", ".", "!ValueError: Format specifier missing precision"),
    (Int, "0", "99999999999999999999", "!ValueError: Too many decimal digits in format string"),
    (Int, "0", ",_", "!ValueError: Cannot specify both ',' and '_'."),
    (Int, "0", "_,", "!ValueError: Cannot specify both ',' and '_'."),
    (Int, "0", "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"),
    (Int, "0", "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
    (Int, "0", "_n", "!ValueError: Cannot specify '_' with 'n'."),
    (Int, "0", "\u{1}", "!ValueError: Unknown format code '\\x1' for object of type 'int'"),
    (Int, "0", "y", "!ValueError: Unknown format code 'y' for object of type 'int'"),
    (Int, "-42", "", "-42"),
    (Int, "-42", "d", "-42"),
    (Int, "-42", "5", "  -42"),
    (Int, "-42", "<6", "-42   "),
    (Int, "-42", "^7", "  -42  "),
    (Int, "-42", "=+8", "-     42"),
    (Int, "-42", "08", "-0000042"),
    (Int, "-42", "+", "-42"),
    (Int, "-42", " ", "-42"),
    (Int, "-42", "-", "-42"),
    (Int, "-42", ",", "-42"),
    (Int, "-42", "_", "-42"),
    (Int, "-42", "010,", "-0,000,042"),
    (Int, "-42", "09_", "-0_000_042"),
    (Int, "-42", "x", "-2a"),
    (Int, "-42", "X", "-2A"),
    (Int, "-42", "#x", "-0x2a"),
    (Int, "-42", "#X", "-0X2A"),
    (Int, "-42", "#010x", "-0x000002a"),
    (Int, "-42", "_x", "-2a"),
    (Int, "-42", "#_x", "-0x2a"),
    (Int, "-42", "012_b", "-0_0010_1010"),
    (Int, "-42", "b", "-101010"),
    (Int, "-42", "#b", "-0b101010"),
    (Int, "-42", "o", "-52"),
    (Int, "-42", "#o", "-0o52"),
    (Int, "-42", "n", "-42"),
    (Int, "-42", "010n", "-000000042"),
    (Int, "-42", "c", "!OverflowError: %c arg not in range(0x110000)"),
    (Int, "-42", ">5c", "!OverflowError: %c arg not in range(0x110000)"),
    (Int, "-42", "e", "-4.200000e+01"),
    (Int, "-42", ".2e", "-4.20e+01"),
    (Int, "-42", "f", "-42.000000"),
    (Int, "-42", ",.2f", "-42.00"),
    (Int, "-42", "g", "-42"),
    (Int, "-42", "%", "-4200.000000%"),
    (Int, "-42", "*^12,", "****-42*****"),
    (Int, "-42", "x<+9", "-42xxxxxx"),
    (Int, "-42", "0=12,", "-000,000,042"),
    (Int, "-42", "+#x", "-0x2a"),
    (Int, "-42", " 05", "-0042"),
    (Int, "-42", "0<5", "-4200"),
    (Int, "-42", "\u{e9}>6", "\u{e9}\u{e9}\u{e9}-42"),
    (Int, "-42", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Int, "-42", ".2", "!ValueError: Precision not allowed in integer format specifier"),
    (Int, "-42", "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
    (Int, "-42", "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
    (Int, "-42", "xx", "!ValueError: Invalid format specifier 'xx' for object of type 'int'"),
    (Int, "-42", ".", "!ValueError: Format specifier missing precision"),
    (Int, "-42", "99999999999999999999", "!ValueError: Too many decimal digits in format string"),
    (Int, "-42", ",_", "!ValueError: Cannot specify both ',' and '_'."),
    (Int, "-42", "_,", "!ValueError: Cannot specify both ',' and '_'."),
    (Int, "-42", "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"),
    (Int, "-42", "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
    (Int, "-42", "_n", "!ValueError: Cannot specify '_' with 'n'."),
    (Int, "-42", "\u{1}", "!ValueError: Unknown format code '\\x1' for object of type 'int'"),
    (Int, "-42", "y", "!ValueError: Unknown format code 'y' for object of type 'int'"),
    (Int, "1234567", "", "1234567"),
    (Int, "1234567", "d", "1234567"),
    (Int, "1234567", "5", "1234567"),
    (Int, "1234567", "<6", "1234567"),
    (Int, "1234567", "^7", "1234567"),
    (Int, "1234567", "=+8", "+1234567"),
    (Int, "1234567", "08", "01234567"),
    (Int, "1234567", "+", "+1234567"),
    (Int, "1234567", " ", " 1234567"),
    (Int, "1234567", "-", "1234567"),
    (Int, "1234567", ",", "1,234,567"),
    (Int, "1234567", "_", "1_234_567"),
    (Int, "1234567", "010,", "01,234,567"),
    (Int, "1234567", "09_", "1_234_567"),
    (Int, "1234567", "x", "12d687"),
    (Int, "1234567", "X", "12D687"),
    (Int, "1234567", "#x", "0x12d687"),
    (Int, "1234567", "#X", "0X12D687"),
    (Int, "1234567", "#010x", "0x0012d687"),
    (Int, "1234567", "_x", "12_d687"),
    (Int, "1234567", "#_x", "0x12_d687"),
    (Int, "1234567", "012_b", "1_0010_1101_0110_1000_0111"),
    (Int, "1234567", "b", "100101101011010000111"),
    (Int, "1234567", "#b", "0b100101101011010000111"),
    (Int, "1234567", "o", "4553207"),
    (Int, "1234567", "#o", "0o4553207"),
    (Int, "1234567", "n", "1234567"),
    (Int, "1234567", "010n", "0001234567"),
    (Int, "1234567", "c", "!OverflowError: %c arg not in range(0x110000)"),
    (Int, "1234567", ">5c", "!OverflowError: %c arg not in range(0x110000)"),
    (Int, "1234567", "e", "1.234567e+06"),
    (Int, "1234567", ".2e", "1.23e+06"),
    (Int, "1234567", "f", "1234567.000000"),
    (Int, "1234567", ",.2f", "1,234,567.00"),
    (Int, "1234567", "g", "1.23457e+06"),
    (Int, "1234567", "%", "123456700.000000%"),
    (Int, "1234567", "*^12,", "*1,234,567**"),
    (Int, "1234567", "x<+9", "+1234567x"),
    (Int, "1234567", "0=12,", "0,001,234,567"),
    (Int, "1234567", "+#x", "+0x12d687"),
    (Int, "1234567", " 05", " 1234567"),
    (Int, "1234567", "0<5", "1234567"),
    (Int, "1234567", "\u{e9}>6", "1234567"),
    (Int, "1234567", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Int, "1234567", ".2", "!ValueError: Precision not allowed in integer format specifier"),
    (Int, "1234567", "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
    (Int, "1234567", "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
    (Int, "1234567", "xx", "!ValueError: Invalid format specifier 'xx' for object of type 'int'"),
    (Int, "1234567", ".", "!ValueError: Format specifier missing precision"),
    (Int, "1234567", "99999999999999999999", "!ValueError: Too many decimal digits in format string"),
    (Int, "1234567", ",_", "!ValueError: Cannot specify both ',' and '_'."),
    (Int, "1234567", "_,", "!ValueError: Cannot specify both ',' and '_'."),
    (Int, "1234567", "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"),
    (Int, "1234567", "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
    (Int, "1234567", "_n", "!ValueError: Cannot specify '_' with 'n'."),
    (Int, "1234567", "\u{1}", "!ValueError: Unknown format code '\\x1' for object of type 'int'"),
    (Int, "1234567", "y", "!ValueError: Unknown format code 'y' for object of type 'int'"),
    (Int, "100000000000000000000", "", "100000000000000000000"),
    (Int, "100000000000000000000", "d", "100000000000000000000"),
    (Int, "100000000000000000000", "5", "100000000000000000000"),
    (Int, "100000000000000000000", "<6", "100000000000000000000"),
    (Int, "100000000000000000000", "^7", "100000000000000000000"),
    (Int, "100000000000000000000", "=+8", "+100000000000000000000"),
    (Int, "100000000000000000000", "08", "100000000000000000000"),
    (Int, "100000000000000000000", "+", "+100000000000000000000"),
    (Int, "100000000000000000000", " ", " 100000000000000000000"),
    (Int, "100000000000000000000", "-", "100000000000000000000"),
    (Int, "100000000000000000000", ",", "100,000,000,000,000,000,000"),
    (Int, "100000000000000000000", "_", "100_000_000_000_000_000_000"),
    (Int, "100000000000000000000", "010,", "100,000,000,000,000,000,000"),
    (Int, "100000000000000000000", "09_", "100_000_000_000_000_000_000"),
    (Int, "100000000000000000000", "x", "56bc75e2d63100000"),
    (Int, "100000000000000000000", "X", "56BC75E2D63100000"),
    (Int, "100000000000000000000", "#x", "0x56bc75e2d63100000"),
    (Int, "100000000000000000000", "#X", "0X56BC75E2D63100000"),
    (Int, "100000000000000000000", "#010x", "0x56bc75e2d63100000"),
    (Int, "100000000000000000000", "_x", "5_6bc7_5e2d_6310_0000"),
    (Int, "100000000000000000000", "#_x", "0x5_6bc7_5e2d_6310_0000"),
    (Int, "100000000000000000000", "012_b", "101_0110_1011_1100_0111_0101_1110_0010_1101_0110_0011_0001_0000_0000_0000_0000_0000"),
    (Int, "100000000000000000000", "b", "1010110101111000111010111100010110101100011000100000000000000000000"),
    (Int, "100000000000000000000", "#b", "0b1010110101111000111010111100010110101100011000100000000000000000000"),
    (Int, "100000000000000000000", "o", "12657072742654304000000"),
    (Int, "100000000000000000000", "#o", "0o12657072742654304000000"),
    (Int, "100000000000000000000", "n", "100000000000000000000"),
    (Int, "100000000000000000000", "010n", "100000000000000000000"),
    (Int, "100000000000000000000", "c", "!OverflowError: Python int too large to convert to C long"),
    (Int, "100000000000000000000", ">5c", "!OverflowError: Python int too large to convert to C long"),
    (Int, "100000000000000000000", "e", "1.000000e+20"),
    (Int, "100000000000000000000", ".2e", "1.00e+20"),
    (Int, "100000000000000000000", "f", "100000000000000000000.000000"),
    (Int, "100000000000000000000", ",.2f", "100,000,000,000,000,000,000.00"),
    (Int, "100000000000000000000", "g", "1e+20"),
    (Int, "100000000000000000000", "%", "10000000000000000000000.000000%"),
    (Int, "100000000000000000000", "*^12,", "100,000,000,000,000,000,000"),
    (Int, "100000000000000000000", "x<+9", "+100000000000000000000"),
    (Int, "100000000000000000000", "0=12,", "100,000,000,000,000,000,000"),
    (Int, "100000000000000000000", "+#x", "+0x56bc75e2d63100000"),
    (Int, "100000000000000000000", " 05", " 100000000000000000000"),
    (Int, "100000000000000000000", "0<5", "100000000000000000000"),
    (Int, "100000000000000000000", "\u{e9}>6", "100000000000000000000"),
    (Int, "100000000000000000000", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Int, "100000000000000000000", ".2", "!ValueError: Precision not allowed in integer format specifier"),
    (Int, "100000000000000000000", "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
    (Int, "100000000000000000000", "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
    (Int, "100000000000000000000", "xx", "!ValueError: Invalid format specifier 'xx' for object of type 'int'"),
    (Int, "100000000000000000000", ".", "!ValueError: Format specifier missing precision"),
    (Int, "100000000000000000000", "99999999999999999999", "!ValueError: Too many decimal digits in format string"),
    (Int, "100000000000000000000", ",_", "!ValueError: Cannot specify both ',' and '_'."),
    (Int, "100000000000000000000", "_,", "!ValueError: Cannot specify both ',' and '_'."),
    (Int, "100000000000000000000", "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"),
    (Int, "100000000000000000000", "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
    (Int, "100000000000000000000", "_n", "!ValueError: Cannot specify '_' with 'n'."),
    (Int, "100000000000000000000", "\u{1}", "!ValueError: Unknown format code '\\x1' for object of type 'int'"),
    (Int, "100000000000000000000", "y", "!ValueError: Unknown format code 'y' for object of type 'int'"),
    (Int, "65", "", "65"),
    (Int, "65", "d", "65"),
    (Int, "65", "5", "   65"),
    (Int, "65", "<6", "65    "),
    (Int, "65", "^7", "  65   "),
    (Int, "65", "=+8", "+     65"),
    (Int, "65", "08", "00000065"),
    (Int, "65", "+", "+65"),
    (Int, "65", " ", " 65"),
    (Int, "65", "-", "65"),
    (Int, "65", ",", "65"),
    (Int, "65", "_", "65"),
    (Int, "65", "010,", "00,000,065"),
    (Int, "65", "09_", "0_000_065"),
    (Int, "65", "x", "41"),
    (Int, "65", "X", "41"),
    (Int, "65", "#x", "0x41"),
    (Int, "65", "#X", "0X41"),
    (Int, "65", "#010x", "0x00000041"),
    (Int, "65", "_x", "41"),
    (Int, "65", "#_x", "0x41"),
    (Int, "65", "012_b", "00_0100_0001"),
    (Int, "65", "b", "1000001"),
    (Int, "65", "#b", "0b1000001"),
    (Int, "65", "o", "101"),
    (Int, "65", "#o", "0o101"),
    (Int, "65", "n", "65"),
    (Int, "65", "010n", "0000000065"),
    (Int, "65", "c", "A"),
    (Int, "65", ">5c", "    A"),
    (Int, "65", "e", "6.500000e+01"),
    (Int, "65", ".2e", "6.50e+01"),
    (Int, "65", "f", "65.000000"),
    (Int, "65", ",.2f", "65.00"),
    (Int, "65", "g", "65"),
    (Int, "65", "%", "6500.000000%"),
    (Int, "65", "*^12,", "*****65*****"),
    (Int, "65", "x<+9", "+65xxxxxx"),
    (Int, "65", "0=12,", "0,000,000,065"),
    (Int, "65", "+#x", "+0x41"),
    (Int, "65", " 05", " 0065"),
    (Int, "65", "0<5", "65000"),
    (Int, "65", "\u{e9}>6", "\u{e9}\u{e9}\u{e9}\u{e9}65"),
    (Int, "65", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Int, "65", ".2", "!ValueError: Precision not allowed in integer format specifier"),
    (Int, "65", "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
    (Int, "65", "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
    (Int, "65", "xx", "!ValueError: Invalid format specifier 'xx' for object of type 'int'"),
    (Int, "65", ".", "!ValueError: Format specifier missing precision"),
    (Int, "65", "99999999999999999999", "!ValueError: Too many decimal digits in format string"),
    (Int, "65", ",_", "!ValueError: Cannot specify both ',' and '_'."),
    (Int, "65", "_,", "!ValueError: Cannot specify both ',' and '_'."),
    (Int, "65", "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"),
    (Int, "65", "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
    (Int, "65", "_n", "!ValueError: Cannot specify '_' with 'n'."),
    (Int, "65", "\u{1}", "!ValueError: Unknown format code '\\x1' for object of type 'int'"),
    (Int, "65", "y", "!ValueError: Unknown format code 'y' for object of type 'int'"),
    (Float, "-0.0", "", "-0.0"),
    (Float, "-0.0", ".0", "-0e+00"),
    (Float, "-0.0", ".1", "-0e+00"),
    (Float, "-0.0", ".3", "-0.0"),
    (Float, "-0.0", ".17", "-0.0"),
    (Float, "-0.0", "10", "      -0.0"),
    (Float, "-0.0", "<10", "-0.0      "),
    (Float, "-0.0", "^11", "   -0.0    "),
    (Float, "-0.0", "=+12", "-        0.0"),
    (Float, "-0.0", "012", "-000000000.0"),
    (Float, "-0.0", "+", "-0.0"),
    (Float, "-0.0", " ", "-0.0"),
    (Float, "-0.0", ",", "-0.0"),
    (Float, "-0.0", "_", "-0.0"),
    (Float, "-0.0", "012,", "-0,000,000.0"),
    (Float, "-0.0", ".2f", "-0.00"),
    (Float, "-0.0", ".0f", "-0"),
    (Float, "-0.0", "f", "-0.000000"),
    (Float, "-0.0", "F", "-0.000000"),
    (Float, "-0.0", "e", "-0.000000e+00"),
    (Float, "-0.0", "E", "-0.000000E+00"),
    (Float, "-0.0", ".0e", "-0e+00"),
    (Float, "-0.0", "#.0e", "-0.e+00"),
    (Float, "-0.0", "g", "-0"),
    (Float, "-0.0", "G", "-0"),
    (Float, "-0.0", ".0g", "-0"),
    (Float, "-0.0", ".2g", "-0"),
    (Float, "-0.0", "#.3g", "-0.00"),
    (Float, "-0.0", "#g", "-0.00000"),
    (Float, "-0.0", "n", "-0"),
    (Float, "-0.0", "%", "-0.000000%"),
    (Float, "-0.0", ".1%", "-0.0%"),
    (Float, "-0.0", "#.0f", "-0."),
    (Float, "-0.0", ",.2f", "-0.00"),
    (Float, "-0.0", "015,.2f", "-000,000,000.00"),
    (Float, "-0.0", "z.2f", "0.00"),
    (Float, "-0.0", "z", "0.0"),
    (Float, "-0.0", "+.3", "-0.0"),
    (Float, "-0.0", "#", "-0.0"),
    (Float, "-0.0", "#.3", "-0.00"),
    (Float, "-0.0", "*>10.2e", "*-0.00e+00"),
    (Float, "-0.0", "-^9.1f", "---0.0---"),
    (Float, "-0.0", ".30f", "-0.000000000000000000000000000000"),
    (Float, "-0.0", "0<10", "-0.0000000"),
    (Float, "-0.0", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    (Float, "-0.0", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Float, "-0.0", ".", "!ValueError: Format specifier missing precision"),
    (Float, "-0.0", "zz", "!ValueError: Unknown format code 'z' for object of type 'float'"),
    (Float, "-0.0", ".2147483648f", "!ValueError: precision too big"),
    (Float, "2.5", "", "2.5"),
    (Float, "2.5", ".0", "2e+00"),
    (Float, "2.5", ".1", "2e+00"),
    (Float, "2.5", ".3", "2.5"),
    (Float, "2.5", ".17", "2.5"),
    (Float, "2.5", "10", "       2.5"),
    (Float, "2.5", "<10", "2.5       "),
    (Float, "2.5", "^11", "    2.5    "),
    (Float, "2.5", "=+12", "+        2.5"),
    (Float, "2.5", "012", "0000000002.5"),
    (Float, "2.5", "+", "+2.5"),
    (Float, "2.5", " ", " 2.5"),
    (Float, "2.5", ",", "2.5"),
    (Float, "2.5", "_", "2.5"),
    (Float, "2.5", "012,", "00,000,002.5"),
    (Float, "2.5", ".2f", "2.50"),
    (Float, "2.5", ".0f", "2"),
    (Float, "2.5", "f", "2.500000"),
    (Float, "2.5", "F", "2.500000"),
    (Float, "2.5", "e", "2.500000e+00"),
    (Float, "2.5", "E", "2.500000E+00"),
    (Float, "2.5", ".0e", "2e+00"),
    (Float, "2.5", "#.0e", "2.e+00"),
    (Float, "2.5", "g", "2.5"),
    (Float, "2.5", "G", "2.5"),
    (Float, "2.5", ".0g", "2"),
    (Float, "2.5", ".2g", "2.5"),
    (Float, "2.5", "#.3g", "2.50"),
    (Float, "2.5", "#g", "2.50000"),
    (Float, "2.5", "n", "2.5"),
    (Float, "2.5", "%", "250.000000%"),
    (Float, "2.5", ".1%", "250.0%"),
    (Float, "2.5", "#.0f", "2."),
    (Float, "2.5", ",.2f", "2.50"),
    (Float, "2.5", "015,.2f", "0,000,000,002.50"),
    (Float, "2.5", "z.2f", "2.50"),
    (Float, "2.5", "z", "2.5"),
    (Float, "2.5", "+.3", "+2.5"),
    (Float, "2.5", "#", "2.5"),
    (Float, "2.5", "#.3", "2.50"),
    (Float, "2.5", "*>10.2e", "**2.50e+00"),
    (Float, "2.5", "-^9.1f", "---2.5---"),
    (Float, "2.5", ".30f", "2.500000000000000000000000000000"),
    (Float, "2.5", "0<10", "2.50000000"),
    (Float, "2.5", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    (Float, "2.5", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Float, "2.5", ".", "!ValueError: Format specifier missing precision"),
    (Float, "2.5", "zz", "!ValueError: Unknown format code 'z' for object of type 'float'"),
    (Float, "2.5", ".2147483648f", "!ValueError: precision too big"),
    (Float, "0.125", "", "0.125"),
    (Float, "0.125", ".0", "0.1"),
    (Float, "0.125", ".1", "0.1"),
    (Float, "0.125", ".3", "0.125"),
    (Float, "0.125", ".17", "0.125"),
    (Float, "0.125", "10", "     0.125"),
    (Float, "0.125", "<10", "0.125     "),
    (Float, "0.125", "^11", "   0.125   "),
    (Float, "0.125", "=+12", "+      0.125"),
    (Float, "0.125", "012", "00000000.125"),
    (Float, "0.125", "+", "+0.125"),
    (Float, "0.125", " ", " 0.125"),
    (Float, "0.125", ",", "0.125"),
    (Float, "0.125", "_", "0.125"),
    (Float, "0.125", "012,", "0,000,000.125"),
    (Float, "0.125", ".2f", "0.12"),
    (Float, "0.125", ".0f", "0"),
    (Float, "0.125", "f", "0.125000"),
    (Float, "0.125", "F", "0.125000"),
    (Float, "0.125", "e", "1.250000e-01"),
    (Float, "0.125", "E", "1.250000E-01"),
    (Float, "0.125", ".0e", "1e-01"),
    (Float, "0.125", "#.0e", "1.e-01"),
    (Float, "0.125", "g", "0.125"),
    (Float, "0.125", "G", "0.125"),
    (Float, "0.125", ".0g", "0.1"),
    (Float, "0.125", ".2g", "0.12"),
    (Float, "0.125", "#.3g", "0.125"),
    (Float, "0.125", "#g", "0.125000"),
    (Float, "0.125", "n", "0.125"),
    (Float, "0.125", "%", "12.500000%"),
    (Float, "0.125", ".1%", "12.5%"),
    (Float, "0.125", "#.0f", "0."),
    (Float, "0.125", ",.2f", "0.12"),
    (Float, "0.125", "015,.2f", "0,000,000,000.12"),
    (Float, "0.125", "z.2f", "0.12"),
    (Float, "0.125", "z", "0.125"),
    (Float, "0.125", "+.3", "+0.125"),
    (Float, "0.125", "#", "0.125"),
    (Float, "0.125", "#.3", "0.125"),
    (Float, "0.125", "*>10.2e", "**1.25e-01"),
    (Float, "0.125", "-^9.1f", "---0.1---"),
    (Float, "0.125", ".30f", "0.125000000000000000000000000000"),
    (Float, "0.125", "0<10", "0.12500000"),
    (Float, "0.125", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    (Float, "0.125", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Float, "0.125", ".", "!ValueError: Format specifier missing precision"),
    (Float, "0.125", "zz", "!ValueError: Unknown format code 'z' for object of type 'float'"),
    (Float, "0.125", ".2147483648f", "!ValueError: precision too big"),
    (Float, "-0.001234", "", "-0.001234"),
    (Float, "-0.001234", ".0", "-0.001"),
    (Float, "-0.001234", ".1", "-0.001"),
    (Float, "-0.001234", ".3", "-0.00123"),
    (Float, "-0.001234", ".17", "-0.0012340000000000001"),
    (Float, "-0.001234", "10", " -0.001234"),
    (Float, "-0.001234", "<10", "-0.001234 "),
    (Float, "-0.001234", "^11", " -0.001234 "),
    (Float, "-0.001234", "=+12", "-   0.001234"),
    (Float, "-0.001234", "012", "-0000.001234"),
    (Float, "-0.001234", "+", "-0.001234"),
    (Float, "-0.001234", " ", "-0.001234"),
    (Float, "-0.001234", ",", "-0.001234"),
    (Float, "-0.001234", "_", "-0.001234"),
    (Float, "-0.001234", "012,", "-0,000.001234"),
    (Float, "-0.001234", ".2f", "-0.00"),
    (Float, "-0.001234", ".0f", "-0"),
    (Float, "-0.001234", "f", "-0.001234"),
    (Float, "-0.001234", "F", "-0.001234"),
    (Float, "-0.001234", "e", "-1.234000e-03"),
    (Float, "-0.001234", "E", "-1.234000E-03"),
    (Float, "-0.001234", ".0e", "-1e-03"),
    (Float, "-0.001234", "#.0e", "-1.e-03"),
    (Float, "-0.001234", "g", "-0.001234"),
    (Float, "-0.001234", "G", "-0.001234"),
    (Float, "-0.001234", ".0g", "-0.001"),
    (Float, "-0.001234", ".2g", "-0.0012"),
    (Float, "-0.001234", "#.3g", "-0.00123"),
    (Float, "-0.001234", "#g", "-0.00123400"),
    (Float, "-0.001234", "n", "-0.001234"),
    (Float, "-0.001234", "%", "-0.123400%"),
    (Float, "-0.001234", ".1%", "-0.1%"),
    (Float, "-0.001234", "#.0f", "-0."),
    (Float, "-0.001234", ",.2f", "-0.00"),
    (Float, "-0.001234", "015,.2f", "-000,000,000.00"),
    (Float, "-0.001234", "z.2f", "0.00"),
    (Float, "-0.001234", "z", "-0.001234"),
    (Float, "-0.001234", "+.3", "-0.00123"),
    (Float, "-0.001234", "#", "-0.001234"),
    (Float, "-0.001234", "#.3", "-0.00123"),
    (Float, "-0.001234", "*>10.2e", "*-1.23e-03"),
    (Float, "-0.001234", "-^9.1f", "---0.0---"),
    (Float, "-0.001234", ".30f", "-0.001234000000000000070790595608"),
    (Float, "-0.001234", "0<10", "-0.0012340"),
    (Float, "-0.001234", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    (Float, "-0.001234", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Float, "-0.001234", ".", "!ValueError: Format specifier missing precision"),
    (Float, "-0.001234", "zz", "!ValueError: Unknown format code 'z' for object of type 'float'"),
    (Float, "-0.001234", ".2147483648f", "!ValueError: precision too big"),
    (Float, "123.456", "", "123.456"),
    (Float, "123.456", ".0", "1e+02"),
    (Float, "123.456", ".1", "1e+02"),
    (Float, "123.456", ".3", "1.23e+02"),
    (Float, "123.456", ".17", "123.456"),
    (Float, "123.456", "10", "   123.456"),
    (Float, "123.456", "<10", "123.456   "),
    (Float, "123.456", "^11", "  123.456  "),
    (Float, "123.456", "=+12", "+    123.456"),
    (Float, "123.456", "012", "00000123.456"),
    (Float, "123.456", "+", "+123.456"),
    (Float, "123.456", " ", " 123.456"),
    (Float, "123.456", ",", "123.456"),
    (Float, "123.456", "_", "123.456"),
    (Float, "123.456", "012,", "0,000,123.456"),
    (Float, "123.456", ".2f", "123.46"),
    (Float, "123.456", ".0f", "123"),
    (Float, "123.456", "f", "123.456000"),
    (Float, "123.456", "F", "123.456000"),
    (Float, "123.456", "e", "1.234560e+02"),
    (Float, "123.456", "E", "1.234560E+02"),
    (Float, "123.456", ".0e", "1e+02"),
    (Float, "123.456", "#.0e", "1.e+02"),
    (Float, "123.456", "g", "123.456"),
    (Float, "123.456", "G", "123.456"),
    (Float, "123.456", ".0g", "1e+02"),
    (Float, "123.456", ".2g", "1.2e+02"),
    (Float, "123.456", "#.3g", "123."),
    (Float, "123.456", "#g", "123.456"),
    (Float, "123.456", "n", "123.456"),
    (Float, "123.456", "%", "12345.600000%"),
    (Float, "123.456", ".1%", "12345.6%"),
    (Float, "123.456", "#.0f", "123."),
    (Float, "123.456", ",.2f", "123.46"),
    (Float, "123.456", "015,.2f", "0,000,000,123.46"),
    (Float, "123.456", "z.2f", "123.46"),
    (Float, "123.456", "z", "123.456"),
    (Float, "123.456", "+.3", "+1.23e+02"),
    (Float, "123.456", "#", "123.456"),
    (Float, "123.456", "#.3", "1.23e+02"),
    (Float, "123.456", "*>10.2e", "**1.23e+02"),
    (Float, "123.456", "-^9.1f", "--123.5--"),
    (Float, "123.456", ".30f", "123.456000000000003069544618483633"),
    (Float, "123.456", "0<10", "123.456000"),
    (Float, "123.456", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    (Float, "123.456", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Float, "123.456", ".", "!ValueError: Format specifier missing precision"),
    (Float, "123.456", "zz", "!ValueError: Unknown format code 'z' for object of type 'float'"),
    (Float, "123.456", ".2147483648f", "!ValueError: precision too big"),
    (Float, "1e+16", "", "1e+16"),
    (Float, "1e+16", ".0", "1e+16"),
    (Float, "1e+16", ".1", "1e+16"),
    (Float, "1e+16", ".3", "1e+16"),
    (Float, "1e+16", ".17", "1e+16"),
    (Float, "1e+16", "10", "     1e+16"),
    (Float, "1e+16", "<10", "1e+16     "),
    (Float, "1e+16", "^11", "   1e+16   "),
    (Float, "1e+16", "=+12", "+      1e+16"),
    (Float, "1e+16", "012", "00000001e+16"),
    (Float, "1e+16", "+", "+1e+16"),
    (Float, "1e+16", " ", " 1e+16"),
    (Float, "1e+16", ",", "1e+16"),
    (Float, "1e+16", "_", "1e+16"),
    (Float, "1e+16", "012,", "0,000,001e+16"),
    (Float, "1e+16", ".2f", "10000000000000000.00"),
    (Float, "1e+16", ".0f", "10000000000000000"),
    (Float, "1e+16", "f", "10000000000000000.000000"),
    (Float, "1e+16", "F", "10000000000000000.000000"),
    (Float, "1e+16", "e", "1.000000e+16"),
    (Float, "1e+16", "E", "1.000000E+16"),
    (Float, "1e+16", ".0e", "1e+16"),
    (Float, "1e+16", "#.0e", "1.e+16"),
    (Float, "1e+16", "g", "1e+16"),
    (Float, "1e+16", "G", "1E+16"),
    (Float, "1e+16", ".0g", "1e+16"),
    (Float, "1e+16", ".2g", "1e+16"),
    (Float, "1e+16", "#.3g", "1.00e+16"),
    (Float, "1e+16", "#g", "1.00000e+16"),
    (Float, "1e+16", "n", "1e+16"),
    (Float, "1e+16", "%", "1000000000000000000.000000%"),
    (Float, "1e+16", ".1%", "1000000000000000000.0%"),
    (Float, "1e+16", "#.0f", "10000000000000000."),
    (Float, "1e+16", ",.2f", "10,000,000,000,000,000.00"),
    (Float, "1e+16", "015,.2f", "10,000,000,000,000,000.00"),
    (Float, "1e+16", "z.2f", "10000000000000000.00"),
    (Float, "1e+16", "z", "1e+16"),
    (Float, "1e+16", "+.3", "+1e+16"),
    (Float, "1e+16", "#", "1.e+16"),
    (Float, "1e+16", "#.3", "1.00e+16"),
    (Float, "1e+16", "*>10.2e", "**1.00e+16"),
    (Float, "1e+16", "-^9.1f", "10000000000000000.0"),
    (Float, "1e+16", ".30f", "10000000000000000.000000000000000000000000000000"),
    (Float, "1e+16", "0<10", "1e+1600000"),
    (Float, "1e+16", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    (Float, "1e+16", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Float, "1e+16", ".", "!ValueError: Format specifier missing precision"),
    (Float, "1e+16", "zz", "!ValueError: Unknown format code 'z' for object of type 'float'"),
    (Float, "1e+16", ".2147483648f", "!ValueError: precision too big"),
    (Float, "1e-05", "", "1e-05"),
    (Float, "1e-05", ".0", "1e-05"),
    (Float, "1e-05", ".1", "1e-05"),
    (Float, "1e-05", ".3", "1e-05"),
    (Float, "1e-05", ".17", "1.0000000000000001e-05"),
    (Float, "1e-05", "10", "     1e-05"),
    (Float, "1e-05", "<10", "1e-05     "),
    (Float, "1e-05", "^11", "   1e-05   "),
    (Float, "1e-05", "=+12", "+      1e-05"),
    (Float, "1e-05", "012", "00000001e-05"),
    (Float, "1e-05", "+", "+1e-05"),
    (Float, "1e-05", " ", " 1e-05"),
    (Float, "1e-05", ",", "1e-05"),
    (Float, "1e-05", "_", "1e-05"),
    (Float, "1e-05", "012,", "0,000,001e-05"),
    (Float, "1e-05", ".2f", "0.00"),
    (Float, "1e-05", ".0f", "0"),
    (Float, "1e-05", "f", "0.000010"),
    (Float, "1e-05", "F", "0.000010"),
    (Float, "1e-05", "e", "1.000000e-05"),
    (Float, "1e-05", "E", "1.000000E-05"),
    (Float, "1e-05", ".0e", "1e-05"),
    (Float, "1e-05", "#.0e", "1.e-05"),
    (Float, "1e-05", "g", "1e-05"),
    (Float, "1e-05", "G", "1E-05"),
    (Float, "1e-05", ".0g", "1e-05"),
    (Float, "1e-05", ".2g", "1e-05"),
    (Float, "1e-05", "#.3g", "1.00e-05"),
    (Float, "1e-05", "#g", "1.00000e-05"),
    (Float, "1e-05", "n", "1e-05"),
    (Float, "1e-05", "%", "0.001000%"),
    (Float, "1e-05", ".1%", "0.0%"),
    (Float, "1e-05", "#.0f", "0."),
    (Float, "1e-05", ",.2f", "0.00"),
    (Float, "1e-05", "015,.2f", "0,000,000,000.00"),
    (Float, "1e-05", "z.2f", "0.00"),
    (Float, "1e-05", "z", "1e-05"),
    (Float, "1e-05", "+.3", "+1e-05"),
    (Float, "1e-05", "#", "1.e-05"),
    (Float, "1e-05", "#.3", "1.00e-05"),
    (Float, "1e-05", "*>10.2e", "**1.00e-05"),
    (Float, "1e-05", "-^9.1f", "---0.0---"),
    (Float, "1e-05", ".30f", "0.000010000000000000000818030539"),
    (Float, "1e-05", "0<10", "1e-0500000"),
    (Float, "1e-05", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    (Float, "1e-05", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Float, "1e-05", ".", "!ValueError: Format specifier missing precision"),
    (Float, "1e-05", "zz", "!ValueError: Unknown format code 'z' for object of type 'float'"),
    (Float, "1e-05", ".2147483648f", "!ValueError: precision too big"),
    (Float, "0.3333333333333333", "", "0.3333333333333333"),
    (Float, "0.3333333333333333", ".0", "0.3"),
    (Float, "0.3333333333333333", ".1", "0.3"),
    (Float, "0.3333333333333333", ".3", "0.333"),
    (Float, "0.3333333333333333", ".17", "0.33333333333333331"),
    (Float, "0.3333333333333333", "10", "0.3333333333333333"),
    (Float, "0.3333333333333333", "<10", "0.3333333333333333"),
    (Float, "0.3333333333333333", "^11", "0.3333333333333333"),
    (Float, "0.3333333333333333", "=+12", "+0.3333333333333333"),
    (Float, "0.3333333333333333", "012", "0.3333333333333333"),
    (Float, "0.3333333333333333", "+", "+0.3333333333333333"),
    (Float, "0.3333333333333333", " ", " 0.3333333333333333"),
    (Float, "0.3333333333333333", ",", "0.3333333333333333"),
    (Float, "0.3333333333333333", "_", "0.3333333333333333"),
    (Float, "0.3333333333333333", "012,", "0.3333333333333333"),
    (Float, "0.3333333333333333", ".2f", "0.33"),
    (Float, "0.3333333333333333", ".0f", "0"),
    (Float, "0.3333333333333333", "f", "0.333333"),
    (Float, "0.3333333333333333", "F", "0.333333"),
    (Float, "0.3333333333333333", "e", "3.333333e-01"),
    (Float, "0.3333333333333333", "E", "3.333333E-01"),
    (Float, "0.3333333333333333", ".0e", "3e-01"),
    (Float, "0.3333333333333333", "#.0e", "3.e-01"),
    (Float, "0.3333333333333333", "g", "0.333333"),
    (Float, "0.3333333333333333", "G", "0.333333"),
    (Float, "0.3333333333333333", ".0g", "0.3"),
    (Float, "0.3333333333333333", ".2g", "0.33"),
    (Float, "0.3333333333333333", "#.3g", "0.333"),
    (Float, "0.3333333333333333", "#g", "0.333333"),
    (Float, "0.3333333333333333", "n", "0.333333"),
    (Float, "0.3333333333333333", "%", "33.333333%"),
    (Float, "0.3333333333333333", ".1%", "33.3%"),
    (Float, "0.3333333333333333", "#.0f", "0."),
    (Float, "0.3333333333333333", ",.2f", "0.33"),
    (Float, "0.3333333333333333", "015,.2f", "0,000,000,000.33"),
    (Float, "0.3333333333333333", "z.2f", "0.33"),
    (Float, "0.3333333333333333", "z", "0.3333333333333333"),
    (Float, "0.3333333333333333", "+.3", "+0.333"),
    (Float, "0.3333333333333333", "#", "0.3333333333333333"),
    (Float, "0.3333333333333333", "#.3", "0.333"),
    (Float, "0.3333333333333333", "*>10.2e", "**3.33e-01"),
    (Float, "0.3333333333333333", "-^9.1f", "---0.3---"),
    (Float, "0.3333333333333333", ".30f", "0.333333333333333314829616256247"),
    (Float, "0.3333333333333333", "0<10", "0.3333333333333333"),
    (Float, "0.3333333333333333", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    (Float, "0.3333333333333333", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Float, "0.3333333333333333", ".", "!ValueError: Format specifier missing precision"),
    (Float, "0.3333333333333333", "zz", "!ValueError: Unknown format code 'z' for object of type 'float'"),
    (Float, "0.3333333333333333", ".2147483648f", "!ValueError: precision too big"),
    (Float, "inf", "", "inf"),
    (Float, "inf", ".0", "inf"),
    (Float, "inf", ".1", "inf"),
    (Float, "inf", ".3", "inf"),
    (Float, "inf", ".17", "inf"),
    (Float, "inf", "10", "       inf"),
    (Float, "inf", "<10", "inf       "),
    (Float, "inf", "^11", "    inf    "),
    (Float, "inf", "=+12", "+        inf"),
    (Float, "inf", "012", "000000000inf"),
    (Float, "inf", "+", "+inf"),
    (Float, "inf", " ", " inf"),
    (Float, "inf", ",", "inf"),
    (Float, "inf", "_", "inf"),
    (Float, "inf", "012,", "000000000inf"),
    (Float, "inf", ".2f", "inf"),
    (Float, "inf", ".0f", "inf"),
    (Float, "inf", "f", "inf"),
    (Float, "inf", "F", "INF"),
    (Float, "inf", "e", "inf"),
    (Float, "inf", "E", "INF"),
    (Float, "inf", ".0e", "inf"),
    (Float, "inf", "#.0e", "inf"),
    (Float, "inf", "g", "inf"),
    (Float, "inf", "G", "INF"),
    (Float, "inf", ".0g", "inf"),
    (Float, "inf", ".2g", "inf"),
    (Float, "inf", "#.3g", "inf"),
    (Float, "inf", "#g", "inf"),
    (Float, "inf", "n", "inf"),
    (Float, "inf", "%", "inf%"),
    (Float, "inf", ".1%", "inf%"),
    (Float, "inf", "#.0f", "inf"),
    (Float, "inf", ",.2f", "inf"),
    (Float, "inf", "015,.2f", "000000000000inf"),
    (Float, "inf", "z.2f", "inf"),
    (Float, "inf", "z", "inf"),
    (Float, "inf", "+.3", "+inf"),
    (Float, "inf", "#", "inf"),
    (Float, "inf", "#.3", "inf"),
    (Float, "inf", "*>10.2e", "*******inf"),
    (Float, "inf", "-^9.1f", "---inf---"),
    (Float, "inf", ".30f", "inf"),
    (Float, "inf", "0<10", "inf0000000"),
    (Float, "inf", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    (Float, "inf", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Float, "inf", ".", "!ValueError: Format specifier missing precision"),
    (Float, "inf", "zz", "!ValueError: Unknown format code 'z' for object of type 'float'"),
    (Float, "inf", ".2147483648f", "!ValueError: precision too big"),
    (Float, "nan", "", "nan"),
    (Float, "nan", ".0", "nan"),
    (Float, "nan", ".1", "nan"),
    (Float, "nan", ".3", "nan"),
    (Float, "nan", ".17", "nan"),
    (Float, "nan", "10", "       nan"),
    (Float, "nan", "<10", "nan       "),
    (Float, "nan", "^11", "    nan    "),
    (Float, "nan", "=+12", "+        nan"),
    (Float, "nan", "012", "000000000nan"),
    (Float, "nan", "+", "+nan"),
    (Float, "nan", " ", " nan"),
    (Float, "nan", ",", "nan"),
    (Float, "nan", "_", "nan"),
    (Float, "nan", "012,", "000000000nan"),
    (Float, "nan", ".2f", "nan"),
    (Float, "nan", ".0f", "nan"),
    (Float, "nan", "f", "nan"),
    (Float, "nan", "F", "NAN"),
    (Float, "nan", "e", "nan"),
    (Float, "nan", "E", "NAN"),
    (Float, "nan", ".0e", "nan"),
    (Float, "nan", "#.0e", "nan"),
    (Float, "nan", "g", "nan"),
    (Float, "nan", "G", "NAN"),
    (Float, "nan", ".0g", "nan"),
    (Float, "nan", ".2g", "nan"),
    (Float, "nan", "#.3g", "nan"),
    (Float, "nan", "#g", "nan"),
    (Float, "nan", "n", "nan"),
    (Float, "nan", "%", "nan%"),
    (Float, "nan", ".1%", "nan%"),
    (Float, "nan", "#.0f", "nan"),
    (Float, "nan", ",.2f", "nan"),
    (Float, "nan", "015,.2f", "000000000000nan"),
    (Float, "nan", "z.2f", "nan"),
    (Float, "nan", "z", "nan"),
    (Float, "nan", "+.3", "+nan"),
    (Float, "nan", "#", "nan"),
    (Float, "nan", "#.3", "nan"),
    (Float, "nan", "*>10.2e", "*******nan"),
    (Float, "nan", "-^9.1f", "---nan---"),
    (Float, "nan", ".30f", "nan"),
    (Float, "nan", "0<10", "nan0000000"),
    (Float, "nan", "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
    (Float, "nan", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    (Float, "nan", ".", "!ValueError: Format specifier missing precision"),
    (Float, "nan", "zz", "!ValueError: Unknown format code 'z' for object of type 'float'"),
    (Float, "nan", ".2147483648f", "!ValueError: precision too big"),
    (Str, "", "", ""),
    (Str, "", "s", ""),
    (Str, "", "10", "          "),
    (Str, "", "<10", "          "),
    (Str, "", ">10", "          "),
    (Str, "", "^10", "          "),
    (Str, "", "*^9", "*********"),
    (Str, "", ".2", ""),
    (Str, "", "10.3", "          "),
    (Str, "", "^5.1s", "     "),
    (Str, "", "010", "0000000000"),
    (Str, "", "0>7", "0000000"),
    (Str, "", "\u{e9}<8", "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
    (Str, "", "+", "!ValueError: Sign not allowed in string format specifier"),
    (Str, "", " ", "!ValueError: Space not allowed in string format specifier"),
    (Str, "", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
    (Str, "", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
    (Str, "", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
    (Str, "", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
    (Str, "", ",", "!ValueError: Cannot specify ',' with 's'."),
    (Str, "", "_s", "!ValueError: Cannot specify '_' with 's'."),
    (Str, "", ".", "!ValueError: Format specifier missing precision"),
    (Str, "", "xx", "!ValueError: Invalid format specifier 'xx' for object of type 'str'"),
    (Str, "", ".0", ""),
    (Str, "hello", "", "hello"),
    (Str, "hello", "s", "hello"),
    (Str, "hello", "10", "hello     "),
    (Str, "hello", "<10", "hello     "),
    (Str, "hello", ">10", "     hello"),
    (Str, "hello", "^10", "  hello   "),
    (Str, "hello", "*^9", "**hello**"),
    (Str, "hello", ".2", "he"),
    (Str, "hello", "10.3", "hel       "),
    (Str, "hello", "^5.1s", "  h  "),
    (Str, "hello", "010", "hello00000"),
    (Str, "hello", "0>7", "00hello"),
    (Str, "hello", "\u{e9}<8", "hello\u{e9}\u{e9}\u{e9}"),
    (Str, "hello", "+", "!ValueError: Sign not allowed in string format specifier"),
    (Str, "hello", " ", "!ValueError: Space not allowed in string format specifier"),
    (Str, "hello", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
    (Str, "hello", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
    (Str, "hello", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
    (Str, "hello", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
    (Str, "hello", ",", "!ValueError: Cannot specify ',' with 's'."),
    (Str, "hello", "_s", "!ValueError: Cannot specify '_' with 's'."),
    (Str, "hello", ".", "!ValueError: Format specifier missing precision"),
    (Str, "hello", "xx", "!ValueError: Invalid format specifier 'xx' for object of type 'str'"),
    (Str, "hello", ".0", ""),
    (Str, "na\u{ef}ve caf\u{e9}", "", "na\u{ef}ve caf\u{e9}"),
    (Str, "na\u{ef}ve caf\u{e9}", "s", "na\u{ef}ve caf\u{e9}"),
    (Str, "na\u{ef}ve caf\u{e9}", "10", "na\u{ef}ve caf\u{e9}"),
    (Str, "na\u{ef}ve caf\u{e9}", "<10", "na\u{ef}ve caf\u{e9}"),
    (Str, "na\u{ef}ve caf\u{e9}", ">10", "na\u{ef}ve caf\u{e9}"),
    (Str, "na\u{ef}ve caf\u{e9}", "^10", "na\u{ef}ve caf\u{e9}"),
    (Str, "na\u{ef}ve caf\u{e9}", "*^9", "na\u{ef}ve caf\u{e9}"),
    (Str, "na\u{ef}ve caf\u{e9}", ".2", "na"),
    (Str, "na\u{ef}ve caf\u{e9}", "10.3", "na\u{ef}       "),
    (Str, "na\u{ef}ve caf\u{e9}", "^5.1s", "  n  "),
    (Str, "na\u{ef}ve caf\u{e9}", "010", "na\u{ef}ve caf\u{e9}"),
    (Str, "na\u{ef}ve caf\u{e9}", "0>7", "na\u{ef}ve caf\u{e9}"),
    (Str, "na\u{ef}ve caf\u{e9}", "\u{e9}<8", "na\u{ef}ve caf\u{e9}"),
    (Str, "na\u{ef}ve caf\u{e9}", "+", "!ValueError: Sign not allowed in string format specifier"),
    (Str, "na\u{ef}ve caf\u{e9}", " ", "!ValueError: Space not allowed in string format specifier"),
    (Str, "na\u{ef}ve caf\u{e9}", "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
    (Str, "na\u{ef}ve caf\u{e9}", "=5", "!ValueError: '=' alignment not allowed in string format specifier"),
    (Str, "na\u{ef}ve caf\u{e9}", "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
    (Str, "na\u{ef}ve caf\u{e9}", "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
    (Str, "na\u{ef}ve caf\u{e9}", ",", "!ValueError: Cannot specify ',' with 's'."),
    (Str, "na\u{ef}ve caf\u{e9}", "_s", "!ValueError: Cannot specify '_' with 's'."),
    (Str, "na\u{ef}ve caf\u{e9}", ".", "!ValueError: Format specifier missing precision"),
    (Str, "na\u{ef}ve caf\u{e9}", "xx", "!ValueError: Invalid format specifier 'xx' for object of type 'str'"),
    (Str, "na\u{ef}ve caf\u{e9}", ".0", ""),
    (Complex, "0.0 0.0", "", "0j"),
    (Complex, "0.0 0.0", ".1", "0j"),
    (Complex, "0.0 0.0", "10", "        0j"),
    (Complex, "0.0 0.0", "<20", "0j                  "),
    (Complex, "0.0 0.0", "^20", "         0j         "),
    (Complex, "0.0 0.0", "+", "+0j"),
    (Complex, "0.0 0.0", "f", "0.000000+0.000000j"),
    (Complex, "0.0 0.0", ".2f", "0.00+0.00j"),
    (Complex, "0.0 0.0", "e", "0.000000e+00+0.000000e+00j"),
    (Complex, "0.0 0.0", "g", "0+0j"),
    (Complex, "0.0 0.0", ".3g", "0+0j"),
    (Complex, "0.0 0.0", ",.2f", "0.00+0.00j"),
    (Complex, "0.0 0.0", "z", "0j"),
    (Complex, "0.0 0.0", "z.1f", "0.0+0.0j"),
    (Complex, "0.0 0.0", "0", "!ValueError: Zero padding is not allowed in complex format specifier"),
    (Complex, "0.0 0.0", "=10", "!ValueError: '=' alignment flag is not allowed in complex format specifier"),
    (Complex, "0.0 0.0", "%", "!ValueError: Unknown format code '%' for object of type 'complex'"),
    (Complex, "0.0 0.0", "d", "!ValueError: Unknown format code 'd' for object of type 'complex'"),
    (Complex, "0.0 0.0", "n", "0+0j"),
    (Complex, "1.0 2.0", "", "(1+2j)"),
    (Complex, "1.0 2.0", ".1", "(1+2j)"),
    (Complex, "1.0 2.0", "10", "    (1+2j)"),
    (Complex, "1.0 2.0", "<20", "(1+2j)              "),
    (Complex, "1.0 2.0", "^20", "       (1+2j)       "),
    (Complex, "1.0 2.0", "+", "(+1+2j)"),
    (Complex, "1.0 2.0", "f", "1.000000+2.000000j"),
    (Complex, "1.0 2.0", ".2f", "1.00+2.00j"),
    (Complex, "1.0 2.0", "e", "1.000000e+00+2.000000e+00j"),
    (Complex, "1.0 2.0", "g", "1+2j"),
    (Complex, "1.0 2.0", ".3g", "1+2j"),
    (Complex, "1.0 2.0", ",.2f", "1.00+2.00j"),
    (Complex, "1.0 2.0", "z", "(1+2j)"),
    (Complex, "1.0 2.0", "z.1f", "1.0+2.0j"),
    (Complex, "1.0 2.0", "0", "!ValueError: Zero padding is not allowed in complex format specifier"),
    (Complex, "1.0 2.0", "=10", "!ValueError: '=' alignment flag is not allowed in complex format specifier"),
    (Complex, "1.0 2.0", "%", "!ValueError: Unknown format code '%' for object of type 'complex'"),
    (Complex, "1.0 2.0", "d", "!ValueError: Unknown format code 'd' for object of type 'complex'"),
    (Complex, "1.0 2.0", "n", "1+2j"),
    (Complex, "-0.0 -0.0", "", "(-0-0j)"),
    (Complex, "-0.0 -0.0", ".1", "(-0-0j)"),
    (Complex, "-0.0 -0.0", "10", "   (-0-0j)"),
    (Complex, "-0.0 -0.0", "<20", "(-0-0j)             "),
    (Complex, "-0.0 -0.0", "^20", "      (-0-0j)       "),
    (Complex, "-0.0 -0.0", "+", "(-0-0j)"),
    (Complex, "-0.0 -0.0", "f", "-0.000000-0.000000j"),
    (Complex, "-0.0 -0.0", ".2f", "-0.00-0.00j"),
    (Complex, "-0.0 -0.0", "e", "-0.000000e+00-0.000000e+00j"),
    (Complex, "-0.0 -0.0", "g", "-0-0j"),
    (Complex, "-0.0 -0.0", ".3g", "-0-0j"),
    (Complex, "-0.0 -0.0", ",.2f", "-0.00-0.00j"),
    (Complex, "-0.0 -0.0", "z", "(0+0j)"),
    (Complex, "-0.0 -0.0", "z.1f", "0.0+0.0j"),
    (Complex, "-0.0 -0.0", "0", "!ValueError: Zero padding is not allowed in complex format specifier"),
    (Complex, "-0.0 -0.0", "=10", "!ValueError: '=' alignment flag is not allowed in complex format specifier"),
    (Complex, "-0.0 -0.0", "%", "!ValueError: Unknown format code '%' for object of type 'complex'"),
    (Complex, "-0.0 -0.0", "d", "!ValueError: Unknown format code 'd' for object of type 'complex'"),
    (Complex, "-0.0 -0.0", "n", "-0-0j"),
    (Complex, "1.5 -2.25", "", "(1.5-2.25j)"),
    (Complex, "1.5 -2.25", ".1", "(2-2j)"),
    (Complex, "1.5 -2.25", "10", "(1.5-2.25j)"),
    (Complex, "1.5 -2.25", "<20", "(1.5-2.25j)         "),
    (Complex, "1.5 -2.25", "^20", "    (1.5-2.25j)     "),
    (Complex, "1.5 -2.25", "+", "(+1.5-2.25j)"),
    (Complex, "1.5 -2.25", "f", "1.500000-2.250000j"),
    (Complex, "1.5 -2.25", ".2f", "1.50-2.25j"),
    (Complex, "1.5 -2.25", "e", "1.500000e+00-2.250000e+00j"),
    (Complex, "1.5 -2.25", "g", "1.5-2.25j"),
    (Complex, "1.5 -2.25", ".3g", "1.5-2.25j"),
    (Complex, "1.5 -2.25", ",.2f", "1.50-2.25j"),
    (Complex, "1.5 -2.25", "z", "(1.5-2.25j)"),
    (Complex, "1.5 -2.25", "z.1f", "1.5-2.2j"),
    (Complex, "1.5 -2.25", "0", "!ValueError: Zero padding is not allowed in complex format specifier"),
    (Complex, "1.5 -2.25", "=10", "!ValueError: '=' alignment flag is not allowed in complex format specifier"),
    (Complex, "1.5 -2.25", "%", "!ValueError: Unknown format code '%' for object of type 'complex'"),
    (Complex, "1.5 -2.25", "d", "!ValueError: Unknown format code 'd' for object of type 'complex'"),
    (Complex, "1.5 -2.25", "n", "1.5-2.25j"),
    (Complex, "1e+20 1.0", "", "(1e+20+1j)"),
    (Complex, "1e+20 1.0", ".1", "(1e+20+1j)"),
    (Complex, "1e+20 1.0", "10", "(1e+20+1j)"),
    (Complex, "1e+20 1.0", "<20", "(1e+20+1j)          "),
    (Complex, "1e+20 1.0", "^20", "     (1e+20+1j)     "),
    (Complex, "1e+20 1.0", "+", "(+1e+20+1j)"),
    (Complex, "1e+20 1.0", "f", "100000000000000000000.000000+1.000000j"),
    (Complex, "1e+20 1.0", ".2f", "100000000000000000000.00+1.00j"),
    (Complex, "1e+20 1.0", "e", "1.000000e+20+1.000000e+00j"),
    (Complex, "1e+20 1.0", "g", "1e+20+1j"),
    (Complex, "1e+20 1.0", ".3g", "1e+20+1j"),
    (Complex, "1e+20 1.0", ",.2f", "100,000,000,000,000,000,000.00+1.00j"),
    (Complex, "1e+20 1.0", "z", "(1e+20+1j)"),
    (Complex, "1e+20 1.0", "z.1f", "100000000000000000000.0+1.0j"),
    (Complex, "1e+20 1.0", "0", "!ValueError: Zero padding is not allowed in complex format specifier"),
    (Complex, "1e+20 1.0", "=10", "!ValueError: '=' alignment flag is not allowed in complex format specifier"),
    (Complex, "1e+20 1.0", "%", "!ValueError: Unknown format code '%' for object of type 'complex'"),
    (Complex, "1e+20 1.0", "d", "!ValueError: Unknown format code 'd' for object of type 'complex'"),
    (Complex, "1e+20 1.0", "n", "1e+20+1j"),
];

// The rows of PRINTF_TABLE are the output of this script (with `res` and `lit`
// from the one above):
//
// def arg(v):
//     if v is None: return 'N'
//     if isinstance(v, bool): return 'B(%s)' % ('true' if v else 'false')
//     if isinstance(v, int):
//         return 'I(%d)' % v if -2**63 <= v < 2**63 else 'Big(%s)' % lit(str(v))
//     if isinstance(v, float):
//         r = repr(v)
//         if r == 'inf': return 'F(f64::INFINITY)'
//         if r == '-inf': return 'F(f64::NEG_INFINITY)'
//         if r == 'nan': return 'F(f64::NAN)'
//         if 'e' not in r and '.' not in r: r += '.0'
//         return 'F(%s)' % r
//     if isinstance(v, str): return 'S(%s)' % lit(v)
//     if isinstance(v, complex): return 'C(%r, %r)' % (v.real, v.imag)
//     if isinstance(v, bytes): return 'Y(b%s)' % lit(v.decode('latin-1'))
//     raise TypeError(v)
// nan = float('nan'); inf = float('inf')
// cases = [
//  ('%s', 5), ('%s', 'text'), ('%s', (1, 'a')), ('%r', 'é\n'), ('%a', 'é\n'), ('%a', 'x\U0001F600'), ('%s', None), ('%s', True), ('%r', 1.5), ('%s', 1e16), ('%s', 1+2j), ('%s', b'x'), ('hello', b'x'), ('%d', b'x'),
//  ('%5%', ()), ('%5%', (1,)), ('%', ()), ('abc%', ()), ('%-', 1), ('%5', 1), ('%.', 1), ('%.*', (1,)), ('%*', ()), ('%*', (3,)), ('%c', 'ab'), ('%c', 1.5), ('%c', -1), ('%c', 2**70), ('%c', None), ('%c', ''),
//  ('%c', 65), ('%c', 'é'), ('%c', 0x1F600), ('%c', True), ('%5c|%-5c|%.0c', (65, 'x', 'y')),
//  ('%d', 'a'), ('%x', 1.5), ('%x', 'a'), ('%d', 1.7), ('%d', -1.7), ('%i', 1e20), ('%d', inf), ('%d', nan), ('%d', 1j), ('%f', 'a'), ('%f', 10**400), ('%f', 1j), ('%f', None), ('%e', 10**20), ('%g', True),
//  ('%y', 1), ('%\x01', 1), ('%é', 1), ('%(a)s', 1), ('%(a', 1), ('%(a)s', b'x'), ('%(a', b'x'), ('%*d', ('a', 1)), ('%.*d', (1.5, 1)), ('%*d', (2**70, 1)), ('%.*d', (2**40, 1)),
//  ('%99999999999999999999d', 1), ('%.99999999999999999999d', 1), ('%.9999999999d', 1), ('hello', 5), ('hello', ()), ('%s %s', (1,)), ('%s', (1, 2)), ('%s', ()),
//  ('%ld %hi %Lf', (1, 2, 3.0)), ('%#o %#x %#X', (8, 255, 255)), ('%+05d|% d|%-5d|%05.1f', (3, 4, 5, 2.25)), ('%.0f %.0f %.2f %.1f', (2.5, 3.5, 0.125, 0.25)),
//  ('%#.0f %#.0e %#g %#.3g', (2.0, 2.0, 2.0, 0.0)), ('%i %u', (True, False)), ('%5.2s|', 'abc'), ('%.1s|%.0s|%.9s', ('héllo', 'x', 'ab')), ('%-6c|%3c', (65, 'x')),
//  ('%*d|%-*d|%.*f|%*.*f', (5, 1, -5, 2, 2, 3.14159, 8, 3, 2.71828)), ('%-*d|', (-4, 7)), ('%.*f', (-3, 1.25)), ('%(a)', 1), ('% +d', 5), ('%#5x|%#05x|%-#8o|%#-8X|', (255, 255, 8, 255)),
//  ('%.3d|%.3x|%#.3x|%08.3d|%+.2d', (5, -5, 5, 5, 7)), ('%e', 0.0), ('%g', 1e-5), ('%g', 1e-4), ('%g', 123456789.0), ('%G', 1e-10), ('%G', inf), ('%F', nan), ('%f', -inf), ('%+f', nan), ('%05f', inf), ('%-+8.2e|', -0.0),
//  ('%010.3f', -1.5), ('%-010.3f|', -1.5), ('%010s', 'x'), ('%-010d|', -3), ('%x', -255), ('%#x', -255), ('%#X', -255), ('%#o', -8), ('%o', 8.0), ('%d', True), ('%.2s', 1), ('%5s', 1), ('%s %%', 1), ('%5.1%', ()),
//  ('%d', 10**30), ('%x', -(2**70)), ('%#010x', 2**70), ('% 012d', -12345), ('%+012d', 12345), ('%.50f', 0.1), ('%.20e', 1/3), ('%.17g', 0.1), ('%r %r', ('a', "b'c")),
//  ('%s and %s', ('a', 'b')), ('100%% sure: %d%%', 7), ('%5d%5d', (1, 2)), ('%(a)s %(b)s', 3), ('%c%c%c', (72, 105, 33)), ('%3$s', 1), ('%-5%|', ()), ('%s', 'é' * 3), ('%08.3e|%-12.4G|', (12345.678, 0.000012345)),
// ]
// for t, a in cases:
//     if isinstance(a, tuple):
//         args = ', '.join(arg(x) for x in a); tup = 'true'
//     else:
//         args = arg(a); tup = 'false'
//     print('    (%s, &[%s], %s, %s),' % (lit(t), args, tup, lit(res(lambda: t % a))))
#[rustfmt::skip]
const PRINTF_TABLE: &[(&str, &[A], bool, &str)] = &[
    ("%s", &[I(5)], false, "5"),
    ("%s", &[S("text")], false, "text"),
    ("%s", &[I(1), S("a")], true, "!TypeError: not all arguments converted during string formatting"),
    ("%r", &[S("\u{e9}\u{a}")], false, "'\u{e9}\\n'"),
    ("%a", &[S("\u{e9}\u{a}")], false, "'\\xe9\\n'"),
    ("%a", &[S("x\u{1f600}")], false, "'x\\U0001f600'"),
    ("%s", &[N], false, "None"),
    ("%s", &[B(true)], false, "True"),
    ("%r", &[F(1.5)], false, "1.5"),
    ("%s", &[F(1e+16)], false, "1e+16"),
    ("%s", &[C(1.0, 2.0)], false, "(1+2j)"),
    ("%s", &[Y(b"x")], false, "b'x'"),
    ("hello", &[Y(b"x")], false, "hello"),
    ("%d", &[Y(b"x")], false, "!TypeError: %d format: a real number is required, not bytes"),
    ("%5%", &[], true, "!TypeError: not enough arguments for format string"),
    ("%5%", &[I(1)], true, "!ValueError: unsupported format character '%' (0x25) at index 2"),
    ("%", &[], true, "!ValueError: incomplete format"),
    ("abc%", &[], true, "!ValueError: incomplete format"),
    ("%-", &[I(1)], false, "!ValueError: incomplete format"),
    ("%5", &[I(1)], false, "!ValueError: incomplete format"),
    ("%.", &[I(1)], false, "!ValueError: incomplete format"),
    ("%.*", &[I(1)], true, "!ValueError: incomplete format"),
    ("%*", &[], true, "!TypeError: not enough arguments for format string"),
    ("%*", &[I(3)], true, "!ValueError: incomplete format"),
    ("%c", &[S("ab")], false, "!TypeError: %c requires int or char"),
    ("%c", &[F(1.5)], false, "!TypeError: %c requires int or char"),
    ("%c", &[I(-1)], false, "!OverflowError: %c arg not in range(0x110000)"),
    ("%c", &[Big("1180591620717411303424")], false, "!OverflowError: %c arg not in range(0x110000)"),
    ("%c", &[N], false, "!TypeError: %c requires int or char"),
    ("%c", &[S("")], false, "!TypeError: %c requires int or char"),
    ("%c", &[I(65)], false, "A"),
    ("%c", &[S("\u{e9}")], false, "\u{e9}"),
    ("%c", &[I(128512)], false, "\u{1f600}"),
    ("%c", &[B(true)], false, "\u{1}"),
    ("%5c|%-5c|%.0c", &[I(65), S("x"), S("y")], true, "    A|x    |y"),
    ("%d", &[S("a")], false, "!TypeError: %d format: a real number is required, not str"),
    ("%x", &[F(1.5)], false, "!TypeError: %x format: an integer is required, not float"),
    ("%x", &[S("a")], false, "!TypeError: %x format: an integer is required, not str"),
    ("%d", &[F(1.7)], false, "1"),
    ("%d", &[F(-1.7)], false, "-1"),
    ("%i", &[F(1e+20)], false, "100000000000000000000"),
    ("%d", &[F(f64::INFINITY)], false, "!OverflowError: cannot convert float infinity to integer"),
    ("%d", &[F(f64::NAN)], false, "!ValueError: cannot convert float NaN to integer"),
    ("%d", &[C(0.0, 1.0)], false, "!TypeError: %d format: a real number is required, not complex"),
    ("%f", &[S("a")], false, "!TypeError: must be real number, not str"),
    ("%f", &[Big("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")], false, "!OverflowError: int too large to convert to float"),
    ("%f", &[C(0.0, 1.0)], false, "!TypeError: must be real number, not complex"),
    ("%f", &[N], false, "!TypeError: must be real number, not NoneType"),
    ("%e", &[Big("100000000000000000000")], false, "1.000000e+20"),
    ("%g", &[B(true)], false, "1"),
    ("%y", &[I(1)], false, "!ValueError: unsupported format character 'y' (0x79) at index 1"),
    ("%\u{1}", &[I(1)], false, "!ValueError: unsupported format character '?' (0x1) at index 1"),
    ("%\u{e9}", &[I(1)], false, "!ValueError: unsupported format character '?' (0xe9) at index 1"),
    ("%(a)s", &[I(1)], false, "!TypeError: format requires a mapping"),
    ("%(a", &[I(1)], false, "!TypeError: format requires a mapping"),
    ("%(a)s", &[Y(b"x")], false, "!TypeError: byte indices must be integers or slices, not str"),
    ("%(a", &[Y(b"x")], false, "!ValueError: incomplete format key"),
    ("%*d", &[S("a"), I(1)], true, "!TypeError: * wants int"),
    ("%.*d", &[F(1.5), I(1)], true, "!TypeError: * wants int"),
    ("%*d", &[Big("1180591620717411303424"), I(1)], true, "!OverflowError: Python int too large to convert to C ssize_t"),
    ("%.*d", &[I(1099511627776), I(1)], true, "!OverflowError: Python int too large to convert to C int"),
    ("%99999999999999999999d", &[I(1)], false, "!ValueError: width too big"),
    ("%.99999999999999999999d", &[I(1)], false, "!ValueError: precision too big"),
    ("%.9999999999d", &[I(1)], false, "!ValueError: precision too big"),
    ("hello", &[I(5)], false, "!TypeError: not all arguments converted during string formatting"),
    ("hello", &[], true, "hello"),
    ("%s %s", &[I(1)], true, "!TypeError: not enough arguments for format string"),
    ("%s", &[I(1), I(2)], true, "!TypeError: not all arguments converted during string formatting"),
    ("%s", &[], true, "!TypeError: not enough arguments for format string"),
    ("%ld %hi %Lf", &[I(1), I(2), F(3.0)], true, "1 2 3.000000"),
    ("%#o %#x %#X", &[I(8), I(255), I(255)], true, "0o10 0xff 0XFF"),
    ("%+05d|% d|%-5d|%05.1f", &[I(3), I(4), I(5), F(2.25)], true, "+0003| 4|5    |002.2"),
    ("%.0f %.0f %.2f %.1f", &[F(2.5), F(3.5), F(0.125), F(0.25)], true, "2 4 0.12 0.2"),
    ("%#.0f %#.0e %#g %#.3g", &[F(2.0), F(2.0), F(2.0), F(0.0)], true, "2. 2.e+00 2.00000 0.00"),
    ("%i %u", &[B(true), B(false)], true, "1 0"),
    ("%5.2s|", &[S("abc")], false, "   ab|"),
    ("%.1s|%.0s|%.9s", &[S("h\u{e9}llo"), S("x"), S("ab")], true, "h||ab"),
    ("%-6c|%3c", &[I(65), S("x")], true, "A     |  x"),
    ("%*d|%-*d|%.*f|%*.*f", &[I(5), I(1), I(-5), I(2), I(2), F(3.14159), I(8), I(3), F(2.71828)], true, "    1|2    |3.14|   2.718"),
    ("%-*d|", &[I(-4), I(7)], true, "7   |"),
    ("%.*f", &[I(-3), F(1.25)], true, "1"),
    ("%(a)", &[I(1)], false, "!TypeError: format requires a mapping"),
    ("% +d", &[I(5)], false, "+5"),
    ("%#5x|%#05x|%-#8o|%#-8X|", &[I(255), I(255), I(8), I(255)], true, " 0xff|0x0ff|0o10    |0XFF    |"),
    ("%.3d|%.3x|%#.3x|%08.3d|%+.2d", &[I(5), I(-5), I(5), I(5), I(7)], true, "005|-005|0x005|00000005|+07"),
    ("%e", &[F(0.0)], false, "0.000000e+00"),
    ("%g", &[F(1e-05)], false, "1e-05"),
    ("%g", &[F(0.0001)], false, "0.0001"),
    ("%g", &[F(123456789.0)], false, "1.23457e+08"),
    ("%G", &[F(1e-10)], false, "1E-10"),
    ("%G", &[F(f64::INFINITY)], false, "INF"),
    ("%F", &[F(f64::NAN)], false, "NAN"),
    ("%f", &[F(f64::NEG_INFINITY)], false, "-inf"),
    ("%+f", &[F(f64::NAN)], false, "+nan"),
    ("%05f", &[F(f64::INFINITY)], false, "00inf"),
    ("%-+8.2e|", &[F(-0.0)], false, "-0.00e+00|"),
    ("%010.3f", &[F(-1.5)], false, "-00001.500"),
    ("%-010.3f|", &[F(-1.5)], false, "-1.500    |"),
    ("%010s", &[S("x")], false, "         x"),
    ("%-010d|", &[I(-3)], false, "-3        |"),
    ("%x", &[I(-255)], false, "-ff"),
    ("%#x", &[I(-255)], false, "-0xff"),
    ("%#X", &[I(-255)], false, "-0XFF"),
    ("%#o", &[I(-8)], false, "-0o10"),
    ("%o", &[F(8.0)], false, "!TypeError: %o format: an integer is required, not float"),
    ("%d", &[B(true)], false, "1"),
    ("%.2s", &[I(1)], false, "1"),
    ("%5s", &[I(1)], false, "    1"),
    ("%s %%", &[I(1)], false, "1 %"),
    ("%5.1%", &[], true, "!TypeError: not enough arguments for format string"),
    ("%d", &[Big("1000000000000000000000000000000")], false, "1000000000000000000000000000000"),
    ("%x", &[Big("-1180591620717411303424")], false, "-400000000000000000"),
    ("%#010x", &[Big("1180591620717411303424")], false, "0x400000000000000000"),
    ("% 012d", &[I(-12345)], false, "-00000012345"),
    ("%+012d", &[I(12345)], false, "+00000012345"),
    ("%.50f", &[F(0.1)], false, "0.10000000000000000555111512312578270211815834045410"),
    ("%.20e", &[F(0.3333333333333333)], false, "3.33333333333333314830e-01"),
    ("%.17g", &[F(0.1)], false, "0.10000000000000001"),
    ("%r %r", &[S("a"), S("b'c")], true, "'a' \"b'c\""),
    ("%s and %s", &[S("a"), S("b")], true, "a and b"),
    ("100%% sure: %d%%", &[I(7)], false, "100% sure: 7%"),
    ("%5d%5d", &[I(1), I(2)], true, "    1    2"),
    ("%(a)s %(b)s", &[I(3)], false, "!TypeError: format requires a mapping"),
    ("%c%c%c", &[I(72), I(105), I(33)], true, "Hi!"),
    ("%3$s", &[I(1)], false, "!ValueError: unsupported format character '$' (0x24) at index 2"),
    ("%-5%|", &[], true, "!TypeError: not enough arguments for format string"),
    ("%s", &[S("\u{e9}\u{e9}\u{e9}")], false, "\u{e9}\u{e9}\u{e9}"),
    ("%08.3e|%-12.4G|", &[F(12345.678), F(1.2345e-05)], true, "1.235e+04|1.234E-05   |"),
];
