//! The instruction set and code objects: the contract between the compiler and
//! the VM.
//!
//! Every instruction is listed once, in the `instructions!` table: its
//! operands, what it does (`[before] -> [after]`, top of stack on the right),
//! and its stack effect and jump target in a form the compiler reads. Jump
//! targets are absolute instruction indices. Code objects are immutable once built and shared
//! between threads behind an `Arc`.

use num_bigint::BigInt;
use std::fmt;
use std::sync::Arc;

/// The operator of `Binary` and `InplaceBinary`.
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

/// The operator of `Unary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

/// The operator of `Compare`.
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

/// Declares [`Instr`] and, from the one line per instruction, its
/// [`Instr::stack_effect`], [`Instr::jump_target`] /
/// [`Instr::set_jump_target`] and [`Instr::width`].
///
/// Each instruction is written `Name(operand: type, ..) [pops -> pushes]`,
/// then optionally `, jump operand -> pushes` (the operand is an absolute
/// jump target, and this many values are pushed when control goes there)
/// and `, fused n` (stands for `n` instructions). `pops` and `pushes` are
/// Rust expressions over the operands (in parentheses unless one token);
/// `pushes` is `!` when control never goes on to the next instruction.
macro_rules! instructions {
    ($(
        $(#[$attr:meta])*
        $name:ident
        $( ( $($arg:ident : $argty:ty),+ ) )?
        $( { $($field:ident : $fieldty:ty),+ } )?
        [ $pops:tt -> $pushes:tt
          $(, jump $target:ident -> $jump_pushes:tt)?
          $(, fused $width:literal)? ]
    ),* $(,)?) => {
        /// One instruction. Kept at 8 bytes: a tag and at most a `u32` of
        /// operands.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Instr {
            $(
                $(#[$attr])*
                $name $( ( $($argty),+ ) )? $( { $($field: $fieldty),+ } )?,
            )*
        }

        impl Instr {
            /// What the instruction does to the value stack.
            #[allow(unused_variables)]
            pub fn stack_effect(self) -> StackEffect {
                match self {
                    $(
                        Instr::$name $( ( $($arg),+ ) )? $( { $($field),+ } )? => StackEffect {
                            pops: $pops,
                            pushes: pushes!($pushes),
                            jump_pushes: optional!($($jump_pushes)?),
                        },
                    )*
                }
            }

            /// The absolute instruction index a branching instruction (or
            /// a handler block) may send control to.
            #[allow(unused_variables)]
            pub fn jump_target(self) -> Option<u32> {
                match self {
                    $(
                        Instr::$name $( ( $($arg),+ ) )? $( { $($field),+ } )? => {
                            optional!($($target)?)
                        }
                    )*
                }
            }

            /// Replaces the target [`Instr::jump_target`] returns; does
            /// nothing to an instruction without one.
            #[allow(unused_variables)]
            pub fn set_jump_target(&mut self, to: u32) {
                match self {
                    $(
                        Instr::$name $( ( $($arg),+ ) )? $( { $($field),+ } )? => {
                            $(*$target = to;)?
                        }
                    )*
                }
            }

            /// How many instructions this one stands for: 1, or for a fused
            /// instruction the length of the sequence it replaces (the
            /// next instruction it runs is that many places on).
            #[allow(unused_variables)]
            pub fn width(self) -> usize {
                match self {
                    $(
                        Instr::$name $( ( $($arg),+ ) )? $( { $($field),+ } )? => {
                            optional!($($width)?).unwrap_or(1)
                        }
                    )*
                }
            }
        }
    };
}

/// `pushes` of the instruction table: `!` for none.
macro_rules! pushes {
    (!) => {
        None
    };
    ($n:tt) => {
        Some($n)
    };
}

/// An optional part of the instruction table.
macro_rules! optional {
    () => {
        None
    };
    ($x:tt) => {
        Some($x)
    };
}

/// What an instruction does to the value stack (top on the right): it needs
/// `pops` values there and takes them off, then pushes values for where
/// control goes next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StackEffect {
    pub pops: u32,
    /// Pushed when control goes on to the next instruction; `None` if it
    /// never does (jump, return, raise).
    pub pushes: Option<u32>,
    /// Pushed when control goes to [`Instr::jump_target`]. For a handler
    /// block that is when an exception arrives there, after the stack has
    /// been cut back to its depth at the setup.
    pub jump_pushes: Option<u32>,
}

