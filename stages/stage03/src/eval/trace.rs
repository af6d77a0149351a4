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
//! stage03 adds a line when a frame is pushed (a call: the function with its
//! bound parameters) and when one is popped (a return: the value), each with
//! the stack of frames after it, outermost first:
//!
//! ```text
//! --> push add(a=2, b=3)    frames (2): <module> > add
//! <-- pop add returns 5    frames (1): <module>
//! ```
//!
//! How a line stays short whatever the program holds (short reprs, names
//! cut, a long stack elided in the middle and wrapped under its column, no
//! line longer than [`MAX_LINE_WIDTH`]) is stage02's, imported: the same for
//! every stage. A frame line elides its parameters as a stack line elides the
//! stack, and its frames go on the next line when they do not fit.

use std::rc::Rc;

use crate::code::flags::{CO_VARARGS, CO_VARKEYWORDS};
use crate::dis::{self, RawInstruction};
use crate::eval::frame::Frame;
use crate::eval::Instruction;
use crate::linetable;
use crate::opcode;
use crate::trace_json::{InstructionEvent, JsonTrace, Shown};
use crate::value::Value;
pub use stage02::eval::trace::{
    cut, elide, short_repr, stack_items, stack_repr, text_repr, wrap, MAX_ITEM_WIDTH,
    MAX_LINE_WIDTH, PAGE_WIDTH, STACK_COLUMN, STACK_WIDTH, TEXT_ITEM_WIDTH,
};

/// The header line above the trace's columns.
pub fn trace_header() -> String {
    format!(
        "{:>6} {:>4}  {:<40} {}",
        "offset", "line", "instruction", "stack after"
    )
}

