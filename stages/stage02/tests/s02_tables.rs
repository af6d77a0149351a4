//! Section 2 (the loader and the table decoders) against CPython.
//!
//! `fixtures/dump_code.py` prints, for every code object of a `.pyc`, every field as
//! CPython sees it plus `co_positions()`, `co_lines()` and
//! `dis._parse_exception_table()`. [`dump`] prints the same from our loader. The
//! committed fixtures (`NAME.pyc` + `NAME.expected.txt`) need no Python; the stdlib
//! test compiles a few dozen standard-library modules with `python3.11` when one is
//! installed and is skipped, saying so, when not.

use std::path::{Path, PathBuf};

use stage02::code::{Code, Constant};
use stage02::{exceptiontable, linetable, pyc};

mod common;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `str.encode("utf-8", "surrogatepass")` of a loaded string.
fn surrogatepass_utf8(code_points: &[u32]) -> Vec<u8> {
    let mut out = Vec::new();
    for &cp in code_points {
        match char::from_u32(cp) {
            Some(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            None => out.extend_from_slice(&[
                0xE0 | (cp >> 12) as u8,
                0x80 | ((cp >> 6) & 0x3F) as u8,
                0x80 | (cp & 0x3F) as u8,
            ]),
        }
    }
    out
}

/// The canonical constant text of `dump_code.py: const`.
fn constant(c: &Constant) -> String {
    let items = |items: &[Constant]| items.iter().map(constant).collect::<Vec<_>>();
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::StopIteration => "StopIteration".into(),
        Constant::Int(i) => format!("int:{i}"),
        Constant::Float(f) => format!("float:{}", hex(&f.to_le_bytes())),
        Constant::Complex { real, imag } => format!(
            "complex:{}:{}",
            hex(&real.to_le_bytes()),
            hex(&imag.to_le_bytes())
        ),
        Constant::Str(s) => format!("str:{}", hex(s.as_bytes())),
        Constant::SurrogateStr(cps) => format!("str:{}", hex(&surrogatepass_utf8(cps))),
        Constant::Bytes(b) => format!("bytes:{}", hex(b)),
        Constant::Tuple(t) => format!("tuple({})", items(t).join(",")),
        Constant::FrozenSet(t) => {
            let mut sorted = items(t);
            sorted.sort();
            format!("frozenset({})", sorted.join(","))
        }
        Constant::Code(code) => format!("code:{}", code.qualname),
        other => format!("unexpected {other:?}"),
    }
}

fn opt(value: Option<u32>) -> String {
    value.map_or("-".to_string(), |v| v.to_string())
}

fn join(names: &[std::rc::Rc<str>]) -> String {
    names.iter().map(|n| &**n).collect::<Vec<_>>().join(" ")
}

/// Our side of `dump_code.py: dump`.
fn dump(code: &Code, out: &mut String) {
    let w = |out: &mut String, line: String| {
        out.push_str(&line);
        out.push('\n');
    };
    w(out, format!("codeobject {}", code.qualname));
    w(out, format!("argcount {}", code.argcount));
    w(out, format!("posonlyargcount {}", code.posonlyargcount));
    w(out, format!("kwonlyargcount {}", code.kwonlyargcount));
    w(out, format!("stacksize {}", code.stacksize));
    w(out, format!("flags {}", code.flags));
    w(out, format!("code {}", hex(&code.code)));
    for (i, c) in code.consts.iter().enumerate() {
        w(out, format!("const {i} {}", constant(c)));
    }
    w(out, format!("names {}", join(&code.names)));
    w(
        out,
        format!("localsplusnames {}", join(&code.localsplusnames)),
    );
    w(
        out,
        format!("localspluskinds {}", hex(&code.localspluskinds)),
    );
    w(out, format!("varnames {}", join(&code.varnames())));
    w(out, format!("cellvars {}", join(&code.cellvars())));
    w(out, format!("freevars {}", join(&code.freevars())));
    w(out, format!("filename {}", code.filename));
    w(out, format!("name {}", code.name));
    w(out, format!("qualname {}", code.qualname));
    w(out, format!("firstlineno {}", code.firstlineno));
    w(out, format!("linetable {}", hex(&code.linetable)));
    w(out, format!("exceptiontable {}", hex(&code.exceptiontable)));
    for (i, p) in linetable::positions(code).iter().enumerate() {
        let fields = [p.line, p.end_line, p.col, p.end_col].map(opt).join(" ");
        w(out, format!("position {} {fields}", 2 * i));
    }
    for range in linetable::lines(code) {
        w(
            out,
            format!("lines {} {} {}", range.start, range.end, opt(range.line)),
        );
    }
    for e in exceptiontable::parse(code).expect("compiler-written exception table") {
        let lasti = if e.lasti { "True" } else { "False" };
        w(
            out,
            format!(
                "exception {} {} {} {} {lasti}",
                e.start, e.end, e.target, e.depth
            ),
        );
    }
    for c in code.consts.iter() {
        if let Constant::Code(inner) = c {
            dump(inner, out);
        }
    }
}

