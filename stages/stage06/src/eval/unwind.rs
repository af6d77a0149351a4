//! Unwinding (`ceval.c`, the labels `error:`, `exception_unwind:` and
//! `exit_unwind:`): what the loop does when an instruction fails.
//!
//! 3.10 kept a *block stack* per frame: `SETUP_FINALLY` pushed a block at
//! run time, `POP_BLOCK` popped it, and an exception jumped to the top
//! block's handler. 3.11 moved all of it into a table the compiler writes
//! (`co_exceptiontable`): for a range of instructions, the handler's offset
//! and the stack depth to cut back to. Nothing runs on entering a `try`; the
//! table is only read when something is raised.
//!
//! stage06 changes one step: a generator's frame that an exception leaves
//! closes its generator, and turns a `StopIteration` into a `RuntimeError`
//! ([`Interpreter::generator_raised`]).

use std::io::Write;
use std::rc::Rc;

use crate::exc::{ExcType, Exception};
use crate::exception::{self, chain_context, offset_u32, PyException};
use crate::exceptiontable::{self, ExceptionTableEntry};
use crate::value::Value;
use crate::vm::RunError;

use super::exceptions::lasti_value;
use super::frame::Frame;
use super::{trace, Interpreter, Tracer};

impl Interpreter<'_> {
    // ANCHOR: unwind
    // ANCHOR: unwind_start
    /// Unwinds `error` from `frame`: to a handler in it or in one of the
    /// callers this loop pushed (then `frame` is that frame, at its handler),
    /// or out of this loop with the error. `record` is false for `RERAISE`
    /// and a bare `raise`, which skip CPython's `error:` label and so do not
    /// add the frame to the traceback again.
    ///
    /// The handler is looked up for `instr`, the offset of the instruction
    /// that failed, which is not always `frame.offset`, the frame's last
    /// instruction: `RERAISE 1` sets that back to the instruction that first
    /// raised, for the traceback and for a `lasti` pushed again, while the
    /// search must go on from the `RERAISE` itself (`INSTR_OFFSET() - 1`).
    pub(super) fn unwind(
        &mut self,
        frame: &mut Box<Frame>,
        entry: usize,
        error: RunError,
        (instr, record): (usize, bool),
    ) -> Result<(), RunError> {
        let mut exc = match self.exception_object(error) {
            Ok(exc) => exc,
            Err(error) => return Err(self.abandon(frame, entry, error)),
        };
        // ANCHOR_END: unwind_start
        // ANCHOR: unwind_frame
        let (mut record, mut instr) = (record, instr);
        loop {
            if record {
                exc.add_traceback(&frame.code, frame.offset);
            }
            match handler_for(frame, instr) {
                Ok(Some(handler)) => return self.enter_handler(frame, &handler, exc),
                Ok(None) => {}
                Err(error) => return Err(self.abandon(frame, entry, error)),
            }
            // ANCHOR_END: unwind_frame
            // ANCHOR: exit_unwind
            // exit_unwind: no handler here; the frame is finished, and so is
            // its generator, if it is a generator's.
            let generator_closed = match self.running_here() {
                Some(run) => {
                    exc = self.generator_raised(run, exc);
                    true
                }
                None => false,
            };
            self.depth -= 1;
            if self.frames.len() <= entry {
                self.trace_unwound(frame, &exc, None, generator_closed)?;
                return Err(RunError::Raised(Value::Object(exc)));
            }
            let Some(caller) = self.frames.pop() else {
                return Err(frame.vm_error("unwound past the entry frame"));
            };
            let callee = std::mem::replace(frame, caller);
            self.trace_unwound(&callee, &exc, Some(frame), generator_closed)?;
            self.pool.recycle(callee);
            (record, instr) = (true, frame.offset);
        }
    }
    // ANCHOR_END: exit_unwind
    // ANCHOR_END: unwind

    // ANCHOR: exception_object
    /// The exception object for `error`, made now if Rust code raised it
    /// (`_PyErr_NormalizeException`), with the exception being handled as its
    /// context. A VM error or a limit of the workbook is not an exception:
    /// no handler sees it.
    fn exception_object(&self, error: RunError) -> Result<Rc<PyException>, RunError> {
        let raised_by_rust = !matches!(error, RunError::Raised(_));
        let exc = Self::exception_of(error)?;
        if raised_by_rust {
            chain_context(&exc, &self.topmost_exc());
        }
        Ok(exc)
    }

    /// The exception object of an error that is one, without chaining it (a
    /// `raise` chained its own, and `throw()` chains what it throws when the
    /// generator starts); any other error (a VM error, a limit) goes on as
    /// it is.
    pub(super) fn exception_of(error: RunError) -> Result<Rc<PyException>, RunError> {
        match error {
            RunError::Raised(value) => PyException::from_value(&value)
                .ok_or_else(|| RunError::vm(0, "raised a value that is not an exception")),
            RunError::Exception(exc) => Ok(exception::normalize(exc)),
            RunError::Interrupted => Ok(exception::normalize(Exception::new(
                ExcType::KeyboardInterrupt,
                "",
            ))),
            other => Err(other),
        }
    }
    // ANCHOR_END: exception_object

    // ANCHOR: enter_handler
    /// `exception_unwind:` with a handler found: cut the stack back to the
    /// handler's depth, push the raising instruction's offset if the handler
    /// wants it (`lasti`), push the exception, and jump.
    fn enter_handler(
        &mut self,
        frame: &mut Frame,
        handler: &ExceptionTableEntry,
        exc: Rc<PyException>,
    ) -> Result<(), RunError> {
        // EXERCISE 5.2 enter_handler: cut the stack back, push lasti and the exception, jump
        let depth = usize::try_from(handler.depth).unwrap_or(usize::MAX);
        if depth > frame.stack.len() {
            return Err(frame.vm_error(format!(
                "exception handler wants stack depth {depth}, the stack has {}",
                frame.stack.len()
            )));
        }
        frame.stack.truncate(depth);
        if handler.lasti {
            frame.push_value(lasti_value(frame.offset))?;
        }
        frame.push_value(Value::Object(exc))?;
        frame.next_instr = usize::try_from(handler.target / 2).unwrap_or(usize::MAX);
        self.trace_handler(frame, handler)
        // END EXERCISE
    }
    // ANCHOR_END: enter_handler

    /// Leaves this loop with an error no handler may see: the frames it
    /// pushed are dropped, and the generators that ran them are done.
    fn abandon(&mut self, frame: &Frame, entry: usize, error: RunError) -> RunError {
        let parked = self.frames.len().saturating_sub(entry);
        self.depth = self.depth.saturating_sub(parked + 1);
        self.frames.truncate(entry);
        while self.running.last().is_some_and(|r| r.level > self.depth) {
            if let Some(run) = self.running.pop() {
                self.finish(run);
            }
        }
        error.at_offset(frame.offset)
    }
}

