//! Control-flow analysis of a finished instruction list.
//!
//! Follows every path from the entry (jumps, fall-through and exception
//! handlers) tracking the value-stack depth and the block stack, to compute
//! `max_stack` and to check the invariants the VM relies on: every path into
//! an instruction arrives with the same depth and the same blocks, no
//! instruction pops more than is there, `PopBlock`/`PopExcept` match what
//! they pop, and `ReturnValue` leaves exactly the return value and no blocks.

use super::bytecode::Instr;
use std::collections::HashMap;

/// The jump target of a branching instruction.
pub(crate) fn jump_target(instr: &Instr) -> Option<u32> {
    match *instr {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::SetupFinally(t)
        | Instr::SetupWith(t) => Some(t),
        _ => None,
    }
}

/// Replaces the jump target of a branching instruction.
pub(crate) fn set_jump_target(instr: &mut Instr, target: u32) {
    match instr {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::SetupFinally(t)
        | Instr::SetupWith(t) => *t = target,
        _ => {}
    }
}

/// Instructions after which control never falls through.
pub(crate) fn is_terminal(instr: &Instr) -> bool {
    matches!(
        instr,
        Instr::Jump(_) | Instr::ReturnValue | Instr::Reraise | Instr::Raise(_)
    )
}

/// For a straight-line instruction: (depth it needs, net stack effect).
fn stack_effect(instr: Instr) -> (u32, i64) {
    use Instr::*;
    let (needs, pushes): (u32, u32) = match instr {
        Nop | DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => (0, 0),
        Pop => (1, 0),
        Dup => (1, 2),
        DupTwo => (2, 4),
        Rot2 => (2, 2),
        Rot3 => (3, 3),
        Rot4 => (4, 4),
        LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(_)
        | LoadGlobal(_) | LoadName(_) | LoadBuildClass | LoadAssertionError => (0, 1),
        StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) => (1, 0),
        LoadAttr(_) => (1, 1),
        StoreAttr(_) => (2, 0),
        DeleteAttr(_) => (1, 0),
        LoadMethod(_) => (1, 2),
        CallMethod(n) => (n + 2, 1),
        Binary(_) | InplaceBinary(_) | Compare(_) | BinarySubscr => (2, 1),
        Unary(_) => (1, 1),
        StoreSubscr => (3, 0),
        DeleteSubscr => (2, 0),
        BuildSlice(n) | BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => (n, 1),
        BuildMap(n) => (2 * n, 1),
        // These leave the container (at depth `d`) in place.
        ListAppend(d) | SetAdd(d) | ListExtend(d) | SetUpdate(d) | DictUpdate(d) | DictMerge(d) => {
            return (d + 1, -1)
        }
        MapAdd(d) => return (d + 2, -2),
        ListToTuple | GetIter | YieldValue | GetYieldFromIter => (1, 1),
        UnpackSequence(n) => (1, n),
        UnpackEx { before, after } => (1, u32::from(before) + u32::from(after) + 1),
        FormatValue(flags) => (1 + (flags >> 2 & 1), 1),
        Call(n) => (n + 1, 1),
        CallKw(n) => (n + 2, 1),
        CallEx(flags) => (2 + (flags & 1), 1),
        MakeFunction(flags) => (1 + (flags & 0b1011).count_ones(), 1),
        YieldFrom => (2, 1),
        WithExceptStart => (2, 3),
        CheckExcMatch => (2, 2),
        ImportName(_) | ImportModule(_) => (0, 1),
        ImportFrom(_) => (1, 2),
        ImportStar => (1, 0),
        // Branching and block instructions are handled by `analyze`.
        Jump(_) | PopJumpIfFalse(_) | PopJumpIfTrue(_) | JumpIfFalseOrPop(_)
        | JumpIfTrueOrPop(_) | ForIter(_) | ReturnValue | SetupFinally(_) | SetupWith(_)
        | PopBlock | PopExcept | Reraise | Raise(_) => unreachable!("not straight-line"),
        LoadFastLoadFast(..)
        | LoadFastLoadConst(..)
        | LoadFastLoadAttr(..)
        | StoreFastLoadFast(..)
        | CompareJumpIfFalse(..)
        | SliceSubscr(_)
        | ReverseTop(_)
        | SubscrFastConst(..)
        | SubscrFastFast(..) => unreachable!("fused only when code is loaded"),
    };
    (needs, i64::from(pushes) - i64::from(needs))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Block {
    /// `SetupFinally`/`SetupWith` handler block, with the handler and the
    /// stack depth the VM cuts back to.
    Setup { handler: u32, level: u32 },
    /// Pushed by the VM when it enters a handler; popped by `PopExcept`.
    ExceptHandler { level: u32 },
}

