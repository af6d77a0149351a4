//! Chapter 6's pictures: two closures sharing one cell with the frame that made
//! them, and a generator's frame leaving the frame stack and coming back; and the
//! parts of stage06's `--trace` the chapter shows ([`OUTPUTS`]).
//!
//! The trace shows a cell as `cell(0)` and a generator as `<generator object
//! count_up>`, never which object is which, so each picture works out what it
//! draws from the instructions that made it and checks it against the trace: a
//! closure's cells are the slots its `LOAD_CLOSURE`s named, and the tuple
//! `BUILD_TUPLE` made of them must show those cells' contents; a generator's
//! state is read from the instruction that left its frame (`RETURN_GENERATOR`,
//! `YIELD_VALUE`), and the value it yields must be the one the trace's pop
//! event hands to `FOR_ITER`, and the one `FOR_ITER`'s next instruction stores.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::exceptions::{Output, Part};
use super::{
    esc, finish_svg, svg_open, width_of, FrameBox, FrameState, Step, DIAGRAMS_DIR, PAD, ROW,
};
use crate::json::{self, Json};

/// The run `cells-shared.svg` is drawn from.
pub const SHARED_CELL: &str = "shared_cell";
/// The run `generator-frame.svg` is drawn from.
pub const COUNT_UP: &str = "count_up";

/// The fast locals `stage06 --code` lists for a function of
/// `06_closures/three_levels.py`, each with its kinds (local, cell, free).
const fn fast_locals(name: &'static str, function: &'static str) -> Output {
    Output {
        name,
        stage: "stage06",
        option: "--code",
        program: "tests/programs/06_closures/three_levels.pyc",
        status: 0,
        part: Part::FastLocals(function),
    }
}

/// What chapter 6 shows of stage06's `--code` and `--trace`: the fast locals
/// of the three functions of `three_levels.py`; `counter` making two closures over
/// one cell (the run `cells-shared.svg` is drawn from), and the `yield from`
/// pipeline its stepper replays, from `outer`'s first push to the end.
pub const OUTPUTS: &[Output] = &[
    fast_locals("three_levels.outer.locals", "outer"),
    fast_locals("three_levels.middle.locals", "middle"),
    fast_locals("three_levels.inner.locals", "inner"),
    Output {
        name: "shared_cell.trace",
        stage: "stage06",
        option: "--trace",
        program: "stages/stage06/pictures/shared_cell.pyc",
        status: 0,
        part: Part::Frame("counter"),
    },
    Output {
        name: "yield_from_pipeline.trace",
        stage: "stage06",
        option: "--trace",
        program: "stages/stage06/pictures/yield_from_pipeline.pyc",
        status: 0,
        part: Part::FromPush("outer"),
    },
];

/// Chapter 6's pictures, from the replayed runs and their raw traces (for the
/// values the pop events carry).
pub fn pictures(
    traces: &BTreeMap<&str, Vec<Step>>,
    raw: &BTreeMap<&str, String>,
) -> Result<BTreeMap<PathBuf, String>, String> {
    let mut files = BTreeMap::new();
    let get = |name: &str| {
        traces
            .get(name)
            .zip(raw.get(name))
            .ok_or_else(|| format!("no trace of {name}"))
    };
    let (steps, text) = get(SHARED_CELL)?;
    files.insert(
        Path::new(DIAGRAMS_DIR).join("cells-shared.svg"),
        cells_svg(steps, &pops(text)?).map_err(|e| format!("{SHARED_CELL}'s cell: {e}"))?,
    );
    let (steps, text) = get(COUNT_UP)?;
    files.insert(
        Path::new(DIAGRAMS_DIR).join("generator-frame.svg"),
        generator_svg(steps, &pops(text)?).map_err(|e| format!("{COUNT_UP}'s generator: {e}"))?,
    );
    Ok(files)
}

/// A trace's pop event: the step it follows, the frame's name and the value it
/// returned or yielded (`None` for nothing: a new generator, an exception).
#[derive(Debug, Clone, PartialEq)]
pub struct Pop {
    pub step: u64,
    pub name: String,
    pub returns: Option<String>,
}

/// The pop events of a JSON Lines trace, in order.
pub fn pops(text: &str) -> Result<Vec<Pop>, String> {
    let mut pops = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if !line.contains("\"event\":\"pop\"") {
            continue;
        }
        let event = json::parse(line).map_err(|e| format!("line {}: {e}", number + 1))?;
        pops.push(Pop {
            step: event.get("step").and_then(Json::as_u64).unwrap_or(0),
            name: event
                .get("name")
                .and_then(Json::as_str)
                .unwrap_or("?")
                .to_string(),
            returns: event
                .get("returns")
                .and_then(Json::as_str)
                .map(str::to_string),
        });
    }
    Ok(pops)
}

