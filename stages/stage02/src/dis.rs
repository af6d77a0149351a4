//! The disassembler: what `python3.11 -m dis FILE.py` prints, byte for byte, for a
//! code object and every code object nested in its constants.
//!
//! It follows `Lib/dis.py` of CPython 3.11 step by step: `_unpack_opargs` splits
//! the bytecode into instructions (folding `EXTENDED_ARG` prefixes and skipping
//! inline caches), `findlabels` and the exception table mark jump targets,
//! `findlinestarts` says where a source line begins, and `Instruction._disassemble`
//! lays out the columns.
//!
//! # Bad bytecode
//!
//! CPython's `dis` raises (`IndexError`) on some damaged code objects. This module
//! never fails and never panics; it prints the rest of the listing and marks the
//! spot instead:
//!
//! * an argument that indexes past the end of `co_consts`, `co_names` or the fast
//!   locals shows `(<index out of range>)`;
//! * a last instruction whose argument byte is missing (odd-length `co_code`) reads
//!   the argument as 0;
//! * an exception table with a number too large for a byte offset prints
//!   `  <invalid exception table: …>` under `ExceptionTable:`;
//! * an `int` constant too long for `repr` prints as `repr_constant` describes;
//! * `EXTENDED_ARG` chains that would need more than 64 bits saturate.
//!
//! Everything else (unknown opcodes as `<N>`, specialized opcodes by name, negative
//! arguments from a wrapped `EXTENDED_ARG`, Python's negative indexing) is printed
//! as CPython's `dis` prints those raw bytes. (A code object that CPython itself
//! loads is first normalised by `_PyCode_GetCode`, which turns specialized opcodes
//! back into their base opcodes; we show the bytes the file holds.)

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::rc::Rc;

use crate::code::{flags, kinds, Code, Constant};
use crate::exceptiontable::{self, ExceptionTableEntry, ExceptionTableError};
use crate::linetable;
use crate::opcode::{self, ArgKind};
use crate::pyrepr::{repr_code, repr_constant};

// ANCHOR: unpack_opargs
// ANCHOR: unpack_opargs_walk
/// One instruction as `dis._unpack_opargs` yields it: an `EXTENDED_ARG` prefix is an
/// instruction of its own, and the argument of the instruction it prefixes already
/// includes its bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawInstruction {
    /// Byte offset in `co_code`.
    pub offset: u32,
    /// The opcode byte as stored.
    pub opcode: u8,
    /// The full argument, `None` for opcodes below `HAVE_ARGUMENT`. Signed because
    /// CPython keeps it in a C `int`: three `EXTENDED_ARG`s with a high byte of
    /// `0x80` or more wrap it negative.
    pub arg: Option<i64>,
}

/// `dis._unpack_opargs`: walk the code units, fold `EXTENDED_ARG` prefixes into the
/// next argument and skip the inline `CACHE` units after each instruction.
pub fn unpack_opargs(code: &[u8]) -> Vec<RawInstruction> {
    let mut instructions = Vec::with_capacity(code.len() / 2);
    let mut extended_arg: i64 = 0;
    let mut caches_to_skip: u32 = 0;
    for (offset, unit) in (0u32..).step_by(2).zip(code.chunks(2)) {
        if caches_to_skip > 0 {
            caches_to_skip -= 1;
            continue;
        }
        // ANCHOR_END: unpack_opargs_walk
        // ANCHOR: unpack_opargs_arg
        let opcode_byte = unit.first().copied().unwrap_or(0);
        let oparg_byte = unit.get(1).copied().unwrap_or(0);
        let base = opcode::deopt(opcode_byte);
        caches_to_skip = opcode::info(base).map_or(0, |info| u32::from(info.cache_entries));
        let arg = if base >= opcode::HAVE_ARGUMENT {
            let arg = i64::from(oparg_byte) | extended_arg;
            extended_arg = if base == opcode::EXTENDED_ARG {
                wrap_to_c_int(arg)
            } else {
                0
            };
            Some(arg)
        } else {
            extended_arg = 0;
            None
        };
        instructions.push(RawInstruction {
            offset,
            opcode: opcode_byte,
            arg,
        });
    }
    instructions
}