// ANCHOR: handler_for
/// The exception-table entry covering the instruction at `instr`
/// (`get_exception_handler`). A table that does not decode is bad bytecode.
fn handler_for(frame: &Frame, instr: usize) -> Result<Option<ExceptionTableEntry>, RunError> {
    exceptiontable::lookup(&frame.code.exceptiontable, offset_u32(instr))
        .map_err(|err| frame.vm_error(format!("bad exception table: {err}")))
}
// ANCHOR_END: handler_for

// ANCHOR: trace_unwinding
impl Interpreter<'_> {
    /// Traces a frame that an exception leaves, `caller` running next
    /// (`None`: the exception leaves this loop); a generator's frame says
    /// that its generator is closed with it.
    fn trace_unwound(
        &mut self,
        frame: &Frame,
        exc: &PyException,
        caller: Option<&Frame>,
        generator_closed: bool,
    ) -> Result<(), RunError> {
        if self.trace.is_none() {
            return Ok(());
        }
        self.stdout.flush()?;
        let how = match generator_closed {
            true => format!("raises {}, closing its generator", exc.kind.name()),
            false => format!("raises {}", exc.kind.name()),
        };
        match self.trace.as_mut() {
            Some(Tracer::Text(out)) => {
                let line = trace::exit_line(frame, &how, &self.waiting, &self.frames, caller);
                writeln!(out, "{line}")?;
            }
            Some(Tracer::Json(trace)) => trace.pop(&frame.code.qualname, None)?,
            None => {}
        }
        Ok(())
    }

    /// Traces the jump to a handler: where it is, and the depth the stack
    /// was cut back to (the exception, and `lasti`, are pushed above it).
    fn trace_handler(
        &mut self,
        frame: &Frame,
        handler: &ExceptionTableEntry,
    ) -> Result<(), RunError> {
        if let Some(Tracer::Text(out)) = self.trace.as_mut() {
            self.stdout.flush()?;
            let lasti = if handler.lasti { " and lasti" } else { "" };
            writeln!(
                out,
                "--> handler at {} in {}: stack cut to depth {}, exception{lasti} pushed",
                handler.target, frame.code.qualname, handler.depth
            )?;
        }
        Ok(())
    }
}
// ANCHOR_END: trace_unwinding