// ---- cells ----------------------------------------------------------------------

/// A labelled part of an object's box: its rows, each a text and its slot's class.
type Section<'a> = (&'a str, Vec<(String, &'static str)>);

/// A function made with a closure (`MAKE_FUNCTION` with flag 8), as the trace of
/// the frame that made it shows: its repr, the local it was stored in, and the
/// fast-local slots of the cells its tuple holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Closure {
    pub function: String,
    pub code: String,
    pub local: Option<String>,
    pub cells: Vec<usize>,
}

/// The closures that `frames`' running frame made, up to and including
/// `steps[last]` (the steps of one frame: the caller is the same length below).
/// `LOAD_CLOSURE i` pushes the cell in slot `i`; the tuple `BUILD_TUPLE` makes of
/// them must show those cells' contents, in order, as the trace shows the slots.
pub fn closures(steps: &[Step], first: usize, last: usize) -> Result<Vec<Closure>, String> {
    let depth = steps[first].frames.len();
    let mut made: Vec<Closure> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    let mut tuple: Option<Vec<usize>> = None;
    let mut code = String::new();
    let mut before: Option<&FrameState> = None;
    for step in &steps[first..=last] {
        if step.frames.len() != depth {
            continue;
        }
        let at = step.running();
        match at.opname.as_str() {
            "LOAD_CLOSURE" => {
                pending.push(at.arg.ok_or("LOAD_CLOSURE without an argument")? as usize);
            }
            "BUILD_TUPLE" if !pending.is_empty() => {
                let cells = std::mem::take(&mut pending);
                let shown: Vec<String> = cells
                    .iter()
                    .map(|&slot| {
                        at.locals
                            .get(slot)
                            .and_then(|(_, value)| value.clone())
                            .ok_or_else(|| format!("slot {slot} is not a cell in the trace"))
                    })
                    .collect::<Result<_, _>>()?;
                let want = if shown.len() == 1 {
                    format!("({},)", shown[0])
                } else {
                    format!("({})", shown.join(", "))
                };
                if at.stack.last().cloned().flatten().as_deref() != Some(want.as_str()) {
                    return Err(format!(
                        "step {}: the tuple of slots {cells:?} should show {want}, the trace has {:?}",
                        step.step,
                        at.stack.last()
                    ));
                }
                tuple = Some(cells);
            }
            "LOAD_CONST" if tuple.is_some() => code = at.argrepr.clone(),
            "MAKE_FUNCTION" if at.argrepr.contains("closure") => {
                let cells = tuple.take().ok_or_else(|| {
                    format!("step {}: a closure made with no tuple of cells", step.step)
                })?;
                let function = at
                    .stack
                    .last()
                    .cloned()
                    .flatten()
                    .ok_or("MAKE_FUNCTION left nothing")?;
                made.push(Closure {
                    function,
                    code: std::mem::take(&mut code),
                    local: None,
                    cells,
                });
            }
            "STORE_FAST" => {
                let stored = before
                    .and_then(|b| b.stack.last().cloned().flatten())
                    .unwrap_or_default();
                if let Some(closure) = made
                    .iter_mut()
                    .find(|c| c.local.is_none() && c.function == stored)
                {
                    closure.local = Some(at.argrepr.clone());
                }
            }
            _ => {}
        }
        before = Some(at);
    }
    Ok(made)
}

/// What the picture of a cell shows of one step, worked out by [`shared_cell`].
struct SharedCell {
    /// The index of the step drawn.
    at: usize,
    closures: Vec<Closure>,
    /// The frame's slot that holds the cell.
    slot: usize,
}

/// The step after the last closure made by the first frame that makes two or
/// more closures over one cell was stored in a local, and those closures.
fn shared_cell(steps: &[Step]) -> Result<SharedCell, String> {
    let make = steps
        .iter()
        .position(|s| s.running().opname == "MAKE_CELL")
        .ok_or("no MAKE_CELL in the trace")?;
    let depth = steps[make].frames.len();
    let end = steps[make..]
        .iter()
        .position(|s| s.frames.len() < depth)
        .map_or(steps.len() - 1, |i| make + i - 1);
    let all = closures(steps, make, end)?;
    let at = steps[..=end]
        .iter()
        .rposition(|s| {
            s.frames.len() == depth
                && s.running().opname == "STORE_FAST"
                && all
                    .iter()
                    .any(|c| c.local.as_deref() == Some(s.running().argrepr.as_str()))
        })
        .ok_or("no closure is stored in a local")?;
    let closures = closures(steps, make, at)?;
    let slot = match closures.first().map(|c| c.cells.as_slice()) {
        Some([slot]) => *slot,
        _ => return Err("the first closure should hold one cell".to_string()),
    };
    if closures.len() < 2
        || closures
            .iter()
            .any(|c| c.cells != [slot] || c.local.is_none())
    {
        return Err(format!(
            "wanted two or more closures over slot {slot}, stored in locals: {closures:?}"
        ));
    }
    Ok(SharedCell { at, closures, slot })
}