fn dump_pyc(bytes: &[u8]) -> String {
    let code = pyc::load_pyc(bytes).expect("CPython's .pyc loads");
    let mut out = String::new();
    dump(&code, &mut out);
    out
}

/// Compares line by line and names the first difference (whole dumps are long).
fn assert_same_dump(name: &str, expected: &str, actual: &str) {
    for (number, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        assert_eq!(e, a, "{name}: first difference at line {}", number + 1);
    }
    assert_eq!(
        expected.lines().count(),
        actual.lines().count(),
        "{name}: different number of lines"
    );
}

fn check_fixture(name: &str) {
    let dir = fixtures();
    let bytes = std::fs::read(dir.join(format!("{name}.pyc"))).expect("fixture .pyc");
    let expected =
        std::fs::read_to_string(dir.join(format!("{name}.expected.txt"))).expect("fixture .txt");
    assert_same_dump(name, &expected, &dump_pyc(&bytes));
}

#[test]
fn s02_3_fixture_constants_match_cpython() {
    check_fixture("constants");
}

#[test]
fn s02_3_fixture_functions_match_cpython() {
    check_fixture("functions");
}

#[test]
fn s02_3_fixture_positions_match_cpython() {
    check_fixture("positions");
}

// ------------------------------------------------------------ hand-made tables

/// A code object with only the tables set, for decoder unit tests.
fn code_with_tables(code_units: usize, firstlineno: u32, linetable: &[u8], exc: &[u8]) -> Code {
    Code {
        code: vec![0; 2 * code_units].into(),
        firstlineno,
        linetable: linetable.into(),
        exceptiontable: exc.into(),
        ..common::empty_code("t.py", "g")
    }
}

fn pos(
    line: Option<u32>,
    end_line: Option<u32>,
    col: Option<u32>,
    end_col: Option<u32>,
) -> linetable::Position {
    linetable::Position {
        line,
        end_line,
        col,
        end_col,
    }
}

/// reference.md §4's worked example: function `g` of `examples/14_positions.py`,
/// whose positions were printed by `list(g.__code__.co_positions())`.
#[test]
fn s02_3_worked_example_positions() {
    let table = [
        0xe8, 0x00, 0xe8, 0x00, 0x80, 0x00, 0xf0, 0x02, 0x04, 0x05, 0x18, 0xd8, 0x0f, 0x10, 0xd8,
        0x0f, 0x10, 0xf1, 0x03, 0x01, 0x10, 0x11,
    ];
    let code = code_with_tables(8, 1, &table, &[]);
    let s = Some;
    assert_eq!(
        linetable::positions(&code),
        vec![
            pos(s(1), s(1), None, None),
            pos(s(1), s(1), None, None),
            pos(s(1), s(1), s(0), s(0)),
            pos(s(2), s(6), s(4), s(23)),
            pos(s(3), s(3), s(15), s(16)),
            pos(s(4), s(4), s(15), s(16)),
            pos(s(3), s(4), s(15), s(16)),
            pos(s(3), s(4), s(15), s(16)),
        ]
    );
    let lines: Vec<_> = linetable::lines(&code)
        .iter()
        .map(|r| (r.start, r.end, r.line))
        .collect();
    assert_eq!(
        lines,
        vec![
            (0, 2, s(1)),
            (2, 4, s(1)),
            (4, 6, s(1)),
            (6, 8, s(2)),
            (8, 10, s(3)),
            (10, 12, s(4)),
            (12, 16, s(3)),
        ]
    );
    assert_eq!(linetable::line_at(&code, 14), s(3));
    assert_eq!(linetable::line_at(&code, 16), None);
}

