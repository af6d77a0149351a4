//! Generators in the loop: a frame that leaves the stack at `YIELD_VALUE`
//! and comes back when it is resumed (`Objects/genobject.c:
//! gen_send_ex2`, `_gen_throw`, `gen_close`, and ceval.c's
//! `RETURN_GENERATOR`, `YIELD_VALUE`, `SEND`, `FOR_ITER`).
//!
//! A generator is resumed in one of two ways. From bytecode, by `FOR_ITER`
//! or `SEND` (`for x in g`, `yield from g`): its frame goes on the
//! interpreter's stack like a callee's, and a yield or a return hands the
//! caller what that instruction waits for ([`Handoff`]). No Rust function
//! waits, so a `yield from` chain a thousand deep is a thousand frames on
//! the stack, not a thousand nested calls. (CPython 3.11 recurses in C
//! there; 3.12 stopped doing so for `FOR_ITER` and `SEND` on generators.)
//! From a builtin (`next(g)`, `g.send(v)`, `list(g)`): the frame runs in a
//! nested loop, as a Python function called by a builtin does.
//!
//! While a generator's frame is on the stack, the interpreter keeps a
//! [`Running`] record of it: which generator owns the frame, what resumed
//! it, and the exception the code below it was handling.

use std::rc::Rc;

use crate::exc::{ExcType, Exception};
use crate::exception::{self, chain_context, PyException};
use crate::function;
use crate::generator::{self, GenMethod, GenState, Generator, Resumption};
use crate::iter;
use crate::methods;
use crate::opcode::{EXTENDED_ARG, SEND};
use crate::value::Value;
use crate::vm::{Keywords, RunError};

use super::frame::Frame;
use super::{count, Calls, Exit, Finished, Interpreter, Outcome, RECURSION_LIMIT};

// ANCHOR: running
/// A generator whose frame is on the interpreter's stack.
#[derive(Debug)]
pub struct Running {
    pub generator: Rc<Generator>,
    /// The interpreter's `depth` while the generator's own frame runs: every
    /// frame and builtin above it is deeper, so the frame that leaves at
    /// this depth is the generator's.
    pub level: usize,
    /// The exception the code that resumed the generator was handling
    /// (`gi_exc_state.previous_item`): back in `exc_info` when it leaves.
    pub outer_exc: Value,
    pub by: ResumedBy,
}

/// What resumed a generator, which says what its caller waits for.
#[derive(Debug, Clone, Copy)]
pub enum ResumedBy {
    /// `FOR_ITER`: the next item; when the generator returns, the loop ends
    /// and goes on at `exhausted` (an index of a code unit).
    ForIter { exhausted: usize },
    /// `SEND` (`yield from`): the value yielded, to yield on; when the
    /// generator returns, its value, at `returned`.
    Send { returned: usize },
    /// A builtin or a method (`next(g)`, `g.send(v)`): the generator's frame
    /// is the entry frame of a nested loop, which hands the value back.
    Builtin,
}

/// What a generator is resumed with.
pub enum Resume {
    /// The result of the `yield` expression (`None` for `next`).
    Send(Value),
    /// An exception raised at the `yield` (`throw()`, `close()`).
    Throw(Rc<PyException>),
}
// ANCHOR_END: running

// ANCHOR: handoff
// ANCHOR: handoff_enum
/// What a frame that leaves gives the frame below it.
pub enum Handoff {
    /// A function's return value, or a new generator: pushed.
    Value(Value),
    /// A generator's yielded value.
    Yielded(Value, ResumedBy),
    /// A generator's return value: it is exhausted.
    Returned(Value, ResumedBy),
}
// ANCHOR_END: handoff_enum

