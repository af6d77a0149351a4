//! `cargo xtask diagrams`: the book's pictures of the machine, generated from real runs.
//!
//! For each chosen corpus program the task runs a stage with `--trace-json` (the
//! JSON Lines trace documented in `stages/stage02/src/trace_json.rs`), masks the heap
//! addresses in its reprs (`<function square at 0x7f…>` becomes `<function square>`,
//! `<code object square at 0x7f…, file …>` becomes `<code square>`) so that the file is
//! the same on every run, and writes:
//!
//! * `book/src/generated/traces/NAME.jsonl`: the trace a stepper in the book replays;
//! * `book/src/generated/traces/NAME.dis`: a listing for the "dis" pane of a stepper
//!   when the program has no tested `.dis` beside it (see [`Listing`]);
//! * `book/src/generated/diagrams/*.svg`: chosen steps drawn as pictures (the value
//!   stack during `print(z)`, one 3.11 frame, the frame stack of `nested_calls`, a
//!   `for` loop's iterator under its item, a stack cut back to a handler's depth), a
//!   `dis` listing with its jumps drawn as arrows, another with its exception table
//!   drawn as brackets, and pictures not from a run (the `.pyc` header's bytes,
//!   marshal's reference table);
//! * `book/src/generated/outputs/*`: text a chapter shows from a stage's run, cut to
//!   the part it shows (one code object of `--dis` or `--code`; the unwinding part of
//!   a `--trace`, one frame's life in it, or all of it from a frame's first push; see
//!   [`exceptions::Output`]), so that no output in the book is typed by hand.
//!
//! Every picture speaks one visual language: a frame is a box with its name on a dark
//! bar and its current instruction highlighted in yellow under it; inside, the fast
//! locals sit at the bottom and the value stack grows up from them, as the two share
//! one array (`localsplus`) in CPython 3.11; `NULL` is a dashed grey slot, never a
//! value. The SVG is built as plain text; a picture is read as an `<img>`, so each
//! carries its own style sheet.
//!
//! With `--check` it writes nothing and fails when a generated file is stale, missing
//! or no longer generated, as `stage-diff --check` does.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::json::{self, Json};

mod exceptions;
mod generators;

/// A program whose trace the book embeds.
pub struct Run {
    /// The trace's name: `generated/traces/NAME.jsonl`, `#stepper-NAME-N`.
    pub name: &'static str,
    pub stage: &'static str,
    /// The file the stage runs, relative to the repository root.
    pub program: &'static str,
    pub listing: Listing,
}

/// Where the "dis" pane of a run's stepper gets its listing.
#[derive(Clone, Copy, PartialEq)]
pub enum Listing {
    /// A corpus program's `.dis`, recorded from CPython beside it and tested: the
    /// chapter includes that file.
    Beside,
    /// The toy has no `dis`: `generated/traces/NAME.dis` is rebuilt from its trace.
    FromTrace,
    /// A stage's test fixture has no recorded listing: `generated/traces/NAME.dis` is
    /// the stage's `--dis`, which prints what `python3.11 -m dis` prints (the stage's
    /// tests hold it to that).
    FromStage,
}

/// The traces the book embeds: one stepper each in chapters 1 to 6, and the runs
/// some pictures are drawn from.
pub const RUNS: &[Run] = &[
    Run {
        name: "names",
        stage: "stage01",
        program: "tests/programs/01_toy/names.toy",
        listing: Listing::FromTrace,
    },
    Run {
        name: "seed",
        stage: "stage02",
        program: "tests/programs/02_basics/seed.pyc",
        listing: Listing::Beside,
    },
    Run {
        name: "nested_calls",
        stage: "stage03",
        program: "tests/programs/03_functions/nested_calls.pyc",
        listing: Listing::Beside,
    },
    // A `while` loop and a `for` loop with `break` and `else`, in 73 steps: jumps
    // forward and back on a condition, `JUMP_BACKWARD`, and `FOR_ITER`.
    Run {
        name: "count_down",
        stage: "stage04",
        program: "stages/stage04/tests/fixtures/count_down.pyc",
        listing: Listing::FromStage,
    },
    // An exception raised two calls deep unwinds `parse` and `total` and is caught
    // in the module: chapter 5's stepper.
    Run {
        name: "two_frames",
        stage: "stage05",
        program: "stages/stage05/tests/fixtures/two_frames.pyc",
        listing: Listing::FromStage,
    },
    // A handler inside a `for` loop: the stack is cut back to the iterator
    // (chapter 5's picture of a handler's depth).
    Run {
        name: "catch_and_continue",
        stage: "stage05",
        program: "tests/programs/05_try_except/catch_and_continue.pyc",
        listing: Listing::Beside,
    },
    // Chapter 6: two closures made by one call share one cell with its frame
    // (generated/diagrams/cells-shared.svg). The `.pyc` files in
    // stages/stage06/pictures/ are compiled from the `.py` beside them by CPython
    // 3.11 (`py_compile.compile(SRC, cfile=SRC + 'c', dfile=SRC,
    // invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)`, run there).
    Run {
        name: generators::SHARED_CELL,
        stage: "stage06",
        program: "stages/stage06/pictures/shared_cell.pyc",
        listing: Listing::FromStage,
    },
    // A generator's frame moved into the generator, onto the frame stack by
    // `FOR_ITER`, and back by `YIELD_VALUE` (generated/diagrams/generator-frame.svg).
    Run {
        name: generators::COUNT_UP,
        stage: "stage06",
        program: "stages/stage06/pictures/count_up.pyc",
        listing: Listing::FromStage,
    },
    // Chapter 6's stepper: `yield from` passes each value of `inner` through
    // `outer`'s SEND and YIELD_VALUE, three frames deep, and `inner`'s return value
    // becomes the value of the `yield from`.
    Run {
        name: "yield_from_pipeline",
        stage: "stage06",
        program: "stages/stage06/pictures/yield_from_pipeline.pyc",
        listing: Listing::FromStage,
    },
];

pub const TRACES_DIR: &str = "book/src/generated/traces";
pub const DIAGRAMS_DIR: &str = "book/src/generated/diagrams";
pub const OUTPUTS_DIR: &str = "book/src/generated/outputs";

/// What a run of the task found.
pub struct Outcome {
    /// Files written (or, with `--check`, that would be).
    pub changed: Vec<String>,
    pub problems: Vec<String>,
}

/// Generates every file and writes it, or (with `check`) compares it with what is on
/// disk.
pub fn run(root: &Path, check: bool) -> Result<Outcome, String> {
    let wanted = generate(root)?;
    let mut changed = Vec::new();
    let mut problems = Vec::new();
    for (path, text) in &wanted {
        let full = root.join(path);
        let current = fs::read_to_string(&full).ok();
        if current.as_deref() == Some(text.as_str()) {
            continue;
        }
        let shown = path.display().to_string();
        if check {
            let why = if current.is_some() {
                "stale"
            } else {
                "missing"
            };
            problems.push(format!(
                "{shown} is {why}: run `cargo xtask diagrams` and commit the result"
            ));
        } else {
            if let Some(parent) = full.parent() {
                fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            fs::write(&full, text).map_err(|e| format!("cannot write {shown}: {e}"))?;
        }
        changed.push(shown);
    }
    for dir in [TRACES_DIR, DIAGRAMS_DIR, OUTPUTS_DIR] {
        let Ok(entries) = fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = Path::new(dir).join(entry.file_name());
            if wanted.contains_key(&path) {
                continue;
            }
            let shown = path.display().to_string();
            if check {
                problems.push(format!(
                    "{shown} is no longer generated: run `cargo xtask diagrams`"
                ));
            } else {
                fs::remove_file(entry.path()).map_err(|e| format!("cannot remove {shown}: {e}"))?;
            }
            changed.push(shown);
        }
    }
    Ok(Outcome { changed, problems })
}

