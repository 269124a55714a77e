//! Test helpers: small constructors for hand-built ASTs, compiling them,
//! finding nested code objects, and a disassembly with operands resolved to
//! names (`LoadFast x`, `LoadConst None`) that tests compare against.

use crate::compiler::bytecode::{self, CodeObject, Instr};
use crate::compiler::{compile_module, flow};
use crate::syntax::ast::*;
use crate::syntax::SyntaxError;
use num_bigint::BigInt;
use std::sync::Arc;

// ---- expressions ----

pub fn ex(kind: ExprKind) -> Expr {
    Expr {
        span: Span::default(),
        kind,
    }
}

/// `e` with its span starting at byte `start` of the source.
pub fn at<T: Spanned>(start: usize, mut node: T) -> T {
    node.set_span(Span::new(start, start + 1));
    node
}

pub trait Spanned {
    fn set_span(&mut self, span: Span);
}

impl Spanned for Expr {
    fn set_span(&mut self, span: Span) {
        self.span = span;
    }
}

impl Spanned for Stmt {
    fn set_span(&mut self, span: Span) {
        self.span = span;
    }
}

pub fn name(n: &str) -> Expr {
    ex(ExprKind::Name(n.into()))
}

pub fn int(i: i64) -> Expr {
    ex(ExprKind::Constant(Constant::Int(BigInt::from(i))))
}

pub fn float(f: f64) -> Expr {
    ex(ExprKind::Constant(Constant::Float(f)))
}

pub fn string(s: &str) -> Expr {
    ex(ExprKind::Constant(Constant::Str(s.into())))
}

pub fn none() -> Expr {
    ex(ExprKind::Constant(Constant::None))
}

pub fn boolean(b: bool) -> Expr {
    ex(ExprKind::Constant(Constant::Bool(b)))
}

pub fn call(f: Expr, args: Vec<Expr>) -> Expr {
    call_kw(f, args, vec![])
}

/// Keywords as `(Some(name), value)`, or `(None, mapping)` for `**mapping`.
pub fn call_kw(f: Expr, args: Vec<Expr>, kws: Vec<(Option<&str>, Expr)>) -> Expr {
    ex(ExprKind::Call {
        func: Box::new(f),
        args,
        keywords: kws.into_iter().map(|(n, v)| kw(n, v)).collect(),
    })
}

pub fn kw(n: Option<&str>, value: Expr) -> Keyword {
    Keyword {
        span: value.span,
        arg: n.map(str::to_string),
        value,
    }
}

pub fn attr(v: Expr, a: &str) -> Expr {
    ex(ExprKind::Attribute {
        value: Box::new(v),
        attr: a.into(),
    })
}

pub fn sub(v: Expr, i: Expr) -> Expr {
    ex(ExprKind::Subscript {
        value: Box::new(v),
        index: Box::new(i),
    })
}

pub fn slice(lower: Option<Expr>, upper: Option<Expr>, step: Option<Expr>) -> Expr {
    ex(ExprKind::Slice {
        lower: lower.map(Box::new),
        upper: upper.map(Box::new),
        step: step.map(Box::new),
    })
}

pub fn bin(l: Expr, op: BinOp, r: Expr) -> Expr {
    ex(ExprKind::BinOp {
        left: Box::new(l),
        op,
        right: Box::new(r),
    })
}

pub fn not(e: Expr) -> Expr {
    ex(ExprKind::UnaryOp {
        op: UnaryOp::Not,
        operand: Box::new(e),
    })
}

pub fn and(values: Vec<Expr>) -> Expr {
    ex(ExprKind::BoolOp {
        op: BoolOp::And,
        values,
    })
}

pub fn or(values: Vec<Expr>) -> Expr {
    ex(ExprKind::BoolOp {
        op: BoolOp::Or,
        values,
    })
}

pub fn cmp(left: Expr, rest: Vec<(CmpOp, Expr)>) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    ex(ExprKind::Compare {
        left: Box::new(left),
        ops,
        comparators,
    })
}

pub fn if_exp(test: Expr, body: Expr, orelse: Expr) -> Expr {
    ex(ExprKind::IfExp {
        test: Box::new(test),
        body: Box::new(body),
        orelse: Box::new(orelse),
    })
}