impl Instr {
    /// Whether control can go on to the next instruction.
    pub fn falls_through(self) -> bool {
        self.stack_effect().pushes.is_some()
    }
}

// The eval loop matches on it: it stays one tag and a `u32` of operands.
const _: () = assert!(std::mem::size_of::<Instr>() == 8);

instructions! {
    Nop [0 -> 0],
    // ---- stack shuffling ----
    /// `[a] -> []`
    Pop [1 -> 0],
    /// `[a] -> [a, a]`
    Dup [1 -> 2],
    /// `[a, b] -> [a, b, a, b]`
    DupTwo [2 -> 4],
    /// `[a, b] -> [b, a]`
    Rot2 [2 -> 2],
    /// `[a, b, c] -> [c, a, b]` (top moves down two)
    Rot3 [3 -> 3],
    /// `[a, b, c, d] -> [d, a, b, c]`
    Rot4 [4 -> 4],

    // ---- constants and names ----
    /// `[] -> [consts[i]]`
    LoadConst(i: u32) [0 -> 1],
    /// `[] -> [locals[i]]`; `UnboundLocalError` if unset.
    LoadFast(i: u32) [0 -> 1],
    /// `[v] -> []`, `locals[i] = v`
    StoreFast(i: u32) [1 -> 0],
    /// `locals[i]` unset; `UnboundLocalError` if already unset.
    DeleteFast(i: u32) [0 -> 0],
    /// `[] -> [cell[i].get()]`: index `i` counts `cellvars` then `freevars`.
    /// Unset cell: `UnboundLocalError` for a cellvar, `NameError` ("free variable
    /// 'x' referenced before assignment in enclosing scope") for a freevar.
    LoadDeref(i: u32) [0 -> 1],
    /// `[v] -> []`, `cell[i].set(v)`
    StoreDeref(i: u32) [1 -> 0],
    /// `cell[i]` emptied.
    DeleteDeref(i: u32) [0 -> 0],
    /// `[] -> [cell[i]]`: the cell object itself, to build a closure tuple.
    LoadClosure(i: u32) [0 -> 1],
    /// In a class body: `[] -> [v]` from the class namespace if it has
    /// `freevars`-name `names[...]`, else from `cell[i]`.
    /// (Clarification: `i` indexes cells exactly as for `LoadDeref`; the name
    /// looked up in the class namespace is that cell's variable name,
    /// `(cellvars ++ freevars)[i]`; nothing is added to `names`. Emitted for a
    /// class body reading a free variable of an enclosing function.)
    LoadClassDeref(i: u32) [0 -> 1],
    /// `[] -> [globals[names[i]] or builtins[names[i]]]`, else `NameError`.
    LoadGlobal(i: u32) [0 -> 1],
    /// `[v] -> []`, `globals[names[i]] = v`
    StoreGlobal(i: u32) [1 -> 0],
    DeleteGlobal(i: u32) [0 -> 0],
    /// Class bodies (and `exec`-like code): look up `names[i]` in the frame's
    /// locals mapping, then globals, then builtins. `[] -> [v]`
    LoadName(i: u32) [0 -> 1],
    /// `[v] -> []`, `locals_mapping[names[i]] = v`
    StoreName(i: u32) [1 -> 0],
    DeleteName(i: u32) [0 -> 0],
    /// `[obj] -> [getattr(obj, names[i])]`
    LoadAttr(i: u32) [1 -> 1],
    /// `[v, obj] -> []`, `setattr(obj, names[i], v)`
    StoreAttr(i: u32) [2 -> 0],
    /// `[obj] -> []`
    DeleteAttr(i: u32) [1 -> 0],
    /// `[obj] -> [callable, self_or_null]` for a following `CallMethod`: either
    /// the plain function found on the type and `obj`, or the attribute itself
    /// and an internal null marker. Emitted only for `obj.name(positional args)`.
    LoadMethod(i: u32) [1 -> 2],
    /// `[callable, self_or_null, arg1..argN] -> [result]`, N = operand.
    CallMethod(n: u32) [(n + 2) -> 1],

    // ---- operators ----
    /// `[a, b] -> [a op b]`
    Binary(op: BinOp) [2 -> 1],
    /// `[a, b] -> [a op= b]` (tries `__iop__` first, then `op`)
    InplaceBinary(op: BinOp) [2 -> 1],
    /// `[a] -> [op a]`
    Unary(op: UnaryOp) [1 -> 1],
    /// `[a, b] -> [a op b]`; `In`/`NotIn` test `a in b`; `Is`/`IsNot` identity.
    Compare(op: CmpOp) [2 -> 1],
    /// `[a, b] -> [a[b]]`
    BinarySubscr [2 -> 1],
    /// `[v, a, b] -> []`, `a[b] = v`
    StoreSubscr [3 -> 0],
    /// `[a, b] -> []`, `del a[b]`
    DeleteSubscr [2 -> 0],
    /// operand 2: `[lo, hi] -> [slice(lo, hi)]`; 3: `[lo, hi, step] -> [slice]`
    BuildSlice(n: u32) [n -> 1],

    // ---- building containers ----
    /// `[x1..xN] -> [(x1, .., xN)]`
    BuildTuple(n: u32) [n -> 1],
    /// `[x1..xN] -> [[x1, .., xN]]`
    BuildList(n: u32) [n -> 1],
    /// `[x1..xN] -> [{x1, .., xN}]`
    BuildSet(n: u32) [n -> 1],
    /// `[x1..xN] -> [frozenset]` for a set display of constants, made as
    /// CPython makes its frozenset constant: the items added one by one,
    /// then added again in that set's order (the order can differ from a
    /// set built by adding them once).
    BuildConstSet(n: u32) [n -> 1],
    /// `[k1, v1, .., kN, vN] -> [{k1: v1, ..}]`, N = operand (pairs)
    BuildMap(n: u32) [(2 * n) -> 1],
    /// `[s1..sN] -> [s1 + .. + sN]`, all str (f-strings)
    BuildString(n: u32) [n -> 1],
    /// `[list, .., x] -> [list, ..]`, `list.append(x)` where list is at
    /// depth `operand` counted after popping x (1 = just below x).
    ListAppend(d: u32) [(d + 1) -> d],
    /// as `ListAppend`, for a set
    SetAdd(d: u32) [(d + 1) -> d],
    /// `[dict, .., k, v] -> [dict, ..]`, `dict[k] = v`, dict at depth operand
    /// counted after popping k and v.
    MapAdd(d: u32) [(d + 2) -> d],
    /// `[list, .., it] -> [list, ..]`, `list.extend(it)` (for `*x` in displays)
    ListExtend(d: u32) [(d + 1) -> d],
    /// `[set, .., it] -> [set, ..]`, `set.update(it)`
    SetUpdate(d: u32) [(d + 1) -> d],
    /// `[dict, .., m] -> [dict, ..]`, `dict.update(m)` (for `**m` in displays)
    DictUpdate(d: u32) [(d + 1) -> d],
    /// as `DictUpdate`, but a repeated key is a `TypeError` ("got multiple
    /// values for keyword argument 'k'") and `m` must be a mapping (call `**m`).
    DictMerge(d: u32) [(d + 1) -> d],
    /// `[list] -> [tuple(list)]`
    ListToTuple [1 -> 1],
    /// `[seq] -> [xN, .., x1]`: exactly `operand` items, the FIRST item on top.
    UnpackSequence(n: u32) [1 -> n],
    /// `[seq] -> [after items.., list_of_middle, before items..]`, first item on
    /// top; `before` items, then a list of the rest, then `after` items.
    UnpackEx { before: u16, after: u16 } [1 -> (u32::from(before) + u32::from(after) + 1)],
    /// `[v] -> [str]` or `[v, spec] -> [str]` when bit 2 is set.
    /// Bits 0-1: conversion: 0 none, 1 `!s`, 2 `!r`, 3 `!a`.
    FormatValue(flags: u32) [(1 + (flags >> 2 & 1)) -> 1],

    // ---- control flow ----
    /// Unconditional jump. The VM may check for a GIL drop request here.
    Jump(target: u32) [0 -> !, jump target -> 0],
    /// `[v] -> []`, jump if `not v`
    PopJumpIfFalse(target: u32) [1 -> 0, jump target -> 0],
    /// `[v] -> []`, jump if `v`
    PopJumpIfTrue(target: u32) [1 -> 0, jump target -> 0],
    /// `[v] -> [v]` and jump if `not v`; else `[v] -> []`
    JumpIfFalseOrPop(target: u32) [1 -> 0, jump target -> 1],
    /// `[v] -> [v]` and jump if `v`; else `[v] -> []`
    JumpIfTrueOrPop(target: u32) [1 -> 0, jump target -> 1],
    /// `[obj] -> [iter(obj)]`
    GetIter [1 -> 1],
    /// `[it] -> [it, next(it)]`; when exhausted `[it] -> []` and jump to operand.
    ForIter(target: u32) [1 -> 2, jump target -> 0],

    // ---- calls and functions ----
    /// `[f, a1..aN] -> [f(a1..aN)]`
    Call(n: u32) [(n + 1) -> 1],
    /// `[f, a1..aN, kwnames] -> [result]`: `kwnames` is a constant tuple of str;
    /// the last `len(kwnames)` of the N arguments are passed by those names.
    CallKw(n: u32) [(n + 2) -> 1],
    /// operand 0: `[f, args_tuple] -> [f(*args)]`;
    /// operand 1: `[f, args_tuple, kwargs_dict] -> [f(*args, **kwargs)]`
    CallEx(flags: u32) [(2 + (flags & 1)) -> 1],
    /// `[defaults?, kwdefaults?, closure?, code] -> [function]`.
    /// Flag bits of the operand say which are present: 1 a tuple of positional
    /// defaults, 2 a dict of keyword-only defaults, 8 a tuple of cells (in the
    /// order of the new code's `freevars`). Name and qualname come from the code.
    MakeFunction(flags: u32) [(1 + (flags & 0b1111).count_ones()) -> 1],
    /// `[v] -> (frame returns v)`
    ReturnValue [1 -> !],
    /// Generators: `[v] -> [sent]`: suspend yielding `v`; resume with the
    /// value passed to `send` (None for `next`) pushed.
    YieldValue [1 -> 1],
    /// `[obj] -> [iter]`: `iter(obj)`, but a generator is kept as it is.
    GetYieldFromIter [1 -> 1],
    /// `[iter, v] -> [result]`: send `v` into `iter` (next() when v is None);
    /// if it yields `y`, this frame suspends yielding `y` and, when resumed
    /// with `s`, runs this same instruction again with `[iter, s]`; when `iter`
    /// finishes, `result` is its return value (`StopIteration.value`).
    YieldFrom [2 -> 1],
    /// `[obj] -> [awaitable iterator]`: a coroutine as it is, else what
    /// `obj.__await__()` returns; followed by `LoadConst None; YieldFrom`.
    GetAwaitable [1 -> 1],
    /// `[obj] -> [obj.__aiter__()]` (`async for`)
    GetAIter [1 -> 1],
    /// `[aiter] -> [aiter, awaitable of aiter.__anext__()]`
    GetANext [1 -> 2],
    /// `[aiter, exc]` in the handler of an `async for` step: a
    /// `StopAsyncIteration` ends the loop (both popped, the handler left),
    /// anything else is raised again.
    EndAsyncFor [2 -> 0],
    /// `[ctx] -> [ctx.__aexit__, ctx.__aenter__()]` (`async with`)
    BeforeAsyncWith [1 -> 2],
    /// `[aexit, entered] -> [aexit, entered]` and a handler block counting
    /// the depth under `entered`: the handler sees `[aexit, exc]`.
    SetupAsyncWith(handler: u32) [1 -> 1, jump handler -> 1],
    /// `[] -> [__build_class__]`; then called as
    /// `__build_class__(body_function, name, *bases, **keywords)`.
    LoadBuildClass [0 -> 1],
    /// `[] -> [AssertionError]` (the builtin, even if the name is shadowed)
    LoadAssertionError [0 -> 1],

    // ---- exceptions ----
    /// Push a handler block: if an exception escapes before the matching
    /// `PopBlock`, the value stack is cut back to its depth at this point, an
    /// except-handler block is pushed (the exception becomes the one being
    /// handled, as `sys.exc_info()`), the exception is pushed, and execution
    /// jumps to the operand. Used for `try/except` and `try/finally`.
    SetupFinally(handler: u32) [0 -> 0, jump handler -> 1],
    /// `[ctx] -> [ctx.__exit__, ctx.__enter__()]` and a handler block (as
    /// `SetupFinally`, depth counted with `__exit__` on the stack) jumping to
    /// the operand: there the stack is `[__exit__, exc]`.
    SetupWith(handler: u32) [1 -> 2, jump handler -> 2],
    /// Pop the innermost block pushed by `SetupFinally`/`SetupWith`.
    PopBlock [0 -> 0],
    /// Leave an except handler: pop the except-handler block and restore the
    /// previously handled exception. The value stack is not touched.
    PopExcept [0 -> 0],
    /// `[exc] -> (raise exc)` keeping its traceback (end of an unmatched
    /// handler, or of a `finally` on the exception path).
    Reraise [1 -> !],
    /// `[__exit__, exc] -> [__exit__, exc, __exit__(type(exc), exc, tb)]`
    WithExceptStart [2 -> 3],
    /// `[exc, typ] -> [exc, isinstance-match(exc, typ)]` (`typ` a class or tuple
    /// of classes; anything else is a `TypeError`)
    CheckExcMatch [2 -> 2],
    /// `[exc] -> [exc, rest, raised]`: the start of `except*` clauses:
    /// `rest` is what no clause has matched yet (`exc`), `raised` a new
    /// list of what their handlers raise.
    StarPrep [1 -> 3],
    /// `[exc, rest, raised, typ] -> [exc, rest', raised, match]`: split
    /// `rest` by `typ`; the matched part becomes the exception being
    /// handled. Without a match: `[exc, rest, raised]` and a jump.
    StarMatch(target: u32) [4 -> 4, jump target -> 3],
    /// `[raised, e] -> [raised]`: keep what a handler raised.
    StarCollect [2 -> 1],
    /// `[exc, rest, raised] -> []`: raise the rest and what the handlers
    /// raised, or jump if there is nothing to raise.
    StarFinish(target: u32) [3 -> !, jump target -> 0],
    /// operand 0: re-raise the exception being handled (`raise`);
    /// 1: `[exc] -> raise exc`; 2: `[exc, cause] -> raise exc from cause`.
    /// `exc` may be a class, which is instantiated with no arguments.
    Raise(n: u32) [n -> !],

    // ---- imports ----
    /// `[] -> [module]`: import the dotted `names[i]`, push the TOP-LEVEL package
    /// (`import a.b` binds `a`).
    ImportName(i: u32) [0 -> 1],
    /// `[] -> [module]`: import the dotted `names[i]`, push the LEAF module
    /// (`import a.b as c`, `from a.b import x`).
    ImportModule(i: u32) [0 -> 1],
    /// `[module] -> [module, module.names[i]]`; `ImportError` ("cannot import
    /// name 'x' from 'm'") if missing.
    ImportFrom(i: u32) [1 -> 2],
    /// `[module] -> []`: bind every public name of the module in the current
    /// namespace (as `StoreName` would).
    ImportStar [1 -> 0],
    /// `[value] -> []`: shows the value of an expression statement at the
    /// prompt (`sys.displayhook`).
    PrintExpr [1 -> 0],
    /// `[] -> []`: makes `__annotations__` a new dict in the current
    /// namespace unless it has one (module and class bodies with annotations).
    SetupAnnotations [0 -> 0],

    // ---- pattern matching (`match`) ----
    /// `[x_n, .., x_1] -> [x_n, .., x_1, x_n]`: a copy of the n-th value
    /// from the top (1 is the top).
    Copy(n: u32) [n -> (n + 1)],
    /// `[a_1, .., a_n-1, top] -> [top, a_1, .., a_n-1]` (`Rot2`..`Rot4` for
    /// any depth).
    RotN(n: u32) [n -> n],
    /// `[s] -> [s, s is a sequence for a sequence pattern]`: not str,
    /// bytes or bytearray.
    MatchSequence [1 -> 2],
    /// `[s] -> [s, s is a mapping for a mapping pattern]`
    MatchMapping [1 -> 2],
    /// `[s] -> [s, len(s)]`
    GetLen [1 -> 2],
    /// `[s, keys] -> [s, keys, values]`: the values of the keys (a tuple)
    /// in the mapping `s` as a tuple, or None if one is missing;
    /// `ValueError` if a key is repeated.
    MatchKeys [2 -> 3],
    /// `[s, cls, names] -> [attributes]`: if `s` is an instance of the
    /// class `cls`, a tuple of the attributes its `n` positional
    /// sub-patterns name (through `cls.__match_args__`), then those named
    /// in the tuple `names`; else (or if one is missing) None.
    MatchClass(n: u32) [3 -> 1],
    /// `[s, keys] -> [rest]`: a new dict of the mapping `s`'s items
    /// without the keys (`**rest`).
    MatchRest [2 -> 1],

    // ---- fused pairs ----
    // Never emitted by the compiler: `fuse` writes them over the first of two
    // common neighbours when code is loaded. The second instruction stays in
    // place (a jump may land on it) and the fused one steps over it. Their
    // stack effect is that of the whole sequence.
    /// `LoadFast(a); LoadFast(b)`
    LoadFastLoadFast(a: u16, b: u16) [0 -> 2, fused 2],
    /// `LoadFast(a); LoadConst(c)`
    LoadFastLoadConst(a: u16, c: u16) [0 -> 2, fused 2],
    /// `LoadFast(a); LoadAttr(n)`
    LoadFastLoadAttr(a: u16, n: u16) [0 -> 1, fused 2],
    /// `StoreFast(a); LoadFast(b)`
    StoreFastLoadFast(a: u16, b: u16) [1 -> 1, fused 2],
    /// `Compare(op); PopJumpIfFalse(t)`
    CompareJumpIfFalse(op: CmpOp, target: u32) [2 -> 0, jump target -> 0, fused 2],
    /// `BuildSlice(n); BinarySubscr`: `[obj, lo, hi(, step)] -> [obj[lo:hi(:step)]]`
    SliceSubscr(n: u32) [(n + 1) -> 1, fused 2],
    /// `BuildTuple(n); UnpackSequence(n)` (as in `a, b = b, a`): reverses
    /// the top `n` values, with no tuple.
    ReverseTop(n: u32) [n -> n, fused 2],
    /// `LoadFast(a); LoadConst(c); BinarySubscr` (`x[0]`): the container is
    /// read in place.
    SubscrFastConst(a: u16, c: u16) [0 -> 1, fused 3],
    /// `LoadFast(a); LoadFast(b); BinarySubscr` (`x[i]`)
    SubscrFastFast(a: u16, b: u16) [0 -> 1, fused 3],
    /// `LoadFast(a); LoadConst(c); InplaceBinary(op); StoreFast(a)`
    /// (`n += 1`): the local is updated in place.
    InplaceFastConst(a: u16, c: u16, op: BinOp) [0 -> 0, fused 4],
    /// `Binary(op); StoreFast(a)` (`x = y * z`)
    BinaryStoreFast(op: BinOp, a: u16) [2 -> 0, fused 2],
    /// `InplaceBinary(op); StoreFast(a)` (`total += f(x)`)
    InplaceStoreFast(op: BinOp, a: u16) [2 -> 0, fused 2],
    /// `ForIter(target); StoreFast(a)` (`for x in ...`): the item goes
    /// straight to its local.
    ForIterStore(a: u16, target: u32) [1 -> 1, jump target -> 0, fused 2],
}

