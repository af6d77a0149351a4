//! `cargo xtask stepper-check`: the book's steppers, checked in a real browser.
//!
//! It builds the book, opens each chapter's page in headless Chromium at a step
//! fragment (`…/ch03-frames-and-calls.html#stepper-nested_calls-14`), dumps the DOM
//! after the page's scripts ran, and compares what the stepper shows (the frames,
//! each with its value stack and fast locals, the marked source line, and the marked
//! instruction of the `dis` listing, which after a jump must be the jump's target)
//! with what the embedded trace records at that step, replayed here by
//! [`diagrams::replay`].
//!
//! A chapter that is missing, or that lacks its stepper, is a failure with a message
//! that says so, never a skipped check: each chapter here is meant to have one.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::diagrams::{self, FrameState, Step};

/// A page, a stepper on it, and which step to open it at.
struct Check {
    page: &'static str,
    trace: &'static str,
    /// The program, for its source lines.
    source: &'static str,
    step: Which,
    /// The instruction the chapter's prose says this step shows, when it names one:
    /// a re-recorded trace whose steps moved fails here instead of leaving the prose
    /// (and its `#stepper-NAME-N` link) pointing at another instruction.
    opname: Option<&'static str>,
}

enum Which {
    Number(u64),
    /// The first step with the most frames.
    Deepest,
}

const CHECKS: &[Check] = &[
    Check {
        page: "ch01-toy-vm.html",
        trace: "names",
        source: "tests/programs/01_toy/names.toy",
        step: Which::Number(6),
        opname: None,
    },
    Check {
        page: "ch02-real-bytecode.html",
        trace: "seed",
        source: "tests/programs/02_basics/seed.py",
        step: Which::Number(13),
        opname: None,
    },
    Check {
        page: "ch03-frames-and-calls.html",
        trace: "nested_calls",
        source: "tests/programs/03_functions/nested_calls.py",
        step: Which::Number(14),
        opname: None,
    },
    Check {
        page: "ch03-frames-and-calls.html",
        trace: "nested_calls",
        source: "tests/programs/03_functions/nested_calls.py",
        step: Which::Deepest,
        opname: None,
    },
    // Chapter 4's `for` loop: the iterator under the first item (the step drawn
    // in generated/diagrams/for-loop-count_down.svg, see `diagrams::for_loop_steps`).
    Check {
        page: "ch04-jumps-and-loops.html",
        trace: "count_down",
        source: "stages/stage04/tests/fixtures/count_down.py",
        step: Which::Number(52),
        opname: Some("FOR_ITER"),
    },
    // Just after the `while` loop's first jump back: the dis pane must mark the
    // target, offset 18, not the instruction after the jump.
    Check {
        page: "ch04-jumps-and-loops.html",
        trace: "count_down",
        source: "stages/stage04/tests/fixtures/count_down.py",
        step: Which::Number(22),
        opname: Some("PUSH_NULL"),
    },
    // Chapter 5: `int('x')` fails in `parse`, three frames deep; the next step is
    // the module's handler, `parse` and `total` unwound, the dis pane at the
    // handler's first instruction (which has no line: no source line is marked).
    Check {
        page: "ch05-exceptions.html",
        trace: "two_frames",
        source: "stages/stage05/tests/fixtures/two_frames.py",
        step: Which::Number(66),
        opname: Some("CALL"),
    },
    Check {
        page: "ch05-exceptions.html",
        trace: "two_frames",
        source: "stages/stage05/tests/fixtures/two_frames.py",
        step: Which::Number(67),
        opname: Some("PUSH_EXC_INFO"),
    },
    // Chapter 6: `outer`'s SEND resumes `inner` a second time; the next step is
    // `inner` back on the stack at its RESUME after the first yield, the value
    // sent (None) on its stack; then its YIELD_VALUE hands 2 out, three frames deep.
    Check {
        page: "ch06-closures-and-generators.html",
        trace: "yield_from_pipeline",
        source: "stages/stage06/pictures/yield_from_pipeline.py",
        step: Which::Number(40),
        opname: Some("SEND"),
    },
    Check {
        page: "ch06-closures-and-generators.html",
        trace: "yield_from_pipeline",
        source: "stages/stage06/pictures/yield_from_pipeline.py",
        step: Which::Number(41),
        opname: Some("RESUME"),
    },
    Check {
        page: "ch06-closures-and-generators.html",
        trace: "yield_from_pipeline",
        source: "stages/stage06/pictures/yield_from_pipeline.py",
        step: Which::Number(44),
        opname: Some("YIELD_VALUE"),
    },
];

