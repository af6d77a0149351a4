//! What the process prints and how it ends when an exception reaches the top
//! with no handler (`Python/pythonrun.c: _PyErr_PrintEx`): the traceback of
//! the exception and of the exceptions chained to it, then exit status 1;
//! for `KeyboardInterrupt`, death by SIGINT after the traceback; for
//! `SystemExit`, no traceback at all (`_Py_HandleSystemExit`).

use std::path::Path;
use std::rc::Rc;

use crate::cli::{Report, ReportEnding};
use crate::exc::ExcType;
use crate::exception::{offset_u32, PyException, TracebackEntry};
use crate::linetable;
use crate::suggestions;
use crate::traceback::{self, ChainLink, FrameSummary, SourceLines};
use crate::value::Value;
use crate::vm::{raised_line, RunError};

// ANCHOR: report
/// The stage's [`crate::cli::ReportFn`]: the report for an exception no
/// handler caught; `None` for an error that is not a Python exception.
pub fn report(error: &RunError, program: &Path) -> Option<Report> {
    let exc = match error {
        RunError::Raised(value) => PyException::from_value(value)?,
        RunError::Exception(exc) => crate::exception::normalize(exc.clone()),
        _ => return None,
    };
    if exc.kind == ExcType::SystemExit {
        return Some(system_exit(&exc));
    }
    let mut sources = SourceLines::new(program);
    let module_names = exc.state.borrow().module_names.clone().unwrap_or_default();
    let stderr = traceback::format_chain(&chain(&exc, &module_names), &mut sources);
    let ending = match exc.kind {
        ExcType::KeyboardInterrupt => ReportEnding::Interrupted,
        _ => ReportEnding::Exit(1),
    };
    Some(Report { stderr, ending })
}
// ANCHOR_END: report

// ANCHOR: chain
/// The exceptions to print, oldest first (`print_exception_recursive`): an
/// exception's `__cause__` is printed before it, or else its `__context__`
/// unless `__suppress_context__` says not to; an exception already printed
/// is not printed again (a chain may loop).
fn chain(
    exc: &Rc<PyException>,
    module_names: &[Rc<str>],
) -> Vec<(Vec<FrameSummary>, String, Option<ChainLink>)> {
    let mut printed = Vec::new();
    let mut seen: Vec<*const PyException> = Vec::new();
    let mut current = Some((exc.clone(), None));
    while let Some((exc, link)) = current.take() {
        seen.push(Rc::as_ptr(&exc));
        let line = last_line(&exc) + &suggestion(&exc, module_names);
        printed.push((frames(&exc), line, link));
        let state = exc.state.borrow();
        let unseen = |other: &Option<Rc<PyException>>| {
            other
                .clone()
                .filter(|other| !seen.contains(&Rc::as_ptr(other)))
        };
        // A cause, printed or not, hides the context (`print_exception_cause_and_context`).
        current = match (&state.cause, unseen(&state.context)) {
            (Some(_), _) => unseen(&state.cause).map(|cause| (cause, Some(ChainLink::Cause))),
            (None, Some(context)) if !state.suppress_context => {
                Some((context, Some(ChainLink::Context)))
            }
            _ => None,
        };
    }
    // Each exception was found from the one printed after it, by the link
    // that leads from it to that one: oldest first, the links stay put.
    printed.reverse();
    printed
}
// ANCHOR_END: chain

/// The traceback entries of `exc`, outermost first.
fn frames(exc: &PyException) -> Vec<FrameSummary> {
    let state = exc.state.borrow();
    let entries = state.traceback.as_deref().unwrap_or_default();
    entries.iter().rev().map(frame_summary).collect()
}

/// One entry as the traceback printer needs it: the line and the position
/// of the instruction, from the code's line and location tables.
fn frame_summary(entry: &TracebackEntry) -> FrameSummary {
    let code = &entry.code;
    let position = linetable::positions(code)
        .get(entry.offset / 2)
        .copied()
        .unwrap_or_default();
    FrameSummary {
        filename: code.filename.clone(),
        name: code.name.clone(),
        lineno: linetable::line_at(code, offset_u32(entry.offset)),
        position,
    }
}

/// `ValueError: bad`: the class's name (a builtin class is not prefixed with
/// its module) and `str(exc)`.
fn last_line(exc: &Rc<PyException>) -> String {
    let object: Rc<dyn crate::value::object::Object> = exc.clone();
    raised_line(&Value::Object(object))
}

// ANCHOR: suggestion
/// `. Did you mean: 'print'?` after an uncaught `NameError` or
/// `AttributeError` the interpreter raised (exactly those classes, not their
/// subclasses, as `_Py_Offer_Suggestions` checks), or nothing.
fn suggestion(exc: &PyException, module_names: &[Rc<str>]) -> String {
    let Some(missing) = &exc.missing else {
        return String::new();
    };
    if !matches!(exc.kind, ExcType::NameError | ExcType::AttributeError) {
        return String::new();
    }
    let state = exc.state.borrow();
    let innermost = state.traceback.as_ref().and_then(|entries| entries.first());
    let varnames = innermost
        .map(|entry| entry.code.varnames())
        .unwrap_or_default();
    let varnames: Vec<&str> = varnames.iter().map(|name| &**name).collect();
    let module = suggestions::module_names(module_names.iter().map(|name| &**name));
    suggestions::trailer(missing, &varnames, &module)
}
// ANCHOR_END: suggestion

// ANCHOR: system_exit
/// `raise SystemExit(code)`: no traceback. `None` (or no argument) exits
/// 0, an int exits with it, anything else is printed and exits 1.
fn system_exit(exc: &PyException) -> Report {
    let code = match &exc.args[..] {
        [] => Value::None,
        [code] => code.clone(),
        _ => Value::Tuple(exc.args.clone()),
    };
    let (stderr, status) = match &code {
        Value::None => (String::new(), 0),
        Value::Int(int) => (String::new(), int.to_i64().map_or(-1, |n| n as i32)),
        Value::Bool(flag) => (String::new(), i32::from(*flag)),
        other => {
            let text = match other.to_str() {
                Ok(Value::Str(text)) => text.to_string(),
                _ => String::new(),
            };
            (format!("{text}\n"), 1)
        }
    };
    Report {
        stderr,
        ending: ReportEnding::Exit(status),
    }
}
// ANCHOR_END: system_exit