/// Writes the fused instructions over the first of each pair they replace.
/// Positions, jump targets and the line table stay as they are.
pub fn fuse(code: &[Instr]) -> Box<[Instr]> {
    let mut out = code.to_vec();
    let small = |i: u32| u16::try_from(i).ok();
    let inplace_at = |i: usize| match code.get(i..i + 4)? {
        &[Instr::LoadFast(a), Instr::LoadConst(c), Instr::InplaceBinary(op), Instr::StoreFast(b)]
            if a == b =>
        {
            Some(Instr::InplaceFastConst(small(a)?, small(c)?, op))
        }
        _ => None,
    };
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
            // Not when the load starts an `InplaceFastConst`.
            (Instr::StoreFast(a), Instr::LoadFast(b)) if inplace_at(i + 1).is_none() => small(a)
                .zip(small(b))
                .map(|(a, b)| Instr::StoreFastLoadFast(a, b)),
            (Instr::Binary(op), Instr::StoreFast(a)) => {
                small(a).map(|a| Instr::BinaryStoreFast(op, a))
            }
            (Instr::InplaceBinary(op), Instr::StoreFast(a)) => {
                small(a).map(|a| Instr::InplaceStoreFast(op, a))
            }
            (Instr::Compare(op), Instr::PopJumpIfFalse(t)) => {
                Some(Instr::CompareJumpIfFalse(op, t))
            }
            (Instr::ForIter(t), Instr::StoreFast(a)) => small(a).map(|a| Instr::ForIterStore(a, t)),
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
        if let Some(f) = inplace_at(i).or(triple).or(fused) {
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
    /// A complex number (real, imaginary).
    Complex(f64, f64),
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
    /// The columns of the source each instruction comes from (same length
    /// as `instructions`, or empty when unknown), for tracebacks' carets.
    pub positions: Vec<Position>,
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
    /// `async def` (or an async comprehension): calling it makes a
    /// coroutine, or an async generator when `is_generator` too.
    pub is_coroutine: bool,
    /// A class body: names go through LoadName/StoreName (module bodies use
    /// the global instructions, since there locals are the globals).
    pub is_class_body: bool,
    /// The first statement's string, for functions and classes.
    pub docstring: Option<String>,
    /// Upper bound of the value stack depth this code needs.
    pub max_stack: u32,
}

/// Where an instruction's source ends and its columns (UTF-8 byte offsets
/// in their lines, the end exclusive), as CPython's `co_positions`; it
/// starts on the instruction's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

impl Position {
    /// No columns known.
    pub const UNKNOWN: Position = Position {
        end_line: 0,
        col: 0,
        end_col: 0,
    };
}

impl CodeObject {
    /// The source position of the instruction at `pc`: (line, end line,
    /// column, end column), without the last three where unknown.
    pub fn position_at(&self, pc: usize) -> (u32, Option<Position>) {
        let p = self.positions.get(pc).copied();
        (self.line_at(pc), p.filter(|p| *p != Position::UNKNOWN))
    }

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
    fn jump_targets() {
        let mut j = Instr::ForIter(3);
        assert_eq!(j.jump_target(), Some(3));
        j.set_jump_target(9);
        assert_eq!(j, Instr::ForIter(9));
        let mut s = Instr::SetupWith(4);
        s.set_jump_target(5);
        assert_eq!(s.jump_target(), Some(5));
        let mut c = Instr::CompareJumpIfFalse(CmpOp::Eq, 2);
        c.set_jump_target(7);
        assert_eq!(c, Instr::CompareJumpIfFalse(CmpOp::Eq, 7));
        let mut l = Instr::LoadConst(3);
        l.set_jump_target(1);
        assert_eq!((l, l.jump_target()), (Instr::LoadConst(3), None));
    }

    #[test]
    fn stack_effects() {
        let effect = |i: Instr| {
            let e = i.stack_effect();
            (e.pops, e.pushes, e.jump_pushes)
        };
        assert_eq!(effect(Instr::CallMethod(3)), (5, Some(1), None));
        assert_eq!(effect(Instr::MapAdd(1)), (3, Some(1), None));
        let unpack = Instr::UnpackEx {
            before: 1,
            after: 2,
        };
        assert_eq!(effect(unpack), (1, Some(4), None));
        assert_eq!(effect(Instr::MakeFunction(0b1011)), (4, Some(1), None));
        assert_eq!(effect(Instr::JumpIfTrueOrPop(0)), (1, Some(0), Some(1)));
        assert_eq!(effect(Instr::Raise(2)), (2, None, None));
        assert!(!Instr::Jump(0).falls_through());
        assert_eq!(Instr::SubscrFastFast(0, 0).width(), 3);
        assert_eq!(Instr::Pop.width(), 1);
    }
}