/// Block stacks as interned persistent lists, so that a state is two
/// integers and comparing states is cheap. Id 0 is the empty stack.
struct BlockStacks {
    nodes: Vec<(u32, Block)>,
    index: HashMap<(u32, Block), u32>,
}

impl BlockStacks {
    fn push(&mut self, parent: u32, block: Block) -> u32 {
        if let Some(&id) = self.index.get(&(parent, block)) {
            return id;
        }
        self.nodes.push((parent, block));
        let id = self.nodes.len() as u32; // ids start at 1
        self.index.insert((parent, block), id);
        id
    }

    fn top(&self, id: u32) -> Option<(u32, Block)> {
        (id != 0).then(|| self.nodes[id as usize - 1])
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct State {
    depth: u32,
    blocks: u32,
}

/// The states found so far and the instructions still to follow.
struct Walk {
    states: Vec<Option<State>>,
    work: Vec<usize>,
    max: u32,
}

impl Walk {
    /// Control reaches `pc` (from `from`) in state `st`.
    fn reach(&mut self, pc: usize, st: State, from: usize) -> Result<(), String> {
        let Some(slot) = self.states.get_mut(pc) else {
            return Err(format!("pc {from}: flows to {pc}, past the end"));
        };
        match slot {
            None => {
                *slot = Some(st);
                self.max = self.max.max(st.depth);
                self.work.push(pc);
                Ok(())
            }
            Some(old) if *old == st => Ok(()),
            Some(old) => Err(format!(
                "pc {pc}: reached from {from} with depth {}, but with depth {} before (or other blocks)",
                st.depth, old.depth
            )),
        }
    }
}

/// Computes the maximum stack depth, or describes the first inconsistency.
pub(crate) fn max_stack_depth(code: &[Instr]) -> Result<u32, String> {
    let mut walk = Walk {
        states: vec![None; code.len()],
        work: Vec::new(),
        max: 0,
    };
    let mut stacks = BlockStacks {
        nodes: Vec::new(),
        index: HashMap::new(),
    };
    if code.is_empty() {
        return Err("empty code".into());
    }
    walk.reach(
        0,
        State {
            depth: 0,
            blocks: 0,
        },
        0,
    )?;
    while let Some(pc) = walk.work.pop() {
        let st = walk.states[pc].expect("queued states are set");
        let d = st.depth;
        let need = |n: u32| -> Result<(), String> {
            if d < n {
                Err(format!("pc {pc}: {:?} needs {n} values, has {d}", code[pc]))
            } else {
                Ok(())
            }
        };
        let with = |depth: u32| State { depth, ..st };
        match code[pc] {
            Instr::ReturnValue => {
                if d != 1 || st.blocks != 0 {
                    return Err(format!(
                        "pc {pc}: ReturnValue with depth {d} and blocks {:?}",
                        stacks.top(st.blocks)
                    ));
                }
            }
            Instr::Reraise => need(1)?,
            Instr::Raise(n) => need(n)?,
            Instr::Jump(t) => walk.reach(t as usize, st, pc)?,
            Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                need(1)?;
                walk.reach(t as usize, with(d - 1), pc)?;
                walk.reach(pc + 1, with(d - 1), pc)?;
            }
            Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                need(1)?;
                walk.reach(t as usize, st, pc)?;
                walk.reach(pc + 1, with(d - 1), pc)?;
            }
            Instr::ForIter(t) => {
                need(1)?;
                walk.reach(t as usize, with(d - 1), pc)?;
                walk.reach(pc + 1, with(d + 1), pc)?;
            }
            Instr::SetupFinally(h) => {
                let handler = State {
                    depth: d + 1,
                    blocks: stacks.push(st.blocks, Block::ExceptHandler { level: d }),
                };
                walk.reach(h as usize, handler, pc)?;
                let body = State {
                    depth: d,
                    blocks: stacks.push(
                        st.blocks,
                        Block::Setup {
                            handler: h,
                            level: d,
                        },
                    ),
                };
                walk.reach(pc + 1, body, pc)?;
            }
            Instr::SetupWith(h) => {
                // `[ctx]` becomes `[__exit__, enter_result]`; the block level
                // counts `__exit__`, which stays under the handler's `exc`.
                need(1)?;
                let handler = State {
                    depth: d + 1,
                    blocks: stacks.push(st.blocks, Block::ExceptHandler { level: d }),
                };
                walk.reach(h as usize, handler, pc)?;
                let body = State {
                    depth: d + 1,
                    blocks: stacks.push(
                        st.blocks,
                        Block::Setup {
                            handler: h,
                            level: d,
                        },
                    ),
                };
                walk.reach(pc + 1, body, pc)?;
            }
            Instr::PopBlock => match stacks.top(st.blocks) {
                Some((parent, Block::Setup { .. })) => walk.reach(
                    pc + 1,
                    State {
                        depth: d,
                        blocks: parent,
                    },
                    pc,
                )?,
                other => return Err(format!("pc {pc}: PopBlock with top block {other:?}")),
            },
            Instr::PopExcept => match stacks.top(st.blocks) {
                Some((parent, Block::ExceptHandler { .. })) => walk.reach(
                    pc + 1,
                    State {
                        depth: d,
                        blocks: parent,
                    },
                    pc,
                )?,
                other => return Err(format!("pc {pc}: PopExcept with top block {other:?}")),
            },
            other => {
                let (needs, effect) = stack_effect(other);
                need(needs)?;
                let depth = u32::try_from(i64::from(d) + effect).expect("checked above");
                walk.reach(pc + 1, with(depth), pc)?;
            }
        }
    }
    Ok(walk.max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Instr::*;

    #[test]
    fn straight_line() {
        let code = [
            LoadConst(0),
            LoadConst(0),
            Binary(crate::syntax::ast::BinOp::Add),
            ReturnValue,
        ];
        assert_eq!(max_stack_depth(&code), Ok(2));
    }

    #[test]
    fn handler_depth_counts_the_exception() {
        // try: pass / except: pass
        let code = [
            LoadConst(0),
            SetupFinally(5),
            PopBlock,
            Pop,
            Jump(8),
            Pop, // 5: [c, exc] -> [c]
            PopExcept,
            Pop,          // [c] -> []
            LoadConst(0), // 8
            ReturnValue,
        ];
        assert_eq!(max_stack_depth(&code), Ok(2));
    }

    #[test]
    fn detects_inconsistent_merge() {
        let code = [
            LoadConst(0),
            PopJumpIfFalse(3),
            LoadConst(0),
            LoadConst(0),
            ReturnValue,
        ];
        assert!(max_stack_depth(&code).is_err());
    }

    #[test]
    fn detects_return_inside_block() {
        let code = [SetupFinally(3), LoadConst(0), ReturnValue, Reraise];
        assert!(max_stack_depth(&code).is_err());
    }

    #[test]
    fn detects_underflow_and_overrun() {
        assert!(max_stack_depth(&[Pop, LoadConst(0), ReturnValue]).is_err());
        assert!(max_stack_depth(&[LoadConst(0), Pop]).is_err());
        assert!(max_stack_depth(&[Jump(7)]).is_err());
    }
}
