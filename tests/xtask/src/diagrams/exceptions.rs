//! Chapter 5's generated text and pictures: the parts of stage05's `--dis`,
//! `--code` and `--trace` the chapter shows, an exception table drawn over the
//! listing it covers, and a value stack cut back to a handler's depth.
//!
//! Both pictures check what they draw against a second source, so that they
//! cannot teach a wrong rule: the table's entries are re-encoded as CPython's
//! assembler writes them (`assemble_emit_exception_table_entry`) and the bytes
//! must be found in the `.pyc`; the cut stack must be what the next traced
//! instruction, `PUSH_EXC_INFO`, finds.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{
    boxes_svg, dis_rows, esc, finish_svg, hide_addresses, svg_open, width_of, Arrows, FrameState,
    Step, DIAGRAMS_DIR, MODULE_NO_LOCALS, PAD, ROW,
};

/// Text a chapter shows from a stage's run, cut to the part it shows and written to
/// `generated/outputs/NAME`. Heap addresses are written `0xADDR`.
pub struct Output {
    pub name: &'static str,
    pub stage: &'static str,
    /// The option that chooses what the stage prints (`--dis`, `--code`, `--trace`).
    pub option: &'static str,
    /// The file the stage runs, relative to the repository root.
    pub program: &'static str,
    /// The exit status the run must end with: a trace of an uncaught exception
    /// ends with 1.
    pub status: i32,
    pub part: Part,
}

