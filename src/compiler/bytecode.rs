//! The instruction set and code objects: the contract between the compiler and
//! the VM.
//!
//! Every instruction is listed once, with its stack effect written as
//! `[before] -> [after]` (top of stack on the right). Jump targets are absolute
//! instruction indices. Code objects are immutable once built and shared
//! between threads behind an `Arc`.

use num_bigint::BigInt;
use std::fmt;
use std::sync::Arc;

pub use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

/// One instruction. Kept at 8 bytes: a tag and at most a `u32` of operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    Nop,
    // ---- stack shuffling ----
    /// `[a] -> []`
    Pop,
    /// `[a] -> [a, a]`
    Dup,
    /// `[a, b] -> [a, b, a, b]`
    DupTwo,
    /// `[a, b] -> [b, a]`
    Rot2,
    /// `[a, b, c] -> [c, a, b]` (top moves down two)
    Rot3,
    /// `[a, b, c, d] -> [d, a, b, c]`
    Rot4,

    // ---- constants and names ----
    /// `[] -> [consts[i]]`
    LoadConst(u32),
    /// `[] -> [locals[i]]`; `UnboundLocalError` if unset.
    LoadFast(u32),
    /// `[v] -> []`, `locals[i] = v`
    StoreFast(u32),
    /// `locals[i]` unset; `UnboundLocalError` if already unset.
    DeleteFast(u32),
    /// `[] -> [cell[i].get()]`: index `i` counts `cellvars` then `freevars`.
    /// Unset cell: `UnboundLocalError` for a cellvar, `NameError` ("free variable
    /// 'x' referenced before assignment in enclosing scope") for a freevar.
    LoadDeref(u32),
    /// `[v] -> []`, `cell[i].set(v)`
    StoreDeref(u32),
    /// `cell[i]` emptied.
    DeleteDeref(u32),
    /// `[] -> [cell[i]]`: the cell object itself, to build a closure tuple.
    LoadClosure(u32),
    /// In a class body: `[] -> [v]` from the class namespace if it has
    /// `freevars`-name `names[...]`, else from `cell[i]`.
    /// (Clarification: `i` indexes cells exactly as for `LoadDeref`; the name
    /// looked up in the class namespace is that cell's variable name,
    /// `(cellvars ++ freevars)[i]`; nothing is added to `names`. Emitted for a
    /// class body reading a free variable of an enclosing function.)
    LoadClassDeref(u32),
    /// `[] -> [globals[names[i]] or builtins[names[i]]]`, else `NameError`.
    LoadGlobal(u32),
    /// `[v] -> []`, `globals[names[i]] = v`
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class bodies (and `exec`-like code): look up `names[i]` in the frame's
    /// locals mapping, then globals, then builtins. `[] -> [v]`
    LoadName(u32),
    /// `[v] -> []`, `locals_mapping[names[i]] = v`
    StoreName(u32),
    DeleteName(u32),
    /// `[obj] -> [getattr(obj, names[i])]`
    LoadAttr(u32),
    /// `[v, obj] -> []`, `setattr(obj, names[i], v)`
    StoreAttr(u32),
    /// `[obj] -> []`
    DeleteAttr(u32),
    /// `[obj] -> [callable, self_or_null]` for a following `CallMethod`: either
    /// the plain function found on the type and `obj`, or the attribute itself
    /// and an internal null marker. Emitted only for `obj.name(positional args)`.
    LoadMethod(u32),
    /// `[callable, self_or_null, arg1..argN] -> [result]`, N = operand.
    CallMethod(u32),

    // ---- operators ----
    /// `[a, b] -> [a op b]`
    Binary(BinOp),
    /// `[a, b] -> [a op= b]` (tries `__iop__` first, then `op`)
    InplaceBinary(BinOp),
    /// `[a] -> [op a]`
    Unary(UnaryOp),
    /// `[a, b] -> [a op b]`; `In`/`NotIn` test `a in b`; `Is`/`IsNot` identity.
    Compare(CmpOp),
    /// `[a, b] -> [a[b]]`
    BinarySubscr,
    /// `[v, a, b] -> []`, `a[b] = v`
    StoreSubscr,
    /// `[a, b] -> []`, `del a[b]`
    DeleteSubscr,
    /// operand 2: `[lo, hi] -> [slice(lo, hi)]`; 3: `[lo, hi, step] -> [slice]`
    BuildSlice(u32),

    // ---- building containers ----
    /// `[x1..xN] -> [(x1, .., xN)]`
    BuildTuple(u32),
    /// `[x1..xN] -> [[x1, .., xN]]`
    BuildList(u32),
    /// `[x1..xN] -> [{x1, .., xN}]`
    BuildSet(u32),
    /// `[k1, v1, .., kN, vN] -> [{k1: v1, ..}]`, N = operand (pairs)
    BuildMap(u32),
    /// `[s1..sN] -> [s1 + .. + sN]`, all str (f-strings)
    BuildString(u32),
    /// `[list, .., x] -> [list, ..]`, `list.append(x)` where list is at
    /// depth `operand` counted after popping x (1 = just below x).
    ListAppend(u32),
    /// as `ListAppend`, for a set
    SetAdd(u32),
    /// `[dict, .., k, v] -> [dict, ..]`, `dict[k] = v`, dict at depth operand
    /// counted after popping k and v.
    MapAdd(u32),
    /// `[list, .., it] -> [list, ..]`, `list.extend(it)` (for `*x` in displays)
    ListExtend(u32),
    /// `[set, .., it] -> [set, ..]`, `set.update(it)`
    SetUpdate(u32),
    /// `[dict, .., m] -> [dict, ..]`, `dict.update(m)` (for `**m` in displays)
    DictUpdate(u32),
    /// as `DictUpdate`, but a repeated key is a `TypeError` ("got multiple
    /// values for keyword argument 'k'") and `m` must be a mapping (call `**m`).
    DictMerge(u32),
    /// `[list] -> [tuple(list)]`
    ListToTuple,
    /// `[seq] -> [xN, .., x1]`: exactly `operand` items, the FIRST item on top.
    UnpackSequence(u32),
    /// `[seq] -> [after items.., list_of_middle, before items..]`, first item on
    /// top; `before` items, then a list of the rest, then `after` items.
    UnpackEx {
        before: u16,
        after: u16,
    },
    /// `[v] -> [str]` or `[v, spec] -> [str]` when bit 2 is set.
    /// Bits 0-1: conversion: 0 none, 1 `!s`, 2 `!r`, 3 `!a`.
    FormatValue(u32),

    // ---- control flow ----
    /// Unconditional jump. The VM may check for a GIL drop request here.
    Jump(u32),
    /// `[v] -> []`, jump if `not v`
    PopJumpIfFalse(u32),
    /// `[v] -> []`, jump if `v`
    PopJumpIfTrue(u32),
    /// `[v] -> [v]` and jump if `not v`; else `[v] -> []`
    JumpIfFalseOrPop(u32),
    /// `[v] -> [v]` and jump if `v`; else `[v] -> []`
    JumpIfTrueOrPop(u32),
    /// `[obj] -> [iter(obj)]`
    GetIter,
    /// `[it] -> [it, next(it)]`; when exhausted `[it] -> []` and jump to operand.
    ForIter(u32),

    // ---- calls and functions ----
    /// `[f, a1..aN] -> [f(a1..aN)]`
    Call(u32),
    /// `[f, a1..aN, kwnames] -> [result]`: `kwnames` is a constant tuple of str;
    /// the last `len(kwnames)` of the N arguments are passed by those names.
    CallKw(u32),
    /// operand 0: `[f, args_tuple] -> [f(*args)]`;
    /// operand 1: `[f, args_tuple, kwargs_dict] -> [f(*args, **kwargs)]`
    CallEx(u32),
    /// `[defaults?, kwdefaults?, closure?, code] -> [function]`.
    /// Flag bits of the operand say which are present: 1 a tuple of positional
    /// defaults, 2 a dict of keyword-only defaults, 8 a tuple of cells (in the
    /// order of the new code's `freevars`). Name and qualname come from the code.
    MakeFunction(u32),
    /// `[v] -> (frame returns v)`
    ReturnValue,
    /// Generators: `[v] -> [sent]`: suspend yielding `v`; resume with the
    /// value passed to `send` (None for `next`) pushed.
    YieldValue,
    /// `[obj] -> [iter]`: `iter(obj)`, but a generator is kept as it is.
    GetYieldFromIter,
    /// `[iter, v] -> [result]`: send `v` into `iter` (next() when v is None);
    /// if it yields `y`, this frame suspends yielding `y` and, when resumed
    /// with `s`, runs this same instruction again with `[iter, s]`; when `iter`
    /// finishes, `result` is its return value (`StopIteration.value`).
    YieldFrom,
    /// `[] -> [__build_class__]`; then called as
    /// `__build_class__(body_function, name, *bases, **keywords)`.
    LoadBuildClass,
    /// `[] -> [AssertionError]` (the builtin, even if the name is shadowed)
    LoadAssertionError,

    // ---- exceptions ----
    /// Push a handler block: if an exception escapes before the matching
    /// `PopBlock`, the value stack is cut back to its depth at this point, an
    /// except-handler block is pushed (the exception becomes the one being
    /// handled, as `sys.exc_info()`), the exception is pushed, and execution
    /// jumps to the operand. Used for `try/except` and `try/finally`.
    SetupFinally(u32),
    /// `[ctx] -> [ctx.__exit__, ctx.__enter__()]` and a handler block (as
    /// `SetupFinally`, depth counted with `__exit__` on the stack) jumping to
    /// the operand: there the stack is `[__exit__, exc]`.
    SetupWith(u32),
    /// Pop the innermost block pushed by `SetupFinally`/`SetupWith`.
    PopBlock,
    /// Leave an except handler: pop the except-handler block and restore the
    /// previously handled exception. The value stack is not touched.
    PopExcept,
    /// `[exc] -> (raise exc)` keeping its traceback (end of an unmatched
    /// handler, or of a `finally` on the exception path).
    Reraise,
    /// `[__exit__, exc] -> [__exit__, exc, __exit__(type(exc), exc, tb)]`
    WithExceptStart,
    /// `[exc, typ] -> [exc, isinstance-match(exc, typ)]` (`typ` a class or tuple
    /// of classes; anything else is a `TypeError`)
    CheckExcMatch,
    /// operand 0: re-raise the exception being handled (`raise`);
    /// 1: `[exc] -> raise exc`; 2: `[exc, cause] -> raise exc from cause`.
    /// `exc` may be a class, which is instantiated with no arguments.
    Raise(u32),

    // ---- imports ----
    /// `[] -> [module]`: import the dotted `names[i]`, push the TOP-LEVEL package
    /// (`import a.b` binds `a`).
    ImportName(u32),
    /// `[] -> [module]`: import the dotted `names[i]`, push the LEAF module
    /// (`import a.b as c`, `from a.b import x`).
    ImportModule(u32),
    /// `[module] -> [module, module.names[i]]`; `ImportError` ("cannot import
    /// name 'x' from 'm'") if missing.
    ImportFrom(u32),
    /// `[module] -> []`: bind every public name of the module in the current
    /// namespace (as `StoreName` would).
    ImportStar,

    // ---- fused pairs ----
    // Never emitted by the compiler: `fuse` writes them over the first of two
    // common neighbours when code is loaded. The second instruction stays in
    // place (a jump may land on it) and the fused one steps over it.
    /// `LoadFast(a); LoadFast(b)`
    LoadFastLoadFast(u16, u16),
    /// `LoadFast(a); LoadConst(c)`
    LoadFastLoadConst(u16, u16),
    /// `LoadFast(a); LoadAttr(n)`
    LoadFastLoadAttr(u16, u16),
    /// `StoreFast(a); LoadFast(b)`
    StoreFastLoadFast(u16, u16),
    /// `Compare(op); PopJumpIfFalse(t)`
    CompareJumpIfFalse(CmpOp, u32),
    /// `BuildSlice(n); BinarySubscr`: `[obj, lo, hi(, step)] -> [obj[lo:hi(:step)]]`
    SliceSubscr(u32),
    /// `BuildTuple(n); UnpackSequence(n)` (as in `a, b = b, a`): reverses
    /// the top `n` values, with no tuple.
    ReverseTop(u32),
    /// `LoadFast(a); LoadConst(c); BinarySubscr` (`x[0]`): the container is
    /// read in place.
    SubscrFastConst(u16, u16),
    /// `LoadFast(a); LoadFast(b); BinarySubscr` (`x[i]`)
    SubscrFastFast(u16, u16),
}

