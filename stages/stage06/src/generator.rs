//! The generator object (`Objects/genobject.c: PyGenObject`): a frame that
//! is not running, kept with the state it stopped in.
//!
//! Calling a generator function runs its frame only as far as
//! `RETURN_GENERATOR`, which moves the frame into a new generator and
//! returns the generator. Each `next()` moves the frame back onto the
//! interpreter's stack of frames, where it runs until `YIELD_VALUE` moves it
//! out again. Because stage03 gave every frame its own value stack and
//! instruction pointer, and keeps frames in boxes owned by exactly one place,
//! suspending a frame is moving a `Box<Frame>` into this object, and resuming
//! it is moving it back: nothing is copied, nothing in Rust is left waiting.
//!
//! This module holds the object and its attributes; what resuming it does to
//! the interpreter is in [`crate::eval::generators`].

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::eval::frame::Frame;
use crate::exc::{ExcType, Exception, PyResult};
use crate::value::{Object, PreparedCode, TypeObject, Value};
use crate::vm::{RunError, Vm};

// ANCHOR: state
/// `type(g)`: the class `generator`.
pub static GENERATOR: TypeObject = TypeObject {
    name: "generator",
    new: None,
};

/// Where a generator is in its life (`gi_frame_state`, CPython's
/// `FRAME_CREATED` … `FRAME_CLEARED`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    /// Made by `RETURN_GENERATOR`; no `next()` yet.
    Created,
    /// Stopped at a `YIELD_VALUE`, its frame kept here.
    Suspended,
    /// Its frame is on the interpreter's stack (`gi_running`).
    Running,
    /// Returned, raised, or closed: its frame is gone.
    Closed,
}
// ANCHOR_END: state

// ANCHOR: generator
/// A generator: its frame while it is not running, and its state.
pub struct Generator {
    /// The generator function's code (`gi_code`), for its names.
    pub code: Rc<PreparedCode>,
    pub state: Cell<GenState>,
    /// The frame, here while the generator is created or suspended; on the
    /// interpreter's stack while it runs; gone once it is closed.
    pub frame: RefCell<Option<Box<Frame>>>,
    /// The exception the generator's own code is handling, kept while it is
    /// suspended (`gi_exc_state`): an `except` block that yields keeps its
    /// exception across the `yield`, apart from the caller's.
    pub exc_state: RefCell<Value>,
    /// The generator itself, for [`Object::next`], which gets only `&self`
    /// but must hand the interpreter a value to resume.
    me: Weak<Generator>,
}
// ANCHOR_END: generator

impl std::fmt::Debug for Generator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<generator {}>", self.code.code.qualname)
    }
}

impl Generator {
    /// `_Py_MakeCoro`, called by `RETURN_GENERATOR`: a generator that owns
    /// `frame`, created but not started.
    pub fn new(frame: Box<Frame>) -> Rc<Generator> {
        Rc::new_cyclic(|me| Generator {
            code: frame.prepared.clone(),
            state: Cell::new(GenState::Created),
            frame: RefCell::new(Some(frame)),
            exc_state: RefCell::new(Value::None),
            me: me.clone(),
        })
    }

    /// The generator in `value`, if it holds one.
    pub fn from_value(value: &Value) -> Option<Rc<Generator>> {
        match value {
            Value::Object(object) => crate::value::object::downcast_rc::<Generator>(object),
            _ => None,
        }
    }

    /// `_PyGen_yf`: the iterator a suspended `yield from` delegates to, the
    /// top of the frame's stack while the frame waits at `YIELD_VALUE`
    /// followed by `RESUME 2` (3 for `await`; a plain `yield` has `RESUME 1`).
    pub fn yield_from(&self) -> Option<Value> {
        if self.state.get() != GenState::Suspended {
            return None;
        }
        let frame = self.frame.borrow();
        let frame = frame.as_ref()?;
        let at = frame.next_instr.checked_mul(2)?;
        match frame.code.code.get(at..at.checked_add(2)?) {
            Some(&[opcode, arg]) if opcode == crate::opcode::RESUME && arg >= 2 => {
                frame.stack.last().cloned().flatten()
            }
            _ => None,
        }
    }

    /// `gi_frame`: a description of the frame while there is one.
    fn frame_attribute(&self) -> Value {
        match &*self.frame.borrow() {
            Some(frame) => Value::object(FrameObject {
                qualname: frame.code.name.clone(),
                filename: frame.code.filename.clone(),
                line: crate::linetable::line_at(
                    &frame.code,
                    crate::exception::offset_u32(frame.offset),
                ),
            }),
            None if self.state.get() == GenState::Running => Value::object(FrameObject {
                qualname: self.code.code.name.clone(),
                filename: self.code.code.filename.clone(),
                line: None,
            }),
            None => Value::None,
        }
    }
}

