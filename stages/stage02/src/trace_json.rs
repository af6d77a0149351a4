//! The machine-readable trace (`--trace-json FILE`): what the book's pictures
//! and its stepper are drawn from.
//!
//! One JSON object per line ("JSON Lines"), so a reader can stream it and a
//! long run can be cut anywhere. The first line names the format and its
//! version; then one line per event, in the order things happened:
//!
//! ```text
//! {"format":"eval-loop-trace","version":1,"stage":"stage03","program":"add.pyc","max_steps":20000}
//! {"event":"push","step":0,"frame":0,"depth":1,"name":"<module>"}
//! {"event":"instruction","step":1,"frame":0,"offset":0,"line":0,"opname":"RESUME","arg":0,"argrepr":"","stack":[],"stack_depth":0,"locals":{}}
//! {"event":"instruction","step":2,"frame":0,"offset":2,"line":1,"opname":"PUSH_NULL","arg":null,"argrepr":"","stack":[null],"stack_depth":1,"locals":{}}
//! {"event":"pop","step":9,"frame":0,"depth":0,"name":"<module>","returns":"None"}
//! {"event":"end","steps":9,"truncated":false,"error":null}
//! ```
//!
//! * `stack` is the frame's value stack *after* the instruction, bottom first,
//!   as short reprs; CPython's `NULL` is `null`. A stack deeper than
//!   [`MAX_STACK_ITEMS`] shows only its top items; `stack_depth` is always the
//!   whole depth.
//! * `locals` are the frame's fast locals by name (stage03 on; module code has
//!   none), an unbound one `null`.
//! * `frame` numbers frames in the order they were pushed; `depth` is how many
//!   frames there are after the event. Frames come and go in last-in,
//!   first-out order, so an instruction belongs to the frame pushed last.
//! * `end` says how the run ended: `error` is the uncaught exception's line
//!   (or the stage's message), `null` when the program ran to its end.
//! * Later stages add events (a jump taken, an exception and its handler, a
//!   generator suspended) and fields; a reader ignores what it does not know.
//!
//! A run is cut after [`JsonTrace::max_steps`] instructions: the last line is
//! then `{"event":"end","steps":N,"truncated":true,"note":"…"}`, so a trace is
//! never an unbounded file.

use std::io::{self, Write};

/// The value of the `version` field: bumped when a field changes meaning.
pub const FORMAT_VERSION: u32 = 1;

/// How many instructions a trace records by default before it is cut.
pub const DEFAULT_MAX_STEPS: u64 = 20_000;

/// How many items of the value stack an instruction event shows, from the top.
pub const MAX_STACK_ITEMS: usize = 64;

/// A value as the trace shows it: a short repr, or `None` for CPython's `NULL`
/// (an unbound local).
pub type Shown = Option<String>;

/// One executed instruction, as the trace records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstructionEvent<'a> {
    pub offset: usize,
    pub line: Option<u32>,
    pub opname: &'a str,
    pub arg: Option<u32>,
    pub argrepr: &'a str,
    /// The top of the stack (at most [`MAX_STACK_ITEMS`] items), bottom first.
    pub stack: &'a [Shown],
    /// How deep the whole stack is.
    pub stack_depth: usize,
    pub locals: &'a [(&'a str, Shown)],
}

// ANCHOR: json_trace
/// Writes a trace, event by event, and stops recording after `max_steps`
/// instructions.
pub struct JsonTrace<'a> {
    out: &'a mut dyn Write,
    /// Instructions recorded so far.
    steps: u64,
    pub max_steps: u64,
    truncated: bool,
    next_frame: u64,
    /// The numbers of the frames pushed and not yet popped, outermost first.
    frames: Vec<u64>,
}