// ANCHOR: json_instruction
/// The JSON trace's record of `instr`, just executed in `frame` (see
/// [`crate::trace_json`]): the same facts as [`trace_line`], as fields, and
/// the frame's fast locals by name.
pub fn json_instruction(
    trace: &mut JsonTrace,
    frame: &Frame,
    instr: Instruction,
) -> std::io::Result<()> {
    let line = u32::try_from(instr.offset)
        .ok()
        .and_then(|offset| linetable::line_at(&frame.code, offset));
    let stack = JsonTrace::top_of_stack(&frame.stack, |slot| slot.as_ref().map(short_repr));
    let locals: Vec<(&str, Shown)> = frame
        .code
        .localsplusnames
        .iter()
        .zip(frame.locals.iter())
        .map(|(name, slot)| (&**name, slot.as_ref().map(short_repr)))
        .collect();
    let argrepr = argument_meaning(frame, instr, short_repr).unwrap_or_default();
    trace.instruction(&InstructionEvent {
        offset: instr.offset,
        line,
        opname: opcode::info(instr.opcode).map_or("<unknown>", |info| info.name),
        arg: (instr.opcode >= opcode::HAVE_ARGUMENT).then_some(instr.arg),
        argrepr: &argrepr,
        stack: &stack,
        stack_depth: frame.stack.len(),
        locals: &locals,
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

/// What `dis` would put in parentheses after the argument; a constant shows as
/// `repr` shows the value the frame holds.
fn argument_meaning(
    frame: &Frame,
    instr: Instruction,
    repr: fn(&Value) -> String,
) -> Option<String> {
    if instr.opcode == opcode::LOAD_CONST {
        let index = usize::try_from(instr.arg).ok()?;
        return frame.prepared.consts.get(index)?.as_ref().map(repr);
    }
    let raw = RawInstruction {
        offset: u32::try_from(instr.offset).ok()?,
        opcode: instr.opcode,
        arg: (instr.opcode >= opcode::HAVE_ARGUMENT).then_some(i64::from(instr.arg)),
    };
    let text = dis::argrepr(&frame.code, &raw);
    (!text.is_empty()).then_some(text)
}

// ANCHOR: frame_lines
/// How many frames the `frames:` column names before it elides the middle
/// (a recursion 900 deep would otherwise print 900 names per line).
const MAX_FRAMES_SHOWN: usize = 6;

/// A frame that waits for a builtin to return while the builtin runs Python
/// code (`min` waiting for its `key=` function): the name of its code, and
/// how many parked frames lie below it.
pub type Waiting = (usize, Rc<str>);

/// The line for a frame just pushed: `--> push add(a=2, b=3)`, then the
/// frames. `callers` are the frames parked below it, `waiting` those that wait
/// in a builtin.
pub fn push_line(waiting: &[Waiting], callers: &[Box<Frame>], frame: &Frame) -> String {
    let mut names = frame_names(waiting, callers);
    names.push(&frame.code.name);
    let name = cut(frame.code.qualname.to_string(), TEXT_ITEM_WIDTH);
    // The parameters fit on the line's first row, beside `--> push name(`
    // and `)`.
    let width = PAGE_WIDTH.saturating_sub(name.chars().count() + 11);
    let text = format!("--> push {name}({})    ", parameters(frame, width));
    frame_line(text, &frames_column(&names))
}

/// The line for a generator's frame put back on the stack (stage06):
/// `--> resume gen at offset 10`, the instruction it goes on at, then the
/// frames, as [`push_line`].
pub fn resume_line(waiting: &[Waiting], callers: &[Box<Frame>], frame: &Frame) -> String {
    let mut names = frame_names(waiting, callers);
    names.push(&frame.code.name);
    let name = cut(frame.code.qualname.to_string(), TEXT_ITEM_WIDTH);
    let at = frame.next_instr.saturating_mul(2);
    frame_line(
        format!("--> resume {name} at offset {at}    "),
        &frames_column(&names),
    )
}

/// How far a frame line's frames are indented when they go on the next line.
const FRAMES_INDENT: usize = 4;

/// `head`, then the frames column: on the same line when it fits the page,
/// otherwise on the next line, indented (and wrapped if it is that long).
fn frame_line(head: String, frames: &[String]) -> String {
    let column = frames.join(" ");
    if head.chars().count() + column.chars().count() <= PAGE_WIDTH {
        return head + &column;
    }
    let indent = " ".repeat(FRAMES_INDENT);
    format!(
        "{}\n{}",
        cut(head.trim_end().to_string(), MAX_LINE_WIDTH),
        wrap(indent, frames, FRAMES_INDENT)
    )
}

/// The line for a frame just popped, with the value it returns, and the
/// frames left: `caller` (which runs next, when the loop goes on) on top of
/// `callers` and `waiting`.
pub fn pop_line(
    frame: &Frame,
    value: &Value,
    waiting: &[Waiting],
    callers: &[Box<Frame>],
    caller: Option<&Frame>,
) -> String {
    let returns = format!("returns {}", text_repr(value));
    exit_line(frame, &returns, waiting, callers, caller)
}

/// The line for a frame that leaves, saying how (`returns 3`; from stage05
/// also `raises ZeroDivisionError`), and the frames left, as [`pop_line`].
pub fn exit_line(
    frame: &Frame,
    how: &str,
    waiting: &[Waiting],
    callers: &[Box<Frame>],
    caller: Option<&Frame>,
) -> String {
    let mut names = frame_names(waiting, callers);
    if let Some(caller) = caller {
        names.push(&caller.code.name);
    }
    let text = format!(
        "<-- pop {} {how}    ",
        cut(frame.code.qualname.to_string(), TEXT_ITEM_WIDTH),
    );
    frame_line(text, &frames_column(&names))
}

/// The names of the frames below the running one, outermost first: each
/// waiting frame goes where it waits, above the parked frames below it.
fn frame_names<'a>(waiting: &'a [Waiting], callers: &'a [Box<Frame>]) -> Vec<&'a str> {
    let waiting_at = |index: usize| {
        waiting
            .iter()
            .filter(move |(at, _)| *at == index)
            .map(|(_, name)| &**name)
    };
    let mut names = Vec::new();
    for (index, caller) in callers.iter().enumerate() {
        names.extend(waiting_at(index));
        names.push(&*caller.code.name);
    }
    names.extend(waiting_at(callers.len()));
    names
}

/// `frames (2): <module> > add`, outermost first, in pieces where the line
/// may wrap (see [`wrap`]).
fn frames_column(names: &[&str]) -> Vec<String> {
    let mut column = vec![format!("frames ({}):", names.len())];
    if names.is_empty() {
        column[0] = "frames (0)".to_string();
        return column;
    }
    let name = |name: &str| cut(name.to_string(), TEXT_ITEM_WIDTH);
    let shown: Vec<String> = if names.len() <= MAX_FRAMES_SHOWN {
        names.iter().map(|n| name(n)).collect()
    } else {
        let head = name(names.first().copied().unwrap_or(""));
        let tail = names
            .get(names.len() - (MAX_FRAMES_SHOWN - 2)..)
            .unwrap_or(&[]);
        std::iter::once(head)
            .chain(std::iter::once("...".to_string()))
            .chain(tail.iter().map(|n| name(n)))
            .collect()
    };
    let count = shown.len();
    column.extend(shown.into_iter().enumerate().map(|(index, name)| {
        if index + 1 < count {
            format!("{name} >")
        } else {
            name
        }
    }));
    column
}

/// The parameters of a new frame as bound: `a=2, b=3, args=()`. Module code has
/// none. Many parameters are elided in the middle to `width`, as a long stack
/// is.
fn parameters(frame: &Frame, width: usize) -> String {
    let code = &frame.code;
    let named = usize::try_from(code.argcount.saturating_add(code.kwonlyargcount)).unwrap_or(0);
    let starred =
        usize::from(code.flags & CO_VARARGS != 0) + usize::from(code.flags & CO_VARKEYWORDS != 0);
    let count = (named + starred)
        .min(code.localsplusnames.len())
        .min(frame.locals.len());
    let parameter = |index: usize| {
        let name = code.localsplusnames.get(index).map_or("?", |name| &**name);
        let name = cut(name.to_string(), TEXT_ITEM_WIDTH);
        match frame.locals.get(index) {
            Some(Some(value)) => format!("{name}={}", text_repr(value)),
            _ => format!("{name}=<unbound>"),
        }
    };
    elide(count, parameter, width)
}
// ANCHOR_END: frame_lines