/// The step the screenshot shows.
const SCREENSHOT: (&str, &str, u64) = ("ch03-frames-and-calls.html", "nested_calls", 79);

pub fn run(root: &Path, screenshot: bool) -> Result<(), String> {
    let status = Command::new("mdbook")
        .current_dir(root)
        .args(["build", "book"])
        .status()
        .map_err(|e| format!("cannot run mdbook (install it: `cargo install mdbook`): {e}"))?;
    if !status.success() {
        return Err(format!("mdbook build book failed ({status})"));
    }
    let chromium = find_chromium()?;
    let built = root.join("book/book");
    let mut problems = Vec::new();
    for check in CHECKS {
        let trace_path = root
            .join(diagrams::TRACES_DIR)
            .join(format!("{}.jsonl", check.trace));
        let text = fs::read_to_string(&trace_path)
            .map_err(|e| format!("cannot read {}: {e}", trace_path.display()))?;
        let steps = diagrams::replay(&text)?;
        let step = match check.step {
            Which::Number(n) => steps.iter().find(|s| s.step == n),
            Which::Deepest => {
                let deepest = steps.iter().map(|s| s.frames.len()).max().unwrap_or(0);
                steps.iter().find(|s| s.frames.len() == deepest)
            }
        }
        .ok_or_else(|| format!("{}: no such step in the trace", check.trace))?;
        if let Some(opname) = check.opname {
            let running = step.running();
            if running.opname != opname {
                problems.push(format!(
                    "{} step {}: the chapter's step runs {opname}, but the trace's is {} {}: \
                     re-pick the step here and in the chapter's #stepper-{}-N link",
                    check.trace, step.step, running.offset, running.opname, check.trace
                ));
                continue;
            }
        }
        let page = built.join(check.page);
        if !page.is_file() {
            problems.push(format!(
                "{} was not built: book/src/SUMMARY.md must list {}, and that chapter must \
                 embed the {} stepper",
                page.display(),
                check.page.replace(".html", ".md"),
                check.trace
            ));
            continue;
        }
        let url = page_url(&page, check.trace, step.step);
        let dom = dump_dom(&chromium, &url)?;
        let source = fs::read_to_string(root.join(check.source))
            .map_err(|e| format!("cannot read {}: {e}", check.source))?;
        match compare(&dom, check.trace, step, &source) {
            Ok(()) => println!(
                "stepper-check: {} #stepper-{}-{}: {} frame(s), stacks, locals and dis row as traced",
                check.page,
                check.trace,
                step.step,
                step.frames.len()
            ),
            Err(problem) => problems.push(format!("{url}: {problem}")),
        }
    }
    if screenshot {
        let (page, trace, step) = SCREENSHOT;
        let out = root.join("book/src/images/stepper.png");
        // Headless Chromium paints a blank screenshot of a top-level page opened at
        // a fragment; inside a frame of the same size the page scrolls and paints.
        let frame_dir = root.join("target/xtask-stepper");
        fs::create_dir_all(&frame_dir)
            .map_err(|e| format!("cannot create {}: {e}", frame_dir.display()))?;
        let frame_page = frame_dir.join("screenshot.html");
        let html = format!(
            "<!doctype html><html><body style=\"margin:0\"><iframe src=\"{}\" \
             style=\"border:0;width:1280px;height:900px\"></iframe></body></html>\n",
            page_url(&built.join(page), trace, step)
        );
        fs::write(&frame_page, html)
            .map_err(|e| format!("cannot write {}: {e}", frame_page.display()))?;
        let url = format!("file://{}", frame_page.display());
        let status = Command::new(&chromium)
            .args(CHROMIUM_FLAGS)
            .arg(format!("--screenshot={}", out.display()))
            .arg("--window-size=1280,900")
            .arg("--hide-scrollbars")
            .arg(&url)
            .output()
            .map_err(|e| format!("cannot run {chromium}: {e}"))?
            .status;
        if !status.success() {
            return Err(format!("the screenshot failed ({status})"));
        }
        println!("stepper-check: wrote {}", out.display());
    }
    if problems.is_empty() {
        println!("stepper-check: every stepper shows the traced machine");
        Ok(())
    } else {
        for problem in &problems {
            eprintln!("{problem}");
        }
        Err(format!("stepper-check found {} problem(s)", problems.len()))
    }
}