// ANCHOR: generator_object
impl Object for Generator {
    fn type_object(&self) -> &'static TypeObject {
        &GENERATOR
    }

    /// `<generator object outer.<locals>.gen at 0x7f…>`.
    fn repr(&self, _depth: usize) -> PyResult<String> {
        let address = std::ptr::from_ref(self) as usize;
        Ok(format!(
            "<generator object {} at {address:#x}>",
            self.code.code.qualname
        ))
    }

    // ANCHOR: generator_attributes
    fn getattr(&self, name: &str) -> Option<Value> {
        let method = |kind| {
            let generator = self.me.upgrade()?;
            Some(Value::object(GenMethod { generator, kind }))
        };
        Some(match name {
            "__name__" => Value::Str(self.code.code.name.clone()),
            "__qualname__" => Value::Str(self.code.code.qualname.clone()),
            "gi_running" => Value::Bool(self.state.get() == GenState::Running),
            "gi_frame" => self.frame_attribute(),
            "gi_code" => Value::Code(self.code.clone()),
            "gi_yieldfrom" => self.yield_from().unwrap_or(Value::None),
            "send" => method(Resumption::Send)?,
            "throw" => method(Resumption::Throw)?,
            "close" => method(Resumption::Close)?,
            "__next__" => method(Resumption::Next)?,
            _ => return None,
        })
    }
    // ANCHOR_END: generator_attributes

    /// `iter(g)` is `g`.
    fn iter(&self, this: &Rc<dyn Object>) -> Option<PyResult<Value>> {
        Some(Ok(Value::Object(this.clone())))
    }

    // ANCHOR: generator_next
    /// `gen_iternext`, for the builtins that consume an iterable (`list`,
    /// `sum`, `zip` …): they hold only a `&mut dyn Vm`, so the generator is
    /// resumed through [`Vm::call`] of its `__next__`, which the interpreter
    /// runs without counting a builtin's level, as CPython's `tp_iternext`
    /// counts none. The `StopIteration` of a finished generator is the end
    /// of the iteration.
    fn next(&self, vm: &mut dyn Vm) -> Option<Result<Option<Value>, RunError>> {
        let generator = self.me.upgrade()?;
        let next = Value::object(GenMethod {
            generator,
            kind: Resumption::Next,
        });
        Some(match vm.call(&next, Vec::new(), Vec::new()) {
            Ok(item) => Ok(Some(item)),
            Err(RunError::Exception(exc)) if exc.kind == ExcType::StopIteration => Ok(None),
            Err(error) => Err(error),
        })
    }
    // ANCHOR_END: generator_next

    fn as_any(&self) -> &dyn Any {
        self
    }

    /// What a generator that will not run again holds, for the trashcan; a
    /// suspended one keeps its frame, to be closed ([`pending`]). (A
    /// generator holds a weak reference to itself, so the trashcan asks
    /// through `&self`.)
    fn drain_shared(&self) -> Vec<Value> {
        if self.state.get() == GenState::Suspended {
            return Vec::new();
        }
        match self.frame.borrow_mut().take() {
            Some(frame) => frame_values(*frame),
            None => Vec::new(),
        }
    }
}
// ANCHOR_END: generator_object

/// Every value a frame holds: its fast locals, its stack, its closure.
fn frame_values(frame: Frame) -> Vec<Value> {
    let locals = frame.locals.into_iter().flatten();
    let stack = frame.stack.into_iter().flatten();
    let closure = frame.closure.map(Value::Tuple);
    locals.chain(stack).chain(closure).collect()
}

// ANCHOR: finalize
// ANCHOR: finalize_drop
/// Dropping the last reference to a suspended generator closes it
/// (`_PyGen_Finalize`): `GeneratorExit` is thrown in, so its `finally`
/// blocks run at once. A `Drop` cannot run Python code (it has no
/// interpreter), so it moves the frame into a new generator and queues it;
/// the eval loop closes what is queued after the instruction that dropped it
/// ([`pending`]), which is where CPython's reference count reaches zero.
impl Drop for Generator {
    fn drop(&mut self) {
        if self.state.get() != GenState::Suspended {
            let held = self.drain_shared();
            if !held.is_empty() {
                crate::value::drop_nested(crate::value::Emptying::Values(held));
            }
            return;
        }
        let Some(frame) = self.frame.get_mut().take() else {
            return;
        };
        let orphan = Generator::new(frame);
        orphan.state.set(GenState::Suspended);
        orphan
            .exc_state
            .replace(std::mem::take(self.exc_state.get_mut()));
        queue_for_closing(orphan);
    }
}
// ANCHOR_END: finalize_drop

