//! `--trace`: one line per executed instruction, with the value stack after it.
//!
//! ```text
//! offset line  instruction                   stack after
//!      2    1  LOAD_CONST          0 ('hi')  ['hi']
//! ```
//!
//! The instruction columns follow `dis` (name padded to 20, argument right-aligned
//! to 5, its meaning in parentheses), so a trace reads next to a `--dis` listing.
//!
//! A trace line stays short, whatever the program holds: a repr, a name or an
//! argument's meaning is cut at [`MAX_ITEM_WIDTH`] characters, a stack wider
//! than [`STACK_WIDTH`] shows its bottom items, how many are left out and its
//! top items (`[NULL, <built-in function print>, ...290 more..., 299, 300]`),
//! and no line is longer than [`MAX_LINE_WIDTH`]. Only what is shown is
//! computed, so tracing a call of 100,000 arguments or a string of 100 MB
//! costs about what tracing a small one does.

use crate::eval::frame::Frame;
use crate::eval::Instruction;
use crate::linetable;
use crate::opcode::{self, ArgKind};
use crate::pyrepr;
use crate::trace_json::{InstructionEvent, JsonTrace};
use crate::value::ops;
use crate::value::Value;

// ANCHOR: widths
/// A stack item's repr, a name or an argument's meaning longer than this is
/// cut, so one big string does not drown the trace.
pub const MAX_ITEM_WIDTH: usize = 40;

/// The widest the stack column gets, brackets included. Any stack fits: its
/// bottom [`BOTTOM_ITEMS`], `...N more...` and at least its top item, each at
/// most [`MAX_ITEM_WIDTH`], take at most 117 characters.
pub const STACK_WIDTH: usize = 120;

/// How many items of a long stack are shown from the bottom: in a call, the
/// NULL (or `self`) and the callable.
const BOTTOM_ITEMS: usize = 2;

/// The widest a trace line gets. An instruction's line is never wider: its
/// offset, line and instruction columns take at most 106 characters
/// (ten-digit offsets, lines and arguments, the longest opcode name, a
/// meaning cut to [`MAX_ITEM_WIDTH`]), its stack column [`STACK_WIDTH`]. A
/// longer line, such as a stage03 frame line with long names both in its
/// parameters and in its frames, is cut.
pub const MAX_LINE_WIDTH: usize = 240;
// ANCHOR_END: widths

/// The header line above the trace's columns.
pub fn trace_header() -> String {
    format!(
        "{:>6} {:>4}  {:<40} {}",
        "offset", "line", "instruction", "stack after"
    )
}

// ANCHOR: json_instruction
/// The JSON trace's record of `instr`, just executed in `frame` (see
/// [`crate::trace_json`]): the same facts as [`trace_line`], as fields.
pub fn json_instruction(
    trace: &mut JsonTrace,
    frame: &Frame,
    instr: Instruction,
) -> std::io::Result<()> {
    let line = u32::try_from(instr.offset)
        .ok()
        .and_then(|offset| linetable::line_at(&frame.code, offset));
    let stack = JsonTrace::top_of_stack(&frame.stack, |slot| slot.as_ref().map(short_repr));
    let argrepr = argument_meaning(frame, instr).unwrap_or_default();
    trace.instruction(&InstructionEvent {
        offset: instr.offset,
        line,
        opname: opcode::info(instr.opcode).map_or("<unknown>", |info| info.name),
        arg: (instr.opcode >= opcode::HAVE_ARGUMENT).then_some(instr.arg),
        argrepr: &argrepr,
        stack: &stack,
        stack_depth: frame.stack.len(),
        locals: &[],
    })
}
// ANCHOR_END: json_instruction

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
        Some(text) => format!(" ({})", cut(text, MAX_ITEM_WIDTH)),
        None => String::new(),
    };
    let instruction = format!("{name:<20}{arg:>5}{meaning}");
    let text = format!(
        "{:>6} {line:>4}  {instruction:<40} {}",
        instr.offset,
        stack_repr(&frame.stack)
    );
    cut(text, MAX_LINE_WIDTH)
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
/// as `NULL`. A stack wider than [`STACK_WIDTH`] is elided in the middle
/// (see [`elide`]).
pub fn stack_repr(stack: &[Option<Value>]) -> String {
    let item = |index: usize| match stack.get(index) {
        Some(Some(value)) => short_repr(value),
        _ => "NULL".to_string(),
    };
    format!("[{}]", elide(stack.len(), item, STACK_WIDTH - 2))
}