/// Every generated file, by path relative to the root.
pub fn generate(root: &Path) -> Result<BTreeMap<PathBuf, String>, String> {
    let mut files = BTreeMap::new();
    let mut traces = BTreeMap::new();
    let mut listings = BTreeMap::new();
    let mut raw = BTreeMap::new();
    for run in RUNS {
        let text = record(root, run)?;
        let steps = replay(&text).map_err(|e| format!("trace of {}: {e}", run.name))?;
        files.insert(
            Path::new(TRACES_DIR).join(format!("{}.jsonl", run.name)),
            text.clone(),
        );
        raw.insert(run.name, text);
        let listing = match run.listing {
            Listing::Beside => None,
            Listing::FromTrace => {
                Some(toy_listing(&steps).map_err(|e| format!("trace of {}: {e}", run.name))?)
            }
            Listing::FromStage => Some(record_dis(root, run)?),
        };
        if let Some(listing) = listing {
            files.insert(
                Path::new(TRACES_DIR).join(format!("{}.dis", run.name)),
                listing.clone(),
            );
            listings.insert(run.name, listing);
        }
        traces.insert(run.name, steps);
    }
    let seed = &traces["seed"];
    let nested = &traces["nested_calls"];

    // The value stack during `print(z)`: after PRECALL, NULL | print | 3.
    let at =
        find(seed, |s| s.running().opname == "PRECALL").ok_or("seed's trace has no PRECALL")?;
    files.insert(
        Path::new(DIAGRAMS_DIR).join("stack-print-seed.svg"),
        frames_svg(
            &at.frames,
            &format!(
                "seed.py, step {}: the stack as `print(z)` is about to be called",
                at.step
            ),
        ),
    );

    // One 3.11 frame: square's fast local `n` and its value stack `n, n`.
    let at = find(nested, |s| {
        s.running().name == "square" && s.running().stack.len() == 2
    })
    .ok_or("nested_calls' trace never has square with two stack items")?;
    files.insert(
        Path::new(DIAGRAMS_DIR).join("frame-square.svg"),
        frames_svg(
            std::slice::from_ref(at.running()),
            &format!("nested_calls.py, step {}: one frame of square", at.step),
        ),
    );

    // The frame stack at its deepest, with the running frame's stack two items high.
    let deepest = nested.iter().map(|s| s.frames.len()).max().unwrap_or(0);
    let at = find(nested, |s| {
        s.frames.len() == deepest && s.running().stack.len() == 2
    })
    .or_else(|| find(nested, |s| s.frames.len() == deepest))
    .ok_or("nested_calls' trace has no steps")?;
    files.insert(
        Path::new(DIAGRAMS_DIR).join("frames-nested_calls.svg"),
        frames_svg(
            &at.frames,
            &format!(
                "nested_calls.py, step {}: {deepest} frames, the newest on the right",
                at.step
            ),
        ),
    );

    let pyc = root.join("tests/programs/02_basics/seed.pyc");
    let bytes = fs::read(&pyc).map_err(|e| format!("cannot read {}: {e}", pyc.display()))?;
    files.insert(
        Path::new(DIAGRAMS_DIR).join("pyc-header-seed.svg"),
        pyc_header_svg(&bytes)?,
    );
    // The calling convention: the module's stack just before CALL runs square(7).
    let at = find(nested, |s| {
        s.frames.len() == 1 && s.running().opname == "PRECALL"
    })
    .ok_or("nested_calls' trace has no PRECALL in the module")?;
    files.insert(
        Path::new(DIAGRAMS_DIR).join("stack-call-square.svg"),
        frames_svg(
            &at.frames,
            &format!(
                "nested_calls.py, step {}: NULL, print, then NULL, square and its argument",
                at.step
            ),
        ),
    );

    // Chapter 1's picture: three steps of the tested text trace the chapter prints.
    let toy_path = root.join(TOY_TRACE);
    let toy = fs::read_to_string(&toy_path)
        .map_err(|e| format!("cannot read {}: {e}", toy_path.display()))?;
    let toy = toy_steps(&toy);
    let multiply = toy
        .iter()
        .position(|f| f.opname.starts_with("BINARY_MULTIPLY"))
        .filter(|&at| at >= 2)
        .ok_or_else(|| format!("{TOY_TRACE}: no BINARY_MULTIPLY after two loads"))?;
    files.insert(
        Path::new(DIAGRAMS_DIR).join("toy-multiply-names.svg"),
        boxes_svg(
            &toy[multiply - 2..=multiply],
            "names.toy: the stack after each of three instructions (the number is the line)",
            Arrows::Steps,
            "(none: names live in a table)",
        ),
    );

    let walk_path = root.join(MARSHAL_WALK);
    let walk = fs::read_to_string(&walk_path)
        .map_err(|e| format!("cannot read {}: {e}", walk_path.display()))?;
    files.insert(
        Path::new(DIAGRAMS_DIR).join("marshal-refs-seed.svg"),
        marshal_refs_svg(&walk)?,
    );

    // Chapter 4: count_down's `while` loop with its two jumps drawn on the listing,
    // and the `for` loop's iterator under the item FOR_ITER pushed.
    let source_path = root.join(COUNT_DOWN_SOURCE);
    let source = fs::read_to_string(&source_path)
        .map_err(|e| format!("cannot read {}: {e}", source_path.display()))?;
    let count_down = &traces["count_down"];
    files.insert(
        Path::new(DIAGRAMS_DIR).join("jumps-count_down.svg"),
        jumps_svg(&listings["count_down"], &source, count_down)
            .map_err(|e| format!("count_down's listing: {e}"))?,
    );
    let (first, last) = for_loop_steps(count_down)
        .ok_or("count_down's trace has no FOR_ITER after a step with the iterator alone")?;
    let window = &count_down[first..=last];
    let boxes: Vec<FrameState> = window
        .iter()
        .map(|step| FrameState {
            name: format!("step {}: {}", step.step, step.running().name),
            ..step.running().clone()
        })
        .collect();
    let ops: Vec<&str> = window.iter().map(|s| s.running().opname.as_str()).collect();
    files.insert(
        Path::new(DIAGRAMS_DIR).join("for-loop-count_down.svg"),
        boxes_svg(
            &boxes,
            &format!(
                "count_down.py, {}: the item goes on top, the iterator stays under it",
                ops.join(", then ")
            ),
            Arrows::Steps,
            MODULE_NO_LOCALS,
        ),
    );

    // The text chapters 5 and 6 show from stage runs (parts of `--dis`, `--code`
    // and `--trace`); then chapter 5's exception table drawn over its listing, and a
    // stack cut back to a handler's depth.
    let mut outputs = BTreeMap::new();
    for output in exceptions::OUTPUTS.iter().chain(generators::OUTPUTS) {
        let text = exceptions::record_output(root, output)?;
        files.insert(Path::new(OUTPUTS_DIR).join(output.name), text.clone());
        outputs.insert(output.name, text);
    }
    files.extend(exceptions::pictures(root, &traces, &outputs)?);

    // Chapter 6: a cell shared by two closures and the frame that made them, and a
    // generator's frame moving off the frame stack and back.
    files.extend(generators::pictures(&traces, &raw)?);
    Ok(files)
}

