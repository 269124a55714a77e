//! Where a traceback's carets put their `^`: the operator of a binary
//! operation, or the brackets of a subscript, when a failing instruction's
//! source segment is exactly one of those. CPython 3.11 finds them by
//! parsing the segment again when it prints the traceback; so does gilpy.

use super::ast::{ExprKind, StmtKind};

/// The character offsets in `segment` where the operator (or the
/// bracketed index) starts and ends, if `segment` parses as a lone binary
/// operation or subscript.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let body = super::parser::parse_module(segment).ok()?;
    let [stmt] = body.as_slice() else {
        return None;
    };
    let StmtKind::Expr(expr) = &stmt.kind else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    let len = chars.len();
    let at = |i: usize| chars.get(i).copied();
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            // The operator: the first character after the left operand that
            // is not blank, and the next one too if it is not blank (`**`,
            // `//`, `<<`...). Offsets mix bytes and characters as CPython's
            // do, which only matters on lines with non-ASCII text.
            let op_start = char_offset(segment, left.span.end as usize);
            let op_end = char_offset(segment, right.span.start as usize);
            let op: Vec<char> = chars
                .get(op_start..op_end.max(op_start))
                .unwrap_or_default()
                .to_vec();
            let blank = op.iter().take_while(|c| c.is_whitespace()).count();
            let mut left_anchor = left.span.end as usize + blank;
            let mut right_anchor = left_anchor + 1;
            if blank + 1 < op.len() && !op[blank + 1].is_whitespace() {
                right_anchor += 1;
            }
            while at(left_anchor).is_some_and(|c| c.is_whitespace() || c == ')' || c == '#') {
                left_anchor += 1;
                right_anchor += 1;
            }
            Some((
                char_offset(segment, left_anchor),
                char_offset(segment, right_anchor),
            ))
        }
        ExprKind::Subscript { value, index } => {
            let mut left_anchor = char_offset(segment, value.span.end as usize);
            let mut right_anchor = char_offset(segment, index.span.end as usize + 1);
            while left_anchor < len && at(left_anchor) != Some('[') {
                left_anchor += 1;
            }
            while right_anchor < len && at(right_anchor) != Some(']') {
                right_anchor += 1;
            }
            if right_anchor < len {
                right_anchor += 1;
            }
            Some((left_anchor, right_anchor))
        }
        _ => None,
    }
}

/// The number of characters in the first `offset` bytes of `text` (a
/// character cut in the middle counts).
pub fn char_offset(text: &str, offset: usize) -> usize {
    text.char_indices().take_while(|&(i, _)| i < offset).count()
}
