//! The toy virtual machine: a value stack, a table of bound names, and a loop that
//! runs one instruction at a time.
//!
//! The loop is the heart of every bytecode interpreter. CPython's is the function
//! `_PyEval_EvalFrameDefault` in `Python/ceval.c`: fetch the instruction at the
//! program counter, advance the counter, jump to the code for the opcode
//! (`TARGET(LOAD_CONST)` …), repeat. Ours is the same loop with one `match`.

use std::collections::HashMap;
use std::fmt;
use std::io::Write;
use std::rc::Rc;

use crate::toy::{ArgKind, Instruction, Opcode, Program};
use crate::trace_json::{InstructionEvent, JsonTrace, Shown, Tracer};
use crate::value::{self, OpResult, Value};

/// An error while the program runs, with the line of the instruction that raised it.
/// Errors Python would raise are worded like the last line of CPython's traceback
/// (`NameError: name 'x' is not defined`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for RuntimeError {}

/// Without jumps, the code runs top to bottom; past the last instruction there is
/// nothing to run. CPython's compiler always ends the code with `RETURN_VALUE`, so
/// `ceval.c` never checks; a hand-written toy program may forget.
const RAN_PAST_END: &str = "the code ran past its end: a program must end with RETURN_VALUE";

/// What the loop does after an instruction: go on, or leave with a value.
enum Flow {
    Continue,
    Return(Value),
}

// ANCHOR: vm
/// The machine's state while it runs one program.
pub struct Vm<'p> {
    program: &'p Program,
    /// The value stack: operands wait here for the instruction that uses them.
    stack: Vec<Value>,
    /// The bound names. For module code CPython's frame keeps them in `f_locals`,
    /// which is the module's `__dict__`.
    locals: HashMap<Rc<str>, Value>,
}
// ANCHOR_END: vm