/// `cell(0)` → `0`; an empty cell is `cell(empty)`.
fn cell_contents(shown: &str) -> Option<&str> {
    shown.strip_prefix("cell(")?.strip_suffix(')')
}

/// `<function counter.<locals>.inc>` → `counter.<locals>.inc`.
fn qualname(function: &str) -> &str {
    function
        .strip_prefix("<function ")
        .and_then(|f| f.strip_suffix('>'))
        .unwrap_or(function)
}

/// An arrow from `(x0, y0)` right to `lane`, along it to `y1`, and on to `(x1, y1)`.
fn elbow(out: &mut String, (x0, y0): (f64, f64), lane: f64, (x1, y1): (f64, f64)) {
    let d = if (y0 - y1).abs() < 0.5 {
        format!("M{x0},{y0} L{x1},{y0}")
    } else {
        format!("M{x0},{y0} L{lane},{y0} L{lane},{y1} L{x1},{y1}")
    };
    let _ = writeln!(out, "<path class=\"arrow\" d=\"{d}\"/>");
}

/// A plain box with a name bar, `rows` of text under an optional label, each a slot
/// of `class`; returns the rows' tops.
fn object_box(
    out: &mut String,
    (x, top): (f64, f64),
    width: f64,
    title: &str,
    kind: &str,
    sections: &[Section],
) -> Vec<f64> {
    let height = object_height(sections);
    let _ = writeln!(out, "<rect class=\"frame\" x=\"{x}\" y=\"{top}\" width=\"{width}\" height=\"{height}\" rx=\"6\"/>");
    let _ = writeln!(
        out,
        "<rect class=\"bar\" x=\"{x}\" y=\"{top}\" width=\"{width}\" height=\"26\" rx=\"6\"/>"
    );
    let _ = writeln!(
        out,
        "<text class=\"bar-text\" x=\"{}\" y=\"{}\">{}</text>",
        x + PAD,
        top + 18.0,
        esc(title)
    );
    let _ = writeln!(out, "<text class=\"bar-text\" x=\"{}\" y=\"{}\" text-anchor=\"end\" style=\"font-size:11px;font-weight:normal\">{}</text>", x + width - PAD, top + 17.0, esc(kind));
    let mut tops = Vec::new();
    let mut y = top + 26.0;
    for (label, rows) in sections {
        y += 20.0;
        let _ = writeln!(
            out,
            "<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>",
            x + PAD,
            y - 7.0,
            esc(label)
        );
        for (text, class) in rows {
            let _ = writeln!(
                out,
                "<rect class=\"{class}\" x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{}\" rx=\"2\"/>",
                x + PAD,
                width - 2.0 * PAD,
                ROW - 4.0
            );
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                x + PAD + 6.0,
                y + 16.0,
                esc(text)
            );
            tops.push(y);
            y += ROW;
        }
    }
    tops
}

fn object_height(sections: &[Section]) -> f64 {
    let rows: usize = sections.iter().map(|(_, rows)| rows.len()).sum();
    26.0 + sections.len() as f64 * 20.0 + rows as f64 * ROW + 8.0
}

fn object_width(title: &str, kind: &str, sections: &[Section]) -> f64 {
    let mut widest = width_of(title) + kind.chars().count() as f64 * 6.7 + 3.0 * PAD;
    for (label, rows) in sections {
        widest = widest.max(label.chars().count() as f64 * 6.7 + 2.0 * PAD);
        for (text, _) in rows {
            widest = widest.max(width_of(text) + 4.0 * PAD);
        }
    }
    widest
}

