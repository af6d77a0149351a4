//! stage01: a toy stack VM (being written).
#![forbid(unsafe_code)]
pub fn main() -> i32 { 0 }