/// `len` items joined by `, `, item `i` shown as `show(i)`, in at most `width`
/// characters. When they do not all fit: the first [`BOTTOM_ITEMS`],
/// `...N more...` for the middle, and as many of the last items as fit; the
/// first and the last item are always shown, so the width holds when they
/// fit beside the marker (for the stack: when no item is wider than
/// [`MAX_ITEM_WIDTH`]). Only the items shown are computed (and a few more),
/// so the cost does not grow with `len`.
pub fn elide(len: usize, show: impl Fn(usize) -> String, width: usize) -> String {
    let mut first = Vec::new();
    let mut used = 0;
    for index in 0..len {
        let item = show(index);
        used += item.chars().count() + if index == 0 { 0 } else { 2 };
        if used > width && index > 0 {
            break;
        }
        first.push(item);
    }
    if first.len() == len {
        return first.join(", ");
    }
    // Every item shown costs its width and a separator; so does the marker,
    // whose count is below `len`. The bottom items take at most half of what
    // is left, the top items the rest; one of each is always shown.
    let budget = width.saturating_sub(format!("...{len} more...").len());
    let cost = |item: &String| item.chars().count() + 2;
    let mut spent = 0;
    let mut bottom = Vec::new();
    for item in first.into_iter().take(BOTTOM_ITEMS) {
        if !bottom.is_empty() && spent + cost(&item) > budget / 2 {
            break;
        }
        spent += cost(&item);
        bottom.push(item);
    }
    let mut top = Vec::new();
    for index in (bottom.len()..len).rev() {
        let item = show(index);
        if !top.is_empty() && spent + cost(&item) > budget {
            break;
        }
        spent += cost(&item);
        top.push(item);
    }
    let hidden = len - bottom.len() - top.len();
    let mut shown = bottom;
    if hidden > 0 {
        shown.push(format!("...{hidden} more..."));
    }
    shown.extend(top.into_iter().rev());
    shown.join(", ")
}

/// A value's repr, cut to [`MAX_ITEM_WIDTH`] characters. A long str, bytes or
/// tuple is not converted whole: only as much of its start as the width shows.
pub fn short_repr(value: &Value) -> String {
    cut(head_repr(value, MAX_ITEM_WIDTH), MAX_ITEM_WIDTH)
}

/// `text` cut to `width` characters, the last three of them `...`, when it is
/// longer.
pub fn cut(text: String, width: usize) -> String {
    if text.char_indices().nth(width).is_none() {
        return text;
    }
    let mut cut: String = text.chars().take(width.saturating_sub(3)).collect();
    cut.push_str("...");
    cut
}

/// `repr(value)` when that is at most `width` characters; otherwise a text
/// longer than `width` that starts with the repr's first `width` characters.
/// For a long str or bytes that is the repr of its first `width` characters,
/// with the whole value's quote characters (`'`, `"`) added at the end, so
/// that the repr picks the quotes the whole value's repr picks; a tuple stops
/// after the item that fills the width. The width shrinks by at
/// least one for each nested tuple, so nesting never recurses deeper than
/// `width` levels.
fn head_repr(value: &Value, width: usize) -> String {
    match value {
        Value::Str(s) => match s.char_indices().nth(width) {
            Some((end, _)) => {
                let mut head = s[..end].to_string();
                head.extend(['\'', '"'].into_iter().filter(|&quote| s.contains(quote)));
                pyrepr::repr_str(&head)
            }
            None => full_repr(value),
        },
        Value::SurrogateStr(points) if points.len() > width => {
            let mut head = points[..width].to_vec();
            head.extend(
                [0x27, 0x22]
                    .into_iter()
                    .filter(|quote| points.contains(quote)),
            );
            pyrepr::repr_surrogate_str(&head)
        }
        Value::Bytes(bytes) if bytes.len() > width => {
            let mut head = bytes[..width].to_vec();
            head.extend(
                [b'\'', b'"']
                    .into_iter()
                    .filter(|quote| bytes.contains(quote)),
            );
            pyrepr::repr_bytes(&head)
        }
        Value::Tuple(items) => head_tuple(items, width),
        _ => full_repr(value),
    }
}

/// [`head_repr`] of a tuple: `(1, 2)`, `(1,)`, `()`.
fn head_tuple(items: &[Value], width: usize) -> String {
    let mut text = String::from("(");
    let mut shown = 1;
    for (index, item) in items.iter().enumerate() {
        if shown > width {
            return text;
        }
        if index > 0 {
            text.push_str(", ");
            shown += 2;
        }
        let item = head_repr(item, width.saturating_sub(shown));
        shown += item.chars().count();
        text.push_str(&item);
    }
    if items.len() == 1 {
        text.push(',');
    }
    text.push(')');
    text
}

/// `repr(value)`, or `<int object>` when it cannot be made (an `int` too long
/// to convert).
fn full_repr(value: &Value) -> String {
    value
        .repr()
        .unwrap_or_else(|_| format!("<{} object>", value.type_name()))
}
// ANCHOR_END: stack_repr
