//! `opcode.rs` against the local CPython's `opcode` module (`opmap`, `hasconst`,
//! `hasname`, `hasjrel`, `haslocal`, `hasfree`, `hascompare`,
//! `_inline_cache_entries`, `_specialized_instructions`). Skipped, with a message,
//! when `python3.11` is not installed; the table itself needs no Python.

use std::process::Command;

use stage02::opcode::{self, ArgKind, OPCODES, SPECIALIZED};

/// One line per opcode: `NAME NUMBER KIND CACHES`, KIND as our `ArgKind` would say.
const OPCODE_SCRIPT: &str = "
import dis, opcode
for name, op in sorted(opcode.opmap.items(), key=lambda item: item[1]):
    if op < opcode.HAVE_ARGUMENT: kind = 'None'
    elif op in opcode.hasconst: kind = 'Const'
    elif op in opcode.hasname: kind = 'Name'
    elif op in opcode.haslocal: kind = 'Local'
    elif op in opcode.hasfree: kind = 'Free'
    elif op in opcode.hascompare: kind = 'Compare'
    elif op in opcode.hasjrel: kind = 'JumpBackward' if 'JUMP_BACKWARD' in name else 'JumpForward'
    else: kind = 'Number'
    print(name, op, kind, opcode._inline_cache_entries[op])
print('HAVE_ARGUMENT', opcode.HAVE_ARGUMENT, opcode.hasjabs)
for op, name in enumerate(dis._all_opname):
    if name in dis.deoptmap:
        print('SPECIALIZED', name, op, opcode.opmap[dis.deoptmap[name]])
";

fn python(script: &str) -> Option<String> {
    let output = Command::new("python3.11")
        .args(["-c", script])
        .output()
        .ok()?;
    assert!(output.status.success(), "python3.11 failed: {output:?}");
    String::from_utf8(output.stdout).ok()
}

fn ours() -> String {
    let mut out = String::new();
    for info in OPCODES.iter() {
        out.push_str(&format!(
            "{} {} {:?} {}\n",
            info.name, info.number, info.arg, info.cache_entries
        ));
    }
    out.push_str(&format!("HAVE_ARGUMENT {} []\n", opcode::HAVE_ARGUMENT));
    for spec in SPECIALIZED.iter() {
        out.push_str(&format!(
            "SPECIALIZED {} {} {}\n",
            spec.name, spec.number, spec.base
        ));
    }
    out
}

#[test]
fn s02_7_opcode_table_matches_python() {
    let Some(expected) = python(OPCODE_SCRIPT) else {
        eprintln!("skipped: python3.11 not found, opcode table not compared");
        return;
    };
    assert_eq!(ours(), expected);
}

#[test]
fn s02_7_opcode_info_is_a_direct_lookup() {
    for number in 0..=u8::MAX {
        let by_search = OPCODES.iter().find(|info| info.number == number);
        assert_eq!(opcode::info(number), by_search, "opcode {number}");
    }
    assert_eq!(
        opcode::info(opcode::LOAD_CONST).map(|i| i.arg),
        Some(ArgKind::Const)
    );
    assert_eq!(opcode::deopt(3), opcode::BINARY_OP);
    assert_eq!(opcode::deopt(opcode::LOAD_CONST), opcode::LOAD_CONST);
}