impl Handoff {
    // ANCHOR: deliver
    /// The caller receives it where the instruction that resumed the
    /// generator left off: `FOR_ITER` and `SEND` push a yielded value; a
    /// return ends the `for` loop, or becomes the value of `yield from`.
    #[inline]
    pub fn deliver(self, caller: &mut Frame) -> Result<(), RunError> {
        // EXERCISE 6.2 deliver: push a yielded value; a return ends the for loop or the yield from
        match self {
            Handoff::Value(value) | Handoff::Yielded(value, _) => caller.push_value(value),
            Handoff::Returned(_, ResumedBy::ForIter { exhausted }) => {
                caller.pop()?;
                caller.next_instr = exhausted;
                Ok(())
            }
            Handoff::Returned(value, ResumedBy::Send { returned }) => {
                caller.pop()?;
                caller.push_value(value)?;
                caller.next_instr = returned;
                Ok(())
            }
            Handoff::Returned(_, ResumedBy::Builtin) => {
                Err(caller.vm_error("a generator resumed by a builtin returned to a frame"))
            }
        }
        // END EXERCISE
    }
    // ANCHOR_END: deliver

    /// How the loop's entry frame ended, for the builtin that waits.
    pub fn finished(self) -> Finished {
        match self {
            Handoff::Value(value) | Handoff::Returned(value, _) => Finished::Return(value),
            Handoff::Yielded(value, _) => Finished::Yield(value),
        }
    }
}
// ANCHOR_END: handoff

// ANCHOR: return_generator
/// `TARGET(RETURN_GENERATOR)`: the first instruction of a generator
/// function's code. The frame leaves the stack into a new generator, which
/// the call returns.
pub fn return_generator(interp: &Interpreter, frame: &Frame) -> Outcome {
    if interp.in_generator_frame() {
        return Err(frame.vm_error("RETURN_GENERATOR in a generator's frame"));
    }
    Ok(Some(Exit::ReturnGenerator))
}

/// `TARGET(YIELD_VALUE)`: the generator's frame leaves the stack with the
/// value; it stays whole inside the generator, waiting at this instruction.
pub fn yield_value(interp: &Interpreter, frame: &mut Frame) -> Outcome {
    if !interp.in_generator_frame() {
        return Err(frame.vm_error("YIELD_VALUE outside a generator's frame"));
    }
    Ok(Some(Exit::Yield(frame.pop_value()?)))
}

/// `TARGET(GET_YIELD_FROM_ITER)`: `yield from x` delegates to a generator
/// as it is, and to an iterator over anything else.
pub fn get_yield_from_iter(frame: &mut Frame) -> Result<(), RunError> {
    let iterable = frame.pop_value()?;
    if Generator::from_value(&iterable).is_some() {
        return frame.push_value(iterable);
    }
    frame.push_value(iter::get_iter(&iterable)?)
}
// ANCHOR_END: return_generator