/// Which part of the output is kept.
#[derive(Clone, Copy)]
pub enum Part {
    /// Of `--dis` or `--code` (stdout): the section about the code object of this
    /// name, from its heading to the next one.
    CodeObject(&'static str),
    /// Of `--trace` (stderr): the column headings, then from the frame pushed
    /// last before the exception first leaves a frame to the last frame popped.
    /// The program's own output and the traceback are not in it.
    Unwinding,
    /// Of `--trace` (stderr): the column headings, then the life of the first frame
    /// pushed for a function of this name (`--> push NAME(`): from that line to the
    /// `<--` line where it leaves the stack, frames it called included.
    Frame(&'static str),
    /// Of `--trace` (stderr): the column headings, then everything from the first
    /// `--> push NAME(` line to the end of the run.
    FromPush(&'static str),
    /// Of `--code` (stdout): the code object's name and its fast locals
    /// (`Fast locals (localsplusnames, kinds):` and the lines under it).
    FastLocals(&'static str),
}

impl Part {
    /// Whether the part is cut from the `--trace` on stderr (else `--dis` or
    /// `--code` on stdout).
    fn of_trace(self) -> bool {
        !matches!(self, Part::CodeObject(_) | Part::FastLocals(_))
    }
}

const TRY_FINALLY: &str = "stages/stage05/tests/fixtures/try_finally.pyc";
const TRY_FINALLY_SOURCE: &str = "stages/stage05/tests/fixtures/try_finally.py";
const TWO_FRAMES: &str = "stages/stage05/tests/fixtures/two_frames.pyc";

/// What chapter 5 shows of stage05's runs.
pub const OUTPUTS: &[Output] = &[
    Output {
        name: "try_finally.divide.dis",
        stage: "stage05",
        option: "--dis",
        program: TRY_FINALLY,
        status: 0,
        part: Part::CodeObject("divide"),
    },
    Output {
        name: "try_finally.divide.code",
        stage: "stage05",
        option: "--code",
        program: TRY_FINALLY,
        status: 0,
        part: Part::CodeObject("divide"),
    },
    Output {
        name: "try_finally.trace",
        stage: "stage05",
        option: "--trace",
        program: TRY_FINALLY,
        status: 1,
        part: Part::Unwinding,
    },
    Output {
        name: "two_frames.trace",
        stage: "stage05",
        option: "--trace",
        program: TWO_FRAMES,
        status: 0,
        part: Part::Unwinding,
    },
];

/// Runs `output`'s stage and keeps its part.
pub fn record_output(root: &Path, output: &Output) -> Result<String, String> {
    let shown = format!("{} {} {}", output.stage, output.option, output.program);
    let run = Command::new(env!("CARGO"))
        .current_dir(root)
        .args(["run", "--quiet", "--package", output.stage, "--"])
        .arg(output.option)
        .arg(output.program)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if run.status.code() != Some(output.status) {
        return Err(format!(
            "{shown} ended with {}, not exit status {}:\n{}",
            run.status,
            output.status,
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    let stream = if output.part.of_trace() {
        run.stderr
    } else {
        run.stdout
    };
    let text = String::from_utf8(stream).map_err(|e| format!("{shown}: not UTF-8: {e}"))?;
    let text = hide_addresses(&text);
    let part = match output.part {
        Part::CodeObject(name) => code_object_part(&text, name),
        Part::Unwinding => unwinding_part(&text),
        Part::Frame(name) => frame_part(&text, name, true),
        Part::FromPush(name) => frame_part(&text, name, false),
        Part::FastLocals(name) => fast_locals_part(&text, name),
    };
    part.ok_or_else(|| {
        format!(
            "{shown}: the part {} wants is not in the output",
            output.name
        )
    })
}

/// The section of `--dis` (`Disassembly of <code object NAME at …>:`) or `--code`
/// (`Code info of <code object NAME at …>:`) about `name`, without the blank lines
/// that end it.
fn code_object_part(text: &str, name: &str) -> Option<String> {
    let is_heading =
        |line: &str| line.starts_with("Disassembly of ") || line.starts_with("Code info of ");
    let wanted = format!("<code object {name} at ");
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|line| is_heading(line) && line.contains(&wanted))?;
    let end = lines[start + 1..]
        .iter()
        .position(|line| is_heading(line))
        .map_or(lines.len(), |i| start + 1 + i);
    let mut part: Vec<&str> = lines[start..end].to_vec();
    while part.last().is_some_and(|line| line.trim().is_empty()) {
        part.pop();
    }
    Some(part.iter().map(|line| format!("{line}\n")).collect())
}

/// Of a code object's `--code` section ([`code_object_part`]): its `Name:`
/// line, then its `Fast locals` heading and the indented lines under it.
fn fast_locals_part(text: &str, name: &str) -> Option<String> {
    let section = code_object_part(text, name)?;
    let lines: Vec<&str> = section.lines().collect();
    let name_line = lines.iter().find(|line| line.starts_with("Name:"))?;
    let start = lines
        .iter()
        .position(|line| line.starts_with("Fast locals"))?;
    let slots = lines[start + 1..]
        .iter()
        .take_while(|line| line.starts_with("   "));
    let mut part = format!("{name_line}\n{}\n", lines[start]);
    for slot in slots {
        part.push_str(slot);
        part.push('\n');
    }
    Some(part)
}

/// The column headings of a `--trace`, then its lines from the `--> push` line
/// before the first frame an exception leaves (`<-- pop f raises E`) to the last
/// `<--` line.
fn unwinding_part(trace: &str) -> Option<String> {
    let lines: Vec<&str> = trace.lines().collect();
    let heading = lines.first()?;
    let raised = lines
        .iter()
        .position(|line| line.starts_with("<-- ") && line.contains(" raises "))?;
    let pushed = lines[..raised]
        .iter()
        .rposition(|line| line.starts_with("--> push "))?;
    let popped = lines.iter().rposition(|line| line.starts_with("<-- "))?;
    let mut out = format!("{heading}\n");
    for line in &lines[pushed..=popped] {
        out.push_str(line);
        out.push('\n');
    }
    Some(out)
}

/// The column headings of a `--trace`, then its lines from the first `--> push
/// NAME(…)` on: to the end of the run, or (with `until_popped`) to the `<--` line
/// where that frame leaves the stack, the first `<--` line that leaves as many
/// frames as there were below it (`frames (N)` at the end of each event line).
fn frame_part(trace: &str, name: &str, until_popped: bool) -> Option<String> {
    let lines: Vec<&str> = trace.lines().collect();
    let heading = lines.first()?;
    let pushed_line = format!("--> push {name}(");
    let pushed = lines
        .iter()
        .position(|line| line.starts_with(&pushed_line))?;
    let end = if until_popped {
        let below = frame_count(lines[pushed])?.checked_sub(1)?;
        pushed
            + lines[pushed..]
                .iter()
                .position(|line| line.starts_with("<-- ") && frame_count(line) == Some(below))?
    } else {
        lines.len() - 1
    };
    let mut out = format!("{heading}\n");
    for line in &lines[pushed..=end] {
        out.push_str(line);
        out.push('\n');
    }
    Some(out)
}

/// How many frames a trace's event line says are on the stack after it
/// (`… frames (2): <module> > outer`).
fn frame_count(line: &str) -> Option<usize> {
    let (_, after) = line.rsplit_once("frames (")?;
    after.split_once(')')?.0.parse().ok()
}

/// Chapter 5's pictures.
pub fn pictures(
    root: &Path,
    traces: &BTreeMap<&str, Vec<Step>>,
    outputs: &BTreeMap<&str, String>,
) -> Result<BTreeMap<PathBuf, String>, String> {
    let mut files = BTreeMap::new();
    let dis = outputs
        .get("try_finally.divide.dis")
        .ok_or("try_finally.divide.dis was not recorded")?;
    let source = read(root, TRY_FINALLY_SOURCE)?;
    let pyc =
        fs::read(root.join(TRY_FINALLY)).map_err(|e| format!("cannot read {TRY_FINALLY}: {e}"))?;
    files.insert(
        Path::new(DIAGRAMS_DIR).join("exception-table-try_finally.svg"),
        table_svg(dis, &source, &pyc).map_err(|e| format!("try_finally's table: {e}"))?,
    );

    let listing = read(root, "tests/programs/05_try_except/catch_and_continue.dis")?;
    let steps = traces
        .get("catch_and_continue")
        .ok_or("no trace of catch_and_continue")?;
    files.insert(
        Path::new(DIAGRAMS_DIR).join("handler-catch_and_continue.svg"),
        handler_svg(steps, &table_entries(&listing))
            .map_err(|e| format!("catch_and_continue's handler: {e}"))?,
    );
    Ok(files)
}

fn read(root: &Path, path: &str) -> Result<String, String> {
    fs::read_to_string(root.join(path)).map_err(|e| format!("cannot read {path}: {e}"))
}

/// One entry of a listing's `ExceptionTable:` (`  48 to 84 -> 86 [1] lasti`): byte
/// offsets, `last` the last covered instruction as `dis` prints it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableEntry {
    pub start: u64,
    pub last: u64,
    pub target: u64,
    pub depth: u64,
    pub lasti: bool,
}

impl TableEntry {
    /// As `dis` prints it.
    fn text(&self) -> String {
        let lasti = if self.lasti { " lasti" } else { "" };
        format!(
            "{} to {} -> {} [{}]{lasti}",
            self.start, self.last, self.target, self.depth
        )
    }

    /// The four numbers the table stores, in code units:
    /// start, size, target, depth·2 + lasti.
    fn stored(&self) -> [u64; 4] {
        [
            self.start / 2,
            (self.last + 2 - self.start) / 2,
            self.target / 2,
            self.depth << 1 | u64::from(self.lasti),
        ]
    }

    /// The entry's bytes as CPython's assembler writes them
    /// (`assemble_emit_exception_table_item`): each number in 6-bit chunks, most
    /// significant first, bit 6 on every chunk but the last, bit 7 on the
    /// entry's first byte.
    fn encoded(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        for (index, value) in self.stored().into_iter().enumerate() {
            let first = bytes.len();
            let chunks = (1..5)
                .rev()
                .filter(|shift| value >= 1 << (6 * shift))
                .count();
            for shift in (1..=chunks).rev() {
                bytes.push((value >> (6 * shift) & 63) as u8 | 64);
            }
            bytes.push((value & 63) as u8);
            if index == 0 {
                bytes[first] |= 128;
            }
        }
        bytes
    }
}

/// The entries of the first `ExceptionTable:` in `dis` (the first code object's).
pub fn table_entries(dis: &str) -> Vec<TableEntry> {
    let mut entries = Vec::new();
    let mut inside = false;
    for line in dis.lines() {
        if line.starts_with("Disassembly of") && inside {
            break;
        }
        if line.trim() == "ExceptionTable:" {
            inside = true;
            continue;
        }
        if !inside {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let number = |i: usize| words.get(i).and_then(|w| w.parse::<u64>().ok());
        let depth = words
            .get(5)
            .and_then(|w| w.strip_prefix('[')?.strip_suffix(']')?.parse().ok());
        match (number(0), number(2), number(4), depth) {
            (Some(start), Some(last), Some(target), Some(depth))
                if words[1] == "to" && words[3] == "->" =>
            {
                entries.push(TableEntry {
                    start,
                    last,
                    target,
                    depth,
                    lasti: words.get(6) == Some(&"lasti"),
                });
            }
            _ => break,
        }
    }
    entries
}

fn hex(bytes: &[u8]) -> String {
    let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
    hex.join(" ")
}

/// The colours of the entries' brackets, in order.
const ENTRY_COLOURS: [&str; 4] = ["#5b7db1", "#c0602b", "#5a9a5a", "#8a5bb1"];

// ANCHOR: table_svg
/// One code object's listing (its `Disassembly of` section) with each entry of its
/// exception table drawn as a bracket over the instructions it covers and an
/// arrow to its handler, and beside each, the entry as `dis` prints it and as the
/// `.pyc` stores it. The bytes are re-encoded from the entry and must be found in
/// `pyc` (a bytes object: its 4-byte length, then the table), so the picture
/// cannot show bytes the file does not hold.
fn table_svg(section: &str, source: &str, pyc: &[u8]) -> Result<String, String> {
    let mut lines = section.lines();
    let heading = lines.next().unwrap_or("");
    let name = heading
        .split("<code object ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .ok_or("the section has no `Disassembly of <code object NAME` heading")?;
    let body: String = lines.map(|line| format!("{line}\n")).collect();
    let rows = dis_rows(&body);
    let entries = table_entries(&body);
    if rows.is_empty() || entries.is_empty() {
        return Err(format!("{name}: no instructions or no exception table"));
    }
    let table: Vec<u8> = entries.iter().flat_map(TableEntry::encoded).collect();
    let mut stored = u32::try_from(table.len())
        .map_err(|_| "a table over 4 GB")?
        .to_le_bytes()
        .to_vec();
    stored.extend(&table);
    if !pyc.windows(stored.len()).any(|window| window == stored) {
        return Err(format!(
            "the table re-encoded ({}) is not in the .pyc: the encoder here is wrong",
            hex(&table)
        ));
    }
    let row_of = |offset: u64| rows.iter().position(|r| r.offset == offset);

    const LANE: f64 = 22.0;
    const HEADING: f64 = 20.0;
    let list_x = PAD + PAD + entries.len() as f64 * LANE + 10.0;
    let text_w = rows.iter().map(|r| width_of(&r.text)).fold(0.0, f64::max) + 12.0;
    let note_x = list_x + text_w + 16.0;
    let notes: Vec<(String, String)> = entries
        .iter()
        .map(|entry| {
            let [start, size, target, depth_lasti] = entry.stored();
            (
                entry.text(),
                format!(
                    "{}: start {start}, size {size}, target {target}, depth\u{b7}2+lasti {depth_lasti}",
                    hex(&entry.encoded())
                ),
            )
        })
        .collect();
    let note_w = notes
        .iter()
        .map(|(a, b)| a.chars().count().max(b.chars().count()) as f64 * 6.7)
        .fold(0.0, f64::max);
    let box_w = note_x + note_w + PAD - PAD;
    let headings = rows.iter().filter(|r| r.line.is_some()).count();
    let box_h = 26.0 + 8.0 + headings as f64 * HEADING + rows.len() as f64 * ROW + 8.0;
    let caption = format!(
        "try_finally.py, {name}: each exception-table entry is a bracket over the \
         instructions it covers, with an arrow to its handler"
    );
    let width = f64::max(
        PAD + box_w + PAD,
        caption.chars().count() as f64 * 6.4 + 2.0 * PAD,
    );
    let height = PAD + box_h + 34.0;
    let mut out = String::new();
    svg_open(&mut out, width, height, &caption);
    let _ = writeln!(out, "<rect class=\"frame\" x=\"{PAD}\" y=\"{PAD}\" width=\"{box_w}\" height=\"{box_h}\" rx=\"6\"/>");
    let _ = writeln!(
        out,
        "<rect class=\"bar\" x=\"{PAD}\" y=\"{PAD}\" width=\"{box_w}\" height=\"26\" rx=\"6\"/>"
    );
    let _ = writeln!(
        out,
        "<text class=\"bar-text\" x=\"{}\" y=\"{}\">{}</text>",
        PAD + PAD,
        PAD + 18.0,
        esc(name)
    );
    let _ = writeln!(out, "<text class=\"bar-text\" x=\"{}\" y=\"{}\" text-anchor=\"end\" style=\"font-size:11px;font-weight:normal\">stage05 --dis, as python3.11 -m dis</text>", PAD + box_w - PAD, PAD + 17.0);

    // The rows, with a heading for each source line; handlers' first rows marked.
    let mut y = PAD + 26.0 + 8.0;
    let mut tops = Vec::new();
    for row in &rows {
        if let Some(line) = row.line {
            let text = source
                .lines()
                .nth((line as usize).saturating_sub(1))
                .unwrap_or("");
            let _ = writeln!(
                out,
                "<text class=\"label\" x=\"{list_x}\" y=\"{}\" xml:space=\"preserve\">line {line}:  {}</text>",
                y + 14.0,
                esc(text)
            );
            y += HEADING;
        }
        if entries.iter().any(|e| e.target == row.offset) {
            let _ = writeln!(out, "<rect class=\"slot\" x=\"{list_x}\" y=\"{y}\" width=\"{text_w}\" height=\"{}\" rx=\"2\"/>", ROW - 4.0);
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" xml:space=\"preserve\">{}</text>",
            list_x + 6.0,
            y + 16.0,
            esc(&row.text)
        );
        tops.push(y);
        y += ROW;
    }

    // Each entry: a bracket in its own lane over its rows, an arrow down (or up)
    // the lane to its handler, and its note level with its first row. The entry
    // whose bracket and arrow span the most rows takes the outermost lane.
    let spans: Vec<(usize, usize, usize)> = entries
        .iter()
        .map(|e| {
            let first = row_of(e.start).ok_or(format!("no instruction at {}", e.start))?;
            // `last` may be an inline cache of the last instruction covered.
            let last = rows
                .iter()
                .rposition(|r| r.offset <= e.last)
                .filter(|&last| last >= first)
                .ok_or(format!("no instruction from {} to {}", e.start, e.last))?;
            let target = row_of(e.target).ok_or(format!("no instruction at {}", e.target))?;
            Ok((first, last, target))
        })
        .collect::<Result<_, String>>()?;
    let mut by_span: Vec<usize> = (0..entries.len()).collect();
    by_span.sort_by_key(|&i| {
        let (first, last, target) = spans[i];
        std::cmp::Reverse(target.max(last) - first.min(target))
    });
    for (lane, &i) in by_span.iter().enumerate() {
        let (first, last, target) = spans[i];
        let colour = ENTRY_COLOURS[i % ENTRY_COLOURS.len()];
        let lane_x = PAD + PAD + lane as f64 * LANE;
        let (top, bottom) = (tops[first] + 2.0, tops[last] + ROW - 6.0);
        let middle = tops[target] + (ROW - 4.0) / 2.0;
        let _ = writeln!(
            out,
            "<path d=\"M{},{top} L{lane_x},{top} L{lane_x},{bottom} L{},{bottom}\" stroke=\"{colour}\" stroke-width=\"2.5\" fill=\"none\"/>",
            list_x - 2.0,
            list_x - 2.0
        );
        let from = if target > last { bottom } else { top };
        let _ = writeln!(
            out,
            "<path class=\"arrow\" d=\"M{lane_x},{from} L{lane_x},{middle} L{},{middle}\" style=\"stroke:{colour};stroke-dasharray:5 3\"/>",
            list_x - 3.0
        );
        let (said, stored) = &notes[i];
        let _ = writeln!(
            out,
            "<text x=\"{note_x}\" y=\"{}\" style=\"fill:{colour};font-weight:bold\">{}</text>",
            tops[first] + 14.0,
            esc(said)
        );
        let _ = writeln!(
            out,
            "<text class=\"label\" x=\"{note_x}\" y=\"{}\">{}</text>",
            tops[first] + 30.0,
            esc(stored)
        );
    }
    finish_svg(&mut out, &caption, height - 12.0);
    Ok(out)
}
// ANCHOR_END: table_svg

/// The handler entered with the most values cut from the stack: the index of the
/// instruction that raised in the handler's frame (the traced stack after it)
/// and of the handler's first instruction, `PUSH_EXC_INFO`.
pub fn handler_steps(steps: &[Step]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (after, step) in steps.iter().enumerate() {
        if step.running().opname != "PUSH_EXC_INFO" {
            continue;
        }
        let depth = step.frames.len();
        let Some(before) = steps[..after].iter().rposition(|s| s.frames.len() == depth) else {
            continue;
        };
        let dropped = steps[before]
            .running()
            .stack
            .len()
            .saturating_sub(step.running().stack.len());
        if best.is_none_or(|(most, _, _)| dropped > most) {
            best = Some((dropped, before, after));
        }
    }
    best.map(|(_, before, after)| (before, after))
}

// ANCHOR: handler_svg
/// Three boxes of one frame: the stack as the raising instruction left it, the
/// stack cut back to the depth of the table entry that covers it with the
/// exception pushed (and `lasti` under it, if the entry asks), and the stack after
/// the handler's `PUSH_EXC_INFO`, as traced. The middle box is worked out from the
/// table, and must agree with the traced one on its right.
fn handler_svg(steps: &[Step], entries: &[TableEntry]) -> Result<String, String> {
    let (before, after) = handler_steps(steps).ok_or("the trace enters no handler")?;
    let (raised, handled) = (steps[before].running(), steps[after].running());
    let entry = entries
        .iter()
        .find(|e| e.start <= raised.offset && raised.offset <= e.last)
        .ok_or_else(|| format!("no table entry covers offset {}", raised.offset))?;
    let depth = entry.depth as usize;
    let pushed = 1 + usize::from(entry.lasti);
    let exc = handled
        .stack
        .last()
        .cloned()
        .flatten()
        .ok_or("no exception")?;
    let mut cut: Vec<Option<String>> = raised.stack.get(..depth).ok_or("too shallow")?.to_vec();
    if entry.lasti {
        cut.push(Some((raised.offset / 2).to_string()));
    }
    cut.push(Some(exc));
    // PUSH_EXC_INFO put the exception handled before under the new one.
    let mut expected = cut.clone();
    let previous = handled.stack.get(depth + pushed - 1).cloned().flatten();
    expected.insert(depth + pushed - 1, previous.clone());
    if expected != handled.stack || handled.offset != entry.target {
        return Err(format!(
            "cut to {cut:?} and PUSH_EXC_INFO at {} should give {expected:?}, the trace has {:?} at {}",
            entry.target, handled.stack, handled.offset
        ));
    }
    let step_box = |index: usize, what: &str| FrameState {
        name: format!(
            "step {}: {}{what}",
            steps[index].step,
            steps[index].running().name
        ),
        ..steps[index].running().clone()
    };
    let unwinding = FrameState {
        name: format!("unwinding: {}", entry.text()),
        offset: entry.target,
        line: None,
        opname: format!("\u{2190} jump here, depth {depth}"),
        arg: None,
        argrepr: String::new(),
        stack: cut,
        locals: raised.locals.clone(),
    };
    let boxes = [step_box(before, ", raises"), unwinding, step_box(after, "")];
    let caption = format!(
        "catch_and_continue.py: {} at {} raises; the table cuts the stack back to depth \
         {depth} and pushes the exception; PUSH_EXC_INFO puts the one handled before ({}) \
         under it",
        raised.opname,
        raised.offset,
        previous.as_deref().unwrap_or("NULL")
    );
    Ok(boxes_svg(&boxes, &caption, Arrows::Steps, MODULE_NO_LOCALS))
}
// ANCHOR_END: handler_svg

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s00_diagrams_encode_exception_table_entries_as_cpython() {
        // reference.md §5.1: `84 07 0d 00`, and a multi-byte target `41 11`.
        let entry = TableEntry {
            start: 8,
            last: 20,
            target: 26,
            depth: 0,
            lasti: false,
        };
        assert_eq!(entry.encoded(), vec![0x84, 0x07, 0x0d, 0x00]);
        let wide = TableEntry {
            start: 118,
            last: 126,
            target: 162,
            depth: 1,
            lasti: true,
        };
        assert_eq!(wide.encoded(), vec![0xbb, 0x05, 0x41, 0x11, 0x03]);
        assert_eq!(wide.text(), "118 to 126 -> 162 [1] lasti");
    }

    #[test]
    fn s00_diagrams_read_a_listings_exception_table() {
        let dis = "  4           4 LOAD_FAST                0 (a)\nExceptionTable:\n  4 to 10 -> 48 [0]\n  48 to 84 -> 86 [1] lasti\n\nDisassembly of <code object f at 0xADDR>:\nExceptionTable:\n  2 to 4 -> 6 [0]\n";
        let entries = table_entries(dis);
        assert_eq!(entries.len(), 2, "{entries:?}");
        assert_eq!(
            (entries[1].start, entries[1].last, entries[1].target),
            (48, 84, 86)
        );
        assert!(entries[1].lasti && !entries[0].lasti);
        assert_eq!(entries[1].stored(), [24, 19, 43, 3]);
    }

    #[test]
    fn s00_diagrams_cut_the_unwinding_part_of_a_trace() {
        let trace = "offset line  instruction\n--> push <module>()\n     0    0  RESUME\n--> push f()\n     2    3  CALL\n<-- pop f raises ValueError\n--> handler at 8 in <module>: stack cut to depth 0\n     8       PUSH_EXC_INFO\n<-- pop <module> returns None\nTraceback (most recent call last):\n";
        let part = unwinding_part(trace).unwrap();
        assert!(
            part.starts_with("offset line  instruction\n--> push f()\n"),
            "{part}"
        );
        assert!(part.ends_with("<-- pop <module> returns None\n"), "{part}");
        let listing = "  0  RESUME\n\nDisassembly of <code object f at 0xADDR, file \"x.py\", line 2>:\n  2  RESUME\n\nDisassembly of <code object g at 0xADDR>:\n";
        assert_eq!(
            code_object_part(listing, "f").unwrap(),
            "Disassembly of <code object f at 0xADDR, file \"x.py\", line 2>:\n  2  RESUME\n"
        );
    }

    #[test]
    fn s00_diagrams_cut_a_frames_life_from_a_trace() {
        let trace = "offset line  instruction\n--> push <module>()    frames (1): <module>\n--> push f()    frames (2): <module> > f\n--> push g()    frames (3): <module> > f > g\n<-- pop g returns 1    frames (2): <module> > f\n<-- pop f returns 2    frames (1): <module>\n     4    2  POP_TOP\n<-- pop <module> returns None    frames (0)\n";
        let life = frame_part(trace, "f", true).unwrap();
        assert!(
            life.starts_with("offset line  instruction\n--> push f()"),
            "{life}"
        );
        assert!(
            life.ends_with("<-- pop f returns 2    frames (1): <module>\n"),
            "{life}"
        );
        let rest = frame_part(trace, "g", false).unwrap();
        assert!(
            rest.ends_with("<-- pop <module> returns None    frames (0)\n"),
            "{rest}"
        );
        assert_eq!(rest.lines().count(), 6, "{rest}");
        assert!(frame_part(trace, "h", true).is_none());
    }
}