/// `arg << 8`, wrapped like CPython's signed 32-bit oparg once it reaches 2**31.
fn wrap_to_c_int(arg: i64) -> i64 {
    let shifted = arg.saturating_mul(256);
    if shifted >= 1 << 31 {
        shifted - (1 << 32)
    } else {
        shifted
    }
}
// ANCHOR_END: unpack_opargs_arg
// ANCHOR_END: unpack_opargs

// ANCHOR: jump_target
/// Where a relative jump goes: `offset + 2 ± 2 * arg` (3.11 has only relative
/// jumps; the direction is part of the opcode). `None` for other opcodes.
/// The result can be negative or past the end in damaged code; it is only printed.
pub fn jump_target(opcode_byte: u8, offset: u32, arg: i64) -> Option<i128> {
    let signed_arg = match opcode::info(opcode_byte)?.arg {
        ArgKind::JumpForward => i128::from(arg),
        ArgKind::JumpBackward => -i128::from(arg),
        _ => return None,
    };
    Some(i128::from(offset) + 2 + signed_arg * 2)
}

/// `dis.findlabels` plus the exception handlers: every offset something jumps to.
/// Like CPython, it looks at the opcode as stored: a specialized jump (only in
/// damaged files) is not a label.
fn find_labels(instructions: &[RawInstruction], handlers: &[ExceptionTableEntry]) -> HashSet<i128> {
    let jumps = instructions.iter().filter_map(|instruction| {
        jump_target(instruction.opcode, instruction.offset, instruction.arg?)
    });
    let handler_targets = handlers
        .iter()
        .filter(|entry| entry.start < entry.end)
        .map(|entry| i128::from(entry.target));
    jumps.chain(handler_targets).collect()
}
// ANCHOR_END: jump_target

// ANCHOR: find_line_starts
/// `dis.findlinestarts`: the offsets where a new source line begins. A range with
/// no line (`None`) neither starts a line nor resets the last one seen.
pub fn find_line_starts(code: &Code) -> BTreeMap<u32, u32> {
    let mut starts = BTreeMap::new();
    let mut last_line = None;
    for range in linetable::lines(code) {
        if range.line.is_some() && range.line != last_line {
            last_line = range.line;
            if let Some(line) = range.line {
                starts.insert(range.start, line);
            }
        }
    }
    starts
}
// ANCHOR_END: find_line_starts

// ANCHOR: argrepr
/// `dis._all_opname[op]`: the opcode's name, a specialized instruction's name, or
/// `<N>` for a number 3.11 leaves unused.
pub fn opname(opcode_byte: u8) -> Cow<'static, str> {
    if let Some(info) = opcode::info(opcode_byte) {
        Cow::Borrowed(info.name)
    } else if let Some(specialized) = opcode::specialized(opcode_byte) {
        Cow::Borrowed(specialized.name)
    } else {
        Cow::Owned(format!("<{opcode_byte}>"))
    }
}

/// `dis.cmp_op`, indexed by `COMPARE_OP`'s argument.
const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `dis.MAKE_FUNCTION_FLAGS`, bit 0 first.
const MAKE_FUNCTION_FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];

/// `dis.FORMAT_VALUE_CONVERTERS` names, indexed by `arg & 3`.
const FORMAT_VALUE_CONVERTERS: [&str; 4] = ["", "str", "repr", "ascii"];

/// Shown where CPython's `dis` would raise `IndexError`.
const OUT_OF_RANGE: &str = "<index out of range>";

/// Python's `sequence[index]` for a tuple of `len` items: negative indexes count from
/// the end. `None` where Python raises `IndexError`.
fn python_index(len: usize, index: i64) -> Option<usize> {
    let len = i64::try_from(len).ok()?;
    let index = if index < 0 { index + len } else { index };
    usize::try_from(index)
        .ok()
        .filter(|&i| i64::try_from(i).is_ok_and(|i| i < len))
}