/// count_down's source, for the line labels of its listing picture.
const COUNT_DOWN_SOURCE: &str = "stages/stage04/tests/fixtures/count_down.py";

/// count_down's first `FOR_ITER` and the step before it (indexes into `steps`): the
/// iterator alone on the stack, then the first item pushed above it. Two boxes, the
/// taller on the right, so the "then" arrow meets the box it points at.
/// `cargo xtask stepper-check` opens chapter 4's stepper at the `FOR_ITER`.
pub fn for_loop_steps(steps: &[Step]) -> Option<(usize, usize)> {
    let at = steps
        .iter()
        .position(|s| s.running().opname == "FOR_ITER" && s.running().stack.len() == 2)?;
    let before = at.checked_sub(1)?;
    (steps[before].running().stack.len() == 1).then_some((before, at))
}

/// The tested walk through seed.pyc's marshal data (stage02's coursework snapshot),
/// which names every object that takes a reference slot and every `r` record.
const MARSHAL_WALK: &str = "stages/stage02/tests/snapshots/s02_coursework__marshal_walk_seed.snap";

/// stage01's tested `--trace` of `names.toy`.
const TOY_TRACE: &str = "stages/stage01/tests/snapshots/trace_snapshots__names.snap";

/// The toy VM's text trace, one state per instruction line (`  15  LOAD_NAME  1
/// (height)  [6, 7]`): the line number stands where the offset would be. Lines of
/// program output are skipped.
fn toy_steps(snapshot: &str) -> Vec<FrameState> {
    let body = snapshot.splitn(3, "---\n").nth(2).unwrap_or(snapshot);
    let mut steps = Vec::new();
    for line in body.lines().skip(1) {
        let (Some(number), Some(rest)) = (line.get(..4), line.get(6..)) else {
            continue;
        };
        let (Ok(number), Some(at)) = (number.trim().parse::<u64>(), rest.rfind(" [")) else {
            continue;
        };
        let stack = rest[at + 1..].trim();
        let inner = stack.trim_start_matches('[').trim_end_matches(']');
        steps.push(FrameState {
            name: "toy VM".to_string(),
            offset: number,
            line: Some(number),
            opname: rest[..at].split_whitespace().collect::<Vec<_>>().join(" "),
            arg: None,
            argrepr: String::new(),
            stack: if inner.is_empty() {
                Vec::new()
            } else {
                inner
                    .split(", ")
                    .map(|item| Some(item.to_string()))
                    .collect()
            },
            locals: Vec::new(),
        });
    }
    steps
}

/// The toy program's instructions as `dis` would list them (line, offset, opname,
/// argument and its meaning), so that the stepper's "dis" pane can mark the
/// current one. The toy has no jumps: a run that returns executes each instruction
/// once, in order, so its trace holds the whole code; anything else is an error.
fn toy_listing(steps: &[Step]) -> Result<String, String> {
    let mut out = String::new();
    for (index, step) in steps.iter().enumerate() {
        let at = step.running();
        if at.offset != index as u64 {
            return Err(format!(
                "step {} runs instruction {}, not {index}: not a straight-line run",
                step.step, at.offset
            ));
        }
        let line = at.line.map_or_else(String::new, |line| line.to_string());
        let mut text = format!("{line:>3} {:>11} {}", at.offset, at.opname);
        if let Some(arg) = at.arg {
            text = format!("{text:<40}{arg:>3}");
            if !at.argrepr.is_empty() {
                let _ = write!(text, " ({})", at.argrepr);
            }
        }
        out.push_str(&text);
        out.push('\n');
    }
    Ok(out)
}

/// Runs `run`'s stage on its program with `--trace-json` and returns the trace with
/// addresses masked.
fn record(root: &Path, run: &Run) -> Result<String, String> {
    let out_dir = root.join("target/xtask-diagrams");
    fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let trace_file = out_dir.join(format!("{}.jsonl", run.name));
    let program = run.program;
    let output = Command::new(env!("CARGO"))
        .current_dir(root)
        .args([
            "run",
            "--quiet",
            "--package",
            run.stage,
            "--",
            "--trace-json",
        ])
        .arg(&trace_file)
        .arg(program)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{} {program} --trace-json failed ({}):\n{}",
            run.stage,
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let text = fs::read_to_string(&trace_file)
        .map_err(|e| format!("cannot read {}: {e}", trace_file.display()))?;
    // `</` is written `<\/` (the same JSON string), so that no repr can close the
    // `<script>` element the book embeds the trace in.
    Ok(text
        .lines()
        .map(|line| mask_addresses(line).replace("</", "<\\/") + "\n")
        .collect())
}

/// Runs `run`'s stage on its program with `--dis`, for the stepper's "dis" pane and
/// the listing pictures. Heap addresses are written `0xADDR`, as in the corpus's
/// recorded `.dis` files (the stepper finds a function's section by the words
/// `<code object NAME at`, so the repr itself stays whole).
fn record_dis(root: &Path, run: &Run) -> Result<String, String> {
    let output = Command::new(env!("CARGO"))
        .current_dir(root)
        .args(["run", "--quiet", "--package", run.stage, "--", "--dis"])
        .arg(run.program)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{} --dis {} failed ({}):\n{}",
            run.stage,
            run.program,
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let text = String::from_utf8(output.stdout)
        .map_err(|e| format!("{} --dis {}: not UTF-8: {e}", run.stage, run.program))?;
    Ok(hide_addresses(&text))
}

/// `text` with every ` at 0x7f…` written ` at 0xADDR`, as in the corpus's recorded
/// `.dis` files.
fn hide_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" at 0x") {
        out.push_str(&rest[..at]);
        out.push_str(" at 0xADDR");
        let tail = &rest[at + 6..];
        rest = tail.trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

// ANCHOR: mask_addresses
/// `line` with every `<… at 0xADDRESS…>` repr shortened to its kind and name:
/// `<function square at 0x7f…>` → `<function square>`, `<code object square at
/// 0x7f…, file "x.py", line 2>` → `<code square>`. A repr the trace cut (it ends in
/// `...` at the end of its JSON string) is shortened the same way.
pub fn mask_addresses(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(" at 0x") {
        let (before, after) = rest.split_at(at);
        let Some(open) = before.rfind('<') else {
            out.push_str(before);
            out.push_str(" at 0x");
            rest = &after[6..];
            continue;
        };
        out.push_str(&before[..open]);
        let words = &before[open + 1..];
        let words = words
            .strip_prefix("code object ")
            .map_or_else(|| words.to_string(), |name| format!("code {name}"));
        let _ = write!(out, "<{words}>");
        // Skip to the repr's `>`, or to the end of the JSON string when it was cut.
        let tail = &after[6..];
        let mut end = tail.len();
        let mut chars = tail.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '>' => {
                    end = i + 1;
                    break;
                }
                '\\' => {
                    chars.next();
                }
                '"' => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}
// ANCHOR_END: mask_addresses

/// One frame as the trace last showed it.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameState {
    pub name: String,
    pub offset: u64,
    pub line: Option<u64>,
    pub opname: String,
    pub arg: Option<u64>,
    pub argrepr: String,
    /// Bottom first; `None` is NULL.
    pub stack: Vec<Option<String>>,
    pub locals: Vec<(String, Option<String>)>,
}

/// The machine after one instruction: every frame, outermost first.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The trace's `step` number of the instruction.
    pub step: u64,
    pub frames: Vec<FrameState>,
}