pub fn tuple(elts: Vec<Expr>) -> Expr {
    ex(ExprKind::Tuple(elts))
}

pub fn list(elts: Vec<Expr>) -> Expr {
    ex(ExprKind::List(elts))
}

pub fn set(elts: Vec<Expr>) -> Expr {
    ex(ExprKind::Set(elts))
}

pub fn dict(items: Vec<(Option<Expr>, Expr)>) -> Expr {
    ex(ExprKind::Dict(items))
}

pub fn starred(e: Expr) -> Expr {
    ex(ExprKind::Starred(Box::new(e)))
}

pub fn walrus(target: &str, value: Expr) -> Expr {
    ex(ExprKind::NamedExpr {
        target: target.into(),
        value: Box::new(value),
    })
}

pub fn yield_(v: Option<Expr>) -> Expr {
    ex(ExprKind::Yield(v.map(Box::new)))
}

pub fn yield_from(v: Expr) -> Expr {
    ex(ExprKind::YieldFrom(Box::new(v)))
}

pub fn lambda(params: &[&str], body: Expr) -> Expr {
    ex(ExprKind::Lambda {
        params: Box::new(params_of(params)),
        body: Box::new(body),
    })
}

/// One `for target in iter if cond...` clause.
pub fn gen(target: Expr, iter: Expr, ifs: Vec<Expr>) -> Comprehension {
    Comprehension {
        target,
        iter,
        ifs,
        is_async: false,
    }
}

pub fn listcomp(elt: Expr, generators: Vec<Comprehension>) -> Expr {
    ex(ExprKind::ListComp {
        elt: Box::new(elt),
        generators,
    })
}

pub fn setcomp(elt: Expr, generators: Vec<Comprehension>) -> Expr {
    ex(ExprKind::SetComp {
        elt: Box::new(elt),
        generators,
    })
}

pub fn dictcomp(key: Expr, value: Expr, generators: Vec<Comprehension>) -> Expr {
    ex(ExprKind::DictComp {
        key: Box::new(key),
        value: Box::new(value),
        generators,
    })
}

pub fn genexp(elt: Expr, generators: Vec<Comprehension>) -> Expr {
    ex(ExprKind::GeneratorExp {
        elt: Box::new(elt),
        generators,
    })
}

pub fn fstring(parts: Vec<FStringPart>) -> Expr {
    ex(ExprKind::FString(parts))
}

pub fn lit(s: &str) -> FStringPart {
    FStringPart::Literal(s.into())
}

pub fn fval(e: Expr, conversion: Option<char>, spec: Option<Vec<FStringPart>>) -> FStringPart {
    FStringPart::Value {
        expr: Box::new(e),
        conversion,
        spec,
        debug_text: None,
    }
}

// ---- statements ----

pub fn st(kind: StmtKind) -> Stmt {
    Stmt {
        span: Span::default(),
        kind,
    }
}

pub fn expr_stmt(e: Expr) -> Stmt {
    st(StmtKind::Expr(e))
}

pub fn assign(target: Expr, value: Expr) -> Stmt {
    st(StmtKind::Assign {
        targets: vec![target],
        value,
    })
}

pub fn aug(target: Expr, op: BinOp, value: Expr) -> Stmt {
    st(StmtKind::AugAssign { target, op, value })
}

pub fn ret(v: Expr) -> Stmt {
    st(StmtKind::Return(Some(v)))
}

pub fn ret_none() -> Stmt {
    st(StmtKind::Return(None))
}

pub fn brk() -> Stmt {
    st(StmtKind::Break)
}

pub fn cont() -> Stmt {
    st(StmtKind::Continue)
}

pub fn pass() -> Stmt {
    st(StmtKind::Pass)
}

pub fn global(names: &[&str]) -> Stmt {
    st(StmtKind::Global(
        names.iter().map(|s| s.to_string()).collect(),
    ))
}

pub fn nonlocal(names: &[&str]) -> Stmt {
    st(StmtKind::Nonlocal(
        names.iter().map(|s| s.to_string()).collect(),
    ))
}

pub fn param(n: &str) -> Param {
    Param {
        span: Span::default(),
        name: n.into(),
        annotation: None,
        default: None,
    }
}

