//! The program corpus and the machinery that checks the stages against CPython:
//! finding corpus programs, regenerating their `.pyc` files and CPython's recorded
//! behaviour, comparing a stage's run with the record, and mutating `.pyc` files
//! for the robustness test.
#![forbid(unsafe_code)]

pub mod corpus;
pub mod mutate;