impl Step {
    /// The frame that ran the instruction (the one pushed last).
    pub fn running(&self) -> &FrameState {
        &self.frames[self.frames.len() - 1]
    }
}

fn find(steps: &[Step], wanted: impl Fn(&Step) -> bool) -> Option<&Step> {
    steps.iter().find(|s| wanted(s))
}

// ANCHOR: replay
/// Replays a JSON Lines trace: one [`Step`] per instruction event, with the state of
/// every frame (push events add a frame, pop events remove the newest).
pub fn replay(text: &str) -> Result<Vec<Step>, String> {
    let mut lines = text.lines().filter(|line| !line.trim().is_empty());
    let header = json::parse(lines.next().ok_or("empty trace")?)?;
    if header.get("format").and_then(Json::as_str) != Some("eval-loop-trace") {
        return Err("not an eval-loop-trace".to_string());
    }
    let mut frames: Vec<FrameState> = Vec::new();
    let mut steps = Vec::new();
    for (number, line) in lines.enumerate() {
        let event = json::parse(line).map_err(|e| format!("line {}: {e}", number + 2))?;
        match event.get("event").and_then(Json::as_str) {
            Some("push") => frames.push(FrameState {
                name: event
                    .get("name")
                    .and_then(Json::as_str)
                    .unwrap_or("?")
                    .to_string(),
                offset: 0,
                line: None,
                opname: String::new(),
                arg: None,
                argrepr: String::new(),
                stack: Vec::new(),
                locals: Vec::new(),
            }),
            Some("pop") => {
                frames.pop();
            }
            Some("instruction") => {
                let frame = frames.last_mut().ok_or_else(|| {
                    format!("line {}: an instruction outside a frame", number + 2)
                })?;
                let shown = |value: &Json| value.as_str().map(str::to_string);
                frame.offset = event.get("offset").and_then(Json::as_u64).unwrap_or(0);
                frame.line = event.get("line").and_then(Json::as_u64);
                frame.opname = event
                    .get("opname")
                    .and_then(Json::as_str)
                    .unwrap_or("?")
                    .to_string();
                frame.arg = event.get("arg").and_then(Json::as_u64);
                frame.argrepr = event
                    .get("argrepr")
                    .and_then(Json::as_str)
                    .unwrap_or("")
                    .to_string();
                frame.stack = event
                    .get("stack")
                    .map_or(&[][..], Json::as_array)
                    .iter()
                    .map(shown)
                    .collect();
                frame.locals = event
                    .get("locals")
                    .map_or(&[][..], Json::as_object)
                    .iter()
                    .map(|(name, value)| (name.clone(), shown(value)))
                    .collect();
                let step = event.get("step").and_then(Json::as_u64).unwrap_or(0);
                steps.push(Step {
                    step,
                    frames: frames.clone(),
                });
            }
            _ => {}
        }
    }
    Ok(steps)
}
// ANCHOR_END: replay

// ---- SVG ----------------------------------------------------------------------

/// The width of one character of the pictures' 13 px monospace font.
const CHAR: f64 = 7.9;
const ROW: f64 = 26.0;
const PAD: f64 = 12.0;