// ANCHOR: cells_svg
/// The frame that made two closures, at the step after it stored the last of
/// them, with its fast locals numbered as `localsplus` slots; each closure's
/// function object with its `__closure__` tuple; and the one cell that the
/// frame's slot and every tuple point at. Below, what the rest of the run shows:
/// the calls of the closures, and what the last one returned.
fn cells_svg(steps: &[Step], pops: &[Pop]) -> Result<String, String> {
    let SharedCell { at, closures, slot } = shared_cell(steps)?;
    let step = &steps[at];
    let frame = step.running();
    let (cell_name, shown) = frame.locals.get(slot).ok_or("no such slot")?;
    let contents = shown
        .as_deref()
        .and_then(cell_contents)
        .ok_or_else(|| format!("slot {slot} holds {shown:?}, not a cell"))?;
    let numbered = FrameState {
        locals: frame
            .locals
            .iter()
            .enumerate()
            .map(|(i, (name, value))| (format!("[{i}] {name}"), value.clone()))
            .collect(),
        ..frame.clone()
    };
    let frame_box = FrameBox::new(&numbered, "");

    // The function objects, one under another, then the cell.
    let functions: Vec<(String, Vec<Section>)> = closures
        .iter()
        .map(|c| {
            let cells = c
                .cells
                .iter()
                .enumerate()
                .map(|(i, _)| (format!("[{i}] cell (free variable {cell_name})"), "slot"))
                .collect();
            (
                qualname(&c.function).to_string(),
                vec![
                    ("__code__", vec![(c.code.clone(), "local")]),
                    ("__closure__: a tuple of cells", cells),
                ],
            )
        })
        .collect();
    let cell_sections = vec![("cell_contents", vec![(contents.to_string(), "local")])];
    let column = functions
        .iter()
        .map(|(title, sections)| object_width(title, "function", sections))
        .fold(object_width("cell", "cell", &cell_sections), f64::max);
    const GAP: f64 = 34.0;
    let heights: Vec<f64> = functions.iter().map(|(_, s)| object_height(s)).collect();
    let cell_h = object_height(&cell_sections);
    let column_h = heights.iter().sum::<f64>() + cell_h + GAP * heights.len() as f64;
    let content_h = column_h.max(frame_box.height);
    let top = PAD + 18.0;
    let frame_x = PAD;
    let lanes_x = frame_x + frame_box.width;
    let column_x = lanes_x + 80.0;
    let right_lanes = 16.0 * closures.len() as f64 + 16.0;

    // What the rest of the run shows: the closures called, and the last one's value.
    let calls: Vec<String> = closures
        .iter()
        .map(|c| {
            let name = qualname(&c.function);
            let count = pops.iter().filter(|p| p.name == name).count();
            let short = c.local.as_deref().unwrap_or(name);
            format!("{short}() {count}\u{d7}")
        })
        .collect();
    let last = closures.last().map(|c| qualname(&c.function)).unwrap_or("");
    let returned = pops
        .iter()
        .rev()
        .find(|p| p.name == last)
        .and_then(|p| p.returns.clone())
        .ok_or_else(|| format!("{last} never returns in the trace"))?;
    let caption = format!(
        "shared_cell.py, step {}: {}'s slot {slot} and both closures hold one cell; \
         later the run calls {} and {} returns {returned}",
        step.step,
        frame.name,
        calls.join(", "),
        closures
            .last()
            .and_then(|c| c.local.as_deref())
            .unwrap_or(last)
    );
    let width = f64::max(
        column_x + column + right_lanes + PAD,
        caption.chars().count() as f64 * 6.4 + 2.0 * PAD,
    );
    let height = top + content_h + PAD + 28.0;
    let mut out = String::new();
    svg_open(&mut out, width, height, &caption);
    let _ = writeln!(
        out,
        "<text class=\"label\" x=\"{frame_x}\" y=\"{}\">the frame (its fast locals are localsplus slots)</text>",
        top - 6.0
    );
    let _ = writeln!(
        out,
        "<text class=\"label\" x=\"{column_x}\" y=\"{}\">objects on the heap</text>",
        top - 6.0
    );
    let frame_bottom = top + (content_h + frame_box.height) / 2.0;
    frame_box.draw(&mut out, frame_x, frame_bottom, true, "running");

    let mut y = top + (content_h - column_h) / 2.0;
    let mut boxes = Vec::new();
    for ((title, sections), h) in functions.iter().zip(&heights) {
        let rows = object_box(&mut out, (column_x, y), column, title, "function", sections);
        boxes.push((y, *h, rows));
        y += h + GAP;
    }
    let cell_top = y;
    object_box(
        &mut out,
        (column_x, cell_top),
        column,
        "cell",
        "cell",
        &cell_sections,
    );

    // The frame's locals: each closure's local to its function, the cell's slot to
    // the cell. Targets are level with their slots where the box allows.
    let mut arrows: Vec<(f64, f64)> = Vec::new();
    for (closure, (box_top, h, _)) in closures.iter().zip(&boxes) {
        let index = frame
            .locals
            .iter()
            .position(|(name, _)| Some(name) == closure.local.as_ref())
            .ok_or("a closure's local is not in the frame")?;
        let from = frame_box.local_row_top(frame_bottom, index) + (ROW - 4.0) / 2.0;
        arrows.push((from, from.clamp(box_top + 13.0, box_top + h - 13.0)));
    }
    let from = frame_box.local_row_top(frame_bottom, slot) + (ROW - 4.0) / 2.0;
    arrows.push((from, from.clamp(cell_top + 13.0, cell_top + cell_h - 13.0)));
    // Arrows going up take lanes left to right from the highest; going down,
    // right to left: so that none crosses another.
    let count = arrows.len() as f64;
    for (index, &(from, to)) in arrows.iter().enumerate() {
        let lane = if to <= from {
            lanes_x + 20.0 + index as f64 * (40.0 / count)
        } else {
            lanes_x + 60.0 - index as f64 * (40.0 / count)
        };
        elbow(&mut out, (lanes_x - PAD, from), lane, (column_x - 2.0, to));
    }
    // Each closure's tuple slot to the cell, round the right: the lowest tuple
    // takes the innermost lane and the highest point on the cell.
    let right = column_x + column;
    for (index, (_, _, rows)) in boxes.iter().enumerate() {
        let from = rows.last().copied().unwrap_or(0.0) + (ROW - 4.0) / 2.0;
        let lane = right + 16.0 * (closures.len() - index) as f64;
        let to = cell_top + cell_h - 10.0 - index as f64 * 8.0;
        elbow(&mut out, (right - PAD, from), lane, (right + 2.0, to));
    }
    finish_svg(&mut out, &caption, height - 12.0);
    Ok(out)
}
// ANCHOR_END: cells_svg

