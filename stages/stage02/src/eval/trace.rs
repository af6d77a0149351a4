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
//! A trace line fits a book's page, whatever the program holds. A value is
//! shown short ([`text_repr`]): `print` for `<built-in function print>`,
//! `square` for `<function square at 0x…>`, `<code square>` for a code
//! object, a long string or tuple cut at [`TEXT_ITEM_WIDTH`] characters. The
//! stack column starts at [`STACK_COLUMN`]; a stack that does not fit beside
//! its instruction goes on in the next line, under the column, so that no
//! line is longer than [`MAX_LINE_WIDTH`] ([`PAGE_WIDTH`]). A stack wider
//! than two such rows ([`STACK_WIDTH`]) shows, in one row, its bottom items,
//! how many are left out and its top items
//! (`[NULL, print, ...290 more..., 1, 1, 1]`). Only what is shown is computed, so tracing a call of
//! 100,000 arguments or a string of 100 MB costs about what tracing a small
//! one does. The JSON trace keeps the longer [`short_repr`].

use crate::eval::frame::Frame;
use crate::eval::Instruction;
use crate::linetable;
use crate::opcode::{self, ArgKind};
use crate::pyrepr;
use crate::trace_json::{InstructionEvent, JsonTrace};
use crate::value::ops;
use crate::value::Value;

// ANCHOR: widths
/// A value's repr in the JSON trace, a name or an argument's meaning longer
/// than this is cut, so one big string does not drown the trace.
pub const MAX_ITEM_WIDTH: usize = 40;

/// A value's repr in the text trace ([`text_repr`]), and an argument's
/// meaning there, longer than this is cut.
pub const TEXT_ITEM_WIDTH: usize = 24;

/// The widest a stack is shown whole, brackets included: two rows of the
/// stack column (see [`stack_items`]).
pub const STACK_WIDTH: usize = 2 * STACK_ROW;

/// One row of the stack column: a longer stack is elided to one row. Its
/// bottom item, `...N more...` and its top item, each up to
/// [`TEXT_ITEM_WIDTH`], may take more (at most 80 characters); then that row
/// wraps too (see [`wrap`]).
pub const STACK_ROW: usize = PAGE_WIDTH - STACK_COLUMN;

/// How many items of a long stack are shown from the bottom: in a call, the
/// NULL (or `self`) and the callable.
const BOTTOM_ITEMS: usize = 2;

/// Where the stack column starts: after the offset (6), line (4) and
/// instruction (40) columns and the spaces between them.
pub const STACK_COLUMN: usize = 54;

/// The width of a book's page: a line of the stack that would go past it
/// goes on the next line, under the stack column.
pub const PAGE_WIDTH: usize = 100;

/// The widest a trace line gets. An instruction's line is never wider: its
/// offset, line and instruction columns take at most 72 characters
/// (ten-digit offsets, lines and arguments, the longest opcode name, a
/// meaning cut to [`TEXT_ITEM_WIDTH`]), and the stack wraps at [`PAGE_WIDTH`]
/// between items no wider than [`TEXT_ITEM_WIDTH`] (and a bracket and a
/// comma). A longer line, such as a stage03 frame line with long names, is
/// cut.
pub const MAX_LINE_WIDTH: usize = PAGE_WIDTH;
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
    let argrepr = argument_meaning(frame, instr, short_repr).unwrap_or_default();
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
    let meaning = match argument_meaning(frame, instr, text_repr) {
        Some(text) => format!(" ({})", cut(text, TEXT_ITEM_WIDTH)),
        None => String::new(),
    };
    let instruction = format!("{name:<20}{arg:>5}{meaning}");
    let head = format!("{:>6} {line:>4}  {instruction:<40} ", instr.offset);
    wrap(head, &stack_items(&frame.stack), STACK_COLUMN)
}
// ANCHOR_END: trace_line

/// `head`, then `items` separated by spaces (each item carries its own
/// comma): an item that would end past [`PAGE_WIDTH`] starts a new line,
/// indented by `indent`. Each line is cut at [`MAX_LINE_WIDTH`].
pub fn wrap(head: String, items: &[String], indent: usize) -> String {
    let mut lines = vec![head];
    for (index, item) in items.iter().enumerate() {
        let Some(line) = lines.last_mut() else { break };
        let width = line.chars().count();
        let space = usize::from(index > 0);
        if width + space + item.chars().count() > PAGE_WIDTH && width > indent {
            let indented = " ".repeat(indent);
            lines.push(indented + item);
        } else {
            if space == 1 {
                line.push(' ');
            }
            line.push_str(item);
        }
    }
    let lines: Vec<String> = lines
        .into_iter()
        .map(|line| cut(line.trim_end().to_string(), MAX_LINE_WIDTH))
        .collect();
    lines.join("\n")
}