/// The style sheet every picture carries: the book's one visual language.
const STYLE: &str = "<style>
text{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:13px;fill:#1d1f21}
.label{font-size:11px;fill:#555}
.caption{font-family:sans-serif;font-size:12px;fill:#333}
.frame{fill:#fbfbfb;stroke:#444;stroke-width:1.5}
.bar{fill:#2f3b4c}
.bar-text{fill:#fff;font-weight:bold}
.running .bar{fill:#1f6f43}
.current{fill:#fff3b0;stroke:#d9b400}
.slot{fill:#e8f0fb;stroke:#5b7db1}
.local{fill:#eef7ee;stroke:#5a9a5a}
.null{fill:#eeeeee;stroke:#888;stroke-dasharray:4 3}
.null-text{fill:#777;font-style:italic}
.empty{fill:none;stroke:#bbb;stroke-dasharray:2 3}
.arrow{stroke:#444;stroke-width:1.5;fill:none;marker-end:url(#head)}
.byte{fill:#e8f0fb;stroke:#5b7db1}
</style>";

/// Ends a picture: its caption at `y`, and the closing tag.
fn finish_svg(out: &mut String, caption: &str, y: f64) {
    let _ = writeln!(
        out,
        "<text class=\"caption\" x=\"{PAD}\" y=\"{y}\">{}</text>",
        esc(caption)
    );
    out.push_str("</svg>\n");
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn width_of(text: &str) -> f64 {
    text.chars().count() as f64 * CHAR
}

/// What a frame box shows, top to bottom.
struct FrameBox {
    title: String,
    current: String,
    /// Top of the stack first.
    stack: Vec<Option<String>>,
    locals: Vec<String>,
    /// What the locals' place says when there are none.
    no_locals: String,
    width: f64,
    height: f64,
}

impl FrameBox {
    fn new(frame: &FrameState, no_locals: &str) -> Self {
        let arg = frame.arg.map(|a| format!(" {a}")).unwrap_or_default();
        let meaning = if frame.argrepr.is_empty() {
            String::new()
        } else {
            format!(" ({})", frame.argrepr)
        };
        let current = format!("{:>3} {}{arg}{meaning}", frame.offset, frame.opname);
        let stack: Vec<Option<String>> = frame.stack.iter().rev().cloned().collect();
        let locals: Vec<String> = frame
            .locals
            .iter()
            .map(|(name, value)| format!("{name} = {}", value.as_deref().unwrap_or("<unbound>")))
            .collect();
        let mut widest = width_of(&current)
            .max(width_of(&frame.name) + width_of("waiting") + PAD)
            .max(width_of("value stack (grows up) ^"))
            .max(150.0);
        for text in stack
            .iter()
            .map(|s| s.as_deref().unwrap_or("NULL"))
            .chain(locals.iter().map(String::as_str))
        {
            widest = widest.max(width_of(text) + 2.0 * PAD);
        }
        // The note is set in the 11 px label font.
        widest = widest.max(no_locals.chars().count() as f64 * 6.7 + 2.0 * PAD);
        let rows = stack.len().max(1) + locals.len().max(1);
        let height = 26.0 + 28.0 + 18.0 + rows as f64 * ROW + 18.0 + PAD;
        FrameBox {
            title: frame.name.clone(),
            current,
            stack,
            locals,
            no_locals: no_locals.to_string(),
            width: widest + 2.0 * PAD,
            height,
        }
    }

    /// The top of the row of stack item `index` (0 is the top of the stack) in a
    /// box drawn with its bottom edge at `bottom`, as [`FrameBox::draw`] lays it out.
    fn stack_row_top(&self, bottom: f64, index: usize) -> f64 {
        bottom - self.height + 72.0 + index as f64 * ROW
    }

    /// The top of the row of fast local `index` in a box drawn with its bottom edge
    /// at `bottom`.
    fn local_row_top(&self, bottom: f64, index: usize) -> f64 {
        self.stack_row_top(bottom, self.stack.len().max(1)) + 18.0 + index as f64 * ROW
    }

    /// Draws the box with its bottom edge at `bottom`.
    fn draw(&self, out: &mut String, x: f64, bottom: f64, running: bool, state: &str) {
        let top = bottom - self.height;
        let (w, inner) = (self.width, self.width - 2.0 * PAD);
        let class = if running { " class=\"running\"" } else { "" };
        let _ = writeln!(out, "<g{class}>");
        let _ = writeln!(
            out,
            "<rect class=\"frame\" x=\"{x}\" y=\"{top}\" width=\"{w}\" height=\"{}\" rx=\"6\"/>",
            self.height
        );
        let _ = writeln!(
            out,
            "<rect class=\"bar\" x=\"{x}\" y=\"{top}\" width=\"{w}\" height=\"26\" rx=\"6\"/>"
        );
        let _ = writeln!(
            out,
            "<text class=\"bar-text\" x=\"{}\" y=\"{}\">{}</text>",
            x + PAD,
            top + 18.0,
            esc(&self.title)
        );
        let _ = writeln!(out, "<text class=\"bar-text\" x=\"{}\" y=\"{}\" text-anchor=\"end\" style=\"font-size:11px;font-weight:normal\">{state}</text>", x + w - PAD, top + 17.0);
        let y = top + 30.0;
        let _ = writeln!(
            out,
            "<rect class=\"current\" x=\"{}\" y=\"{y}\" width=\"{}\" height=\"22\" rx=\"3\"/>",
            x + 4.0,
            w - 8.0
        );
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            x + PAD,
            y + 15.0,
            esc(&self.current)
        );
        let mut y = y + 24.0 + 12.0;
        let _ = writeln!(
            out,
            "<text class=\"label\" x=\"{}\" y=\"{y}\">value stack (grows up) \u{2191}</text>",
            x + PAD
        );
        y += 6.0;
        if self.stack.is_empty() {
            empty_row(out, x + PAD, y, inner, "(empty)");
            y += ROW;
        }
        for item in &self.stack {
            let (class, text_class, text) = match item {
                Some(text) => ("slot", "", text.as_str()),
                None => ("null", " class=\"null-text\"", "NULL"),
            };
            let _ = writeln!(out, "<rect class=\"{class}\" x=\"{}\" y=\"{y}\" width=\"{inner}\" height=\"{}\" rx=\"2\"/>", x + PAD, ROW - 4.0);
            let _ = writeln!(
                out,
                "<text{text_class} x=\"{}\" y=\"{}\">{}</text>",
                x + PAD + 6.0,
                y + 16.0,
                esc(text)
            );
            y += ROW;
        }
        y += 12.0;
        let _ = writeln!(
            out,
            "<text class=\"label\" x=\"{}\" y=\"{y}\">fast locals</text>",
            x + PAD
        );
        y += 6.0;
        if self.locals.is_empty() {
            empty_row(out, x + PAD, y, inner, &self.no_locals);
        }
        for local in &self.locals {
            let _ = writeln!(out, "<rect class=\"local\" x=\"{}\" y=\"{y}\" width=\"{inner}\" height=\"{}\" rx=\"2\"/>", x + PAD, ROW - 4.0);
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                x + PAD + 6.0,
                y + 16.0,
                esc(local)
            );
            y += ROW;
        }
        out.push_str("</g>\n");
    }
}

fn svg_open(out: &mut String, width: f64, height: f64, title: &str) {
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        esc(title)
    );
    let _ = writeln!(out, "<title>{}</title>", esc(title));
    out.push_str(STYLE);
    out.push_str("\n<defs><marker id=\"head\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#444\"/></marker></defs>\n");
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    );
}

// ANCHOR: frames_svg
/// The frames of one step side by side, outermost on the left, bottoms aligned; an
/// arrow from each caller to the frame it called.
pub fn frames_svg(frames: &[FrameState], caption: &str) -> String {
    boxes_svg(frames, caption, Arrows::Calls, MODULE_NO_LOCALS)
}

/// What a module frame's empty locals say: its variables are names in a dict.
const MODULE_NO_LOCALS: &str = "(none: module code uses names)";

/// What the arrows between boxes mean.
#[derive(Clone, Copy, PartialEq)]
enum Arrows {
    /// The boxes are the frames of one moment: each calls the next.
    Calls,
    /// The boxes are one machine at successive steps.
    Steps,
}

/// Boxes side by side with arrows between them; `no_locals` is what a box with no
/// fast locals says instead.
fn boxes_svg(frames: &[FrameState], caption: &str, arrows: Arrows, no_locals: &str) -> String {
    let boxes: Vec<FrameBox> = frames.iter().map(|f| FrameBox::new(f, no_locals)).collect();
    let gap = 44.0;
    let width = boxes.iter().map(|b| b.width).sum::<f64>()
        + gap * (boxes.len().max(1) - 1) as f64
        + 2.0 * PAD;
    // The caption is set in a 12 px sans-serif font.
    let width = f64::max(width, caption.chars().count() as f64 * 6.4 + 2.0 * PAD);
    let tallest = boxes.iter().map(|b| b.height).fold(0.0, f64::max);
    let height = tallest + 2.0 * PAD + 24.0;
    let mut out = String::new();
    svg_open(&mut out, width, height, caption);
    let bottom = PAD + tallest;
    let mut x = PAD;
    for (index, frame) in boxes.iter().enumerate() {
        let last = index + 1 == boxes.len();
        let (running, state) = match arrows {
            Arrows::Calls if last => (true, "running"),
            Arrows::Calls => (false, "waiting"),
            Arrows::Steps => (last, ""),
        };
        frame.draw(&mut out, x, bottom, running, state);
        x += frame.width;
        if let Some(next) = boxes.get(index + 1) {
            // Level with the shorter box's name bar, so the arrow meets both boxes.
            let y = bottom - frame.height.min(next.height) + 13.0;
            let _ = writeln!(
                out,
                "<path class=\"arrow\" d=\"M{},{y} L{},{y}\"/>",
                x + 4.0,
                x + gap - 4.0
            );
            let _ = writeln!(
                out,
                "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                x + gap / 2.0,
                y - 5.0,
                if arrows == Arrows::Calls {
                    "calls"
                } else {
                    "then"
                }
            );
            x += gap;
        }
    }
    finish_svg(&mut out, caption, height - 10.0);
    out
}
// ANCHOR_END: frames_svg

// ANCHOR: pyc_header_svg
/// The first 16 bytes of a `.pyc`, grouped into the header's three fields.
pub fn pyc_header_svg(bytes: &[u8]) -> Result<String, String> {
    let header = bytes
        .get(..16)
        .ok_or("a .pyc shorter than its 16-byte header")?;
    let word = |at: usize| {
        u32::from_le_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let magic = word(0) & 0xffff;
    let flags = word(4);
    let (third, fourth) = if flags & 1 == 0 {
        (
            format!("source mtime: {}", word(8)),
            format!("source size: {} bytes", word(12)),
        )
    } else {
        let checked = if flags & 2 != 0 {
            "checked"
        } else {
            "unchecked"
        };
        (format!("SipHash of the source ({checked})"), String::new())
    };
    let cell = 44.0;
    let width = 16.0 * cell + 2.0 * PAD + 3.0 * 8.0;
    let height = 190.0;
    let title = "The 16-byte header of seed.pyc";
    let mut out = String::new();
    svg_open(&mut out, width, height, title);
    let x_of = |index: usize| PAD + index as f64 * cell + (index / 4) as f64 * 8.0;
    let _ = writeln!(
        out,
        "<text class=\"label\" x=\"{PAD}\" y=\"24\">offset</text>"
    );
    for (index, byte) in header.iter().enumerate() {
        let x = x_of(index);
        if index % 4 == 0 {
            let _ = writeln!(
                out,
                "<text class=\"label\" x=\"{}\" y=\"40\">{index}</text>",
                x + 2.0
            );
        }
        let _ = writeln!(
            out,
            "<rect class=\"byte\" x=\"{x}\" y=\"46\" width=\"{}\" height=\"30\" rx=\"2\"/>",
            cell - 4.0
        );
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"66\" text-anchor=\"middle\">{byte:02x}</text>",
            x + (cell - 4.0) / 2.0
        );
    }
    let fields: [(usize, usize, String, String); 3] = [
        (
            0,
            4,
            "magic number".to_string(),
            format!("{magic} = 3.11, then \\r\\n"),
        ),
        (
            4,
            8,
            "flags".to_string(),
            format!(
                "{flags}: {}",
                if flags & 1 == 0 {
                    "timestamp-based"
                } else {
                    "hash-based"
                }
            ),
        ),
        (
            8,
            16,
            if flags & 1 == 0 {
                third.clone()
            } else {
                "source hash".to_string()
            },
            if flags & 1 == 0 { fourth } else { third },
        ),
    ];
    for (start, end, name, meaning) in &fields {
        let (x0, x1) = (x_of(*start), x_of(end - 1) + cell - 4.0);
        let _ = writeln!(
            out,
            "<path d=\"M{x0},86 L{x0},94 L{x1},94 L{x1},86\" stroke=\"#444\" fill=\"none\"/>"
        );
        let _ = writeln!(
            out,
            "<text x=\"{x0}\" y=\"114\" style=\"font-weight:bold\">{}</text>",
            esc(name)
        );
        let _ = writeln!(
            out,
            "<text class=\"label\" x=\"{x0}\" y=\"132\">{}</text>",
            esc(meaning)
        );
    }
    let _ = writeln!(out, "<text class=\"caption\" x=\"{PAD}\" y=\"{}\">{} (little-endian words); the marshalled code object starts at offset 16</text>", height - 14.0, esc(title));
    out.push_str("</svg>\n");
    Ok(out)
}
// ANCHOR_END: pyc_header_svg

/// One record of the marshal walk: its offset, type byte and character, the slot it
/// takes (`#N`) and what it is.
struct WalkRecord {
    offset: String,
    byte: String,
    slot: Option<usize>,
    what: String,
}

fn walk_records(walk: &str) -> Vec<WalkRecord> {
    let body = walk.splitn(3, "---\n").nth(2).unwrap_or(walk);
    let mut records = Vec::new();
    for line in body.lines().skip(1) {
        let (Some(offset), Some(rest)) = (line.get(..6), line.get(8..)) else {
            continue;
        };
        let mut words = rest.split_whitespace();
        let (Some(byte), Some(kind)) = (words.next(), words.next()) else {
            continue;
        };
        if byte.len() != 2 || !byte.chars().all(|c| c.is_ascii_hexdigit()) {
            continue;
        }
        let mut tail = rest[2..].trim_start()[kind.len()..].trim_start();
        let mut slot = None;
        if let Some(number) = tail.strip_prefix('#') {
            let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
            slot = digits.parse().ok();
            tail = number[digits.len()..].trim_start();
        }
        records.push(WalkRecord {
            offset: offset.trim().to_string(),
            byte: format!("{byte} {kind}"),
            slot,
            what: tail.to_string(),
        });
    }
    records
}

// ANCHOR: marshal_refs_svg
/// The reference table that marshal builds while it reads: each object written with
/// the FLAG_REF bit (0x80) takes the next slot, and an `r` record points back at a
/// slot instead of repeating the object. Drawn from the tested marshal walk.
pub fn marshal_refs_svg(walk: &str) -> Result<String, String> {
    let records = walk_records(walk);
    let slots: Vec<&WalkRecord> = records.iter().filter(|r| r.slot.is_some()).collect();
    let refs: Vec<(&WalkRecord, usize)> = records
        .iter()
        .filter_map(|r| {
            let at = r.what.find("reference to #")?;
            let digits: String = r.what[at + 14..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            Some((r, digits.parse().ok()?))
        })
        .collect();
    if slots.is_empty() || refs.is_empty() {
        return Err(format!("{MARSHAL_WALK}: no slots or no references found"));
    }
    let short = |text: &str| {
        if text.chars().count() <= 42 {
            return text.to_string();
        }
        let head: String = text.chars().take(39).collect();
        head + "..."
    };
    let left_w = 470.0;
    let right_x = PAD + left_w + 90.0;
    let right_w = 330.0;
    let top = 44.0;
    let width = right_x + right_w + PAD;
    let height = top + slots.len() as f64 * ROW + 40.0;
    let title = "The marshal reference table of seed.pyc";
    let mut out = String::new();
    svg_open(&mut out, width, height, title);
    let _ = writeln!(out, "<text class=\"label\" x=\"{PAD}\" y=\"24\">reference slots: each object whose type byte has FLAG_REF (0x80), in reading order</text>");
    let _ = writeln!(out, "<text class=\"label\" x=\"{right_x}\" y=\"24\">r records: the object again, by slot</text>");
    let row_y = |slot: usize| top + slot as f64 * ROW;
    for record in &slots {
        let slot = record.slot.unwrap_or(0);
        let y = row_y(slot);
        let _ = writeln!(out, "<rect class=\"slot\" x=\"{PAD}\" y=\"{y}\" width=\"{left_w}\" height=\"{}\" rx=\"2\"/>", ROW - 4.0);
        let text = format!(
            "#{slot:<3} {:>5}  {}  {}",
            record.offset,
            record.byte,
            short(&record.what)
        );
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" xml:space=\"preserve\">{}</text>",
            PAD + 6.0,
            y + 16.0,
            esc(&text)
        );
    }
    for (index, (record, slot)) in refs.iter().enumerate() {
        let y = row_y(slots.len().saturating_sub(refs.len()) / 2 + index * 2);
        let _ = writeln!(out, "<rect class=\"current\" x=\"{right_x}\" y=\"{y}\" width=\"{right_w}\" height=\"{}\" rx=\"2\"/>", ROW - 4.0);
        let field = record.what.split(" = ").next().unwrap_or("");
        let text = format!(
            "{:>5}  {}  {field} \u{2192} #{slot}",
            record.offset, record.byte
        );
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" xml:space=\"preserve\">{}</text>",
            right_x + 6.0,
            y + 16.0,
            esc(&text)
        );
        let target = row_y(*slot) + (ROW - 4.0) / 2.0;
        let _ = writeln!(
            out,
            "<path class=\"arrow\" d=\"M{right_x},{} C{},{} {},{target} {},{target}\"/>",
            y + (ROW - 4.0) / 2.0,
            right_x - 40.0,
            y + 11.0,
            PAD + left_w + 40.0,
            PAD + left_w + 2.0
        );
    }
    let _ = writeln!(out, "<text class=\"caption\" x=\"{PAD}\" y=\"{}\">{} (from the tested marshal walk of section 2.2)</text>", height - 12.0, esc(title));
    out.push_str("</svg>\n");
    Ok(out)
}
// ANCHOR_END: marshal_refs_svg

/// One instruction row of a `dis` listing.
#[derive(Debug, Clone, PartialEq)]
struct DisRow {
    /// The row as `dis` prints it.
    text: String,
    /// The source line: `dis` prints it on the first row of each line's group.
    line: Option<u64>,
    /// `dis` marks the row `>>`: some jump lands here.
    target: bool,
    offset: u64,
    opname: String,
    arg: Option<u64>,
    /// Where the instruction jumps, from its meaning `(to N)`.
    jump_to: Option<u64>,
}

/// The instruction rows of a listing's first code object (for a `.pyc`, the
/// module), as `python3.11 -m dis` prints them: `  3     >>   18 PUSH_NULL`, or
/// `             16 POP_JUMP_FORWARD_IF_FALSE    22 (to 62)`.
fn dis_rows(dis: &str) -> Vec<DisRow> {
    let is_opname = |word: &str| {
        word.len() > 1
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    };
    let mut rows = Vec::new();
    for text in dis.lines() {
        if text.starts_with("Disassembly of") {
            break;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let Some(at) = words.iter().position(|w| is_opname(w)) else {
            continue;
        };
        let Some(offset) = at.checked_sub(1).and_then(|i| words[i].parse().ok()) else {
            continue;
        };
        let meaning = text
            .find('(')
            .zip(text.rfind(')'))
            .map(|(open, close)| &text[open + 1..close]);
        rows.push(DisRow {
            text: text.trim_end().to_string(),
            line: if at >= 2 { words[0].parse().ok() } else { None },
            target: words[..at].contains(&">>"),
            offset,
            opname: words[at].to_string(),
            arg: words.get(at + 1).and_then(|w| w.parse().ok()),
            jump_to: meaning
                .and_then(|m| m.strip_prefix("to "))
                .and_then(|to| to.parse().ok()),
        });
    }
    rows
}

/// What makes a conditional jump jump, from its name.
fn jump_condition(opname: &str) -> &'static str {
    match opname.split_once("_IF_").map(|(_, condition)| condition) {
        None => "always",
        Some("TRUE") => "if true",
        Some("FALSE") => "if false",
        Some("NONE") => "if None",
        Some("NOT_NONE") => "if not None",
        _ => "conditionally",
    }
}

// ANCHOR: jumps_svg
/// A `while` loop's listing with its jumps drawn as arrows from each jump to the
/// row it lands on: the test's `POP_JUMP_FORWARD_IF_*` over the loop, and the
/// `POP_JUMP_BACKWARD_IF_*` that repeats it. The rows run from the first row of the
/// source line holding the forward jump to its target. Each jump is labelled with
/// how 3.11 turns its argument into a target (code units of 2 bytes, counted from
/// the next instruction, back for a `BACKWARD` jump) and how often the traced run
/// took it; the rule is checked against the target `dis` printed, so the picture
/// cannot teach a wrong sum.
fn jumps_svg(dis: &str, source: &str, steps: &[Step]) -> Result<String, String> {
    let rows = dis_rows(dis);
    let back = rows
        .iter()
        .find(|r| r.opname.starts_with("POP_JUMP_BACKWARD_IF"))
        .ok_or("no POP_JUMP_BACKWARD_IF_* instruction")?;
    let top = back.jump_to.ok_or("the backward jump has no target")?;
    let over = rows
        .iter()
        .position(|r| {
            r.opname.starts_with("POP_JUMP_FORWARD_IF")
                && r.offset < top
                && r.jump_to.is_some_and(|to| to > back.offset)
        })
        .ok_or("no POP_JUMP_FORWARD_IF_* over the loop")?;
    let start = rows[..=over]
        .iter()
        .rposition(|r| r.line.is_some())
        .unwrap_or(0);
    let end = rows
        .iter()
        .position(|r| Some(r.offset) == rows[over].jump_to)
        .ok_or("the forward jump's target is not in the listing")?;
    let shown = &rows[start..=end];

    // Each jump in the window: (row, target row, label).
    let mut jumps = Vec::new();
    for (index, row) in shown.iter().enumerate() {
        let Some(to) = row.jump_to else {
            continue;
        };
        let Some(target) = shown.iter().position(|r| r.offset == to) else {
            continue;
        };
        let arg = row
            .arg
            .ok_or_else(|| format!("{} has no argument", row.opname))?;
        let backward = row.opname.contains("BACKWARD");
        let next = row.offset + 2;
        let (sum, sign) = if backward {
            (next.checked_sub(2 * arg), "\u{2212}")
        } else {
            (Some(next + 2 * arg), "+")
        };
        if sum != Some(to) {
            return Err(format!(
                "{} {arg} at {} goes to {to}, not {} {sign} 2\u{d7}{arg}",
                row.opname, row.offset, next
            ));
        }
        let ran: Vec<&Step> = steps
            .iter()
            .filter(|s| s.frames.len() == 1 && s.running().offset == row.offset)
            .collect();
        let taken = ran
            .iter()
            .filter(|s| {
                steps
                    .iter()
                    .find(|later| later.step > s.step)
                    .is_some_and(|after| after.frames.len() == 1 && after.running().offset == to)
            })
            .count();
        let label = format!(
            "{}: to {} + 2 {sign} 2\u{d7}{arg} = {to} \u{b7} ran {}\u{d7}, jumped {taken}\u{d7}",
            jump_condition(&row.opname),
            row.offset,
            ran.len()
        );
        jumps.push((index, target, label));
    }
    // The longest jump takes the outermost lane, so that arrows nest, not cross.
    let mut by_span: Vec<usize> = (0..jumps.len()).collect();
    by_span.sort_by_key(|&j| std::cmp::Reverse(jumps[j].0.abs_diff(jumps[j].1)));

    const LANE: f64 = 18.0;
    const HEADING: f64 = 20.0;
    let box_x = PAD;
    let list_x = box_x + PAD + jumps.len() as f64 * LANE + 8.0;
    let text_w = shown.iter().map(|r| width_of(&r.text)).fold(0.0, f64::max) + 12.0;
    let note_x = list_x + text_w + 12.0;
    let note_w = jumps
        .iter()
        .map(|(_, _, label)| label.chars().count() as f64 * 6.7)
        .fold(0.0, f64::max);
    let box_w = note_x + note_w + PAD - box_x;
    let headings = shown.iter().filter(|r| r.line.is_some()).count();
    let box_h = 26.0 + 8.0 + headings as f64 * HEADING + shown.len() as f64 * ROW + 8.0;
    let caption = "count_down.py: the while loop as dis lists it, each jump drawn to the row it lands on (marked >>)";
    let width = f64::max(
        box_x + box_w + PAD,
        caption.chars().count() as f64 * 6.4 + 2.0 * PAD,
    );
    let height = PAD + box_h + 34.0;
    let mut out = String::new();
    svg_open(&mut out, width, height, caption);
    let _ = writeln!(out, "<rect class=\"frame\" x=\"{box_x}\" y=\"{PAD}\" width=\"{box_w}\" height=\"{box_h}\" rx=\"6\"/>");
    let _ = writeln!(
        out,
        "<rect class=\"bar\" x=\"{box_x}\" y=\"{PAD}\" width=\"{box_w}\" height=\"26\" rx=\"6\"/>"
    );
    let _ = writeln!(
        out,
        "<text class=\"bar-text\" x=\"{}\" y=\"{}\">&lt;module&gt;</text>",
        box_x + PAD,
        PAD + 18.0
    );
    let _ = writeln!(out, "<text class=\"bar-text\" x=\"{}\" y=\"{}\" text-anchor=\"end\" style=\"font-size:11px;font-weight:normal\">python3.11 -m dis</text>", box_x + box_w - PAD, PAD + 17.0);
    let mut y = PAD + 26.0 + 8.0;
    let mut middles = Vec::new();
    let is_jump = |index: usize| jumps.iter().any(|(j, _, _)| *j == index);
    for (index, row) in shown.iter().enumerate() {
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
        let class = if is_jump(index) {
            Some("current")
        } else if row.target {
            Some("slot")
        } else {
            None
        };
        if let Some(class) = class {
            let _ = writeln!(out, "<rect class=\"{class}\" x=\"{list_x}\" y=\"{y}\" width=\"{text_w}\" height=\"{}\" rx=\"2\"/>", ROW - 4.0);
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" xml:space=\"preserve\">{}</text>",
            list_x + 6.0,
            y + 16.0,
            esc(&row.text)
        );
        middles.push(y + (ROW - 4.0) / 2.0);
        y += ROW;
    }
    for (lane, &j) in by_span.iter().enumerate() {
        let (from, to, label) = &jumps[j];
        let lane_x = box_x + PAD + lane as f64 * LANE;
        let (y0, y1) = (middles[*from], middles[*to]);
        let _ = writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{y0}\" r=\"2.5\" fill=\"#444\"/>",
            list_x - 2.0
        );
        let _ = writeln!(
            out,
            "<path class=\"arrow\" d=\"M{},{y0} L{lane_x},{y0} L{lane_x},{y1} L{},{y1}\"/>",
            list_x - 2.0,
            list_x - 3.0
        );
        let _ = writeln!(
            out,
            "<text class=\"label\" x=\"{note_x}\" y=\"{}\">{}</text>",
            y0 + 4.0,
            esc(label)
        );
    }
    finish_svg(&mut out, caption, height - 12.0);
    Ok(out)
}
// ANCHOR_END: jumps_svg

/// A dashed row that says a column is empty: `(empty)` for a value stack,
/// why there are no fast locals for module code.
fn empty_row(out: &mut String, x: f64, y: f64, width: f64, text: &str) {
    let _ = writeln!(
        out,
        "<rect class=\"empty\" x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{}\"/>",
        ROW - 4.0
    );
    let _ = writeln!(
        out,
        "<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>",
        x + 6.0,
        y + 16.0,
        esc(text)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s00_diagrams_draw_the_marshal_references() {
        let walk = "---\nsource: x\n---\noffset  type byte  what it is\n    16  e3 c #0    module: code object\n    17               co_argcount = 0\n   126  fa z #1     co_name = '<module>'  (str, 8 long)\n   145  72 r         co_qualname = reference to #1: '<module>'\n";
        let records = walk_records(walk);
        assert_eq!(records.len(), 3);
        assert_eq!(records[1].slot, Some(1));
        assert_eq!(records[1].byte, "fa z");
        assert!(records[2].what.starts_with("co_qualname = reference to #1"));
        let svg = marshal_refs_svg(walk).unwrap();
        assert!(svg.contains("co_qualname \u{2192} #1"), "{svg}");
    }

    #[test]
    fn s00_diagrams_draw_jumps_on_the_listing() {
        let dis = concat!(
            "  2           6 LOAD_NAME                0 (n)\n",
            "             16 POP_JUMP_FORWARD_IF_FALSE    22 (to 62)\n",
            "\n",
            "  3     >>   18 PUSH_NULL\n",
            "             60 POP_JUMP_BACKWARD_IF_TRUE    22 (to 18)\n",
            "\n",
            "  5     >>   62 LOAD_CONST               3 ('ab')\n",
            "\n",
            "Disassembly of <code object f at 0xADDR, file \"x.py\", line 9>:\n",
            "  9           0 RESUME                   0\n",
        );
        let rows = dis_rows(dis);
        assert_eq!(rows.len(), 5, "the module's rows only: {rows:?}");
        assert_eq!((rows[0].line, rows[0].offset), (Some(2), 6));
        assert_eq!((rows[1].arg, rows[1].jump_to), (Some(22), Some(62)));
        assert!(rows[2].target && rows[2].line == Some(3) && rows[2].arg.is_none());
        assert_eq!(rows[4].jump_to, None, "('ab') is not a jump target");
        assert_eq!(
            jump_condition("POP_JUMP_BACKWARD_IF_NOT_NONE"),
            "if not None"
        );
        assert_eq!(jump_condition("JUMP_BACKWARD"), "always");

        let source = "n = 3\nwhile n > 0:\n    print(n)\n";
        let svg = jumps_svg(dis, source, &[]).unwrap();
        assert!(
            svg.contains("if false: to 16 + 2 + 2\u{d7}22 = 62"),
            "{svg}"
        );
        assert!(
            svg.contains("if true: to 60 + 2 \u{2212} 2\u{d7}22 = 18"),
            "{svg}"
        );
        assert!(svg.contains("line 2:  while n &gt; 0:"), "{svg}");
        // A listing whose target disagrees with the 3.11 rule is refused.
        let wrong = dis.replace("22 (to 18)", "21 (to 18)");
        assert!(jumps_svg(&wrong, source, &[]).is_err());
    }

    #[test]
    fn s00_diagrams_mask_addresses() {
        let line = r#"{"stack":["<code object square at 0x7f24c0006740...","<function square at 0x7f24c0008f10>","<code object hyp at 0x7f2, file \"x.py\", line 8>","<function sum_of_squares at 0x7f24c00..."]}"#;
        assert_eq!(
            mask_addresses(line),
            r#"{"stack":["<code square>","<function square>","<code hyp>","<function sum_of_squares>"]}"#
        );
        assert_eq!(mask_addresses("no address"), "no address");
    }

    #[test]
    fn s00_diagrams_replay_follows_frames() {
        let trace = concat!(
            "{\"format\":\"eval-loop-trace\",\"version\":1}\n",
            "{\"event\":\"push\",\"step\":0,\"frame\":0,\"depth\":1,\"name\":\"<module>\"}\n",
            "{\"event\":\"instruction\",\"step\":1,\"frame\":0,\"offset\":0,\"line\":0,\"opname\":\"PUSH_NULL\",\"arg\":null,\"argrepr\":\"\",\"stack\":[null],\"stack_depth\":1,\"locals\":{}}\n",
            "{\"event\":\"push\",\"step\":1,\"frame\":1,\"depth\":2,\"name\":\"f\"}\n",
            "{\"event\":\"instruction\",\"step\":2,\"frame\":1,\"offset\":2,\"line\":3,\"opname\":\"LOAD_FAST\",\"arg\":0,\"argrepr\":\"n\",\"stack\":[\"7\"],\"stack_depth\":1,\"locals\":{\"n\":\"7\"}}\n",
            "{\"event\":\"pop\",\"step\":2,\"frame\":1,\"depth\":1,\"name\":\"f\",\"returns\":\"7\"}\n",
            "{\"event\":\"instruction\",\"step\":3,\"frame\":0,\"offset\":2,\"line\":1,\"opname\":\"POP_TOP\",\"arg\":null,\"argrepr\":\"\",\"stack\":[],\"stack_depth\":0,\"locals\":{}}\n",
        );
        let steps = replay(trace).unwrap();
        assert_eq!(steps.len(), 3);
        assert_eq!(steps[1].frames.len(), 2);
        assert_eq!(steps[1].frames[0].stack, vec![None]);
        assert_eq!(
            steps[1].running().locals,
            vec![("n".to_string(), Some("7".to_string()))]
        );
        assert_eq!(steps[2].frames.len(), 1);
        let svg = frames_svg(&steps[1].frames, "test");
        assert!(svg.contains("class=\"null\"") && svg.contains("n = 7"));
    }
}