// ---- generators -----------------------------------------------------------------

/// The boxes of one row: the frame stack's, and the generator's frame when it is
/// in the generator.
type RowBoxes = (Vec<FrameBox>, Option<FrameBox>);

/// One moment of a generator's life: the frame stack, and the generator's frame
/// either on it (running) or in the generator.
struct Moment {
    heading: String,
    /// The frames on the stack, outermost first; the last is running.
    stack: Vec<FrameState>,
    /// The generator's frame, when it is in the generator.
    kept: Option<FrameState>,
    /// `gi_frame_state`, as stage06's `GenState` names it.
    state: String,
}

/// Three moments of the first generator in `steps`: made by `RETURN_GENERATOR`,
/// running after `FOR_ITER` resumed it (the step before its first yield), and
/// suspended by that `YIELD_VALUE`, its value handed to `FOR_ITER`.
fn moments(steps: &[Step], pops: &[Pop]) -> Result<Vec<Moment>, String> {
    let made = steps
        .iter()
        .position(|s| s.running().opname == "RETURN_GENERATOR")
        .ok_or("no RETURN_GENERATOR in the trace")?;
    let depth = steps[made].frames.len();
    let generator = steps[made].running().clone();
    let name = generator.name.clone();
    let repr = format!("<generator object {name}>");
    // After the pop, the caller's next instruction has the generator on its stack.
    let after = steps
        .get(made + 1)
        .filter(|s| s.frames.len() == depth - 1)
        .ok_or("RETURN_GENERATOR's frame is not popped at once")?;
    if after.running().stack.last().cloned().flatten().as_deref() != Some(repr.as_str()) {
        return Err(format!(
            "after RETURN_GENERATOR the caller's stack should end in {repr}: {:?}",
            after.running().stack
        ));
    }
    let first = Moment {
        heading: format!(
            "step {}: RETURN_GENERATOR at {} (step {}) moved {name}'s frame into a new \
             generator, which the call returned",
            after.step, generator.offset, steps[made].step
        ),
        stack: after.frames.clone(),
        kept: Some(generator),
        state: "created".to_string(),
    };

    let yields = steps[made + 1..]
        .iter()
        .position(|s| s.frames.len() == depth && s.running().opname == "YIELD_VALUE")
        .map(|i| made + 1 + i)
        .ok_or("the generator never yields")?;
    let running = &steps[yields - 1];
    let resumed = steps[..yields]
        .iter()
        .rposition(|s| s.frames.len() < depth)
        .ok_or("the generator is never resumed")?;
    if running.frames.len() != depth || running.running().name != name {
        return Err("the step before YIELD_VALUE is not in the generator".to_string());
    }
    let resumer = &steps[resumed].running();
    let second = Moment {
        heading: format!(
            "step {}: {} at {} resumed it: its frame is back on the stack, running",
            running.step, resumer.opname, resumer.offset
        ),
        stack: running.frames.clone(),
        kept: None,
        state: "running".to_string(),
    };

    let suspended = steps[yields].running().clone();
    let value = running
        .running()
        .stack
        .last()
        .cloned()
        .flatten()
        .ok_or("nothing to yield")?;
    let popped = pops
        .iter()
        .find(|p| p.step == steps[yields].step && p.name == name)
        .ok_or("no pop event after YIELD_VALUE")?;
    if popped.returns.as_deref() != Some(value.as_str()) {
        return Err(format!(
            "YIELD_VALUE yields {value}, the pop event says {:?}",
            popped.returns
        ));
    }
    // FOR_ITER gets the value: the caller's stack with it on top, which the
    // caller's next instruction must consume.
    let mut caller = steps[yields].frames[depth - 2].clone();
    caller.stack.push(Some(value.clone()));
    let next = steps
        .get(yields + 1)
        .filter(|s| s.frames.len() == depth - 1)
        .ok_or("the caller does not go on after the yield")?;
    if next.running().offset != caller.offset + 2
        || next.running().stack[..] != caller.stack[..caller.stack.len() - 1]
    {
        return Err(format!(
            "after {} gets {value} the caller's stack is {:?}, but its next instruction \
             ({} {}) leaves {:?}",
            caller.opname,
            caller.stack,
            next.running().offset,
            next.running().opname,
            next.running().stack
        ));
    }
    let mut stack = steps[yields].frames[..depth - 1].to_vec();
    let last = stack.len() - 1;
    let what = format!("{} {}", caller.opname, caller.arg.unwrap_or(0));
    stack[last] = FrameState {
        opname: format!("{what} ({}), got {value}", caller.argrepr),
        arg: None,
        argrepr: String::new(),
        ..caller
    };
    let third = Moment {
        heading: format!(
            "after step {}: YIELD_VALUE at {} has moved the frame back into the generator \
             and handed {value} to {} at {}",
            steps[yields].step,
            suspended.offset,
            stack[last].opname.split(' ').next().unwrap_or(""),
            stack[last].offset
        ),
        stack,
        state: format!("suspended at {}", suspended.offset),
        kept: Some(suspended),
    };
    Ok(vec![first, second, third])
}