/// `sequence[index]` with Python's negative indexing, or the out-of-range marker.
fn python_item<T: AsRef<str>>(items: &[T], index: i64) -> String {
    python_index(items.len(), index)
        .and_then(|i| items.get(i))
        .map_or_else(|| OUT_OF_RANGE.to_owned(), |item| item.as_ref().to_owned())
}

/// The parenthesised description after the argument
/// (`dis._get_instructions_bytes`), chosen by the generic opcode.
pub fn argrepr(code: &Code, instruction: &RawInstruction) -> String {
    let Some(arg) = instruction.arg else {
        return String::new();
    };
    let base = opcode::deopt(instruction.opcode);
    let kind = opcode::info(base).map_or(ArgKind::Number, |info| info.arg);
    match kind {
        // KW_NAMES is in `hasconst` too, but dis resolves only LOAD_CONST.
        ArgKind::Const if base == opcode::LOAD_CONST => python_index(code.consts.len(), arg)
            .and_then(|i| code.consts.get(i))
            .map_or_else(|| OUT_OF_RANGE.to_owned(), repr_constant),
        ArgKind::Name if base == opcode::LOAD_GLOBAL => {
            let name = python_item(&code.names, arg.div_euclid(2));
            if arg & 1 == 1 {
                format!("NULL + {name}")
            } else {
                name
            }
        }
        ArgKind::Name => python_item(&code.names, arg),
        ArgKind::JumpForward | ArgKind::JumpBackward => jump_target(base, instruction.offset, arg)
            .map_or_else(String::new, |t| format!("to {t}")),
        // `code._varname_from_oparg` uses PyTuple_GetItem: no negative indexing.
        ArgKind::Local | ArgKind::Free => usize::try_from(arg)
            .ok()
            .and_then(|i| code.localsplusnames.get(i))
            .map_or_else(|| OUT_OF_RANGE.to_owned(), |name| name.to_string()),
        ArgKind::Compare => python_item(&CMP_OP, arg),
        _ => number_argrepr(base, arg),
    }
}

/// The descriptions of opcodes whose argument is a number with a meaning.
fn number_argrepr(base: u8, arg: i64) -> String {
    match base {
        opcode::FORMAT_VALUE => {
            let converter = usize::try_from(arg & 3)
                .ok()
                .and_then(|i| FORMAT_VALUE_CONVERTERS.get(i))
                .copied()
                .unwrap_or("");
            match (converter, arg & 4 != 0) {
                (_, false) => converter.to_owned(),
                ("", true) => "with format".to_owned(),
                (_, true) => format!("{converter}, with format"),
            }
        }
        opcode::MAKE_FUNCTION => (0..MAKE_FUNCTION_FLAGS.len())
            .filter(|bit| arg & (1 << bit) != 0)
            .filter_map(|bit| MAKE_FUNCTION_FLAGS.get(bit).copied())
            .collect::<Vec<_>>()
            .join(", "),
        // `_nb_ops[arg]`: 26 entries, indexed the Python way (negative from the end).
        opcode::BINARY_OP => python_index(26, arg)
            .and_then(|index| u32::try_from(index).ok())
            .and_then(opcode::decode_binary_op)
            .map_or_else(
                || OUT_OF_RANGE.to_owned(),
                |(op, inplace)| format!("{}{}", op.symbol(), if inplace { "=" } else { "" }),
            ),
        _ => String::new(),
    }
}
// ANCHOR_END: argrepr

// ANCHOR: disassemble_one
/// The column widths of one listing (`dis._disassemble_bytes`).
struct Widths {
    /// 0 when the code has no line numbers: the column is left out.
    line: usize,
    offset: usize,
}