impl Interpreter<'_> {
    /// Whether the running frame is a generator's.
    #[inline]
    pub fn in_generator_frame(&self) -> bool {
        self.running.last().is_some_and(|r| r.level == self.depth)
    }

    /// The record of the running frame's generator, taken as the frame
    /// leaves; `None` for a function's frame.
    #[inline]
    pub fn running_here(&mut self) -> Option<Running> {
        if self.in_generator_frame() {
            self.running.pop()
        } else {
            None
        }
    }

    /// `_PyErr_GetTopmostException`: the exception being handled, looking
    /// past the generators that handle none to the code that resumed them.
    pub fn topmost_exc(&self) -> Value {
        if !matches!(self.exc_info, Value::None) {
            return self.exc_info.clone();
        }
        self.running
            .iter()
            .rev()
            .map(|r| &r.outer_exc)
            .find(|exc| !matches!(exc, Value::None))
            .cloned()
            .unwrap_or(Value::None)
    }

    // ANCHOR: leave
    // ANCHOR: leave_fn
    /// The running frame leaves the stack (the depth is already one less):
    /// returned, yielded, or turned into a generator. `owner` is its
    /// generator's record, if it is a generator's frame.
    #[inline]
    pub fn leave(
        &mut self,
        frame: Box<Frame>,
        exit: Exit,
        owner: Option<Running>,
    ) -> Result<Handoff, RunError> {
        match (exit, owner) {
            (Exit::Return(value), None) => {
                self.pool.recycle(frame);
                Ok(Handoff::Value(value))
            }
            (Exit::Return(value), Some(run)) => {
                let by = run.by;
                self.finish(run);
                self.pool.recycle(frame);
                Ok(Handoff::Returned(value, by))
            }
            (Exit::Yield(value), Some(run)) => {
                let by = run.by;
                self.suspend(run, frame);
                Ok(Handoff::Yielded(value, by))
            }
            (Exit::ReturnGenerator, None) => {
                Ok(Handoff::Value(Value::Object(Generator::new(frame))))
            }
            _ => Err(frame.vm_error("a frame left the stack in a way it cannot")),
        }
    }
    // ANCHOR_END: leave_fn

    // ANCHOR: suspend_finish
    /// The generator stops at a `yield`: its frame, and the exception its
    /// code is handling, go back into it.
    fn suspend(&mut self, run: Running, frame: Box<Frame>) {
        let own = std::mem::replace(&mut self.exc_info, run.outer_exc);
        run.generator.exc_state.replace(own);
        run.generator.frame.replace(Some(frame));
        run.generator.state.set(GenState::Suspended);
    }

    /// The generator is done: returned, or an exception left it.
    pub fn finish(&mut self, run: Running) {
        self.exc_info = run.outer_exc;
        run.generator.exc_state.replace(Value::None);
        run.generator.state.set(GenState::Closed);
    }
    // ANCHOR_END: suspend_finish
    // ANCHOR_END: leave

    // ANCHOR: start
    // ANCHOR: start_checks
    /// `gen_send_ex2` up to running the frame: checks the generator's state,
    /// pushes the sent value (the result of the `yield` it waits at), swaps
    /// in its exception state and takes its frame out. `Ok(None)`: the
    /// generator is closed, so sending to it returns `None` at once.
    fn start(
        &mut self,
        generator: &Rc<Generator>,
        with: &Resume,
        by: ResumedBy,
    ) -> Result<Option<Box<Frame>>, RunError> {
        match (generator.state.get(), with) {
            (GenState::Created, Resume::Send(value)) if !matches!(value, Value::None) => {
                return Err(generator::just_started().into())
            }
            (GenState::Running, _) => return Err(generator::already_executing().into()),
            (GenState::Closed, Resume::Send(_)) => return Ok(None),
            (GenState::Closed, Resume::Throw(exc)) => {
                return Err(RunError::Raised(Value::Object(exc.clone())))
            }
            _ => {}
        }
        let Some(mut frame) = generator.frame.take() else {
            return Err(RunError::vm(0, "a suspended generator without its frame"));
        };
        // ANCHOR_END: start_checks
        // ANCHOR: start_push
        if self.depth >= RECURSION_LIMIT {
            // The frame cannot start; like CPython's, the generator is done.
            generator.state.set(GenState::Closed);
            drop(frame);
            return Err(Exception::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded",
            )
            .into());
        }
        let sent = match with {
            Resume::Send(value) => value.clone(),
            Resume::Throw(_) => Value::None,
        };
        frame.push_value(sent)?;
        let outer_exc = std::mem::replace(&mut self.exc_info, generator.exc_state.take());
        if let Resume::Throw(exc) = with {
            chain_context(exc, &self.exc_info);
        }
        generator.state.set(GenState::Running);
        self.depth += 1;
        self.running.push(Running {
            generator: generator.clone(),
            level: self.depth,
            outer_exc,
            by,
        });
        Ok(Some(frame))
    }
    // ANCHOR_END: start_push
    // ANCHOR_END: start

    // ANCHOR: for_iter
    /// `TARGET(FOR_ITER)`: stage04's for any iterator; a generator's frame
    /// is resumed in this loop, and its yield pushes the next item.
    pub fn for_iter(&mut self, frame: &mut Frame, arg: u32) -> Outcome {
        // Most loops are over a list or a range: look before taking a
        // reference to a generator.
        let generator = match frame.stack.last() {
            Some(Some(top)) if top.downcast::<Generator>().is_some() => Generator::from_value(top),
            _ => None,
        };
        let Some(generator) = generator else {
            super::containers::for_iter(self, frame, arg)?;
            return Ok(None);
        };
        let exhausted = frame.next_instr.saturating_add(count(arg));
        let by = ResumedBy::ForIter { exhausted };
        match self.start(&generator, &Resume::Send(Value::None), by)? {
            Some(callee) => Ok(Some(Exit::Call(callee))),
            None => {
                frame.pop()?;
                frame.next_instr = exhausted;
                Ok(None)
            }
        }
    }
    // ANCHOR_END: for_iter

    // ANCHOR: send
    // ANCHOR: send_fn
    /// `TARGET(SEND)`: one step of `yield from`. The stack holds the
    /// iterator delegated to and the value to send it. A generator is
    /// resumed in this loop; any other iterator gets `next()` for `None`
    /// and its `send` method for anything else (`PyIter_Send`). A yielded
    /// value replaces the sent one, for `YIELD_VALUE` to pass up; a returned
    /// one replaces the iterator, and the loop of `yield from` is left.
    pub fn send(&mut self, frame: &mut Frame, arg: u32) -> Outcome {
        let value = frame.pop_value()?;
        let receiver = match frame.peek(1)? {
            Some(receiver) => receiver.clone(),
            None => return Err(frame.vm_error("SEND to a NULL")),
        };
        let returned = frame.next_instr.saturating_add(count(arg));
        if let Some(generator) = Generator::from_value(&receiver) {
            let by = ResumedBy::Send { returned };
            match self.start(&generator, &Resume::Send(value), by)? {
                Some(callee) => return Ok(Some(Exit::Call(callee))),
                None => {
                    Handoff::Returned(Value::None, by).deliver(frame)?;
                    return Ok(None);
                }
            }
        }
        let by = ResumedBy::Send { returned };
        match self.iter_send(&receiver, value) {
            Ok(Finished::Yield(item)) => frame.push_value(item)?,
            Ok(Finished::Return(result)) => Handoff::Returned(result, by).deliver(frame)?,
            Err(error) => match stop_iteration_value(&error) {
                Some(result) => Handoff::Returned(result, by).deliver(frame)?,
                None => return Err(error),
            },
        }
        Ok(None)
    }
    // ANCHOR_END: send_fn

    // ANCHOR: iter_send
    /// `PyIter_Send` for an iterator that is not a generator.
    fn iter_send(&mut self, receiver: &Value, value: Value) -> Result<Finished, RunError> {
        if matches!(value, Value::None) {
            return Ok(match iter::next(self, receiver)? {
                Some(item) => Finished::Yield(item),
                None => Finished::Return(Value::None),
            });
        }
        let Some(send) = attribute(receiver, "send") else {
            return Err(methods::no_attribute(receiver, "send").into());
        };
        Ok(Finished::Yield(self.call_from_builtin(
            &send,
            vec![value],
            Vec::new(),
        )?))
    }
    // ANCHOR_END: iter_send
    // ANCHOR_END: send

    // ANCHOR: resume_nested
    /// Resumes `generator` from a builtin or a method: its frame runs in a
    /// nested loop until it yields, returns or raises.
    pub fn resume(
        &mut self,
        generator: &Rc<Generator>,
        with: Resume,
    ) -> Result<Finished, RunError> {
        let Some(frame) = self.start(generator, &with, ResumedBy::Builtin)? else {
            return Ok(Finished::Return(Value::None));
        };
        if self.trace.is_some() {
            self.trace_push(&frame)?;
        }
        let error = match with {
            Resume::Throw(exc) => Some(RunError::Raised(Value::Object(exc))),
            Resume::Send(_) => None,
        };
        self.run_loop(frame, error)
    }
    // ANCHOR_END: resume_nested

    // ANCHOR: throw
    // ANCHOR: throw_down
    /// `_gen_throw`: `generator.throw(typ, val)`. A generator suspended in a
    /// `yield from` passes the exception down to the iterator it delegates
    /// to, innermost first; what comes out of that ends the `yield from`
    /// and is thrown (or sent, for a return) into this generator, and so on
    /// up. CPython recurses in C, one call a level; here the chain is
    /// walked down and then back up in a loop, so that the Rust stack does
    /// not grow with it.
    pub fn throw(
        &mut self,
        generator: &Rc<Generator>,
        typ: Value,
        val: Option<Value>,
        close_on_exit: bool,
    ) -> Result<Finished, RunError> {
        let is_exit = exception::is_exception_class(&typ) == Some(ExcType::GeneratorExit)
            || PyException::from_value(&typ).is_some_and(|e| e.kind == ExcType::GeneratorExit);
        if close_on_exit && is_exit {
            return self.throw_exit(generator, &typ, val);
        }
        let chain = delegation_chain(generator);
        let Some((innermost, above)) = chain.split_last() else {
            return self.throw_here(generator, &typ, val);
        };
        // ANCHOR_END: throw_down
        // ANCHOR: throw_up
        for outer in above {
            outer.state.set(GenState::Running);
        }
        let throw = innermost
            .yield_from()
            .and_then(|delegate| attribute(&delegate, "throw"));
        let mut outcome = match throw {
            Some(throw) => {
                innermost.state.set(GenState::Running);
                let args = std::iter::once(typ).chain(val).collect();
                let thrown = self.call_from_builtin(&throw, args, Vec::new());
                innermost.state.set(GenState::Suspended);
                self.end_yield_from(innermost, thrown.map(Finished::Yield))
            }
            None => self.throw_here(innermost, &typ, val),
        };
        for outer in above.iter().rev() {
            outer.state.set(GenState::Suspended);
            outcome = self.end_yield_from(outer, outcome);
        }
        outcome
    }
    // ANCHOR_END: throw_up

    // ANCHOR: throw_exit
    /// `throw(GeneratorExit)` into a generator in a `yield from`: what it
    /// delegates to is closed first, then the exception is raised in it.
    fn throw_exit(
        &mut self,
        generator: &Rc<Generator>,
        typ: &Value,
        val: Option<Value>,
    ) -> Result<Finished, RunError> {
        let Some(delegate) = generator.yield_from() else {
            return self.throw_here(generator, typ, val);
        };
        generator.state.set(GenState::Running);
        let closed = self.close_iter(&delegate);
        generator.state.set(GenState::Suspended);
        match closed {
            Ok(()) => self.throw_here(generator, typ, val),
            Err(error) => {
                let exc = Self::exception_of(error)?;
                self.resume(generator, Resume::Throw(exc))
            }
        }
    }
    // ANCHOR_END: throw_exit

    // ANCHOR: end_yield_from
    /// What a generator does with the outcome of a throw into what it
    /// delegates to: a value yielded passes up as it is; a return, or an
    /// exception, ends its `yield from` and is sent, or thrown, into it.
    fn end_yield_from(
        &mut self,
        generator: &Rc<Generator>,
        outcome: Result<Finished, RunError>,
    ) -> Result<Finished, RunError> {
        let with = match outcome {
            Ok(Finished::Yield(item)) => return Ok(Finished::Yield(item)),
            Ok(Finished::Return(result)) => Resume::Send(result),
            Err(error) => match stop_iteration_value(&error) {
                Some(result) => Resume::Send(result),
                None => Resume::Throw(Self::exception_of(error)?),
            },
        };
        leave_yield_from(generator)?;
        self.resume(generator, with)
    }
    // ANCHOR_END: end_yield_from

    /// `throw_here:` the exception made from `throw()`'s arguments, raised
    /// at the generator's `yield`.
    fn throw_here(
        &mut self,
        generator: &Rc<Generator>,
        typ: &Value,
        val: Option<Value>,
    ) -> Result<Finished, RunError> {
        let exc = thrown_exception(typ, val)?;
        self.resume(generator, Resume::Throw(exc))
    }
    // ANCHOR_END: throw

    // ANCHOR: close
    // ANCHOR: close_fn
    /// `gen_close`: close what the generator delegates to, then throw
    /// `GeneratorExit` in (or what closing the delegate raised). It must
    /// end the generator: a `yield` instead is a `RuntimeError`. A chain of
    /// `yield from` is closed innermost first, in a loop.
    pub fn close(&mut self, generator: &Rc<Generator>) -> Result<(), RunError> {
        let chain = delegation_chain(generator);
        let Some((innermost, above)) = chain.split_last() else {
            return Ok(());
        };
        let states: Vec<GenState> = above.iter().map(|outer| outer.state.get()).collect();
        for outer in above {
            outer.state.set(GenState::Running);
        }
        let mut failed = None;
        if let Some(delegate) = innermost.yield_from() {
            innermost.state.set(GenState::Running);
            failed = self.close_iter(&delegate).err();
            innermost.state.set(GenState::Suspended);
        }
        let mut closed = self.close_one(innermost, failed);
        for (outer, state) in above.iter().zip(states).rev() {
            outer.state.set(state);
            closed = self.close_one(outer, closed.err());
        }
        closed
    }
    // ANCHOR_END: close_fn

    // ANCHOR: close_one
    /// Throws `GeneratorExit` (or `failed`, what closing its delegate
    /// raised) into one generator, and says whether it closed.
    fn close_one(
        &mut self,
        generator: &Rc<Generator>,
        failed: Option<RunError>,
    ) -> Result<(), RunError> {
        let exc = match failed {
            Some(error) => Self::exception_of(error)?,
            None => exception::normalize(Exception::new(ExcType::GeneratorExit, "")),
        };
        match self.resume(generator, Resume::Throw(exc)) {
            Ok(Finished::Yield(_)) => {
                Err(Exception::new(ExcType::RuntimeError, "generator ignored GeneratorExit").into())
            }
            Ok(Finished::Return(_)) => Ok(()),
            Err(error) if is_instance(&error, ExcType::StopIteration) => Ok(()),
            Err(error) if is_instance(&error, ExcType::GeneratorExit) => Ok(()),
            Err(error) => Err(error),
        }
    }
    // ANCHOR_END: close_one

    /// `gen_close_iter`: closes what a `yield from` delegates to: a
    /// generator, or anything with a `close` method.
    fn close_iter(&mut self, delegate: &Value) -> Result<(), RunError> {
        if let Some(inner) = Generator::from_value(delegate) {
            return self.close(&inner);
        }
        if let Some(close) = attribute(delegate, "close") {
            self.call_from_builtin(&close, Vec::new(), Vec::new())?;
        }
        Ok(())
    }

    // ANCHOR: finalize_pending
    /// Closes the generators dropped while suspended (see
    /// [`generator::pending`]). What one raises is not the program's: CPython
    /// reports it as "Exception ignored in …" on stderr and goes on; the
    /// workbook goes on without the report.
    pub fn finalize_pending(&mut self) -> Result<(), RunError> {
        while generator::pending() {
            for orphan in generator::take_pending() {
                match self.close(&orphan) {
                    Ok(()) | Err(RunError::Raised(_) | RunError::Exception(_)) => {}
                    Err(error) => return Err(error),
                }
            }
        }
        Ok(())
    }
    // ANCHOR_END: finalize_pending
    // ANCHOR_END: close

    // ANCHOR: generator_raised
    /// An exception leaves a generator's frame: the generator is done, and
    /// a `StopIteration` becomes `RuntimeError: generator raised
    /// StopIteration` (PEP 479), so that it cannot end the caller's loop as
    /// if the generator had returned.
    pub fn generator_raised(&mut self, run: Running, exc: Rc<PyException>) -> Rc<PyException> {
        // EXERCISE 6.3 generator_raised: close the generator; a StopIteration becomes RuntimeError
        self.finish(run);
        if !exc.is_instance_of(ExcType::StopIteration) {
            return exc;
        }
        let error = exception::normalize(Exception::new(
            ExcType::RuntimeError,
            "generator raised StopIteration",
        ));
        error.state.borrow_mut().context = Some(exc.clone());
        error.set_cause(Some(exc));
        error
        // END EXERCISE
    }
    // ANCHOR_END: generator_raised

    // ANCHOR: call_generator
    /// Runs one of a generator's methods.
    pub fn call_generator(
        &mut self,
        call: GenCall,
        keywords: &Keywords,
    ) -> Result<Value, RunError> {
        if !keywords.is_empty() {
            return Err(Exception::type_error(format!(
                "generator.{}() takes no keyword arguments",
                call.name()
            ))
            .into());
        }
        let (generator, outcome) = match call {
            GenCall::Next { generator, default } => {
                let outcome = self.resume(&generator, Resume::Send(Value::None));
                match (outcome, default) {
                    (Ok(Finished::Return(_)), Some(default)) => return Ok(default),
                    (outcome, _) => (generator, outcome),
                }
            }
            GenCall::Send(generator, value) => {
                let outcome = self.resume(&generator, Resume::Send(value));
                (generator, outcome)
            }
            GenCall::Throw(generator, typ, val) => {
                let outcome = self.throw(&generator, typ, val, true);
                (generator, outcome)
            }
            GenCall::Close(generator) => return self.close(&generator).map(|()| Value::None),
        };
        drop(generator);
        match outcome? {
            Finished::Yield(item) => Ok(item),
            Finished::Return(result) => Err(stop_iteration(result)),
        }
    }
    // ANCHOR_END: call_generator
}

