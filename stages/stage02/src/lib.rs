//! stage02: real CPython 3.11 bytecode.
//!
//! The loader (`pyc`, `marshal`, `code`), the table decoders (`linetable`,
//! `exceptiontable`), the opcode table and the disassembler are *finished* here:
//! every later stage imports them. The number and text semantics (`int`, `float`,
//! `format`, `pyrepr`) are value-agnostic and imported too. The value model, the
//! eval loop, the builtins and the command line evolve: each later stage owns a copy.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

// Finished modules, imported by later stages.
pub mod code;
pub mod dis;
pub mod exc;
pub mod exceptiontable;
pub mod linetable;
pub mod marshal;
pub mod opcode;
pub mod pyc;
pub mod source;

// Value-agnostic semantics, imported by later stages.
pub mod float;
pub mod format;
pub mod int;
pub mod pyrepr;

// Evolving modules: later stages own a copy.
pub mod builtins;
pub mod cli;
pub mod eval;
pub mod value;