const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--virtual-time-budget=3000",
];

fn page_url(page: &Path, trace: &str, step: u64) -> String {
    format!("file://{}#stepper-{trace}-{step}", page.display())
}

/// `$CHROMIUM`, or the first of Debian's and others' names that runs.
fn find_chromium() -> Result<String, String> {
    let names: Vec<String> = std::env::var("CHROMIUM")
        .into_iter()
        .chain(["chromium", "chromium-browser", "google-chrome"].map(String::from))
        .collect();
    for name in names {
        let runs = Command::new(&name)
            .args(["--headless", "--no-sandbox", "--version"])
            .output()
            .is_ok_and(|out| out.status.success());
        if runs {
            return Ok(name);
        }
    }
    Err("no Chromium found: `apt-get install chromium` or set CHROMIUM".to_string())
}

fn dump_dom(chromium: &str, url: &str) -> Result<String, String> {
    let output = Command::new(chromium)
        .args(CHROMIUM_FLAGS)
        .arg("--dump-dom")
        .arg(url)
        .output()
        .map_err(|e| format!("cannot run {chromium}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{chromium} --dump-dom {url} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// A frame as the page shows it: name, stack bottom first (`NULL` for NULL),
/// locals as `name = value`.
#[derive(Debug, PartialEq)]
pub struct ShownFrame {
    pub name: String,
    pub running: bool,
    pub stack: Vec<String>,
    pub locals: Vec<String>,
}

/// The frames a trace records at `step`, as the page should show them.
fn expected(step: &Step) -> Vec<ShownFrame> {
    let count = step.frames.len();
    step.frames
        .iter()
        .enumerate()
        .map(|(index, frame): (usize, &FrameState)| ShownFrame {
            name: frame.name.clone(),
            running: index + 1 == count,
            stack: frame
                .stack
                .iter()
                .map(|item| item.clone().unwrap_or_else(|| "NULL".to_string()))
                .collect(),
            locals: frame
                .locals
                .iter()
                .map(|(name, value)| {
                    format!("{name} = {}", value.as_deref().unwrap_or("<unbound>"))
                })
                .collect(),
        })
        .collect()
}

fn compare(dom: &str, trace: &str, step: &Step, source: &str) -> Result<(), String> {
    let stepper = stepper_html(dom, trace)?;
    let tag_end = stepper.find('>').unwrap_or(0);
    let wanted_step = format!("data-step=\"{}\"", step.step);
    if !stepper[..tag_end].contains(&wanted_step) {
        return Err(format!(
            "the stepper is not at step {}: {}",
            step.step,
            &stepper[..=tag_end]
        ));
    }
    let shown = shown_frames(stepper);
    let wanted = expected(step);
    if shown != wanted {
        return Err(format!(
            "the page shows\n  {shown:?}\nbut the trace records\n  {wanted:?}"
        ));
    }
    let running = step.running();
    let dis = stepper
        .find("stepper-dis-pane")
        .map(|at| &stepper[at..])
        .ok_or("the stepper has no dis pane")?;
    let marked = between(dis, "<div class=\"stepper-line current\">", "</div>").map(decode);
    let offset = running.offset.to_string();
    let marks_it = marked.as_deref().is_some_and(|row| {
        let words: Vec<&str> = row.split_whitespace().collect();
        words
            .windows(2)
            .any(|pair| pair[0] == offset && pair[1] == running.opname)
    });
    if !marks_it {
        return Err(format!(
            "the dis row marked is {marked:?}, the trace's instruction is {offset} {}",
            running.opname
        ));
    }
    if let Some(line) = running.line.filter(|&line| line > 0) {
        let want = source.lines().nth(line as usize - 1).unwrap_or("");
        let marked = between(stepper, "<div class=\"stepper-line current\">", "</div>")
            .map(decode)
            .unwrap_or_default();
        if marked != want {
            return Err(format!(
                "the source line marked is {marked:?}, the trace's line {line} is {want:?}"
            ));
        }
    }
    Ok(())
}

/// The stepper's part of the DOM, from its opening tag to the next stepper.
fn stepper_html<'a>(dom: &'a str, trace: &str) -> Result<&'a str, String> {
    let id = format!("id=\"stepper-{trace}\"");
    let at = dom.find(&id).ok_or_else(|| {
        format!(
            "the page has no stepper <div class=\"stepper\" {id}>: the chapter must embed \
             generated/traces/{trace}.jsonl in one, as chapter 3 embeds nested_calls"
        )
    })?;
    let start = dom[..at].rfind('<').unwrap_or(at);
    let rest = &dom[start..];
    let end = rest[1..]
        .find("<div class=\"stepper\"")
        .map_or(rest.len(), |i| i + 1);
    Ok(&rest[..end])
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let len = text[start..].find(close)?;
    Some(&text[start..start + len])
}

/// The frames the stepper's DOM shows, outermost first.
pub fn shown_frames(html: &str) -> Vec<ShownFrame> {
    let mut frames = Vec::new();
    let mut rest = html;
    loop {
        let plain = rest.find("<div class=\"stepper-frame\">");
        let running = rest.find("<div class=\"stepper-frame running\">");
        let (at, is_running) = match (plain, running) {
            (Some(a), Some(b)) if a < b => (a, false),
            (Some(_), Some(b)) | (None, Some(b)) => (b, true),
            (Some(a), None) => (a, false),
            (None, None) => break,
        };
        rest = &rest[at + 1..];
        let name = between(rest, "<div class=\"stepper-frame-name\">", "<")
            .map(decode)
            .unwrap_or_default();
        let items = |open: &str, close: &str, prefix: &str| -> Vec<String> {
            let Some(list) = between(rest, open, close) else {
                return Vec::new();
            };
            list.split("<li class=\"")
                .skip(1)
                .filter(|item| item.starts_with(prefix))
                .filter_map(|item| between(item, ">", "</li>").map(decode))
                .collect()
        };
        frames.push(ShownFrame {
            name,
            running: is_running,
            stack: items("<ol class=\"stepper-stack\">", "</ol>", "stepper-slot"),
            locals: items("<ul class=\"stepper-locals\">", "</ul>", "stepper-local"),
        });
    }
    frames
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s00_stepper_check_reads_frames_from_the_dom() {
        let html = concat!(
            "<div class=\"stepper\" id=\"stepper-x\" data-step=\"3\"><div class=\"stepper-frames\">",
            "<div class=\"stepper-frame\"><div class=\"stepper-frame-name\">&lt;module&gt;<span>waiting</span></div>",
            "<ol class=\"stepper-stack\"><li class=\"stepper-slot stepper-null\">NULL</li>",
            "<li class=\"stepper-slot\">&lt;function f&gt;</li></ol>",
            "<ul class=\"stepper-locals\"><li class=\"stepper-empty\">(none)</li></ul></div>",
            "<div class=\"stepper-frame running\"><div class=\"stepper-frame-name\">f<span>running</span></div>",
            "<ol class=\"stepper-stack\"><li class=\"stepper-empty\">(empty)</li></ol>",
            "<ul class=\"stepper-locals\"><li class=\"stepper-local\">n = 7</li></ul></div></div></div>",
        );
        let frames = shown_frames(html);
        assert_eq!(frames.len(), 2);
        assert_eq!(frames[0].name, "<module>");
        assert_eq!(frames[0].stack, vec!["NULL", "<function f>"]);
        assert!(frames[0].locals.is_empty());
        assert!(frames[1].running && frames[1].stack.is_empty());
        assert_eq!(frames[1].locals, vec!["n = 7"]);
    }
}