// ANCHOR: gen_call
/// A call of a generator's method, its arguments checked.
pub enum GenCall {
    /// `g.__next__()`, or `next(g[, default])`.
    Next {
        generator: Rc<Generator>,
        default: Option<Value>,
    },
    Send(Rc<Generator>, Value),
    Throw(Rc<Generator>, Value, Option<Value>),
    Close(Rc<Generator>),
}

impl GenCall {
    fn name(&self) -> &'static str {
        match self {
            GenCall::Next { .. } => "__next__",
            GenCall::Send(..) => "send",
            GenCall::Throw(..) => "throw",
            GenCall::Close(_) => "close",
        }
    }
}

/// The generator method that `callable` is, with `args` checked; also
/// `next(g)`, which resumes the generator itself so that a return value
/// rides on its `StopIteration`. `None`: not a generator's method.
pub fn method_call(callable: &Value, args: &[Value]) -> Option<Result<GenCall, RunError>> {
    if let Value::Builtin(builtin) = callable {
        if !std::ptr::eq(*builtin, &stage04::builtins::NEXT) || args.len() > 2 {
            return None;
        }
        let generator = Generator::from_value(args.first()?)?;
        let default = args.get(1).cloned();
        return Some(Ok(GenCall::Next { generator, default }));
    }
    let method = callable.downcast::<GenMethod>()?;
    let generator = method.generator.clone();
    let given = args.len();
    Some(match (method.kind, args) {
        (Resumption::Next, []) => Ok(GenCall::Next {
            generator,
            default: None,
        }),
        (Resumption::Next, _) => Err(type_error(format!("expected 0 arguments, got {given}"))),
        (Resumption::Send, [value]) => Ok(GenCall::Send(generator, value.clone())),
        (Resumption::Send, _) => Err(type_error(format!(
            "generator.send() takes exactly one argument ({given} given)"
        ))),
        (Resumption::Throw, [typ]) => Ok(GenCall::Throw(generator, typ.clone(), None)),
        (Resumption::Throw, [typ, val] | [typ, val, _]) => {
            Ok(GenCall::Throw(generator, typ.clone(), Some(val.clone())))
        }
        (Resumption::Throw, []) => Err(type_error(
            "throw expected at least 1 argument, got 0".to_string(),
        )),
        (Resumption::Throw, _) => Err(type_error(format!(
            "throw expected at most 3 arguments, got {given}"
        ))),
        (Resumption::Close, []) => Ok(GenCall::Close(generator)),
        (Resumption::Close, _) => Err(type_error(format!(
            "generator.close() takes no arguments ({given} given)"
        ))),
    })
}
// ANCHOR_END: gen_call