impl Widths {
    fn new(code: &Code, line_starts: &BTreeMap<u32, u32>) -> Widths {
        let line = match line_starts.values().max() {
            None => 0,
            Some(&max_line) if max_line >= 1000 => max_line.to_string().len(),
            Some(_) => 3,
        };
        let max_offset = code.code.len().saturating_sub(2);
        let offset = if max_offset >= 10000 {
            max_offset.to_string().len()
        } else {
            4
        };
        Widths { line, offset }
    }
}

/// `dis.disassemble(code)`: the listing of one code object, nested code objects not
/// included, then its exception table.
pub fn disassemble_one(code: &Code) -> String {
    let mut out = String::new();
    let line_starts = find_line_starts(code);
    let handlers = exceptiontable::parse(code);
    let instructions = unpack_opargs(&code.code);
    let labels = find_labels(&instructions, handlers.as_deref().unwrap_or(&[]));
    let widths = Widths::new(code, &line_starts);
    for instruction in &instructions {
        let starts_line = line_starts.get(&instruction.offset).copied();
        if widths.line > 0 && starts_line.is_some() && instruction.offset > 0 {
            out.push('\n');
        }
        let is_label = labels.contains(&i128::from(instruction.offset));
        write_instruction(&mut out, code, instruction, starts_line, is_label, &widths);
    }
    write_exception_table(&mut out, &handlers);
    out
}

/// `Instruction._disassemble`: the columns joined by spaces, trailing spaces cut.
fn write_instruction(
    out: &mut String,
    code: &Code,
    instruction: &RawInstruction,
    starts_line: Option<u32>,
    is_label: bool,
    widths: &Widths,
) {
    let mut fields: Vec<String> = Vec::with_capacity(7);
    if widths.line > 0 {
        fields.push(match starts_line {
            Some(line) => format!("{line:>width$}", width = widths.line),
            None => " ".repeat(widths.line),
        });
    }
    // The `-->` marker of `dis.distb` (current instruction) is never shown here.
    fields.push("   ".to_owned());
    fields.push(if is_label { ">>" } else { "  " }.to_owned());
    fields.push(format!(
        "{:>width$}",
        instruction.offset,
        width = widths.offset
    ));
    fields.push(format!("{:<20}", opname(instruction.opcode)));
    if let Some(arg) = instruction.arg {
        fields.push(format!("{arg:>5}"));
        let description = argrepr(code, instruction);
        if !description.is_empty() {
            fields.push(format!("({description})"));
        }
    }
    out.push_str(fields.join(" ").trim_end());
    out.push('\n');
}

/// The `ExceptionTable:` section; `end` is printed as the last covered offset.
fn write_exception_table(
    out: &mut String,
    handlers: &Result<Vec<ExceptionTableEntry>, ExceptionTableError>,
) {
    match handlers {
        Ok(entries) if entries.is_empty() => {}
        Ok(entries) => {
            out.push_str("ExceptionTable:\n");
            for entry in entries {
                let end = i64::from(entry.end) - 2;
                let lasti = if entry.lasti { " lasti" } else { "" };
                let _ = writeln!(
                    out,
                    "  {} to {end} -> {} [{}]{lasti}",
                    entry.start, entry.target, entry.depth
                );
            }
        }
        Err(error) => {
            let _ = writeln!(out, "ExceptionTable:\n  <invalid exception table: {error}>");
        }
    }
}
// ANCHOR_END: disassemble_one

// ANCHOR: disassemble
/// The code objects among `code.co_consts` (not inside tuples), in order: what
/// `dis` recurses into.
fn nested_code_objects(code: &Code) -> impl DoubleEndedIterator<Item = &Rc<Code>> {
    code.consts.iter().filter_map(|constant| match constant {
        Constant::Code(nested) => Some(nested),
        _ => None,
    })
}

/// Every code object nested in `code`, at any depth, in the order `dis` visits
/// them: depth first, each before the ones inside it. Walks the tree with an
/// explicit stack, so a deeply nested (hostile) file cannot overflow the Rust stack.
fn nested_code_tree(code: &Code) -> Vec<&Rc<Code>> {
    let mut tree = Vec::new();
    let mut pending: Vec<&Rc<Code>> = nested_code_objects(code).rev().collect();
    while let Some(nested) = pending.pop() {
        tree.push(nested);
        pending.extend(nested_code_objects(nested).rev());
    }
    tree
}

