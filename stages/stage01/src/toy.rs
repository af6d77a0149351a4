//! A toy program: a list of `(opcode, arg)` instructions and the two tables their
//! arguments index.
//!
//! This is the shape of a real CPython code object, cut down to the bone: `co_code`
//! (the instructions), `co_consts` (the constants), `co_names` (the names) and a line
//! table beside the code. Chapter 2 reads the same four things out of a `.pyc`.

use std::rc::Rc;

use crate::value::Value;

// ANCHOR: opcode
/// What an instruction does. The names are CPython's: `LOAD_CONST`, `LOAD_NAME`,
/// `STORE_NAME` and `RETURN_VALUE` exist in 3.11 with the same meaning; the four
/// `BINARY_*` were real opcodes up to 3.10, when 3.11 merged them into one
/// `BINARY_OP` whose argument picks the operator. `PRINT` is the toy's own: real
/// Python calls the `print` function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opcode {
    /// Push `consts[arg]`.
    LoadConst,
    /// Push the value bound to `names[arg]`.
    LoadName,
    /// Pop a value and bind `names[arg]` to it.
    StoreName,
    /// Pop `right`, pop `left`, push `left + right`.
    BinaryAdd,
    /// Pop `right`, pop `left`, push `left - right`.
    BinarySubtract,
    /// Pop `right`, pop `left`, push `left * right`.
    BinaryMultiply,
    /// Pop `right`, pop `left`, push `left // right`.
    BinaryFloorDivide,
    /// Pop a value and print it, as `print(value)` does.
    Print,
    /// Pop a value and end the program with it.
    ReturnValue,
}
// ANCHOR_END: opcode

// ANCHOR: arg_kind
/// Which table, if any, an instruction's argument indexes. `Lib/dis.py` keeps the
/// same knowledge in its `hasconst` and `hasname` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// The instruction ignores its argument (the toy's text leaves it out).
    None,
    /// An index into `consts`.
    Const,
    /// An index into `names`.
    Name,
}
// ANCHOR_END: arg_kind

impl Opcode {
    /// Every opcode, in the order `stage01 --help` lists them.
    pub const ALL: [Opcode; 9] = [
        Opcode::LoadConst,
        Opcode::LoadName,
        Opcode::StoreName,
        Opcode::BinaryAdd,
        Opcode::BinarySubtract,
        Opcode::BinaryMultiply,
        Opcode::BinaryFloorDivide,
        Opcode::Print,
        Opcode::ReturnValue,
    ];

    /// The opcode's name, as a `.toy` file spells it (`dis.opname` in CPython).
    pub fn name(self) -> &'static str {
        match self {
            Opcode::LoadConst => "LOAD_CONST",
            Opcode::LoadName => "LOAD_NAME",
            Opcode::StoreName => "STORE_NAME",
            Opcode::BinaryAdd => "BINARY_ADD",
            Opcode::BinarySubtract => "BINARY_SUBTRACT",
            Opcode::BinaryMultiply => "BINARY_MULTIPLY",
            Opcode::BinaryFloorDivide => "BINARY_FLOOR_DIVIDE",
            Opcode::Print => "PRINT",
            Opcode::ReturnValue => "RETURN_VALUE",
        }
    }

    /// The opcode a name spells, if any (`dis.opmap[name]`).
    pub fn from_name(name: &str) -> Option<Opcode> {
        Opcode::ALL.into_iter().find(|opcode| opcode.name() == name)
    }

    /// Which table the argument indexes.
    pub fn arg_kind(self) -> ArgKind {
        match self {
            Opcode::LoadConst => ArgKind::Const,
            Opcode::LoadName | Opcode::StoreName => ArgKind::Name,
            _ => ArgKind::None,
        }
    }
}

// ANCHOR: instruction
/// One instruction: what to do and a number that says what to do it *to*. Like
/// CPython's, every instruction carries an argument; the ones that need none
/// ignore it (here it is 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instruction {
    pub opcode: Opcode,
    pub arg: usize,
}
// ANCHOR_END: instruction

// ANCHOR: program
/// A whole toy program: the code object of the toy world.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    /// The constants table (`co_consts`): what `LOAD_CONST` pushes.
    pub consts: Vec<Value>,
    /// The names table (`co_names`): what `LOAD_NAME` and `STORE_NAME` name.
    pub names: Vec<Rc<str>>,
    /// The instructions (`co_code`), run from the first.
    pub code: Vec<Instruction>,
    /// The source line of each instruction, `lines[i]` for `code[i]`. CPython keeps
    /// this beside the code too, compressed, in `co_linetable`.
    pub lines: Vec<usize>,
    /// The number of lines in the source, to point at its end.
    pub last_line: usize,
}
// ANCHOR_END: program

impl Program {
    /// The source line of the instruction at `index`; the end of the file when
    /// `index` is past the code (where a program without `RETURN_VALUE` stops).
    pub fn line_of(&self, index: usize) -> usize {
        self.lines.get(index).copied().unwrap_or(self.last_line)
    }

    /// The instruction as `dis` would write it: the name, the argument and, in
    /// parentheses, what the argument stands for (`LOAD_CONST 0 (6)`).
    pub fn describe(&self, instruction: Instruction) -> String {
        let name = instruction.opcode.name();
        let arg = instruction.arg;
        let meaning = match instruction.opcode.arg_kind() {
            ArgKind::None => return name.to_string(),
            ArgKind::Const => self.consts.get(arg).map(Value::repr),
            ArgKind::Name => self.names.get(arg).map(|name| name.to_string()),
        };
        let meaning = meaning.unwrap_or_else(|| "out of range".to_string());
        format!("{name:<20}{arg:>3} ({meaning})")
    }
}
