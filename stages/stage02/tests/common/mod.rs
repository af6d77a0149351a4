//! What several stage02 test files share: running the `python3.11` oracle, a
//! deterministic random generator, and reporting the rows where we differ from it.
//!
//! Each test file that needs it says `mod common;`; not every file uses every
//! helper, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::sync::OnceLock;

use stage02::code::Code;

/// The CPython 3.11 on this machine (`python3.11`, or a `python3` that is 3.11),
/// looked for once; `None` (and a note, once) when there is none, so the tests
/// that need it skip.
pub fn python311() -> Option<&'static str> {
    static FOUND: OnceLock<Option<&'static str>> = OnceLock::new();
    *FOUND.get_or_init(|| {
        let found = stage02::source::find_python311();
        if found.is_none() {
            println!("note: no python3.11 found; tests against the live interpreter skip");
        }
        found
    })
}

/// Runs python3.11 with `args`, `input` on stdin and `PYTHONHASHSEED=0` (so set
/// and frozenset orders are the ones our fixtures record), and returns its
/// stdout; `None` when there is no python3.11. A failing Python fails the test.
///
/// The input is written from a thread: Python's output could otherwise fill the
/// pipe while we are still writing, and both sides would wait forever.
pub fn run_python(args: &[&str], input: &str) -> Option<String> {
    let python = python311()?;
    let mut child = Command::new(python)
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3.11 starts");
    let mut stdin = child.stdin.take().expect("python3.11 stdin");
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("python3.11 output");
    writer
        .join()
        .expect("writer thread")
        .expect("write to python3.11");
    assert!(output.status.success(), "python3.11 failed: {output:?}");
    Some(String::from_utf8(output.stdout).expect("python3.11 prints UTF-8"))
}

// ---------------------------------------------------------------------------
// The operation oracle: one operation a line in, one encoded result a line out.

/// The Python side of [`run_ops`]: decodes each input line (`OP ARG…`, arguments
/// `iN` an int, `fN` a float by its bits, `sHEX` a UTF-8 string), applies
/// `OPS[OP]`, and prints the result in the encoding the Rust side uses
/// ([`fmt_float`], [`fmt_result`]).
const PRELUDE: &str = r#"
import sys, struct
sys.set_int_max_str_digits(0)
def F(x):
    return 'nan' if x != x else 'f%d' % struct.unpack('<Q', struct.pack('<d', x))[0]
def R(v):
    if isinstance(v, bool): return str(v)
    if isinstance(v, int): return 'i%d' % v
    if isinstance(v, float): return F(v)
    if isinstance(v, complex): return 'c' + F(v.real) + ',' + F(v.imag)
    if isinstance(v, tuple): return '(' + ' '.join(R(x) for x in v) + ')'
    return str(v)
def A(s):
    if s[0] == 'f': return struct.unpack('<d', struct.pack('<Q', int(s[1:])))[0]
    if s[0] == 's': return bytes.fromhex(s[1:]).decode()
    return int(s[1:])
def CMP(a, b):
    if a < b: return 'LT'
    if a > b: return 'GT'
    if a == b: return 'EQ'
    return 'none'
for line in sys.stdin:
    op, *args = line.split()
    args = [A(a) for a in args]
    try:
        print(R(OPS[op](*args)))
    except Exception as e:
        print('!%s: %s' % (type(e).__name__, e))
"#;

/// Runs `input` through python3.11, where `ops` defines `OPS = {name: function}`
/// (and any helpers), and returns one result line per input line; `None` when
/// there is no python3.11.
pub fn run_ops(ops: &str, input: &str) -> Option<Vec<String>> {
    let script = format!("{ops}\n{PRELUDE}");
    let output = run_python(&["-c", &script], input)?;
    Some(output.lines().map(str::to_owned).collect())
}

/// Runs `input` through python3.11 with `ops` (see [`run_ops`]) and fails unless
/// every line gives the result in `ours`; does nothing when there is no python3.11.
pub fn check_ops(ops: &str, input: &str, ours: &[String]) {
    if let Some(expected) = run_ops(ops, input) {
        compare(input, &expected, ours);
    }
}

/// A float as the oracle writes it: its bits, or `nan` (any payload).
pub fn fmt_float(x: f64) -> String {
    if x.is_nan() {
        "nan".to_owned()
    } else {
        format!("f{}", x.to_bits())
    }
}

/// A float argument for the oracle: its bits (a NaN keeps its payload).
pub fn fmt_float_arg(x: f64) -> String {
    format!("f{}", x.to_bits())
}

/// A result as the oracle writes it: the value, or `!Type: message`.
pub fn fmt_result<T>(r: Result<T, stage02::exc::Exception>, f: impl Fn(T) -> String) -> String {
    match r {
        Ok(v) => f(v),
        Err(e) => format!("!{}: {}", e.kind.name(), e.message),
    }
}

/// A string argument for the oracle: its UTF-8 bytes in hex (`sHEX` decodes it).
pub fn hex_text(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

/// Fails with the first twenty input lines whose results differ, Python's and ours
/// side by side.
pub fn compare(input: &str, expected: &[String], actual: &[String]) {
    let inputs: Vec<&str> = input.lines().collect();
    assert_eq!(expected.len(), actual.len(), "line counts differ");
    let mismatches: Vec<String> = inputs
        .iter()
        .zip(expected.iter().zip(actual))
        .filter(|(_, (python, ours))| python != ours)
        .map(|(line, (python, ours))| format!("{line}\n  python: {python}\n  ours:   {ours}"))
        .collect();
    assert!(
        mismatches.is_empty(),
        "{} mismatches, first:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Fails listing every row in `failures` (each already says what was expected and
/// what we got), out of `total` rows checked.
pub fn assert_no_failures(failures: &[String], total: usize) {
    assert!(
        failures.is_empty(),
        "{} of {total} rows differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------

/// A code object named `name` (also its qualname) from `filename`, line 1, with
/// nothing in it: a test sets the fields it is about and takes the rest from
/// here, `Code { code, consts, ..common::empty_code("t.py", "f") }`.
pub fn empty_code(filename: &str, name: &str) -> Code {
    Code {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize: 0,
        flags: 0,
        code: Rc::from(&[][..]),
        consts: Rc::from(vec![]),
        names: Rc::from(vec![]),
        localsplusnames: Rc::from(vec![]),
        localspluskinds: Rc::from(&[][..]),
        filename: Rc::from(filename),
        name: Rc::from(name),
        qualname: Rc::from(name),
        firstlineno: 1,
        linetable: Rc::from(&[][..]),
        exceptiontable: Rc::from(&[][..]),
    }
}

/// A deterministic xorshift64* generator: the same cases on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}