/// Writes the fused instructions over the first of each pair they replace.
/// Positions, jump targets and the line table stay as they are.
pub fn fuse(code: &[Instr]) -> Box<[Instr]> {
    let mut out = code.to_vec();
    let small = |i: u32| u16::try_from(i).ok();
    for i in 0..code.len().saturating_sub(1) {
        let fused = match (code[i], code[i + 1]) {
            (Instr::LoadFast(a), Instr::LoadFast(b)) => small(a)
                .zip(small(b))
                .map(|(a, b)| Instr::LoadFastLoadFast(a, b)),
            (Instr::LoadFast(a), Instr::LoadConst(c)) => small(a)
                .zip(small(c))
                .map(|(a, c)| Instr::LoadFastLoadConst(a, c)),
            (Instr::LoadFast(a), Instr::LoadAttr(n)) => small(a)
                .zip(small(n))
                .map(|(a, n)| Instr::LoadFastLoadAttr(a, n)),
            (Instr::StoreFast(a), Instr::LoadFast(b)) => small(a)
                .zip(small(b))
                .map(|(a, b)| Instr::StoreFastLoadFast(a, b)),
            (Instr::Compare(op), Instr::PopJumpIfFalse(t)) => {
                Some(Instr::CompareJumpIfFalse(op, t))
            }
            (Instr::BuildSlice(n), Instr::BinarySubscr) => Some(Instr::SliceSubscr(n)),
            (Instr::BuildTuple(n), Instr::UnpackSequence(m)) if n == m => {
                Some(Instr::ReverseTop(n))
            }
            _ => None,
        };
        // Three-instruction patterns win over the pair they start with.
        let triple = match (code[i], code[i + 1], code.get(i + 2)) {
            (Instr::LoadFast(a), Instr::LoadConst(c), Some(Instr::BinarySubscr)) => small(a)
                .zip(small(c))
                .map(|(a, c)| Instr::SubscrFastConst(a, c)),
            (Instr::LoadFast(a), Instr::LoadFast(b), Some(Instr::BinarySubscr)) => small(a)
                .zip(small(b))
                .map(|(a, b)| Instr::SubscrFastFast(a, b)),
            _ => None,
        };
        if let Some(f) = triple.or(fused) {
            out[i] = f;
        }
    }
    out.into_boxed_slice()
}

