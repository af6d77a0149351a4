//! The call path, written once for stage03 and every stage after it: the
//! `CALL` and `CALL_FUNCTION_EX` instructions, binding a Python function's
//! arguments into a new frame, calling a builtin, and a builtin calling back
//! into Python code ([`Vm::call`]).
//!
//! The path does not change in later stages, but two things around it do:
//! which builtins a call reaches (stage04 adds `list`, stage05 the exception
//! classes) and how a frame is run (stage05 unwinds to handlers). So the path
//! is a trait with default methods, [`Calls`], and each stage's interpreter
//! implements the few required methods that say what is its own: where its
//! call depth and frame pool are, its builtins, its loop. A fix to the call
//! path is made here, once.

use crate::bind;
use crate::builtins;
use crate::exc::{ExcType, Exception};
use crate::function::{self, Function};
use crate::value::{Tuple, Value};
use crate::vm::{Keywords, RunError, Vm};

use super::frame::{Frame, FramePool};
use super::trace::Waiting;
use super::{check_eval_breaker, count, keyword_names, Exit, Outcome, RECURSION_LIMIT};

// ANCHOR: calls_trait
/// What the call path needs of an interpreter.
pub trait Calls: Vm + Sized {
    /// How many Python frames and builtins are running or waiting: what the
    /// recursion limit limits.
    fn depth(&mut self) -> &mut usize;
    /// The frames kept for the next calls to reuse.
    fn pool(&mut self) -> &mut FramePool;
    /// How many callers are parked on the interpreter's stack of frames.
    fn parked_frames(&self) -> usize;
    /// Whether a trace is written (then `waiting` is kept).
    fn is_tracing(&self) -> bool;
    /// The frames that wait for a builtin's callback, for the trace.
    fn waiting(&mut self) -> &mut Vec<Waiting>;
    /// Traces a frame about to run.
    fn trace_push(&mut self, frame: &Frame) -> Result<(), RunError>;
    /// Calls a builtin function or class: the stage's `builtins::call`.
    fn call_object(
        &mut self,
        callable: &Value,
        args: &[Value],
        keywords: &Keywords,
    ) -> Result<Value, RunError>;
    /// Runs `frame` in a nested loop until it returns: the stage's loop.
    fn run_frame(&mut self, frame: Box<Frame>) -> Result<Value, RunError>;
    // ANCHOR_END: calls_trait

    // ANCHOR: call
    // ANCHOR: call_instruction
    /// `TARGET(CALL)`: the stack holds `X, Y, arg1 … argN`. If `X` is NULL, `Y` is
    /// the callable; otherwise `X` is the callable and `Y` its first argument
    /// (a method's `self`). The last `len(kwnames)` arguments are keywords.
    ///
    /// The arguments stay where they are: a Python function's new frame takes
    /// them straight off this stack (CPython: "the frame has stolen all the
    /// arguments from the stack"), then the stack is cut back below `X`.
    fn call_instruction(&mut self, frame: &mut Frame, arg: u32) -> Outcome {
        let kwnames = match frame.kwnames.take() {
            Some(index) => Some(keyword_names(frame, index)?),
            None => None,
        };
        let Some(base) = frame.stack.len().checked_sub(count(arg).saturating_add(2)) else {
            return Err(frame.vm_error("stack underflow"));
        };
        let is_method = matches!(frame.stack.get(base), Some(Some(_)));
        let (callable_slot, first_arg) = if is_method {
            (base, base + 1)
        } else {
            (base + 1, base + 2)
        };
        let Some(Some(callable)) = frame.stack.get_mut(callable_slot).map(Option::take) else {
            return Err(frame.vm_error("CALL of a NULL callable"));
        };
        let args = frame.stack.get_mut(first_arg..).unwrap_or_default();
        if args.iter().any(Option::is_none) {
            return Err(frame.vm_error("NULL where an argument was expected"));
        }
        if self.is_tracing() {
            let parked = self.parked_frames();
            self.waiting().push((parked, frame.code.name.clone()));
        }
        let called = self.call_value(&callable, args, kwnames.as_deref().unwrap_or(&[]));
        if self.is_tracing() {
            self.waiting().pop();
        }
        frame.stack.truncate(base);
        self.finish_call(frame, called?)
    }
    // ANCHOR_END: call_instruction