/// What `python3.11 -m dis FILE.py` prints for the module `code`
/// (`dis._disassemble_recursive`): its listing, then for each code object in its
/// constants, depth first, an empty line, `Disassembly of <code object …>:` and that
/// listing. Code-object addresses are those of our `Rc`s.
pub fn disassemble(code: &Code) -> String {
    let mut out = disassemble_one(code);
    for nested in nested_code_tree(code) {
        let _ = write!(out, "\nDisassembly of {}:\n", repr_code(nested));
        out.push_str(&disassemble_one(nested));
    }
    out
}
// ANCHOR_END: disassemble

// ANCHOR: code_info
/// `dis.COMPILER_FLAG_NAMES`, lowest bit first.
const COMPILER_FLAG_NAMES: [(u32, &str); 10] = [
    (flags::CO_OPTIMIZED, "OPTIMIZED"),
    (flags::CO_NEWLOCALS, "NEWLOCALS"),
    (flags::CO_VARARGS, "VARARGS"),
    (flags::CO_VARKEYWORDS, "VARKEYWORDS"),
    (flags::CO_NESTED, "NESTED"),
    (flags::CO_GENERATOR, "GENERATOR"),
    (0x40, "NOFREE"),
    (flags::CO_COROUTINE, "COROUTINE"),
    (flags::CO_ITERABLE_COROUTINE, "ITERABLE_COROUTINE"),
    (flags::CO_ASYNC_GENERATOR, "ASYNC_GENERATOR"),
];

/// `dis.pretty_flags`: the names of the set bits, unnamed bits in hex, `0x0` for none.
pub fn pretty_flags(co_flags: u32) -> String {
    if co_flags == 0 {
        return "0x0".to_owned();
    }
    (0..32)
        .map(|bit| 1u32 << bit)
        .filter(|flag| co_flags & flag != 0)
        .map(
            |flag| match COMPILER_FLAG_NAMES.iter().find(|(bit, _)| *bit == flag) {
                Some((_, name)) => (*name).to_owned(),
                None => format!("{flag:#x}"),
            },
        )
        .collect::<Vec<_>>()
        .join(", ")
}

/// One `   3: value` section of `code_info`, left out when there are no items.
fn write_numbered(out: &mut String, title: &str, items: impl Iterator<Item = String>) {
    let mut items = items.enumerate().peekable();
    if items.peek().is_none() {
        return;
    }
    let _ = write!(out, "\n{title}:");
    for (index, item) in items {
        let _ = write!(out, "\n{index:4}: {item}");
    }
}

/// `dis.code_info(code)` for one code object, same wording and layout (no final
/// newline, as `code_info` returns it).
pub fn code_info_one(code: &Code) -> String {
    let mut out = String::new();
    let _ = write!(out, "Name:              {}", code.name);
    let _ = write!(out, "\nFilename:          {}", code.filename);
    let _ = write!(out, "\nArgument count:    {}", code.argcount);
    let _ = write!(out, "\nPositional-only arguments: {}", code.posonlyargcount);
    let _ = write!(out, "\nKw-only arguments: {}", code.kwonlyargcount);
    let _ = write!(out, "\nNumber of locals:  {}", code.nlocals());
    let _ = write!(out, "\nStack size:        {}", code.stacksize);
    let _ = write!(out, "\nFlags:             {}", pretty_flags(code.flags));
    write_numbered(&mut out, "Constants", code.consts.iter().map(repr_constant));
    write_numbered(&mut out, "Names", code.names.iter().map(|n| n.to_string()));
    let as_strings = |names: Vec<Rc<str>>| names.into_iter().map(|n| n.to_string());
    write_numbered(&mut out, "Variable names", as_strings(code.varnames()));
    write_numbered(&mut out, "Free variables", as_strings(code.freevars()));
    write_numbered(&mut out, "Cell variables", as_strings(code.cellvars()));
    out
}

