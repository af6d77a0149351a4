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
//! {"event":"instruction","step":1,"frame":0,"offset":0,"line":0,"opname":"RESUME","arg":0,"argrepr":"","stack":[],"locals":{}}
//! {"event":"instruction","step":2,"frame":0,"offset":2,"line":1,"opname":"PUSH_NULL","arg":null,"argrepr":"","stack":[null],"locals":{}}
//! {"event":"pop","step":9,"frame":0,"depth":0,"name":"<module>","returns":"None"}
//! {"event":"end","steps":9,"truncated":false}
//! ```
//!
//! * `stack` is the frame's value stack *after* the instruction, bottom first,
//!   as short reprs; CPython's `NULL` is `null`.
//! * `locals` are the frame's fast locals by name (stage03 on; module code has
//!   none), an unbound one `null`.
//! * `frame` numbers frames in the order they were pushed; `depth` is how many
//!   frames there are after the event.
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

/// A value as the trace shows it: a short repr, or `None` for CPython's `NULL`
/// (an unbound local).
pub type Shown = Option<String>;

/// One executed instruction, as the trace records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstructionEvent<'a> {
    pub frame: u64,
    pub offset: usize,
    pub line: Option<u32>,
    pub opname: &'a str,
    pub arg: Option<u32>,
    pub argrepr: &'a str,
    pub stack: &'a [Shown],
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
        })
    }

    /// Whether the trace still records (it stops after `max_steps`).
    pub fn recording(&self) -> bool {
        !self.truncated
    }

    /// A frame pushed: returns the number the trace gives it.
    pub fn push(&mut self, depth: usize, name: &str) -> io::Result<u64> {
        let frame = self.next_frame;
        self.next_frame += 1;
        if self.recording() {
            writeln!(
                self.out,
                "{{\"event\":\"push\",\"step\":{},\"frame\":{frame},\"depth\":{depth},\"name\":{}}}",
                self.steps,
                json_string(name)
            )?;
        }
        Ok(frame)
    }

    /// A frame popped, returning `returns` (`None` when it left by an error).
    pub fn pop(&mut self, frame: u64, depth: usize, name: &str, returns: Shown) -> io::Result<()> {
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
            "{{\"event\":\"instruction\",\"step\":{},\"frame\":{},\"offset\":{},\"line\":{},\"opname\":{},\"arg\":{},\"argrepr\":{},\"stack\":[{}],\"locals\":{{{}}}}}",
            self.steps,
            event.frame,
            event.offset,
            event.line.map_or_else(|| "null".to_string(), |line| line.to_string()),
            json_string(event.opname),
            event.arg.map_or_else(|| "null".to_string(), |arg| arg.to_string()),
            json_string(event.argrepr),
            stack.join(","),
            locals.join(",")
        )
    }

    /// The last line: how many instructions were recorded, and whether the
    /// run went on past them.
    pub fn end(&mut self) -> io::Result<()> {
        if self.truncated {
            writeln!(
                self.out,
                "{{\"event\":\"end\",\"steps\":{},\"truncated\":true,\"note\":{}}}",
                self.steps,
                json_string(&format!(
                    "the run went on; the trace records only its first {} instructions",
                    self.max_steps
                ))
            )
        } else {
            writeln!(
                self.out,
                "{{\"event\":\"end\",\"steps\":{},\"truncated\":false}}",
                self.steps
            )
        }
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
        let frame = trace.push(1, "<module>").expect("push");
        let stack = [Some("1".to_string()), None];
        let event = InstructionEvent {
            frame,
            offset: 2,
            line: Some(1),
            opname: "LOAD_CONST",
            arg: Some(0),
            argrepr: "1",
            stack: &stack,
            locals: &[("x", None)],
        };
        for _ in 0..5 {
            trace.instruction(&event).expect("instruction");
        }
        trace.end().expect("end");
        let text = String::from_utf8(out).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5, "{text}");
        assert_eq!(
            lines[2],
            "{\"event\":\"instruction\",\"step\":1,\"frame\":0,\"offset\":2,\"line\":1,\"opname\":\"LOAD_CONST\",\"arg\":0,\"argrepr\":\"1\",\"stack\":[\"1\",null],\"locals\":{\"x\":null}}"
        );
        assert!(lines[4].starts_with("{\"event\":\"end\",\"steps\":2,\"truncated\":true"));
    }
}