pub fn param_default(n: &str, default: Expr) -> Param {
    Param {
        default: Some(default),
        ..param(n)
    }
}

pub fn params_of(names: &[&str]) -> Params {
    Params {
        args: names.iter().map(|n| param(n)).collect(),
        ..Params::default()
    }
}

pub fn def(n: &str, params: &[&str], body: Vec<Stmt>) -> Stmt {
    def_full(n, params_of(params), body, vec![])
}

pub fn def_full(n: &str, params: Params, body: Vec<Stmt>, decorators: Vec<Expr>) -> Stmt {
    st(StmtKind::FunctionDef(Box::new(FunctionDef {
        name: n.into(),
        params,
        returns: None,
        body,
        decorators,
        is_async: false,
    })))
}

pub fn class(n: &str, bases: Vec<Expr>, body: Vec<Stmt>) -> Stmt {
    st(StmtKind::ClassDef(Box::new(ClassDef {
        name: n.into(),
        bases,
        keywords: vec![],
        body,
        decorators: vec![],
    })))
}

pub fn if_(test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    st(StmtKind::If { test, body, orelse })
}

pub fn while_(test: Expr, body: Vec<Stmt>) -> Stmt {
    st(StmtKind::While {
        test,
        body,
        orelse: vec![],
    })
}

pub fn for_(target: Expr, iter: Expr, body: Vec<Stmt>) -> Stmt {
    for_else(target, iter, body, vec![])
}

pub fn for_else(target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    st(StmtKind::For {
        target,
        iter,
        body,
        orelse,
        is_async: false,
    })
}

pub fn try_(
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
) -> Stmt {
    st(StmtKind::Try {
        body,
        handlers,
        orelse,
        finalbody,
    })
}

pub fn handler(typ: Option<Expr>, n: Option<&str>, body: Vec<Stmt>) -> ExceptHandler {
    ExceptHandler {
        span: Span::default(),
        typ,
        name: n.map(str::to_string),
        body,
        star: false,
    }
}

pub fn with_(items: Vec<(Expr, Option<Expr>)>, body: Vec<Stmt>) -> Stmt {
    st(StmtKind::With {
        items: items
            .into_iter()
            .map(|(context, target)| WithItem { context, target })
            .collect(),
        body,
        is_async: false,
    })
}

pub fn raise(exc: Option<Expr>, cause: Option<Expr>) -> Stmt {
    st(StmtKind::Raise { exc, cause })
}

// ---- compiling and inspecting ----

pub fn module(body: Vec<Stmt>) -> Module {
    Module { body }
}

/// Compiles `body` (spans into `source`), checking every code object.
pub fn compile_src(source: &str, body: Vec<Stmt>) -> Arc<CodeObject> {
    let m = module(body);
    let code = compile_module(&m, source, "<test>").unwrap_or_else(|e| panic!("{e}"));
    check_code(&code);
    code
}

pub fn compile(body: Vec<Stmt>) -> Arc<CodeObject> {
    compile_src("", body)
}

pub fn compile_err_src(source: &str, body: Vec<Stmt>) -> SyntaxError {
    match compile_module(&module(body), source, "<test>") {
        Ok(code) => panic!("expected a SyntaxError, compiled:\n{code}"),
        Err(e) => e,
    }
}

pub fn compile_err(body: Vec<Stmt>) -> String {
    compile_err_src("", body).msg
}

/// Structural checks on a code object and all code objects nested in it.
pub fn check_code(code: &CodeObject) {
    assert_eq!(
        code.instructions.len(),
        code.lines.len(),
        "{}",
        code.qualname
    );
    let n = code.instructions.len() as u32;
    for instr in &code.instructions {
        if let Some(t) = instr.jump_target() {
            assert!(t < n, "{}: jump out of range in {instr:?}", code.qualname);
        }
    }
    let depth = flow::max_stack_depth(&code.instructions)
        .unwrap_or_else(|e| panic!("{}: {e}\n{code}", code.qualname));
    assert_eq!(depth, code.max_stack, "{}", code.qualname);
    assert_eq!(code.cell2arg.len(), code.cellvars.len());
    for c in &code.consts {
        if let bytecode::Constant::Code(inner) = c {
            check_code(inner);
        }
    }
}