/// What `dis` would put in parentheses after the argument; a constant shows as
/// `repr` shows it.
fn argument_meaning(
    frame: &Frame,
    instr: Instruction,
    repr: fn(&Value) -> String,
) -> Option<String> {
    let info = opcode::info(instr.opcode)?;
    let index = usize::try_from(instr.arg).ok()?;
    match info.arg {
        ArgKind::Const if instr.opcode == opcode::LOAD_CONST => {
            frame.consts.get(index)?.as_ref().map(repr)
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
/// The value stack as a Python list of [`text_repr`]s, bottom first; CPython's
/// NULL shows as `NULL`. A stack wider than [`STACK_WIDTH`] is elided in the
/// middle (see [`stack_items`] and [`elide`]).
pub fn stack_repr(stack: &[Option<Value>]) -> String {
    stack_items(stack).join(" ")
}

/// [`stack_repr`]'s items, each with its comma, the first with `[`, the last
/// with `]`: where the stack may wrap. A stack that fits in two rows of the
/// stack column is shown whole; a longer one is elided to one row, so that a
/// long stack costs one line per instruction, not many.
pub fn stack_items(stack: &[Option<Value>]) -> Vec<String> {
    let item = |index: usize| match stack.get(index) {
        Some(Some(value)) => text_repr(value),
        _ => "NULL".to_string(),
    };
    let whole = bracketed(elide_items(stack.len(), item, STACK_WIDTH - 2));
    let rows = wrap(" ".repeat(STACK_COLUMN), &whole, STACK_COLUMN)
        .lines()
        .count();
    if whole.len() == stack.len().max(1) && rows <= 2 {
        return whole;
    }
    bracketed(elide_items(stack.len(), item, STACK_ROW - 2))
}

/// `items` as a list: `[` before the first, `]` after the last, a comma
/// after each other one.
fn bracketed(mut items: Vec<String>) -> Vec<String> {
    match items.first_mut() {
        Some(first) => first.insert(0, '['),
        None => return vec!["[]".to_string()],
    }
    if let Some(last) = items.last_mut() {
        last.push(']');
    }
    let count = items.len();
    for item in items.iter_mut().take(count - 1) {
        item.push(',');
    }
    items
}

/// Containers of a later stage with more items than this are shown by their
/// type and length (`<list of 1000>`).
const MAX_SHOWN_ITEMS: usize = 16;

/// A value as the text trace shows it: a builtin or a function by its name
/// (`print`, `square`), a code object as `<code square>`, an iterator as
/// `<list_iterator>`, any other object's repr without its address, the rest
/// as [`short_repr`] does, cut at [`TEXT_ITEM_WIDTH`].
pub fn text_repr(value: &Value) -> String {
    let text = match value {
        Value::Builtin(function) => function.name.to_string(),
        Value::Code(code) => format!("<code {}>", code.code.name),
        // A big container is summed up, not shown: its repr would cost time
        // and space on every line of the trace.
        Value::Object(object) if object.size().is_some_and(|n| n > MAX_SHOWN_ITEMS) => {
            let items = object.size().unwrap_or(0);
            format!("<{} of {items}>", object.type_object().name)
        }
        Value::Object(object) if object.type_object().name == "cell" => {
            head_repr(value, MAX_ITEM_WIDTH)
        }
        Value::Object(_) => {
            let repr = without_address(full_repr(value));
            if let Some(name) = repr
                .strip_prefix("<function ")
                .and_then(|rest| rest.strip_suffix('>'))
            {
                name.to_string()
            } else if let Some(kind) = repr.strip_suffix(" object>") {
                // `<list_iterator object at 0x…>` is `<list_iterator>`.
                format!("{kind}>")
            } else {
                repr
            }
        }
        _ => head_repr(value, TEXT_ITEM_WIDTH),
    };
    cut(text, TEXT_ITEM_WIDTH)
}

/// `repr` without its ` at 0x…` addresses, which change from run to run:
/// `<function f at 0x7f…>` is `<function f>`, and a cell's `<cell at 0x…:
/// int object at 0x…>` is `<cell: int object>`.
fn without_address(repr: String) -> String {
    let mut text = repr;
    while let Some(at) = text.find(" at 0x") {
        let rest = &text[at + " at 0x".len()..];
        let end = rest
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(rest.len());
        text = format!("{}{}", &text[..at], &rest[end..]);
    }
    text
}

/// `len` items joined by `, `, item `i` shown as `show(i)`, in at most `width`
/// characters. When they do not all fit: the first [`BOTTOM_ITEMS`],
/// `...N more...` for the middle, and as many of the last items as fit; the
/// first and the last item are always shown, so the width holds when they
/// fit beside the marker (for the stack: when no item is wider than
/// [`MAX_ITEM_WIDTH`]). Only the items shown are computed (and a few more),
/// so the cost does not grow with `len`.
pub fn elide(len: usize, show: impl Fn(usize) -> String, width: usize) -> String {
    elide_items(len, show, width).join(", ")
}

/// [`elide`]'s items, the marker among them, not yet joined.
pub fn elide_items(len: usize, show: impl Fn(usize) -> String, width: usize) -> Vec<String> {
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
        return first;
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
    shown
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
        Value::Object(object) if object.type_object().name == "cell" => {
            cell_text(object.getattr("cell_contents"), width)
        }
        Value::Object(_) => without_address(full_repr(value)),
        _ => full_repr(value),
    }
}

/// A cell (stage06) shows what it holds, `cell(1)` or `cell(empty)`: its
/// repr would show two addresses and a type name. What it holds is shown
/// in less width, so that cells in cells end.
fn cell_text(contents: Option<Value>, width: usize) -> String {
    match contents {
        Some(_) if width < 8 => "cell(...)".to_string(),
        Some(value) => format!("cell({})", head_repr(&value, width - 6)),
        None => "cell(empty)".to_string(),
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