fn type_error(message: String) -> RunError {
    Exception::type_error(message).into()
}

/// `StopIteration`, carrying a generator's return value (`StopIteration(5)`;
/// with no argument for `None`, as `gen_send_ex` raises it).
pub fn stop_iteration(result: Value) -> RunError {
    match result {
        Value::None => Exception::new(ExcType::StopIteration, "").into(),
        value => Exception::stop_iteration(value).into(),
    }
}

/// The value a `StopIteration` carries (`_PyGen_FetchStopIterationValue`),
/// or `None` when `error` is something else.
pub fn stop_iteration_value(error: &RunError) -> Option<Value> {
    let first = |args: &[Value]| args.first().cloned().unwrap_or(Value::None);
    match error {
        RunError::Exception(exc) if exc.kind == ExcType::StopIteration => {
            Some(exc.args.as_deref().map_or(Value::None, first))
        }
        RunError::Raised(value) => match PyException::from_value(value) {
            Some(exc) if exc.is_instance_of(ExcType::StopIteration) => Some(first(&exc.args)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `error` is an exception of class `kind` or a subclass.
fn is_instance(error: &RunError, kind: ExcType) -> bool {
    match error {
        RunError::Exception(exc) => exception::is_subclass(exc.kind, kind),
        RunError::Raised(value) => {
            PyException::from_value(value).is_some_and(|e| e.is_instance_of(kind))
        }
        _ => false,
    }
}

/// `obj.name` for a method a `yield from` may call on what it delegates to
/// (`send`, `throw`, `close`), `None` when there is none.
fn attribute(value: &Value, name: &str) -> Option<Value> {
    methods::load_attr(value, name).or_else(|| function::get_attribute(value, name).ok())
}

// ANCHOR: thrown_exception
/// The exception `throw(typ[, val])` raises: an instance as it is; a class
/// called with `val` (`PyErr_NormalizeException`); anything else refused.
fn thrown_exception(typ: &Value, val: Option<Value>) -> Result<Rc<PyException>, RunError> {
    let val = val.filter(|v| !matches!(v, Value::None));
    if let Some(kind) = exception::is_exception_class(typ) {
        if let Some(instance) = val.as_ref().and_then(PyException::from_value) {
            if instance.is_instance_of(kind) {
                return Ok(instance);
            }
        }
        let args: Vec<Value> = match val {
            None => Vec::new(),
            Some(Value::Tuple(items)) => items.to_vec(),
            Some(value) => vec![value],
        };
        let made = exception::new_instance(kind, &args, &Vec::new())?;
        return PyException::from_value(&made)
            .ok_or_else(|| RunError::vm(0, "an exception class made no exception"));
    }
    if let Some(instance) = PyException::from_value(typ) {
        if val.is_some() {
            return Err(type_error(
                "instance exception may not have a separate value".to_string(),
            ));
        }
        return Ok(instance);
    }
    Err(type_error(format!(
        "exceptions must be classes or instances deriving from BaseException, not {}",
        typ.type_name()
    )))
}
// ANCHOR_END: thrown_exception

/// `generator`, the generator it delegates to in a `yield from`, the one
/// that one delegates to…, outermost first: the innermost delegates to no
/// generator.
fn delegation_chain(generator: &Rc<Generator>) -> Vec<Rc<Generator>> {
    let mut chain = vec![generator.clone()];
    while let Some(inner) = chain
        .last()
        .and_then(|last| last.yield_from())
        .and_then(|delegate| Generator::from_value(&delegate))
    {
        chain.push(inner);
    }
    chain
}

/// A `yield from` ends without its `SEND`: the delegate is popped and the
/// frame moves past the loop, to the `SEND`'s target, as `_gen_throw` does
/// ("Termination repetition of SEND loop"). The frame is then at the
/// instruction before the target, the loop's `JUMP_BACKWARD_NO_INTERRUPT`,
/// for an exception raised there.
fn leave_yield_from(generator: &Generator) -> Result<(), RunError> {
    let mut frame = generator.frame.borrow_mut();
    let Some(frame) = frame.as_mut() else {
        return Err(RunError::vm(0, "a suspended generator without its frame"));
    };
    let Some(target) = send_target(&frame.code.code, frame.offset) else {
        return Err(frame.vm_error("a yield from without its SEND"));
    };
    frame.pop()?;
    frame.next_instr = target;
    frame.offset = target.saturating_sub(1).saturating_mul(2);
    Ok(())
}

/// The target (a code-unit index) of the `SEND` just before the
/// `YIELD_VALUE` at byte offset `yield_at`, its `EXTENDED_ARG`s included.
fn send_target(code: &[u8], yield_at: usize) -> Option<usize> {
    let send_at = yield_at.checked_sub(2)?;
    if code.get(send_at) != Some(&SEND) {
        return None;
    }
    let mut arg = usize::from(*code.get(send_at + 1)?);
    let mut shift = 8;
    let mut at = send_at;
    while at >= 2 && code.get(at - 2) == Some(&EXTENDED_ARG) && shift < 32 {
        at -= 2;
        arg |= usize::from(*code.get(at + 1)?) << shift;
        shift += 8;
    }
    Some(send_at / 2 + 1 + arg)
}
