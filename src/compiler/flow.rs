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
        let instr = code[pc];
        let effect = instr.stack_effect();
        need(effect.pops)?;
        let base = d - effect.pops;
        // Where control goes on, and where it jumps, with which blocks.
        let (next_blocks, jump_blocks) = match instr {
            Instr::ReturnValue if d != 1 || st.blocks != 0 => {
                return Err(format!(
                    "pc {pc}: ReturnValue with depth {d} and blocks {:?}",
                    stacks.top(st.blocks)
                ));
            }
            Instr::SetupFinally(handler)
            | Instr::SetupWith(handler)
            | Instr::SetupAsyncWith(handler) => {
                // The block's level is the handler's depth without the
                // exception (for `with`, it counts `__exit__`).
                let jump = effect.jump_pushes.expect("a handler block");
                let level = base + jump - 1;
                let body = stacks.push(st.blocks, Block::Setup { handler, level });
                let caught = stacks.push(st.blocks, Block::ExceptHandler { level });
                (body, caught)
            }
            Instr::PopBlock => match stacks.top(st.blocks) {
                Some((parent, Block::Setup { .. })) => (parent, parent),
                other => return Err(format!("pc {pc}: PopBlock with top block {other:?}")),
            },
            Instr::PopExcept | Instr::EndAsyncFor => match stacks.top(st.blocks) {
                Some((parent, Block::ExceptHandler { .. })) => (parent, parent),
                other => return Err(format!("pc {pc}: {instr:?} with top block {other:?}")),
            },
            _ => (st.blocks, st.blocks),
        };
        if let (Some(target), Some(pushes)) = (instr.jump_target(), effect.jump_pushes) {
            let to = State {
                depth: base + pushes,
                blocks: jump_blocks,
            };
            walk.reach(target as usize, to, pc)?;
        }
        if let Some(pushes) = effect.pushes {
            let to = State {
                depth: base + pushes,
                blocks: next_blocks,
            };
            walk.reach(pc + instr.width(), to, pc)?;
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
            Binary(crate::compiler::bytecode::BinOp::Add),
            ReturnValue,
        ];
        assert_eq!(max_stack_depth(&code), Ok(2));
    }

    #[test]
    fn fused_code_has_the_same_depths() {
        use crate::compiler::bytecode::{fuse, CmpOp};
        let code = [
            LoadFast(0),
            LoadFast(1),
            BinarySubscr,
            Pop,
            LoadFast(0),
            LoadConst(0),
            Compare(CmpOp::Lt),
            PopJumpIfFalse(10),
            LoadConst(0),
            ReturnValue,
            LoadConst(0), // 10
            ReturnValue,
        ];
        let fused = fuse(&code);
        assert!(matches!(fused[0], SubscrFastFast(0, 1)));
        assert!(matches!(fused[6], CompareJumpIfFalse(CmpOp::Lt, 10)));
        assert_eq!(max_stack_depth(&code), Ok(2));
        assert_eq!(max_stack_depth(&fused), Ok(2));
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
