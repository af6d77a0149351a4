//! The machine-readable trace (`--trace-json FILE`): what chapter 1's stepper
//! replays.
//!
//! It follows the book's trace format, version 1 (`"format":"eval-loop-trace"`,
//! documented with stage02's `trace_json` module, which every later stage
//! shares): JSON Lines, one object per line, a header line first, then one line
//! per event in the order things happened. The toy writes the subset it needs:
//!
//! ```text
//! {"format":"eval-loop-trace","version":1,"stage":"stage01","program":"names.toy","max_steps":20000}
//! {"event":"push","step":0,"frame":0,"depth":1,"name":"<module>"}
//! {"event":"instruction","step":1,"frame":0,"offset":0,"line":8,"opname":"LOAD_CONST","arg":0,"argrepr":"6","stack":["6"],"stack_depth":1,"locals":{"width":null}}
//! {"event":"pop","step":20,"frame":0,"depth":0,"name":"<module>","returns":"None"}
//! {"event":"end","steps":20,"truncated":false,"error":null}
//! ```
//!
//! * The toy has one frame, named `<module>` like CPython's module code; it is
//!   pushed before the first instruction and popped when `RETURN_VALUE` ends
//!   the program (a failed run has no pop: its `end` names the error).
//! * `offset` is the instruction's index in the code (the toy has no bytes),
//!   `line` its line in the `.toy` file.
//! * `stack` is the value stack *after* the instruction, bottom first, as reprs;
//!   the toy has no `NULL`.
//! * `locals` is the names table, in its order, each name with its value or
//!   `null` while it is unbound.
//! * A run is cut after `max_steps` instructions, with a note in `end`. The toy
//!   has no jumps, so its runs are as long as its code; the cap is there
//!   because the format promises it.

use std::io::{self, Write};

/// The value of the `version` field.
pub const FORMAT_VERSION: u32 = 1;

/// How many instructions a trace records before it is cut (as in later stages).
pub const DEFAULT_MAX_STEPS: u64 = 20_000;

/// Where a run's trace goes: text for a person (`--trace`, to stderr) or JSON
/// Lines for a program (`--trace-json FILE`).
pub enum Tracer<'a> {
    Text(&'a mut dyn Write),
    Json(JsonTrace<'a>),
}

/// A value as the trace shows it: its repr, or `None` for an unbound name.
pub type Shown = Option<String>;

/// One executed instruction.
pub struct InstructionEvent<'a> {
    pub offset: usize,
    pub line: usize,
    pub opname: &'a str,
    /// `None` for an instruction that takes no argument.
    pub arg: Option<usize>,
    pub argrepr: &'a str,
    /// Bottom first.
    pub stack: &'a [String],
    pub locals: &'a [(&'a str, Shown)],
}

/// Writes a trace event by event, and stops recording after `max_steps`
/// instructions.
pub struct JsonTrace<'a> {
    out: &'a mut dyn Write,
    steps: u64,
    max_steps: u64,
    truncated: bool,
}

/// The toy's one frame.
const FRAME: &str = "<module>";

impl<'a> JsonTrace<'a> {
    /// A trace of `program`: writes the header line and pushes the frame.
    pub fn new(out: &'a mut dyn Write, program: &str, max_steps: u64) -> io::Result<JsonTrace<'a>> {
        writeln!(
            out,
            "{{\"format\":\"eval-loop-trace\",\"version\":{FORMAT_VERSION},\"stage\":\"stage01\",\"program\":{},\"max_steps\":{max_steps}}}",
            json_string(program)
        )?;
        writeln!(
            out,
            "{{\"event\":\"push\",\"step\":0,\"frame\":0,\"depth\":1,\"name\":{}}}",
            json_string(FRAME)
        )?;
        Ok(JsonTrace {
            out,
            steps: 0,
            max_steps,
            truncated: false,
        })
    }

    /// An instruction ran; past `max_steps` the trace is cut instead.
    pub fn instruction(&mut self, event: &InstructionEvent) -> io::Result<()> {
        if self.truncated {
            return Ok(());
        }
        if self.steps >= self.max_steps {
            self.truncated = true;
            return Ok(());
        }
        self.steps += 1;
        let stack: Vec<String> = event.stack.iter().map(|v| json_string(v)).collect();
        let locals: Vec<String> = event
            .locals
            .iter()
            .map(|(name, value)| format!("{}:{}", json_string(name), json_shown(value)))
            .collect();
        writeln!(
            self.out,
            "{{\"event\":\"instruction\",\"step\":{},\"frame\":0,\"offset\":{},\"line\":{},\"opname\":{},\"arg\":{},\"argrepr\":{},\"stack\":[{}],\"stack_depth\":{},\"locals\":{{{}}}}}",
            self.steps,
            event.offset,
            event.line,
            json_string(event.opname),
            event.arg.map_or_else(|| "null".to_string(), |arg| arg.to_string()),
            json_string(event.argrepr),
            stack.join(","),
            event.stack.len(),
            locals.join(",")
        )
    }

    /// The program returned `returns`: the frame is popped and the trace ends.
    pub fn returned(&mut self, returns: &str) -> io::Result<()> {
        if !self.truncated {
            writeln!(
                self.out,
                "{{\"event\":\"pop\",\"step\":{},\"frame\":0,\"depth\":0,\"name\":{},\"returns\":{}}}",
                self.steps,
                json_string(FRAME),
                json_string(returns)
            )?;
        }
        self.end(None)
    }

    /// The last line: how many instructions were recorded, whether the run went
    /// on past them, and the error that ended it, if one did.
    pub fn end(&mut self, error: Option<&str>) -> io::Result<()> {
        let error = error.map_or_else(|| "null".to_string(), json_string);
        if self.truncated {
            let note = format!(
                "the run went on; the trace records only its first {} instructions",
                self.max_steps
            );
            writeln!(
                self.out,
                "{{\"event\":\"end\",\"steps\":{},\"truncated\":true,\"note\":{},\"error\":{error}}}",
                self.steps,
                json_string(&note)
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

/// A shown value as JSON: its repr as a string, `null` when unbound.
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
    fn s01_json_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(json_string("a\"b\\c\n\u{1}é"), "\"a\\\"b\\\\c\\n\\u0001é\"");
    }

    #[test]
    fn s01_json_trace_is_cut_after_max_steps_with_a_note() {
        let mut out = Vec::new();
        let mut trace = JsonTrace::new(&mut out, "p.toy", 2).expect("header");
        let stack = ["6".to_string()];
        let event = InstructionEvent {
            offset: 0,
            line: 3,
            opname: "LOAD_CONST",
            arg: Some(0),
            argrepr: "6",
            stack: &stack,
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
            "{\"event\":\"instruction\",\"step\":1,\"frame\":0,\"offset\":0,\"line\":3,\"opname\":\"LOAD_CONST\",\"arg\":0,\"argrepr\":\"6\",\"stack\":[\"6\"],\"stack_depth\":1,\"locals\":{\"x\":null}}"
        );
        assert!(lines[4].starts_with("{\"event\":\"end\",\"steps\":2,\"truncated\":true"));
    }
}