/// The words for a `localspluskinds` byte: `local`, `cell`, `free`, combined
/// (`local, cell` for an argument an inner function captures); unknown bits in hex.
fn kind_names(kind: u8) -> String {
    let mut names = Vec::new();
    let mut rest = kind;
    for (bit, name) in [
        (kinds::CO_FAST_LOCAL, "local"),
        (kinds::CO_FAST_CELL, "cell"),
        (kinds::CO_FAST_FREE, "free"),
    ] {
        if kind & bit != 0 {
            names.push(name.to_owned());
            rest &= !bit;
        }
    }
    if rest != 0 || kind == 0 {
        names.push(format!("{rest:#04x}"));
    }
    names.join(", ")
}

/// What 3.11 added to the code object and `dis.code_info` does not show: the
/// qualified name, the first line, and the fast-locals layout with each slot's kind.
fn code_info_extras(code: &Code) -> String {
    let mut out = String::new();
    let _ = write!(out, "\nQualified name:    {}", code.qualname);
    let _ = write!(out, "\nFirst line number: {}", code.firstlineno);
    let slots = code.localsplusnames.iter().enumerate().map(|(slot, name)| {
        let kind = code.localspluskinds.get(slot).copied().unwrap_or(0);
        format!("{name} ({})", kind_names(kind))
    });
    write_numbered(&mut out, "Fast locals (localsplusnames, kinds)", slots);
    out
}

/// The two tables read from bytes that `dis.code_info` leaves out, decoded: the
/// exception table as `dis` prints it under a listing (`  4 to 20 -> 26 [0] lasti`),
/// and the line table as `co_lines()` ranges (`  0-2: line 0`; `line None` for
/// bytes that belong to no line). A section is left out when its table is empty.
pub fn code_info_tables(code: &Code) -> String {
    let mut out = String::new();
    let mut exception_table = String::new();
    write_exception_table(&mut exception_table, &exceptiontable::parse(code));
    if !exception_table.is_empty() {
        out.push('\n');
        out.push_str(exception_table.trim_end_matches('\n'));
    }
    let ranges = merge_line_ranges(&linetable::lines(code));
    if !ranges.is_empty() {
        out.push_str("\nLine table (co_lines, same-line neighbours merged):");
    }
    for range in ranges {
        let line = range
            .line
            .map_or("None".to_string(), |line| line.to_string());
        let _ = write!(out, "\n  {}-{}: line {line}", range.start, range.end);
    }
    out
}

/// 3.11's `co_lines()` yields one range per line-table entry, so a line split over
/// several entries (one per instruction, often) shows as several neighbours with the
/// same line; for reading, one range per run is enough.
fn merge_line_ranges(ranges: &[linetable::LineRange]) -> Vec<linetable::LineRange> {
    let mut merged: Vec<linetable::LineRange> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(last) if last.line == range.line && last.end == range.start => {
                last.end = range.end;
            }
            _ => merged.push(*range),
        }
    }
    merged
}

/// One code object's part of `--code`: [`code_info_one`], `code_info_extras` and
/// `code_info_tables`, ending with a newline.
fn code_info_sections(code: &Code) -> String {
    let mut out = code_info_one(code);
    out.push_str(&code_info_extras(code));
    out.push_str(&code_info_tables(code));
    out.push('\n');
    out
}

/// `--code`: the sections of `code`, then of every code object nested in its
/// constants, in the order `dis` lists them, each after an empty line and
/// `Code info of <code object …>:`.
pub fn code_info(code: &Code) -> String {
    let mut out = code_info_sections(code);
    for nested in nested_code_tree(code) {
        let _ = write!(out, "\nCode info of {}:\n", repr_code(nested));
        out.push_str(&code_info_sections(nested));
    }
    out
}
// ANCHOR_END: code_info
