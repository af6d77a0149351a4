//! `--trace`: one line per executed instruction, with the value stack after it.
//!
//! ```text
//! offset line  instruction                   stack after
//!      2    1  LOAD_CONST          0 ('hi')  ['hi']
//! ```
//!
//! The instruction columns follow `dis` (name padded to 20, argument right-aligned
//! to 5, its meaning in parentheses), so a trace reads next to a `--dis` listing.

use crate::eval::frame::Frame;
use crate::eval::Instruction;
use crate::linetable;
use crate::opcode::{self, ArgKind};
use crate::value::ops;
use crate::value::Value;

/// A stack item's repr longer than this is cut, so one big string does not
/// drown the trace.
const MAX_ITEM_WIDTH: usize = 40;

/// The header line above the trace's columns.
pub fn trace_header() -> String {
    format!(
        "{:>6} {:>4}  {:<40} {}",
        "offset", "line", "instruction", "stack after"
    )
}

// ANCHOR: trace_line
/// The trace line for `instr`, just executed in `frame`.
pub fn trace_line(frame: &Frame, instr: Instruction) -> String {
    let line = u32::try_from(instr.offset)
        .ok()
        .and_then(|offset| linetable::line_at(&frame.code, offset))
        .map_or_else(String::new, |line| line.to_string());
    let name = opcode::info(instr.opcode).map_or("<unknown>", |info| info.name);
    let has_arg = instr.opcode >= opcode::HAVE_ARGUMENT;
    let arg = if has_arg {
        instr.arg.to_string()
    } else {
        String::new()
    };
    let meaning = match argument_meaning(frame, instr) {
        Some(text) => format!(" ({text})"),
        None => String::new(),
    };
    let instruction = format!("{name:<20}{arg:>5}{meaning}");
    format!(
        "{:>6} {line:>4}  {instruction:<40} {}",
        instr.offset,
        stack_repr(&frame.stack)
    )
}
// ANCHOR_END: trace_line

/// What `dis` would put in parentheses after the argument.
fn argument_meaning(frame: &Frame, instr: Instruction) -> Option<String> {
    let info = opcode::info(instr.opcode)?;
    let index = usize::try_from(instr.arg).ok()?;
    match info.arg {
        ArgKind::Const if instr.opcode == opcode::LOAD_CONST => {
            frame.consts.get(index)?.as_ref().map(short_repr)
        }
        ArgKind::Name => frame.code.names.get(index).map(|name| name.to_string()),
        _ => match instr.opcode {
            opcode::BINARY_OP => ops::decode_binary_op(instr.arg).map(|(op, inplace)| {
                let eq = if inplace { "=" } else { "" };
                format!("{}{eq}", op.symbol())
            }),
            opcode::FORMAT_VALUE => format_value_meaning(instr.arg),
            _ => None,
        },
    }
}

/// `dis`'s description of `FORMAT_VALUE`'s argument: `repr, with format`.
fn format_value_meaning(arg: u32) -> Option<String> {
    let conversion = match arg & 3 {
        1 => "str",
        2 => "repr",
        3 => "ascii",
        _ => "",
    };
    let with_format = arg & 4 != 0;
    match (conversion, with_format) {
        ("", false) => None,
        ("", true) => Some("with format".to_string()),
        (conversion, false) => Some(conversion.to_string()),
        (conversion, true) => Some(format!("{conversion}, with format")),
    }
}

// ANCHOR: stack_repr
/// The value stack as a Python list of reprs, bottom first; CPython's NULL shows
/// as `NULL`.
pub fn stack_repr(stack: &[Option<Value>]) -> String {
    let items: Vec<String> = stack
        .iter()
        .map(|slot| match slot {
            Some(value) => short_repr(value),
            None => "NULL".to_string(),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// A value's repr, cut to [`MAX_ITEM_WIDTH`] characters.
fn short_repr(value: &Value) -> String {
    let text = value
        .repr()
        .unwrap_or_else(|_| format!("<{} object>", value.type_name()));
    if text.chars().count() <= MAX_ITEM_WIDTH {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_ITEM_WIDTH - 3).collect();
    cut.push_str("...");
    cut
}
// ANCHOR_END: stack_repr