impl<'a> JsonTrace<'a> {
    /// A trace of `program` run by `stage`: writes the header line.
    pub fn new(
        out: &'a mut dyn Write,
        stage: &str,
        program: &str,
        max_steps: u64,
    ) -> io::Result<JsonTrace<'a>> {
        writeln!(
            out,
            "{{\"format\":\"eval-loop-trace\",\"version\":{FORMAT_VERSION},\"stage\":{},\"program\":{},\"max_steps\":{max_steps}}}",
            json_string(stage),
            json_string(program)
        )?;
        Ok(JsonTrace {
            out,
            steps: 0,
            max_steps,
            truncated: false,
            next_frame: 0,
            frames: Vec::new(),
        })
    }

    /// Whether the trace still records (it stops after `max_steps`).
    pub fn recording(&self) -> bool {
        !self.truncated
    }

    /// A frame pushed: it runs the instructions that follow.
    pub fn push(&mut self, name: &str) -> io::Result<()> {
        let frame = self.next_frame;
        self.next_frame += 1;
        self.frames.push(frame);
        let depth = self.frames.len();
        if self.recording() {
            writeln!(
                self.out,
                "{{\"event\":\"push\",\"step\":{},\"frame\":{frame},\"depth\":{depth},\"name\":{}}}",
                self.steps,
                json_string(name)
            )?;
        }
        Ok(())
    }

    /// The frame pushed last returned `returns`.
    pub fn pop(&mut self, name: &str, returns: Shown) -> io::Result<()> {
        let frame = self.frames.pop().unwrap_or(0);
        let depth = self.frames.len();
        if !self.recording() {
            return Ok(());
        }
        writeln!(
            self.out,
            "{{\"event\":\"pop\",\"step\":{},\"frame\":{frame},\"depth\":{depth},\"name\":{},\"returns\":{}}}",
            self.steps,
            json_string(name),
            json_shown(&returns)
        )
    }

    /// An instruction executed; past `max_steps` the trace is cut instead.
    pub fn instruction(&mut self, event: &InstructionEvent) -> io::Result<()> {
        if !self.recording() {
            return Ok(());
        }
        if self.steps >= self.max_steps {
            self.truncated = true;
            return Ok(());
        }
        self.steps += 1;
        let stack: Vec<String> = event.stack.iter().map(json_shown).collect();
        let locals: Vec<String> = event
            .locals
            .iter()
            .map(|(name, value)| format!("{}:{}", json_string(name), json_shown(value)))
            .collect();
        writeln!(
            self.out,
            "{{\"event\":\"instruction\",\"step\":{},\"frame\":{},\"offset\":{},\"line\":{},\"opname\":{},\"arg\":{},\"argrepr\":{},\"stack\":[{}],\"stack_depth\":{},\"locals\":{{{}}}}}",
            self.steps,
            self.frames.last().copied().unwrap_or(0),
            event.offset,
            event.line.map_or_else(|| "null".to_string(), |line| line.to_string()),
            json_string(event.opname),
            event.arg.map_or_else(|| "null".to_string(), |arg| arg.to_string()),
            json_string(event.argrepr),
            stack.join(","),
            event.stack_depth,
            locals.join(",")
        )
    }

    /// The last line: how many instructions were recorded, whether the run
    /// went on past them, and the error that ended it, if one did.
    pub fn end(&mut self, error: Option<&str>) -> io::Result<()> {
        let error = error.map_or_else(|| "null".to_string(), json_string);
        if self.truncated {
            writeln!(
                self.out,
                "{{\"event\":\"end\",\"steps\":{},\"truncated\":true,\"note\":{},\"error\":{error}}}",
                self.steps,
                json_string(&format!(
                    "the run went on; the trace records only its first {} instructions",
                    self.max_steps
                ))
            )?;
        } else {
            writeln!(
                self.out,
                "{{\"event\":\"end\",\"steps\":{},\"truncated\":false,\"error\":{error}}}",
                self.steps
            )?;
        }
        self.out.flush()
    }
}

// ANCHOR: tracer
/// Where a run's trace goes: text for a person (`--trace`, to stderr) or JSON
/// Lines for a program (`--trace-json FILE`).
pub enum Tracer<'a> {
    Text(&'a mut dyn Write),
    Json(JsonTrace<'a>),
}
// ANCHOR_END: tracer

impl JsonTrace<'_> {
    /// Only the top [`MAX_STACK_ITEMS`] of `stack`, each shown by `show`.
    pub fn top_of_stack<T>(stack: &[T], show: impl Fn(&T) -> Shown) -> Vec<Shown> {
        let start = stack.len().saturating_sub(MAX_STACK_ITEMS);
        stack.get(start..).unwrap_or(&[]).iter().map(show).collect()
    }
}
// ANCHOR_END: json_trace

/// A shown value as JSON: its repr as a string, `null` for NULL.
fn json_shown(value: &Shown) -> String {
    value
        .as_deref()
        .map_or_else(|| "null".to_string(), json_string)
}

/// `text` as a JSON string: quoted, with `"`, `\` and control characters
/// escaped (RFC 8259, section 7).
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s02_5_json_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(json_string("a\"b\\c\n\u{1}é"), "\"a\\\"b\\\\c\\n\\u0001é\"");
    }

    #[test]
    fn s02_5_json_trace_is_cut_after_max_steps_with_a_note() {
        let mut out = Vec::new();
        let mut trace = JsonTrace::new(&mut out, "stage02", "p.pyc", 2).expect("header");
        trace.push("<module>").expect("push");
        let stack = [Some("1".to_string()), None];
        let event = InstructionEvent {
            offset: 2,
            line: Some(1),
            opname: "LOAD_CONST",
            arg: Some(0),
            argrepr: "1",
            stack: &stack,
            stack_depth: 2,
            locals: &[("x", None)],
        };
        for _ in 0..5 {
            trace.instruction(&event).expect("instruction");
        }
        trace.end(None).expect("end");
        let text = String::from_utf8(out).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5, "{text}");
        assert_eq!(
            lines[2],
            "{\"event\":\"instruction\",\"step\":1,\"frame\":0,\"offset\":2,\"line\":1,\"opname\":\"LOAD_CONST\",\"arg\":0,\"argrepr\":\"1\",\"stack\":[\"1\",null],\"stack_depth\":2,\"locals\":{\"x\":null}}"
        );
        assert!(lines[4].starts_with("{\"event\":\"end\",\"steps\":2,\"truncated\":true"));
    }
}
