//! The abstract syntax tree produced by the parser and consumed by the compiler.
//!
//! Every statement and expression carries a byte [`Span`] into the source, from
//! which the compiler derives line numbers for tracebacks.

use num_bigint::BigInt;

/// A half-open byte range `start..end` in the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
}

pub type Ident = String;

#[derive(Clone, Debug)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    /// An expression evaluated for its side effects (docstrings included).
    Expr(Expr),
    /// `t1 = t2 = value`: `targets` in source order, all assigned `value`.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value`; target is a Name, Attribute or Subscript.
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation [= value]`.
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    If {
        test: Expr,
        body: Vec<Stmt>,
        /// `elif` chains are nested `If` statements in `orelse`.
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        /// `async for`
        is_async: bool,
    },
    Break,
    Continue,
    Pass,
    Return(Option<Expr>),
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        /// `async with`
        is_async: bool,
    },
    Global(Vec<Ident>),
    Nonlocal(Vec<Ident>),
    /// `del a, b[i], c.x`
    Delete(Vec<Expr>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `import a.b as c, d`
    Import(Vec<Alias>),
    /// `from module import a, b as c` (`names` empty never; `*` is the name "*").
    ImportFrom {
        module: String,
        names: Vec<Alias>,
    },
    /// `match subject:` and its `case` blocks.
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
}

/// `case pattern if guard: body`
#[derive(Clone, Debug)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct Pattern {
    pub span: Span,
    pub kind: PatternKind,
}

#[derive(Clone, Debug)]
pub enum PatternKind {
    /// A literal (negative numbers folded into the constant) or a dotted
    /// name, compared with `==`.
    Value(Expr),
    /// `None`, `True`, `False`: compared with `is`.
    Singleton(Constant),
    /// `[p, *rest]`, `(p, q)`, `p, q`
    Sequence(Vec<Pattern>),
    /// `{key: p, **rest}`: keys are literals or dotted names.
    Mapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<Ident>,
    },
    /// `cls(p, attr=q)`
    Class {
        cls: Expr,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<Ident>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `*name` or `*_` in a sequence pattern.
    Star(Option<Ident>),
    /// `p as name`; without a pattern a capture (`name`) or, without a
    /// name either, the wildcard `_`.
    As {
        pattern: Option<Box<Pattern>>,
        name: Option<Ident>,
    },
    /// `p | q | r`
    Or(Vec<Pattern>),
}

impl Pattern {
    /// `_`: matches anything, binds nothing.
    pub fn is_wildcard(&self) -> bool {
        matches!(
            self.kind,
            PatternKind::As {
                pattern: None,
                name: None
            }
        )
    }
}

#[derive(Clone, Debug)]
pub struct Alias {
    /// Dotted name for `import`, plain name for `from ... import`.
    pub name: String,
    pub asname: Option<Ident>,
}

#[derive(Clone, Debug)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

#[derive(Clone, Debug)]
pub struct ExceptHandler {
    pub span: Span,
    /// `None` for a bare `except:`.
    pub typ: Option<Expr>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
    /// `except*` (PEP 654).
    pub star: bool,
}

#[derive(Clone, Debug)]
pub struct FunctionDef {
    pub name: Ident,
    pub params: Params,
    /// The return annotation (`-> T`).
    pub returns: Option<Expr>,
    pub body: Vec<Stmt>,
    /// Outermost decorator first, as written.
    pub decorators: Vec<Expr>,
    /// `async def`
    pub is_async: bool,
}

#[derive(Clone, Debug)]
pub struct ClassDef {
    pub name: Ident,
    pub bases: Vec<Expr>,
    /// Keyword arguments in the class header (e.g. `metaclass=`); kept, mostly ignored.
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct Param {
    pub span: Span,
    pub name: Ident,
    /// `name: annotation`, evaluated when the function is defined.
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
}

/// `def f(posonly, /, a, b=1, *args, kw, kw2=3, **kwargs)`
#[derive(Clone, Debug, Default)]
pub struct Params {
    pub posonly: Vec<Param>,
    /// Positional-or-keyword parameters.
    pub args: Vec<Param>,
    pub vararg: Option<Param>,
    pub kwonly: Vec<Param>,
    pub kwarg: Option<Param>,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Name(Ident),
    /// `None`, `True`, `False`, numbers, strings, bytes-less literals, `...`.
    Constant(Constant),
    /// An f-string: literal pieces and formatted values, in order.
    FString(Vec<FStringPart>),
    BoolOp {
        op: BoolOp,
        /// Two or more operands: `a and b and c` is one node.
        values: Vec<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `a < b <= c`: `ops.len() == comparators.len()`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    Call {
        func: Box<Expr>,
        /// Positional arguments, possibly `Starred` (`*xs`).
        args: Vec<Expr>,
        /// Keyword arguments; `arg: None` is `**mapping`.
        keywords: Vec<Keyword>,
    },
    Attribute {
        value: Box<Expr>,
        attr: Ident,
    },
    Subscript {
        value: Box<Expr>,
        /// For `a[i, j]` a Tuple; for `a[1:2]` a Slice.
        index: Box<Expr>,
    },
    /// `lower:upper:step`, only as a subscript index (or inside an index tuple).
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    /// `*value` in a call, a display or an assignment target.
    Starred(Box<Expr>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    /// `{k: v, **m}`: `None` key means `**value`.
    Dict(Vec<(Option<Expr>, Expr)>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Lambda {
        params: Box<Params>,
        body: Box<Expr>,
    },
    /// `body if test else orelse`
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    Await(Box<Expr>),
    /// `name := value`
    NamedExpr {
        target: Ident,
        value: Box<Expr>,
    },
}

#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    /// An imaginary literal: a complex number with a zero real part.
    Imaginary(f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
}

#[derive(Clone, Debug)]
pub enum FStringPart {
    Literal(String),
    Value {
        expr: Box<Expr>,
        /// `!r`, `!s`, `!a`
        conversion: Option<char>,
        /// The format spec, itself an f-string (it may hold `{nested}` fields).
        spec: Option<Vec<FStringPart>>,
        /// `f"{x=}"`: the text `x=` to print before the value.
        debug_text: Option<String>,
    },
}

#[derive(Clone, Debug)]
pub struct Keyword {
    pub span: Span,
    /// `None` for `**mapping`.
    pub arg: Option<Ident>,
    pub value: Expr,
}

#[derive(Clone, Debug)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    /// `async for`
    pub is_async: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// A parsed module: its statements.
#[derive(Clone, Debug, Default)]
pub struct Module {
    pub body: Vec<Stmt>,
}
