//! Section 3.3: argument binding (`initialize_locals`), rule by rule. Each case
//! builds the function a `def` would make and binds a call's arguments to it;
//! the expected locals and messages were printed by CPython 3.11 for the same
//! `def` and call (shown in each test's comment).

use std::cell::RefCell;
use std::rc::Rc;

use stage03::bind::initialize_locals;
use stage03::code::flags::{CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS};
use stage03::code::{kinds, Code};
use stage03::function::Function;
use stage03::int::Int;
use stage03::value::Dict;
use stage03::value::PreparedCode;
use stage03::value::Value;

/// The parameters of a `def`, as the compiler lays them out.
struct Def {
    name: &'static str,
    /// Every parameter name in slot order (positional, keyword-only, *args, **kwargs).
    params: &'static [&'static str],
    posonly: u32,
    positional: u32,
    kwonly: u32,
    varargs: bool,
    varkw: bool,
    defaults: Vec<Value>,
    kwdefaults: Vec<(&'static str, Value)>,
}

impl Def {
    fn new(name: &'static str, params: &'static [&'static str], positional: u32) -> Def {
        Def {
            name,
            params,
            posonly: 0,
            positional,
            kwonly: 0,
            varargs: false,
            varkw: false,
            defaults: Vec::new(),
            kwdefaults: Vec::new(),
        }
    }

    fn function(&self) -> Function {
        let mut flags = CO_OPTIMIZED;
        if self.varargs {
            flags |= CO_VARARGS;
        }
        if self.varkw {
            flags |= CO_VARKEYWORDS;
        }
        let code = Code {
            argcount: self.positional,
            posonlyargcount: self.posonly,
            kwonlyargcount: self.kwonly,
            stacksize: 1,
            flags,
            code: Rc::from(Vec::new()),
            consts: Rc::from(Vec::new()),
            names: Rc::from(Vec::new()),
            localsplusnames: self.params.iter().map(|p| Rc::from(*p)).collect(),
            localspluskinds: self.params.iter().map(|_| kinds::CO_FAST_LOCAL).collect(),
            filename: Rc::from("<test>"),
            name: Rc::from(self.name),
            qualname: Rc::from(self.name),
            firstlineno: 1,
            linetable: Rc::from(Vec::new()),
            exceptiontable: Rc::from(Vec::new()),
        };
        let globals = Rc::new(RefCell::new(Dict::new()));
        let mut function = Function::new(Rc::new(PreparedCode::new(Rc::new(code))), globals);
        if !self.defaults.is_empty() {
            function.defaults = Some(stage03::value::Tuple::from(self.defaults.clone()));
        }
        if !self.kwdefaults.is_empty() {
            let mut dict = Dict::new();
            for (name, value) in &self.kwdefaults {
                dict.insert_str(Rc::from(*name), value.clone());
            }
            function.kwdefaults = Some(Rc::new(RefCell::new(dict)));
        }
        function
    }

    /// Binds `positional` and `keywords`; the parameters as `name=repr`, or the
    /// error as CPython prints it.
    fn call(&self, positional: &[Value], keywords: &[(&str, Value)]) -> String {
        let function = self.function();
        let mut locals: Vec<Option<Value>> = vec![None; self.params.len()];
        let mut args: Vec<Option<Value>> = positional.iter().cloned().map(Some).collect();
        args.extend(keywords.iter().map(|(_, v)| Some(v.clone())));
        let kwnames: Vec<Value> = keywords.iter().map(|(k, _)| Value::str(k)).collect();
        match initialize_locals(&function, &mut locals, &mut args, &kwnames) {
            Ok(()) => self
                .params
                .iter()
                .zip(&locals)
                .map(|(name, slot)| match slot {
                    Some(value) => format!("{name}={}", value.repr().unwrap_or_default()),
                    None => format!("{name}=<unbound>"),
                })
                .collect::<Vec<_>>()
                .join(" "),
            Err(exc) => exc.to_string(),
        }
    }
}

fn int(n: i64) -> Value {
    Value::Int(Int::from_i64(n))
}

/// `def f(a, b)`
fn f() -> Def {
    Def::new("f", &["a", "b"], 2)
}

/// `def h(a, /, b, *, c)`
fn h() -> Def {
    Def {
        posonly: 1,
        kwonly: 1,
        ..Def::new("h", &["a", "b", "c"], 2)
    }
}

/// `def k(a, *args, b, **kw)`
fn k() -> Def {
    Def {
        kwonly: 1,
        varargs: true,
        varkw: true,
        ..Def::new("k", &["a", "b", "args", "kw"], 1)
    }
}

#[test]
fn s03_3_positional_and_keyword_fill_slots_in_parameter_order() {
    // f(1, 2) and f(b=2, a=1)
    assert_eq!(f().call(&[int(1), int(2)], &[]), "a=1 b=2");
    assert_eq!(f().call(&[], &[("b", int(2)), ("a", int(1))]), "a=1 b=2");
}

#[test]
fn s03_3_missing_positional_lists_names_with_and() {
    // f(1) / f()
    assert_eq!(
        f().call(&[int(1)], &[]),
        "TypeError: f() missing 1 required positional argument: 'b'"
    );
    assert_eq!(
        f().call(&[], &[]),
        "TypeError: f() missing 2 required positional arguments: 'a' and 'b'"
    );
}

#[test]
fn s03_3_missing_keyword_only_uses_oxford_comma() {
    // def kwo(*, x, y, z): kwo() / kwo(x=1)
    let kwo = Def {
        kwonly: 3,
        ..Def::new("kwo", &["x", "y", "z"], 0)
    };
    assert_eq!(
        kwo.call(&[], &[]),
        "TypeError: kwo() missing 3 required keyword-only arguments: 'x', 'y', and 'z'"
    );
    assert_eq!(
        kwo.call(&[], &[("x", int(1))]),
        "TypeError: kwo() missing 2 required keyword-only arguments: 'y' and 'z'"
    );
    assert_eq!(
        kwo.call(&[int(1)], &[]),
        "TypeError: kwo() takes 0 positional arguments but 1 was given"
    );
}

#[test]
fn s03_3_too_many_positional_counts_and_ranges() {
    // f(1, 2, 3); def one(a): one(1, 2); def none(): none(1)
    assert_eq!(
        f().call(&[int(1), int(2), int(3)], &[]),
        "TypeError: f() takes 2 positional arguments but 3 were given"
    );
    assert_eq!(
        Def::new("one", &["a"], 1).call(&[int(1), int(2)], &[]),
        "TypeError: one() takes 1 positional argument but 2 were given"
    );
    assert_eq!(
        Def::new("none", &[], 0).call(&[int(1)], &[]),
        "TypeError: none() takes 0 positional arguments but 1 was given"
    );
    // def d3(a, b=1, c=2): d3(1, 2, 3, 4)
    let d3 = Def {
        defaults: vec![int(1), int(2)],
        ..Def::new("d3", &["a", "b", "c"], 3)
    };
    assert_eq!(
        d3.call(&[int(1), int(2), int(3), int(4)], &[]),
        "TypeError: d3() takes from 1 to 3 positional arguments but 4 were given"
    );
    // h(1, 2, 3, c=4)
    assert_eq!(
        h().call(&[int(1), int(2), int(3)], &[("c", int(4))]),
        "TypeError: h() takes 2 positional arguments but 3 positional arguments \
         (and 1 keyword-only argument) were given"
    );
}

#[test]
fn s03_3_keyword_errors_come_before_count_errors() {
    // d3(1, 2, 3, 4, q=1): the unknown keyword wins over "too many".
    let d3 = Def {
        defaults: vec![int(1), int(2)],
        ..Def::new("d3", &["a", "b", "c"], 3)
    };
    assert_eq!(
        d3.call(&[int(1), int(2), int(3), int(4)], &[("q", int(1))]),
        "TypeError: d3() got an unexpected keyword argument 'q'"
    );
    // f(1, 2, a=3)
    assert_eq!(
        f().call(&[int(1), int(2)], &[("a", int(3))]),
        "TypeError: f() got multiple values for argument 'a'"
    );
    // f(1, b=2, z=3)
    assert_eq!(
        f().call(&[int(1)], &[("b", int(2)), ("z", int(3))]),
        "TypeError: f() got an unexpected keyword argument 'z'"
    );
}

#[test]
fn s03_3_defaults_fill_the_last_positionals() {
    // def g(a, b=2): g(1), g(), g(1, 2, 3)
    let g = Def {
        defaults: vec![int(2)],
        ..Def::new("g", &["a", "b"], 2)
    };
    assert_eq!(g.call(&[int(1)], &[]), "a=1 b=2");
    assert_eq!(
        g.call(&[], &[]),
        "TypeError: g() missing 1 required positional argument: 'a'"
    );
    assert_eq!(
        g.call(&[int(1), int(2), int(3)], &[]),
        "TypeError: g() takes from 1 to 2 positional arguments but 3 were given"
    );
}

#[test]
fn s03_3_positional_only_names_are_not_keywords() {
    // h(a=1, b=2, c=3) and h(1, b=2, c=3, a=4)
    let message =
        "TypeError: h() got some positional-only arguments passed as keyword arguments: 'a'";
    assert_eq!(
        h().call(&[], &[("a", int(1)), ("b", int(2)), ("c", int(3))]),
        message
    );
    assert_eq!(
        h().call(&[int(1)], &[("b", int(2)), ("c", int(3)), ("a", int(4))]),
        message
    );
    // h(1, 2): only the keyword-only c is missing.
    assert_eq!(
        h().call(&[int(1), int(2)], &[]),
        "TypeError: h() missing 1 required keyword-only argument: 'c'"
    );
    // def p(a, /, **kw): p(1, a=2) is legal, the keyword lands in **kw.
    let p = Def {
        posonly: 1,
        varkw: true,
        ..Def::new("p", &["a", "kw"], 1)
    };
    assert_eq!(p.call(&[int(1)], &[("a", int(2))]), "a=1 kw={'a': 2}");
}

#[test]
fn s03_3_star_args_and_star_kwargs_collect_the_rest() {
    // k(1, 2, 3, b=4, z=5) -> (1, (2, 3), 4, {'z': 5})
    assert_eq!(
        k().call(&[int(1), int(2), int(3)], &[("b", int(4)), ("z", int(5))]),
        "a=1 b=4 args=(2, 3) kw={'z': 5}"
    );
    // k(1): b is keyword-only and has no default.
    assert_eq!(
        k().call(&[int(1)], &[]),
        "TypeError: k() missing 1 required keyword-only argument: 'b'"
    );
    // k(1, b=2, a=3)
    assert_eq!(
        k().call(&[int(1)], &[("b", int(2)), ("a", int(3))]),
        "TypeError: k() got multiple values for argument 'a'"
    );
}

#[test]
fn s03_3_keyword_only_defaults_come_from_kwdefaults() {
    // def f(a, *, key, flag=False): f(1, key='k') -> (1, 'k', False)
    let def = Def {
        kwonly: 2,
        kwdefaults: vec![("flag", Value::Bool(false))],
        ..Def::new("f", &["a", "key", "flag"], 1)
    };
    assert_eq!(
        def.call(&[int(1)], &[("key", Value::str("k"))]),
        "a=1 key='k' flag=False"
    );
    assert_eq!(
        def.call(&[int(1)], &[]),
        "TypeError: f() missing 1 required keyword-only argument: 'key'"
    );
}

#[test]
fn s03_3_a_keyword_name_that_is_not_a_str_is_refused() {
    let function = f().function();
    let mut locals = vec![None, None];
    let mut args = vec![Some(int(1)), Some(int(2))];
    let err = initialize_locals(&function, &mut locals, &mut args, &[int(7)]).unwrap_err();
    assert_eq!(err.to_string(), "TypeError: f() keywords must be strings");
}