// ANCHOR: generator_svg
/// A generator's frame off the stack and back on, one row per moment (see
/// [`moments`]): on the left the interpreter's frame stack, outermost first; on
/// the right the generator object, holding its frame when it is not running. The
/// generator's frame has one column, so it is seen to move: into the generator,
/// onto the stack, and back.
fn generator_svg(steps: &[Step], pops: &[Pop]) -> Result<String, String> {
    let moments = moments(steps, pops)?;
    let no_locals = "(none: module code uses names)";
    let name = moments[0]
        .kept
        .as_ref()
        .map(|f| f.name.clone())
        .unwrap_or_default();
    // Column widths: the callers, the generator's frame, the generator.
    let boxes: Vec<RowBoxes> = moments
        .iter()
        .map(|m| {
            (
                m.stack
                    .iter()
                    .map(|f| FrameBox::new(f, no_locals))
                    .collect(),
                m.kept.as_ref().map(|f| FrameBox::new(f, no_locals)),
            )
        })
        .collect();
    let callers = boxes.iter().map(|(s, _)| s.len()).min().unwrap_or(1);
    let widest =
        |pick: &dyn Fn(&RowBoxes) -> Option<f64>| boxes.iter().filter_map(pick).fold(0.0, f64::max);
    let caller_w: Vec<f64> = (0..callers)
        .map(|i| widest(&|(s, _)| s.get(i).map(|b| b.width)))
        .collect();
    let own_w = widest(&|(s, k)| {
        s.get(callers)
            .map(|b| b.width)
            .or(k.as_ref().map(|b| b.width))
    });
    let generator_title = format!("generator object {name}");
    let generator_w = (own_w + 2.0 * PAD).max(width_of(&generator_title) + 150.0);
    const GAP: f64 = 60.0;
    const HEADING: f64 = 26.0;
    let stack_x = PAD;
    let own_x = stack_x + caller_w.iter().map(|w| w + GAP).sum::<f64>();
    let generator_x = own_x + own_w + GAP;
    let width = generator_x + generator_w + PAD;
    let generator_h = |own: f64| 26.0 + 24.0 + own + PAD;
    let row_h: Vec<f64> = boxes
        .iter()
        .map(|(s, k)| {
            let tallest = s.iter().map(|b| b.height).fold(0.0, f64::max);
            let own = k.as_ref().or(s.get(callers)).map_or(0.0, |b| b.height);
            HEADING + tallest.max(generator_h(own)) + 20.0
        })
        .collect();
    let caption = format!(
        "count_up.py: {name}'s frame is in the generator while it is created or \
         suspended, and on the interpreter's frame stack while it runs"
    );
    // The headings are set in bold 12 px monospace.
    let width = moments
        .iter()
        .map(|m| m.heading.chars().count() as f64 * 7.4 + 2.0 * PAD)
        .fold(width, f64::max)
        .max(caption.chars().count() as f64 * 6.4 + 2.0 * PAD);
    let height = PAD + 20.0 + row_h.iter().sum::<f64>() + 24.0;
    let mut out = String::new();
    svg_open(&mut out, width, height, &caption);
    let _ = writeln!(
        out,
        "<text class=\"label\" x=\"{stack_x}\" y=\"{}\">the interpreter's frame stack (outermost first)</text>",
        PAD + 10.0
    );
    let _ = writeln!(
        out,
        "<text class=\"label\" x=\"{generator_x}\" y=\"{}\">the generator object</text>",
        PAD + 10.0
    );
    let mut top = PAD + 20.0;
    for ((moment, (stack, kept)), h) in moments.iter().zip(&boxes).zip(&row_h) {
        let _ = writeln!(
            out,
            "<text x=\"{stack_x}\" y=\"{}\" style=\"font-weight:bold;font-size:12px\">{}</text>",
            top + 16.0,
            esc(&moment.heading)
        );
        let bottom = top + h - 20.0;
        let mut x = stack_x;
        for (index, frame) in stack.iter().enumerate() {
            let running = index + 1 == stack.len();
            let state = if running { "running" } else { "waiting" };
            frame.draw(&mut out, x, bottom, running, state);
            let column = caller_w.get(index).copied().unwrap_or(own_w);
            if let Some(next) = stack.get(index + 1) {
                let y = bottom - frame.height.min(next.height) + 13.0;
                let _ = writeln!(
                    out,
                    "<path class=\"arrow\" d=\"M{},{y} L{},{y}\"/>",
                    x + frame.width + 4.0,
                    x + column + GAP - 4.0
                );
                let _ = writeln!(
                    out,
                    "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">resumed</text>",
                    x + column + GAP / 2.0,
                    y - 5.0
                );
            }
            x += column + GAP;
        }
        // The generator, with its frame inside or an empty place for it.
        let own_h = kept
            .as_ref()
            .or(stack.get(callers))
            .map_or(0.0, |b| b.height);
        let g_h = generator_h(own_h);
        let g_top = bottom - g_h;
        let _ = writeln!(out, "<rect class=\"frame\" x=\"{generator_x}\" y=\"{g_top}\" width=\"{generator_w}\" height=\"{g_h}\" rx=\"6\"/>");
        let _ = writeln!(out, "<rect class=\"bar\" x=\"{generator_x}\" y=\"{g_top}\" width=\"{generator_w}\" height=\"26\" rx=\"6\"/>");
        let _ = writeln!(
            out,
            "<text class=\"bar-text\" x=\"{}\" y=\"{}\">{}</text>",
            generator_x + PAD,
            g_top + 18.0,
            esc(&generator_title)
        );
        let _ = writeln!(out, "<text class=\"bar-text\" x=\"{}\" y=\"{}\" text-anchor=\"end\" style=\"font-size:11px;font-weight:normal\">{}</text>", generator_x + generator_w - PAD, g_top + 17.0, esc(&moment.state));
        let inside_x = generator_x + PAD;
        let inside_bottom = bottom - PAD;
        match kept {
            Some(frame) => {
                let _ = writeln!(
                    out,
                    "<text class=\"label\" x=\"{inside_x}\" y=\"{}\">its frame, kept here</text>",
                    g_top + 42.0
                );
                frame.draw(&mut out, inside_x, inside_bottom, false, "");
                let _ = writeln!(
                    out,
                    "<rect class=\"empty\" x=\"{own_x}\" y=\"{}\" width=\"{own_w}\" height=\"{}\" rx=\"6\"/>",
                    bottom - own_h,
                    own_h
                );
                let _ = writeln!(
                    out,
                    "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">not on the frame stack</text>",
                    own_x + own_w / 2.0,
                    bottom - own_h / 2.0
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "<text class=\"label\" x=\"{inside_x}\" y=\"{}\">its frame is on the frame stack</text>",
                    g_top + 42.0
                );
                let _ = writeln!(
                    out,
                    "<rect class=\"empty\" x=\"{inside_x}\" y=\"{}\" width=\"{}\" height=\"{own_h}\" rx=\"6\"/>",
                    inside_bottom - own_h,
                    generator_w - 2.0 * PAD
                );
                let y = inside_bottom - own_h / 2.0;
                let _ = writeln!(
                    out,
                    "<text class=\"label\" x=\"{}\" y=\"{}\">(lent to the frame stack)</text>",
                    inside_x + 34.0,
                    y + 4.0
                );
                let on_stack = stack.get(callers).map_or(own_w, |b| b.width);
                let _ = writeln!(
                    out,
                    "<path class=\"arrow\" d=\"M{},{y} L{},{y}\" style=\"stroke-dasharray:5 3\"/>",
                    inside_x + 24.0,
                    own_x + on_stack + 4.0
                );
            }
        }
        top += h;
    }
    finish_svg(&mut out, &caption, height - 12.0);
    Ok(out)
}
// ANCHOR_END: generator_svg

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagrams::replay;

    #[test]
    fn s00_diagrams_find_the_cell_two_closures_share() {
        // c's slots: f, g, then the cell n (slot 2).
        let (f, g) = ("\"<function c.<locals>.f>\"", "\"<function c.<locals>.g>\"");
        let rows = [
            ("MAKE_CELL", Some(2), "n", String::new(), "null", "null"),
            (
                "LOAD_CLOSURE",
                Some(2),
                "n",
                "\"cell(0)\"".into(),
                "null",
                "null",
            ),
            (
                "BUILD_TUPLE",
                Some(1),
                "",
                "\"(cell(0),)\"".into(),
                "null",
                "null",
            ),
            (
                "LOAD_CONST",
                Some(1),
                "<code f>",
                "\"(cell(0),)\",\"<code f>\"".into(),
                "null",
                "null",
            ),
            (
                "MAKE_FUNCTION",
                Some(8),
                "closure",
                f.into(),
                "null",
                "null",
            ),
            ("STORE_FAST", Some(0), "f", String::new(), f, "null"),
            (
                "LOAD_CLOSURE",
                Some(2),
                "n",
                "\"cell(0)\"".into(),
                f,
                "null",
            ),
            (
                "BUILD_TUPLE",
                Some(1),
                "",
                "\"(cell(0),)\"".into(),
                f,
                "null",
            ),
            (
                "LOAD_CONST",
                Some(2),
                "<code g>",
                "\"(cell(0),)\",\"<code g>\"".into(),
                f,
                "null",
            ),
            ("MAKE_FUNCTION", Some(8), "closure", g.into(), f, "null"),
            ("STORE_FAST", Some(1), "g", String::new(), f, g),
        ];
        let mut trace = String::from("{\"format\":\"eval-loop-trace\",\"version\":1}\n");
        trace.push_str("{\"event\":\"push\",\"step\":0,\"frame\":0,\"depth\":1,\"name\":\"c\"}\n");
        for (index, (opname, arg, argrepr, stack, f, g)) in rows.iter().enumerate() {
            let arg = arg.map_or("null".to_string(), |a| a.to_string());
            trace.push_str(&format!(
                "{{\"event\":\"instruction\",\"step\":{},\"frame\":0,\"offset\":{},\"line\":1,\"opname\":\"{opname}\",\"arg\":{arg},\"argrepr\":\"{argrepr}\",\"stack\":[{stack}],\"stack_depth\":0,\"locals\":{{\"f\":{f},\"g\":{g},\"n\":\"cell(0)\"}}}}\n",
                index + 1,
                2 * index
            ));
        }
        let steps = replay(&trace).unwrap();
        let shared = shared_cell(&steps).unwrap();
        assert_eq!(shared.slot, 2);
        assert_eq!(steps[shared.at].running().argrepr, "g");
        let made: Vec<_> = shared
            .closures
            .iter()
            .map(|c| (c.local.as_deref(), c.code.as_str()))
            .collect();
        assert_eq!(made, [(Some("f"), "<code f>"), (Some("g"), "<code g>")]);
        // A tuple that does not show the slot's cell is refused.
        let wrong = trace.replacen(
            "\"stack\":[\"(cell(0),)\"]",
            "\"stack\":[\"(cell(1),)\"]",
            1,
        );
        assert!(shared_cell(&replay(&wrong).unwrap()).is_err());
    }

    #[test]
    fn s00_diagrams_read_pop_events() {
        let trace = concat!(
            "{\"format\":\"eval-loop-trace\",\"version\":1}\n",
            "{\"event\":\"pop\",\"step\":12,\"frame\":1,\"depth\":1,\"name\":\"gen\",\"returns\":null}\n",
            "{\"event\":\"pop\",\"step\":20,\"frame\":2,\"depth\":1,\"name\":\"gen\",\"returns\":\"0\"}\n",
        );
        let pops = pops(trace).unwrap();
        assert_eq!(pops.len(), 2);
        assert_eq!(pops[0].returns, None);
        assert_eq!((pops[1].step, pops[1].returns.as_deref()), (20, Some("0")));
        assert_eq!(cell_contents("cell(empty)"), Some("empty"));
        assert_eq!(qualname("<function c.<locals>.f>"), "c.<locals>.f");
    }
}