#[test]
fn s02_3_no_location_entries_are_none() {
    // 0xf8: kind 15, one unit. The next entry's delta counts from line 5.
    let code = code_with_tables(3, 5, &[0xf8, 0xf8, 0xd8, 0x01, 0x02], &[]);
    let positions = linetable::positions(&code);
    assert_eq!(positions[0], linetable::Position::default());
    assert_eq!(positions[2], pos(Some(6), Some(6), Some(1), Some(2)));
    assert_eq!(linetable::line_at(&code, 0), None);
    assert_eq!(linetable::line_at(&code, 4), Some(6));
}

#[test]
fn s02_3_malformed_tables_do_not_panic() {
    let tables: [&[u8]; 6] = [
        &[],
        &[0xf0],
        &[0xf0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
        &[0x01, 0x02, 0x03],
        &[0xd8, 0x01],
        &[0xff; 64],
    ];
    for table in tables {
        let code = code_with_tables(4, 1, table, table);
        assert_eq!(linetable::positions(&code).len(), 4, "{table:02x?}");
        let _ = linetable::lines(&code);
        let _ = linetable::line_at(&code, 2);
        let _ = exceptiontable::parse(&code);
    }
    // A table shorter than the code is padded with positions that say nothing.
    let code = code_with_tables(4, 1, &[0x80, 0x00], &[]);
    let positions = linetable::positions(&code);
    assert_eq!(positions[0], pos(Some(1), Some(1), Some(0), Some(0)));
    assert_eq!(positions[3], linetable::Position::default());
}

// ANCHOR: worked_example_exception_table
/// reference.md §5.1, worked example 1: `84 07 0d 00 | 8d 0a 1b 03 | 9a 01 1b 03`,
/// which `dis._parse_exception_table` decodes as below.
#[test]
fn s02_3_worked_example_exception_table() {
    let table = [
        0x84, 0x07, 0x0d, 0x00, 0x8d, 0x0a, 0x1b, 0x03, 0x9a, 0x01, 0x1b, 0x03,
    ];
    let code = code_with_tables(30, 1, &[], &table);
    let entries = exceptiontable::parse(&code).expect("valid table");
    let as_tuples: Vec<_> = entries
        .iter()
        .map(|e| (e.start, e.end, e.target, e.depth, e.lasti))
        .collect();
    assert_eq!(
        as_tuples,
        vec![
            (8, 22, 26, 0, false),
            (26, 46, 54, 1, true),
            (52, 54, 54, 1, true)
        ]
    );
    assert_eq!(
        exceptiontable::find_handler(&entries, 20).map(|e| e.target),
        Some(26)
    );
    assert_eq!(exceptiontable::find_handler(&entries, 22), None);
    assert_eq!(
        exceptiontable::find_handler(&entries, 44).map(|e| e.target),
        Some(54)
    );
    assert_eq!(exceptiontable::find_handler(&entries, 6), None);
    assert_eq!(exceptiontable::find_handler(&entries, 54), None);
}
// ANCHOR_END: worked_example_exception_table

/// `lookup` reads the bytes in place and stops early; it must agree with
/// `find_handler` over the decoded table at every offset, on the worked
/// example and on tables whose entries are cut short or too large.
#[test]
fn s02_3_lookup_in_place_agrees_with_the_decoded_table() {
    let tables: [&[u8]; 4] = [
        &[
            0x84, 0x07, 0x0d, 0x00, 0x8d, 0x0a, 0x1b, 0x03, 0x9a, 0x01, 0x1b, 0x03,
        ],
        &[0xbb, 0x05, 0x41, 0x11, 0x03, 0xc1, 0x00],
        &[],
        &[0x80, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x3f, 0x00, 0x00],
    ];
    for table in tables {
        let decoded = exceptiontable::parse_table(table);
        for offset in 0..200 {
            let in_place = exceptiontable::lookup(table, offset);
            match &decoded {
                Ok(entries) => assert_eq!(
                    in_place,
                    Ok(exceptiontable::find_handler(entries, offset).copied()),
                    "table {table:02x?} at offset {offset}"
                ),
                // A number too large: the in-place lookup reports it too
                // when it reaches that entry.
                Err(_) => assert!(in_place.is_err() || in_place == Ok(None)),
            }
        }
    }
}

#[test]
fn s02_3_multibyte_varints_and_truncated_entries() {
    // Worked example 2: `bb 05 41 11 03` → start 59, size 5, target 81, depth 1, lasti.
    // A trailing partial entry is dropped, as `dis` drops it.
    let code = code_with_tables(0, 1, &[], &[0xbb, 0x05, 0x41, 0x11, 0x03, 0xc1, 0x00]);
    let entries = exceptiontable::parse(&code).expect("valid table");
    assert_eq!(entries.len(), 1);
    assert_eq!(
        (
            entries[0].start,
            entries[0].end,
            entries[0].target,
            entries[0].depth
        ),
        (118, 128, 162, 1)
    );
    assert!(entries[0].lasti);
    // A value that does not fit in 32 bits is an error, not a wrapped number.
    let huge = code_with_tables(
        0,
        1,
        &[],
        &[0xff, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x3f, 1, 1, 1],
    );
    assert!(exceptiontable::parse(&huge).is_err());
}

// ------------------------------------------------------------- live stdlib test

/// `py_compile` of `argv[1]` into `argv[2]`, as the corpus `.pyc` files are made.
const COMPILE_UNCHECKED_HASH: &str = "import py_compile, sys; py_compile.compile(sys.argv[1], \
    cfile=sys.argv[2], doraise=True, \
    invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)";

/// Compiles a few dozen stdlib modules with CPython 3.11 and compares every code
/// object with our loader and decoders. It takes some 15 s, so a section's run
/// (`cargo test -p stage02 s02_3`) leaves it out; CI runs it (`.ci/run`):
/// `cargo test -p stage02 --test s02_tables -- --ignored s02_3_stdlib`.
#[test]
#[ignore = "slow (15 s): CI runs it; run it with `-- --ignored s02_3_stdlib`"]
fn s02_3_stdlib_modules_match_cpython() {
    let Some(stdlib) = common::run_python(
        &[
            "-c",
            "import sysconfig; print(sysconfig.get_path('stdlib'))",
        ],
        "",
    ) else {
        println!("SKIPPED s02_3_stdlib_modules_match_cpython: python3.11 not found on PATH");
        return;
    };
    let stdlib = PathBuf::from(stdlib.trim());
    let modules = [
        "abc",
        "argparse",
        "ast",
        "asyncio/base_events",
        "bisect",
        "calendar",
        "collections/__init__",
        "contextlib",
        "copy",
        "csv",
        "dataclasses",
        "datetime",
        "decimal",
        "difflib",
        "dis",
        "enum",
        "fractions",
        "functools",
        "heapq",
        "inspect",
        "json/decoder",
        "json/encoder",
        "operator",
        "pathlib",
        "pickle",
        "pprint",
        "random",
        "re/_parser",
        "shutil",
        "statistics",
        "string",
        "tarfile",
        "textwrap",
        "threading",
        "tokenize",
        "traceback",
        "typing",
        "unittest/case",
        "uuid",
        "zipfile",
    ];
    let work = std::env::temp_dir().join(format!("s02-tables-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("temp dir");
    let script = fixtures().join("dump_code.py");
    let script = script.to_string_lossy();
    let mut checked = 0;
    for module in modules {
        let source = stdlib.join(format!("{module}.py"));
        if !source.exists() {
            continue;
        }
        let pyc_path = work.join(format!("{}.pyc", module.replace('/', "_")));
        let (source, pyc) = (source.to_string_lossy(), pyc_path.to_string_lossy());
        common::run_python(&["-c", COMPILE_UNCHECKED_HASH, &source, &pyc], "");
        let expected = common::run_python(&[&script, &pyc], "").unwrap_or_default();
        let bytes = std::fs::read(&pyc_path).expect("read .pyc");
        assert_same_dump(module, &expected, &dump_pyc(&bytes));
        checked += 1;
    }
    let _ = std::fs::remove_dir_all(&work);
    assert!(checked >= 30, "only {checked} stdlib modules found");
    println!("compared {checked} stdlib modules with python3.11");
}