/// The nested code object with this qualname (searched depth first).
pub fn find(code: &Arc<CodeObject>, qualname: &str) -> Arc<CodeObject> {
    fn search(code: &Arc<CodeObject>, q: &str) -> Option<Arc<CodeObject>> {
        if code.qualname == q {
            return Some(code.clone());
        }
        code.consts.iter().find_map(|c| match c {
            bytecode::Constant::Code(inner) => search(inner, q),
            _ => None,
        })
    }
    search(code, qualname).unwrap_or_else(|| panic!("no code {qualname} in\n{code}"))
}

fn const_repr(c: &bytecode::Constant) -> String {
    match c {
        bytecode::Constant::None => "None".into(),
        bytecode::Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        bytecode::Constant::Int(i) => i.to_string(),
        bytecode::Constant::BigInt(i) => i.to_string(),
        bytecode::Constant::Float(f) => format!("{f:?}"),
        bytecode::Constant::Complex(re, im) => format!("({re:?}+{im:?}j)"),
        bytecode::Constant::Str(s) => format!("'{s}'"),
        bytecode::Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        bytecode::Constant::Ellipsis => "Ellipsis".into(),
        bytecode::Constant::Tuple(items) => {
            let items: Vec<String> = items.iter().map(const_repr).collect();
            let comma = if items.len() == 1 { "," } else { "" };
            format!("({}{comma})", items.join(", "))
        }
        bytecode::Constant::Code(code) => format!("<code {}>", code.qualname),
    }
}

/// One instruction with its operand resolved to a name or constant.
pub fn render(code: &CodeObject, instr: Instr) -> String {
    use Instr::*;
    let debug = format!("{instr:?}");
    let op = debug.split('(').next().unwrap_or(&debug).to_string();
    let name = |i: u32| code.names[i as usize].clone();
    let cell = |i: u32| {
        code.cellvars
            .iter()
            .chain(&code.freevars)
            .nth(i as usize)
            .expect("cell index in range")
            .clone()
    };
    match instr {
        LoadConst(i) => format!("LoadConst {}", const_repr(&code.consts[i as usize])),
        LoadFast(i) | StoreFast(i) | DeleteFast(i) => {
            format!("{op} {}", code.varnames[i as usize])
        }
        LoadDeref(i) | StoreDeref(i) | DeleteDeref(i) | LoadClosure(i) | LoadClassDeref(i) => {
            format!("{op} {}", cell(i))
        }
        LoadGlobal(i) | StoreGlobal(i) | DeleteGlobal(i) | LoadName(i) | StoreName(i)
        | DeleteName(i) | LoadAttr(i) | StoreAttr(i) | DeleteAttr(i) | LoadMethod(i)
        | ImportName(i) | ImportModule(i) | ImportFrom(i) => format!("{op} {}", name(i)),
        _ => match debug.split_once('(') {
            Some((op, rest)) => format!("{op} {}", rest.trim_end_matches(')')),
            None => debug,
        },
    }
}

/// The whole instruction list, rendered.
pub fn dis(code: &CodeObject) -> Vec<String> {
    code.instructions.iter().map(|&i| render(code, i)).collect()
}

/// Asserts the rendered instructions equal `expected`, showing both if not.
#[track_caller]
pub fn assert_dis(code: &CodeObject, expected: &[&str]) {
    let got = dis(code);
    if got != expected {
        let numbered: Vec<String> = got
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{i:>3} {s}"))
            .collect();
        panic!(
            "disassembly of {} differs.\n got:\n{}\n expected:\n{}",
            code.qualname,
            numbered.join("\n"),
            expected.join("\n")
        );
    }
}

/// Whether the rendered instructions contain `needle` as a contiguous run.
pub fn contains_seq(code: &CodeObject, needle: &[&str]) -> bool {
    let got = dis(code);
    got.windows(needle.len()).any(|w| w == needle)
}

#[track_caller]
pub fn assert_contains_seq(code: &CodeObject, needle: &[&str]) {
    assert!(
        contains_seq(code, needle),
        "{:?} not found in {}:\n{}",
        needle,
        code.qualname,
        dis(code).join("\n")
    );
}