/// A compile-time constant.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<Constant>),
    Code(Arc<CodeObject>),
}

/// An immutable compiled function, class body, comprehension or module body.
#[derive(Debug)]
pub struct CodeObject {
    /// `f`, `<module>`, `<lambda>`, `<listcomp>`, `<genexpr>`, a class name.
    pub name: String,
    /// `C.method.<locals>.inner`, as CPython's `__qualname__`.
    pub qualname: String,
    pub filename: Arc<str>,
    pub firstlineno: u32,
    pub instructions: Vec<Instr>,
    /// The source line of each instruction (same length as `instructions`).
    pub lines: Vec<u32>,
    pub consts: Vec<Constant>,
    /// Names used by global/name/attribute/import instructions.
    pub names: Vec<String>,
    /// Local slots: parameters first (positional, then keyword-only, then
    /// `*args`, then `**kwargs`), then the other locals.
    pub varnames: Vec<String>,
    /// Locals captured by inner functions (stored in cells).
    pub cellvars: Vec<String>,
    /// Variables of enclosing functions this code reads (received as cells).
    pub freevars: Vec<String>,
    /// For each cellvar that is also a parameter, that parameter's slot: the
    /// VM moves the argument into the cell when the frame starts.
    pub cell2arg: Vec<Option<u32>>,
    /// Positional parameters, positional-only included.
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    /// The body contains `yield`: calling it makes a generator.
    pub is_generator: bool,
    /// A class body: names go through LoadName/StoreName (module bodies use
    /// the global instructions, since there locals are the globals).
    pub is_class_body: bool,
    /// The first statement's string, for functions and classes.
    pub docstring: Option<String>,
    /// Upper bound of the value stack depth this code needs.
    pub max_stack: u32,
}

impl CodeObject {
    /// The source line of the instruction at `pc`.
    pub fn line_at(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.firstlineno)
    }
}

impl fmt::Display for CodeObject {
    /// A disassembly, for debugging (`gilpy -X dis`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "code {} ({}:{})",
            self.qualname, self.filename, self.firstlineno
        )?;
        for (pc, instr) in self.instructions.iter().enumerate() {
            writeln!(f, "{:>5} {:>5}  {:?}", self.line_at(pc), pc, instr)?;
        }
        for c in &self.consts {
            if let Constant::Code(inner) = c {
                writeln!(f)?;
                inner.fmt(f)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_stay_small() {
        assert!(std::mem::size_of::<Instr>() <= 8);
    }
}