    // ANCHOR: call_function_ex
    // ANCHOR: call_function_ex_args
    /// `TARGET(CALL_FUNCTION_EX)`: `f(*args, **kwargs)`. The stack holds
    /// `NULL, f, args` and, when `arg & 1`, a dict of keyword arguments; the
    /// sequence and the dict are spread into an argument vector like `CALL`'s.
    fn call_function_ex(&mut self, frame: &mut Frame, arg: u32) -> Outcome {
        let kwargs = if arg & 1 != 0 {
            Some(frame.pop_value()?)
        } else {
            None
        };
        let callargs = frame.pop_value()?;
        let callable = frame.pop_value()?;
        if frame.pop()?.is_some() {
            return Err(frame.vm_error("CALL_FUNCTION_EX without a NULL below the callable"));
        }
        let positional = match callargs {
            Value::Tuple(items) => items,
            other => match builtins::iterate(self, &other) {
                Ok(items) => Tuple::from(items),
                Err(_) => {
                    return Err(Exception::type_error(format!(
                        "{} argument after * must be an iterable, not {}",
                        function::function_str(&callable)?,
                        other.type_name()
                    ))
                    .into())
                }
            },
        };
        // ANCHOR_END: call_function_ex_args
        // ANCHOR: call_function_ex_kwargs
        let mut args: Vec<Option<Value>> = positional.iter().cloned().map(Some).collect();
        let mut kwnames = Vec::new();
        match kwargs {
            None => {}
            Some(Value::Dict(dict)) => {
                for (name, value) in dict.borrow().iter() {
                    kwnames.push(name.clone());
                    args.push(Some(value.clone()));
                }
            }
            Some(other) => {
                return Err(Exception::type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    function::function_str(&callable)?,
                    other.type_name()
                ))
                .into())
            }
        }
        let called = self.call_value(&callable, &mut args, &kwnames)?;
        self.finish_call(frame, called)
    }
    // ANCHOR_END: call_function_ex_kwargs
    // ANCHOR_END: call_function_ex

    // ANCHOR: call_value
    /// Calls `callable` with `args` (positional, then one per keyword name):
    /// a Python function gives the frame to run, a builtin runs now.
    fn call_value(
        &mut self,
        callable: &Value,
        args: &mut [Option<Value>],
        kwnames: &[Value],
    ) -> Result<Called, RunError> {
        if let Some(function) = callable.downcast::<Function>() {
            return Ok(Called::Frame(self.enter_function(function, args, kwnames)?));
        }
        let mut values: Vec<Value> = args.iter_mut().filter_map(Option::take).collect();
        let Some(positional) = values.len().checked_sub(kwnames.len()) else {
            return Err(Exception::type_error("more keyword names than arguments").into());
        };
        let mut keywords = Vec::with_capacity(kwnames.len());
        for (name, value) in kwnames.iter().zip(values.split_off(positional)) {
            let Value::Str(name) = name else {
                return Err(Exception::type_error("keywords must be strings").into());
            };
            keywords.push((name.clone(), value));
        }
        let result = self.call_builtin(callable, &values, &keywords)?;
        Ok(Called::Value(result))
    }
    // ANCHOR_END: call_value

    // ANCHOR: enter_function
    /// `Python/ceval.c: _PyEvalFramePushAndInit`: a frame for `function` with
    /// its arguments bound, unless the call would go deeper than
    /// [`RECURSION_LIMIT`] frames (checked after binding, as CPython checks it
    /// when the new frame starts).
    fn enter_function(
        &mut self,
        function: &Function,
        args: &mut [Option<Value>],
        kwnames: &[Value],
    ) -> Result<Box<Frame>, RunError> {
        let mut callee = Frame::new_function(function, self.pool());
        if let Err(error) = bind::initialize_locals(function, &mut callee.locals, args, kwnames) {
            self.pool().recycle(callee);
            return Err(error.into());
        }
        if *self.depth() >= RECURSION_LIMIT {
            self.pool().recycle(callee);
            return Err(Exception::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded",
            )
            .into());
        }
        *self.depth() += 1;
        Ok(callee)
    }
    // ANCHOR_END: enter_function

    // ANCHOR: call_builtin
    /// Calls a builtin (or a class). While it runs it counts one level toward
    /// the recursion limit, as a C function called through
    /// `_PyObject_MakeTpCall` or `cfunction_vectorcall_*` does in CPython 3.11
    /// (`_Py_EnterRecursiveCallTstate(tstate, " while calling a Python
    /// object")`): a key function that calls `min` that calls the key
    /// function… ends in `RecursionError` after 500 rounds, as in CPython.
    /// (CPython's specialized calls of some builtins skip the count; the design
    /// log says where that shows.)
    fn call_builtin(
        &mut self,
        callable: &Value,
        args: &[Value],
        keywords: &Keywords,
    ) -> Result<Value, RunError> {
        if *self.depth() >= RECURSION_LIMIT {
            return Err(Exception::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded while calling a Python object",
            )
            .into());
        }
        *self.depth() += 1;
        let result = self.call_object(callable, args, keywords);
        *self.depth() -= 1;
        result
    }
    // ANCHOR_END: call_builtin

    // ANCHOR: finish_call
    /// Pushes a builtin's result, or hands the callee's frame to the loop.
    /// After a builtin, CPython's `CALL` checks the eval breaker; a Python
    /// function's frame checks it in its `RESUME`.
    fn finish_call(&mut self, frame: &mut Frame, called: Called) -> Outcome {
        match called {
            Called::Value(result) => {
                frame.push_value(result)?;
                check_eval_breaker()?;
                Ok(None)
            }
            Called::Frame(callee) => Ok(Some(Exit::Call(callee))),
        }
    }
    // ANCHOR_END: finish_call
    // ANCHOR_END: call
    // ANCHOR: call_from_builtin
    /// [`Vm::call`]: a builtin calls `callable`. A Python function runs in a
    /// nested loop ([`Calls::run_frame`] with the function's frame as its
    /// entry frame), so the builtin gets its result back like any other
    /// call's; the frame counts toward the recursion limit.
    fn call_from_builtin(
        &mut self,
        callable: &Value,
        args: Vec<Value>,
        keywords: Keywords,
    ) -> Result<Value, RunError> {
        let Some(function) = callable.downcast::<Function>() else {
            return self.call_builtin(callable, &args, &keywords);
        };
        let kwnames: Vec<Value> = keywords
            .iter()
            .map(|(name, _)| Value::Str(name.clone()))
            .collect();
        let mut slots: Vec<Option<Value>> = args.into_iter().map(Some).collect();
        slots.extend(keywords.into_iter().map(|(_, value)| Some(value)));
        let callee = self.enter_function(function, &mut slots, &kwnames)?;
        if self.is_tracing() {
            self.trace_push(&callee)?;
        }
        self.run_frame(callee)
    }
    // ANCHOR_END: call_from_builtin
}

/// What calling a value gives: a builtin's result, or a Python function's frame
/// that the loop runs next.
pub enum Called {
    Value(Value),
    Frame(Box<Frame>),
}
