//! The disassembler against CPython: every `tests/dis/NAME.pyc` (and every corpus
//! program `tests/programs/*/NAME.pyc` that has a `NAME.dis`) must disassemble to
//! exactly the recorded `python3.11 -m dis NAME.py` output, code-object addresses
//! masked as ` at 0xADDR,`.
//!
//! The fixtures are made, inside `tests/dis/`, by
//!
//! ```text
//! PYTHONHASHSEED=0 python3.11 -c "import py_compile; py_compile.compile('NAME.py', \
//!     cfile='NAME.pyc', dfile='NAME.py', doraise=True, \
//!     invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)"
//! PYTHONHASHSEED=0 python3.11 -m dis NAME.py > NAME.dis
//! sed -i -E 's/ at 0x[0-9a-f]+,/ at 0xADDR,/g' NAME.dis
//! ```

use std::path::{Path, PathBuf};
use std::rc::Rc;

use num_bigint::BigInt;
use stage02::code::{Code, Constant};
use stage02::dis::{self, RawInstruction};
use stage02::pyc::load_pyc;

mod common;

fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Replaces the hex digits of every ` at 0x…,` (a code object's address) by `ADDR`.
fn mask_addresses(listing: &str) -> String {
    let mut out = String::with_capacity(listing.len());
    let mut rest = listing;
    while let Some(found) = rest.find(" at 0x") {
        let (before, after) = rest.split_at(found + " at 0x".len());
        out.push_str(before);
        let digits = after.len()
            - after
                .trim_start_matches(|c: char| c.is_ascii_hexdigit())
                .len();
        if digits > 0 && after[digits..].starts_with(',') {
            out.push_str("ADDR");
            rest = &after[digits..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A short, readable diff: the first differing line with three lines of context.
fn first_difference(expected: &str, actual: &str) -> String {
    let expected: Vec<&str> = expected.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    let at = expected
        .iter()
        .zip(&actual)
        .position(|(e, a)| e != a)
        .unwrap_or(expected.len().min(actual.len()));
    let from = at.saturating_sub(3);
    let mut report = format!("first difference at line {}\n", at + 1);
    for line in expected.iter().take(at + 4).skip(from) {
        report.push_str(&format!("  expected | {line}\n"));
    }
    for line in actual.iter().take(at + 4).skip(from) {
        report.push_str(&format!("  actual   | {line}\n"));
    }
    report
}

/// Every `.pyc` in `dir` that has a `.dis` beside it.
fn pyc_with_dis(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "pyc"))
        .filter(|path| path.with_extension("dis").exists())
        .collect();
    found.sort();
    found
}

fn check_listing(pyc: &Path) -> Result<(), String> {
    let bytes = std::fs::read(pyc).map_err(|e| format!("{}: {e}", pyc.display()))?;
    let code = load_pyc(&bytes).map_err(|e| format!("{}: {e}", pyc.display()))?;
    let expected = std::fs::read_to_string(pyc.with_extension("dis"))
        .map_err(|e| format!("{}: {e}", pyc.display()))?;
    let actual = mask_addresses(&dis::disassemble(&code));
    if actual == expected {
        Ok(())
    } else {
        Err(format!(
            "{}: listing differs from python3.11 -m dis\n{}",
            pyc.display(),
            first_difference(&expected, &actual)
        ))
    }
}

#[test]
fn s02_4_dis_fixtures_match_cpython() {
    let fixtures = pyc_with_dis(&workspace_dir().join("tests/dis"));
    assert!(fixtures.len() >= 10, "tests/dis fixtures missing");
    let failures: Vec<String> = fixtures
        .iter()
        .filter_map(|p| check_listing(p).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn s02_4_dis_corpus_programs_match_cpython() {
    let programs = workspace_dir().join("tests/programs");
    let Ok(dirs) = std::fs::read_dir(&programs) else {
        eprintln!("skipped: no tests/programs");
        return;
    };
    let mut dirs: Vec<PathBuf> = dirs.filter_map(|e| e.ok().map(|e| e.path())).collect();
    dirs.sort();
    let failures: Vec<String> = dirs
        .iter()
        .flat_map(|dir| pyc_with_dis(dir))
        .filter_map(|p| check_listing(&p).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn s02_4_dis_mask_addresses_masks_only_code_addresses() {
    assert_eq!(
        mask_addresses("<code object f at 0x7f00ab12, file \"x.py\", line 1> at 0xzz,"),
        "<code object f at 0xADDR, file \"x.py\", line 1> at 0xzz,"
    );
}

/// `dis.code_info` of every code object in the tree, as `dis` lists them.
const CODE_INFO_SCRIPT: &str = "
import dis, marshal, sys
code = marshal.loads(open(sys.argv[1], 'rb').read()[16:])
def walk(co):
    yield co
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            yield from walk(c)
for co in walk(code):
    print(dis.code_info(co))
    print('=====')
";

#[test]
fn s02_4_dis_code_info_matches_dis_code_info() {
    for pyc in pyc_with_dis(&workspace_dir().join("tests/dis")) {
        let path = pyc.to_string_lossy().into_owned();
        let Some(expected) = common::run_python(&["-c", CODE_INFO_SCRIPT, &path], "") else {
            eprintln!("skipped: python3.11 not found");
            return;
        };
        let bytes = std::fs::read(&pyc).expect("fixture readable");
        let code = load_pyc(&bytes).expect("fixture loads");
        let mut actual = String::new();
        let mut pending = vec![code];
        while let Some(co) = pending.pop() {
            actual.push_str(&dis::code_info_one(&co));
            actual.push_str("\n=====\n");
            for constant in co.consts.iter().rev() {
                if let Constant::Code(nested) = constant {
                    pending.push(nested.clone());
                }
            }
        }
        let expected = mask_addresses(&expected);
        let actual = mask_addresses(&actual);
        assert!(
            actual == expected,
            "{path}\n{}",
            first_difference(&expected, &actual)
        );
    }
}

/// What `--code` prints of each code object's exception and line tables, computed
/// by CPython from `dis._parse_exception_table(co)` and `co.co_lines()` (runs of
/// neighbouring ranges with the same line merged).
const CODE_TABLES_SCRIPT: &str = "
import dis, marshal, sys
code = marshal.loads(open(sys.argv[1], 'rb').read()[16:])
def walk(co):
    yield co
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            yield from walk(c)
for co in walk(code):
    out = []
    entries = dis._parse_exception_table(co)
    if entries:
        out.append('ExceptionTable:')
        for e in entries:
            lasti = ' lasti' if e.lasti else ''
            out.append(f'  {e.start} to {e.end - 2} -> {e.target} [{e.depth}]{lasti}')
    merged = []
    for start, end, line in co.co_lines():
        if merged and merged[-1][2] == line and merged[-1][1] == start:
            merged[-1][1] = end
        else:
            merged.append([start, end, line])
    if merged:
        out.append('Line table (co_lines, same-line neighbours merged):')
        for start, end, line in merged:
            out.append(f'  {start}-{end}: line {line}')
    print(''.join('\\n' + line for line in out))
    print('=====')
";

#[test]
fn s02_4_dis_code_info_tables_match_cpython() {
    for pyc in pyc_with_dis(&workspace_dir().join("tests/dis")) {
        let path = pyc.to_string_lossy().into_owned();
        let Some(expected) = common::run_python(&["-c", CODE_TABLES_SCRIPT, &path], "") else {
            eprintln!("skipped: python3.11 not found");
            return;
        };
        let bytes = std::fs::read(&pyc).expect("fixture readable");
        let code = load_pyc(&bytes).expect("fixture loads");
        let mut actual = String::new();
        let mut pending = vec![code];
        while let Some(co) = pending.pop() {
            actual.push_str(&dis::code_info_tables(&co));
            actual.push_str("\n=====\n");
            for constant in co.consts.iter().rev() {
                if let Constant::Code(nested) = constant {
                    pending.push(nested.clone());
                }
            }
        }
        assert!(
            actual == expected,
            "{path}\n{}",
            first_difference(&expected, &actual)
        );
    }
}

#[test]
fn s02_4_dis_code_info_shows_the_tables_of_every_code_object() {
    let bytes = std::fs::read(workspace_dir().join("tests/dis/exceptions.pyc")).expect("fixture");
    let code = load_pyc(&bytes).expect("fixture loads");
    let info = dis::code_info(&code);
    assert!(info.contains("\nExceptionTable:\n  "), "{info}");
    assert!(
        info.contains("\nLine table (co_lines, same-line neighbours merged):\n  0-2: line 0\n"),
        "{info}"
    );
}

#[test]
fn s02_4_dis_code_info_tree_has_extras() {
    let bytes = std::fs::read(workspace_dir().join("tests/dis/closures.pyc")).expect("fixture");
    let code = load_pyc(&bytes).expect("fixture loads");
    let info = dis::code_info(&code);
    assert!(info.starts_with("Name:              <module>\nFilename:          closures.py\n"));
    assert!(info.contains("\nCode info of <code object counter at 0x"));
    assert!(info.contains("Qualified name:    counter.<locals>.increment\n"));
    assert!(info.contains("   1: count (free)\n"));
    assert!(info.contains("   2: count (cell)\n"), "{info}");
    assert!(info.ends_with('\n'), "{info}");
}

// ---- hand-made code objects: bad bytecode must never panic ----

fn code_with(bytecode: &[u8], consts: Vec<Constant>, names: &[&str]) -> Code {
    Code {
        stacksize: 1,
        code: Rc::from(bytecode),
        consts: Rc::from(consts),
        names: names.iter().map(|n| Rc::from(*n)).collect(),
        localsplusnames: Rc::from(vec![Rc::from("x")]),
        localspluskinds: Rc::from(&[0x20][..]),
        ..common::empty_code("hand.py", "<module>")
    }
}

// Expected listings below come from CPython's own formatter on the raw bytes:
// `dis._disassemble_bytes(bytes(CODE), -1, varnames.__getitem__, names, consts, {})`
// (no line table, so no line column). A code object built by CPython would first
// normalise specialized and unknown opcodes (`_PyCode_GetCode`); `dis` on raw bytes
// does not, and neither do we: the listing shows the bytes the file holds.

#[test]
fn s02_4_dis_without_line_table_omits_the_line_column() {
    let code = code_with(&[151, 0, 100, 0, 83, 0], vec![Constant::None], &[]);
    assert_eq!(
        dis::disassemble(&code),
        "          0 RESUME                   0\n          2 LOAD_CONST               0 (None)\n          4 RETURN_VALUE\n"
    );
}

#[test]
fn s02_4_dis_out_of_range_arguments_are_marked() {
    // CPython's dis raises IndexError on each of these; we mark them.
    let code = code_with(
        &[
            100, 5, // LOAD_CONST 5: only one constant
            101, 9, // LOAD_NAME 9: no names
            124, 3, // LOAD_FAST 3: one local
            107, 6, 0, 0, 0, 0, // COMPARE_OP 6 and its 2 caches
            122, 26, 0, 0, // BINARY_OP 26 and its cache
        ],
        vec![Constant::Int(BigInt::from(1))],
        &[],
    );
    let listing = dis::disassemble(&code);
    assert_eq!(
        listing.matches("(<index out of range>)").count(),
        5,
        "{listing}"
    );
}

#[test]
fn s02_4_dis_negative_arguments_behave_like_python() {
    // Three EXTENDED_ARG 255 wrap CPython's C int: arguments -1 and -2, jumps to
    // odd places, co_consts[-1] and _nb_ops[-2] count from the end.
    let code = code_with(
        &[
            144, 255, 144, 255, 144, 255, 100, 255, // LOAD_CONST -1
            144, 255, 144, 255, 144, 255, 110, 255, // JUMP_FORWARD -1
            144, 255, 144, 255, 144, 255, 140, 255, // JUMP_BACKWARD -1
            144, 255, 144, 255, 144, 255, 122, 254, 0, 0, // BINARY_OP -2
            116, 3, // LOAD_GLOBAL 3
        ],
        vec![Constant::None, Constant::Bool(true)],
        &["a", "b"],
    );
    let expected = "          0 EXTENDED_ARG           255\n          2 EXTENDED_ARG         65535\n          4 EXTENDED_ARG         16777215\n          6 LOAD_CONST              -1 (True)\n          8 EXTENDED_ARG           255\n         10 EXTENDED_ARG         65535\n         12 EXTENDED_ARG         16777215\n    >>   14 JUMP_FORWARD            -1 (to 14)\n         16 EXTENDED_ARG           255\n         18 EXTENDED_ARG         65535\n         20 EXTENDED_ARG         16777215\n         22 JUMP_BACKWARD           -1 (to 26)\n         24 EXTENDED_ARG           255\n    >>   26 EXTENDED_ARG         65535\n         28 EXTENDED_ARG         16777215\n         30 BINARY_OP               -2 (/=)\n         34 LOAD_GLOBAL              3 (NULL + b)\n";
    assert_eq!(dis::disassemble(&code), expected);
}

#[test]
fn s02_4_dis_specialized_and_unknown_opcodes_print_like_dis() {
    // 3 is BINARY_OP_ADAPTIVE and 121 PRECALL_NO_KW_STR_1 in dis's numbering: they
    // take their base opcode's argument and caches (which swallow the next unit);
    // 201 is unused.
    let code = code_with(
        &[3, 0, 200, 7, 121, 0, 100, 0, 201, 0, 100, 0],
        vec![Constant::None],
        &[],
    );
    assert_eq!(
        dis::disassemble(&code),
        "          0 BINARY_OP_ADAPTIVE       0 (+)\n          4 PRECALL_NO_KW_STR_1      0\n          8 <201>                    0\n         10 LOAD_CONST               0 (None)\n"
    );
}

#[test]
fn s02_4_dis_odd_length_code_does_not_panic() {
    // CPython's dis raises IndexError on the missing argument byte; we read it as 0.
    let code = code_with(&[9, 0, 100], vec![Constant::None], &[]);
    assert_eq!(
        dis::disassemble(&code),
        "          0 NOP\n          2 LOAD_CONST               0 (None)\n"
    );
}

#[test]
fn s02_4_dis_unpack_opargs_folds_extended_arg_and_skips_caches() {
    // EXTENDED_ARG 1; LOAD_CONST 2 -> 258; BINARY_OP 0 + 1 cache; RETURN_VALUE.
    let instructions = dis::unpack_opargs(&[144, 1, 100, 2, 122, 0, 0, 0, 83, 0]);
    let expected = [
        RawInstruction {
            offset: 0,
            opcode: 144,
            arg: Some(1),
        },
        RawInstruction {
            offset: 2,
            opcode: 100,
            arg: Some(258),
        },
        RawInstruction {
            offset: 4,
            opcode: 122,
            arg: Some(0),
        },
        RawInstruction {
            offset: 8,
            opcode: 83,
            arg: None,
        },
    ];
    assert_eq!(instructions, expected);
}

#[test]
fn s02_4_dis_pretty_flags_matches_dis() {
    // dis.pretty_flags(0), (3), (0x63), (0x4000023)
    assert_eq!(dis::pretty_flags(0), "0x0");
    assert_eq!(dis::pretty_flags(3), "OPTIMIZED, NEWLOCALS");
    assert_eq!(
        dis::pretty_flags(0x63),
        "OPTIMIZED, NEWLOCALS, GENERATOR, NOFREE"
    );
    assert_eq!(
        dis::pretty_flags(0x4000023),
        "OPTIMIZED, NEWLOCALS, GENERATOR, 0x4000000"
    );
}

#[test]
fn s02_4_dis_mutated_fixtures_never_panic() {
    // Flip bytes of every fixture's bytecode (not the file: the loader has its own
    // robustness tests) and disassemble the result.
    for pyc in pyc_with_dis(&workspace_dir().join("tests/dis")) {
        let bytes = std::fs::read(&pyc).expect("fixture readable");
        let code = load_pyc(&bytes).expect("fixture loads");
        let original: Vec<u8> = code.code.to_vec();
        for (step, position) in (0..original.len()).step_by(7).enumerate() {
            let mut mutated = original.clone();
            if let Some(byte) = mutated.get_mut(position) {
                *byte = byte.wrapping_add(u8::try_from(step % 251).unwrap_or(1) + 1);
            }
            mutated.truncate(original.len() - step % 3);
            let mut broken = (*code).clone();
            broken.code = Rc::from(mutated);
            broken.exceptiontable = Rc::from(&[0xff, 0xff, 0xff, 0x7f, 0x05][..]);
            let _ = dis::disassemble(&broken);
            let _ = dis::code_info(&broken);
        }
    }
}