/// Queues a generator to be closed by the loop. During the thread's exit
/// the queue may be gone (a panic left it full): the generator is then
/// dropped unclosed, as nothing can run any more.
fn queue_for_closing(orphan: Rc<Generator>) {
    let mut orphan = Some(orphan);
    let queued = FINALIZE
        .try_with(|queue| match queue.try_borrow_mut() {
            Ok(mut queue) => {
                queue.extend(orphan.take());
                true
            }
            Err(_) => false,
        })
        .unwrap_or(false);
    if queued {
        let _ = PENDING.try_with(|pending| pending.set(true));
    }
    if let Some(orphan) = orphan {
        discard(&orphan);
    }
}

/// Marks a generator done without running it, so that dropping it queues
/// nothing.
fn discard(generator: &Generator) {
    generator.state.set(GenState::Closed);
}

// ANCHOR: finalize_queue
thread_local! {
    /// Generators dropped while suspended, waiting to be closed.
    static FINALIZE: RefCell<Vec<Rc<Generator>>> = const { RefCell::new(Vec::new()) };
    /// Whether [`FINALIZE`] has something: one load for the loop to test.
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Whether dropped generators wait to be closed.
#[inline(always)]
pub fn pending() -> bool {
    PENDING.with(Cell::get)
}

/// Takes the generators waiting to be closed, oldest first.
pub fn take_pending() -> Vec<Rc<Generator>> {
    PENDING.with(|pending| pending.set(false));
    FINALIZE.with(|queue| std::mem::take(&mut *queue.borrow_mut()))
}

/// Drops the generators waiting to be closed without closing them: at the
/// end of a run that failed, and before a run, for those another run on
/// this thread left.
pub fn discard_pending() {
    for orphan in take_pending() {
        discard(&orphan);
    }
}
// ANCHOR_END: finalize_queue
// ANCHOR_END: finalize

// ANCHOR: methods
/// What a call of one of the generator's methods asks (`gen_methods`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resumption {
    /// `__next__()`, and `next(g)`: resume with `None`.
    Next,
    /// `send(value)`: resume with `value` as the result of the `yield`.
    Send,
    /// `throw(exc)`: resume by raising `exc` at the `yield`.
    Throw,
    /// `close()`: throw `GeneratorExit`, and expect the generator to end.
    Close,
}

/// `g.send`, `g.throw`, `g.close` and `g.__next__` as values: the method
/// bound to its generator. The interpreter runs them (they resume a frame),
/// so calling one is recognised in its call path, before any builtin.
#[derive(Debug)]
pub struct GenMethod {
    pub generator: Rc<Generator>,
    pub kind: Resumption,
}

/// `type(g.send)`.
pub static BUILTIN_METHOD: TypeObject = TypeObject {
    name: "builtin_function_or_method",
    new: None,
};

impl Object for GenMethod {
    fn type_object(&self) -> &'static TypeObject {
        &BUILTIN_METHOD
    }

    /// `<built-in method send of generator object at 0x…>`.
    fn repr(&self, _depth: usize) -> PyResult<String> {
        let name = match self.kind {
            Resumption::Next => "__next__",
            Resumption::Send => "send",
            Resumption::Throw => "throw",
            Resumption::Close => "close",
        };
        let address = Rc::as_ptr(&self.generator) as usize;
        Ok(format!(
            "<built-in method {name} of generator object at {address:#x}>"
        ))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
// ANCHOR_END: methods

/// `gi_frame` while the generator exists: `<frame at 0x…, file 'f.py',
/// line 3, code gen>`. The workbook has no frame objects to hand out (its
/// frames move between owners), so this is a description, enough for
/// `g.gi_frame is None` and for printing.
#[derive(Debug)]
pub struct FrameObject {
    qualname: Rc<str>,
    filename: Rc<str>,
    line: Option<u32>,
}

/// `type(g.gi_frame)`.
pub static FRAME: TypeObject = TypeObject {
    name: "frame",
    new: None,
};

impl Object for FrameObject {
    fn type_object(&self) -> &'static TypeObject {
        &FRAME
    }

    fn repr(&self, _depth: usize) -> PyResult<String> {
        let address = std::ptr::from_ref(self) as usize;
        let line = self
            .line
            .map_or_else(|| "None".to_string(), |l| l.to_string());
        Ok(format!(
            "<frame at {address:#x}, file '{}', line {line}, code {}>",
            self.filename, self.qualname
        ))
    }

    fn getattr(&self, name: &str) -> Option<Value> {
        match name {
            "f_lineno" => Some(match self.line {
                Some(line) => Value::Int(crate::int::Int::from_i64(i64::from(line))),
                None => Value::None,
            }),
            _ => None,
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `TypeError: can't send non-None value to a just-started generator`.
pub fn just_started() -> Exception {
    Exception::type_error("can't send non-None value to a just-started generator")
}

/// `ValueError: generator already executing`.
pub fn already_executing() -> Exception {
    Exception::new(ExcType::ValueError, "generator already executing")
}