impl<'p> Vm<'p> {
    pub fn new(program: &'p Program) -> Vm<'p> {
        Vm {
            program,
            stack: Vec::new(),
            locals: HashMap::new(),
        }
    }

    // ANCHOR: run_loop
    /// Runs the program to its `RETURN_VALUE` and gives back the returned value.
    /// `print` output goes to `out`; with `trace`, each instruction is written there
    /// after it runs, with the stack it leaves (as text, or as JSON).
    pub fn run(
        &mut self,
        out: &mut dyn Write,
        mut trace: Option<&mut Tracer>,
    ) -> Result<Value, RuntimeError> {
        let mut pc = 0; // the program counter: the index of the next instruction
        loop {
            let line = self.program.line_of(pc);
            let error = |message: String| RuntimeError { line, message };
            let Some(&instruction) = self.program.code.get(pc) else {
                return Err(error(RAN_PAST_END.to_string()));
            };
            pc += 1;
            let flow = self.execute(instruction, out).map_err(error)?;
            match trace.as_deref_mut() {
                Some(Tracer::Text(trace)) => self
                    .write_trace(&mut **trace, out, line, instruction)
                    .map_err(error)?,
                Some(Tracer::Json(json)) => self
                    .write_json_trace(json, pc - 1, line, instruction)
                    .map_err(error)?,
                None => {}
            }
            if let Flow::Return(value) = flow {
                return Ok(value);
            }
        }
    }
    // ANCHOR_END: run_loop

    // ANCHOR: execute
    /// Does what one instruction says. Each arm is the toy's `TARGET(...)` in
    /// `Python/ceval.c`.
    fn execute(&mut self, instruction: Instruction, out: &mut dyn Write) -> Result<Flow, String> {
        let opcode = instruction.opcode;
        match opcode {
            Opcode::LoadConst => {
                let value = self.constant(instruction.arg)?;
                self.stack.push(value);
            }
            Opcode::LoadName => {
                let name = self.name(instruction.arg)?;
                let value = self.locals.get(&name).cloned();
                let value =
                    value.ok_or_else(|| format!("NameError: name '{name}' is not defined"))?;
                self.stack.push(value);
            }
            Opcode::StoreName => {
                let name = self.name(instruction.arg)?;
                let value = self.pop(opcode)?;
                self.locals.insert(name, value);
            }
            Opcode::BinaryAdd => self.binary_op(opcode, value::binary_add)?,
            Opcode::BinarySubtract => self.binary_op(opcode, value::binary_subtract)?,
            Opcode::BinaryMultiply => self.binary_op(opcode, value::binary_multiply)?,
            Opcode::BinaryFloorDivide => self.binary_op(opcode, value::binary_floor_divide)?,
            Opcode::Print => {
                let value = self.pop(opcode)?;
                writeln!(out, "{value}").map_err(|e| format!("cannot write the output: {e}"))?;
            }
            Opcode::ReturnValue => return Ok(Flow::Return(self.pop(opcode)?)),
        }
        Ok(Flow::Continue)
    }
    // ANCHOR_END: execute

    // ANCHOR: binary_op
    /// Pops the right operand, then the left (the left was pushed first), and
    /// pushes the result: `TARGET(BINARY_OP)` in 3.11.
    fn binary_op(
        &mut self,
        opcode: Opcode,
        operation: fn(&Value, &Value) -> OpResult,
    ) -> Result<(), String> {
        // EXERCISE 1.3 binary_op: pop the right operand, then the left; push operation(left, right)
        let right = self.pop(opcode)?;
        let left = self.pop(opcode)?;
        let result = operation(&left, &right)?;
        self.stack.push(result);
        Ok(())
        // END EXERCISE
    }
    // ANCHOR_END: binary_op

    // ANCHOR: stack_helpers
    /// Takes the top of the stack. CPython's `POP()` trusts the compiler that the
    /// stack holds a value; the toy checks, since its programs are written by hand.
    fn pop(&mut self, opcode: Opcode) -> Result<Value, String> {
        self.stack.pop().ok_or_else(|| {
            format!(
                "stack underflow: {} pops a value but the stack is empty",
                opcode.name()
            )
        })
    }

    /// `consts[index]` (CPython's `GETITEM(consts, oparg)`).
    fn constant(&self, index: usize) -> Result<Value, String> {
        let value = self.program.consts.get(index).cloned();
        value.ok_or_else(|| format!("constant index {index} out of range"))
    }

    /// `names[index]` (CPython's `GETITEM(names, oparg)`).
    fn name(&self, index: usize) -> Result<Rc<str>, String> {
        let name = self.program.names.get(index).cloned();
        name.ok_or_else(|| format!("name index {index} out of range"))
    }
    // ANCHOR_END: stack_helpers

    // ANCHOR: write_trace
    /// One line of `--trace`: the source line, the instruction, the stack after it
    /// (bottom first, as `repr`s). `out` is flushed first so that what the program
    /// printed appears before the trace of the next instruction.
    fn write_trace(
        &self,
        trace: &mut dyn Write,
        out: &mut dyn Write,
        line: usize,
        instruction: Instruction,
    ) -> Result<(), String> {
        let stack: Vec<String> = self.stack.iter().map(Value::repr).collect();
        let text = self.program.describe(instruction);
        out.flush()
            .and_then(|()| writeln!(trace, "{line:>4}  {text:<36} [{}]", stack.join(", ")))
            .map_err(|e| format!("cannot write the trace: {e}"))
    }
    // ANCHOR_END: write_trace

    /// One record of `--trace-json`: the instruction at index `offset`, the stack
    /// after it, and the names table with what each name is bound to.
    fn write_json_trace(
        &self,
        json: &mut JsonTrace,
        offset: usize,
        line: usize,
        instruction: Instruction,
    ) -> Result<(), String> {
        let (arg, argrepr) = match instruction.opcode.arg_kind() {
            ArgKind::None => (None, String::new()),
            ArgKind::Const => (
                Some(instruction.arg),
                self.program
                    .consts
                    .get(instruction.arg)
                    .map(Value::repr)
                    .unwrap_or_default(),
            ),
            ArgKind::Name => (
                Some(instruction.arg),
                self.program
                    .names
                    .get(instruction.arg)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ),
        };
        let stack: Vec<String> = self.stack.iter().map(Value::repr).collect();
        let mut locals: Vec<(&str, Shown)> = Vec::new();
        for name in &self.program.names {
            if locals.iter().all(|(seen, _)| *seen != &**name) {
                locals.push((name, self.locals.get(name).map(Value::repr)));
            }
        }
        json.instruction(&InstructionEvent {
            offset,
            line,
            opname: instruction.opcode.name(),
            arg,
            argrepr: &argrepr,
            stack: &stack,
            locals: &locals,
        })
        .map_err(|e| format!("cannot write the trace: {e}"))
    }
}

/// Writes the heading of the `--trace` columns.
pub fn write_trace_header(trace: &mut dyn Write) -> std::io::Result<()> {
    writeln!(trace, "line  {:<36} stack after", "instruction")
}
