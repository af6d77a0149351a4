//! The cell object (`Objects/cellobject.c: PyCellObject`): one variable
//! that outlives the frame it was made in.
//!
//! A fast local lives in its frame's `locals` and dies with it. A variable
//! that an inner function reads (`co_cellvars`) cannot: the inner function
//! may be called after the outer one has returned. So the compiler marks it,
//! `MAKE_CELL` puts a cell in its slot at the start of the frame, and every
//! access goes through the cell (`LOAD_DEREF`, `STORE_DEREF`). The inner
//! function's closure holds the same cell; `COPY_FREE_VARS` copies it into
//! the inner frame's last slots. Two closures made by one call share their
//! cells, and share them with the frame that made them: a store through one
//! is seen by all.

use std::any::Any;
use std::cell::RefCell;

use crate::exc::{Exception, PyResult};
use crate::value::{Object, TypeObject, Value};

// ANCHOR: cell
/// `type(cell)`: the class `cell`.
pub static CELL: TypeObject = TypeObject {
    name: "cell",
    new: None,
};

/// One shared variable: a value, or nothing yet (`x` declared but not yet
/// assigned, or deleted).
#[derive(Debug, Default)]
pub struct Cell {
    contents: RefCell<Option<Value>>,
}

impl Cell {
    /// `PyCell_New`: a cell holding `value` (`None`: empty).
    pub fn new(value: Option<Value>) -> Cell {
        Cell {
            contents: RefCell::new(value),
        }
    }

    /// `PyCell_GET`: what the cell holds, `None` when it is empty.
    pub fn get(&self) -> Option<Value> {
        self.contents.borrow().clone()
    }

    /// `PyCell_SET`: stores `value` (`None` empties the cell) and gives back
    /// what it held, for the caller to drop once the cell is no longer
    /// borrowed: dropping a value may drop a generator, which queues it to
    /// be closed (see [`crate::generator`]).
    pub fn set(&self, value: Option<Value>) -> Option<Value> {
        self.contents.replace(value)
    }
}
// ANCHOR_END: cell

// ANCHOR: cell_contents
/// `cell.cell_contents`, or `ValueError: Cell is empty`
/// (`cellobject.c: cell_get_contents`).
pub fn contents(cell: &Cell) -> PyResult<Value> {
    cell.get()
        .ok_or_else(|| Exception::new(crate::exc::ExcType::ValueError, "Cell is empty"))
}
// ANCHOR_END: cell_contents

impl Object for Cell {
    fn type_object(&self) -> &'static TypeObject {
        &CELL
    }

    /// `<cell at 0x…: int object at 0x…>`, or `<cell at 0x…: empty>`.
    fn repr(&self, _depth: usize) -> PyResult<String> {
        let address = std::ptr::from_ref(self) as usize;
        Ok(match &*self.contents.borrow() {
            Some(value) => {
                let held = match value {
                    Value::Object(object) => std::ptr::from_ref(&**object).cast::<()>() as usize,
                    other => std::ptr::from_ref(other) as usize,
                };
                format!(
                    "<cell at {address:#x}: {} object at {held:#x}>",
                    value.type_name()
                )
            }
            None => format!("<cell at {address:#x}: empty>"),
        })
    }

    /// `cell_contents` when the cell holds a value; an empty cell's
    /// `ValueError` is raised by the eval loop's `LOAD_ATTR` ([`contents`]).
    fn getattr(&self, name: &str) -> Option<Value> {
        match name {
            "cell_contents" => self.get(),
            _ => None,
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    /// A cell can hold a list that holds the cell's closure…: freed one
    /// level at a time like any container.
    fn drain(&mut self) -> Vec<Value> {
        self.contents.get_mut().take().into_iter().collect()
    }
}

/// A cell freed while it holds a container goes through the trashcan.
impl Drop for Cell {
    fn drop(&mut self) {
        if let Some(value @ (Value::Object(_) | Value::Tuple(_) | Value::Dict(_))) =
            self.contents.get_mut().take()
        {
            crate::value::drop_nested(crate::value::Emptying::Values(vec![value]));
        }
    }
}
