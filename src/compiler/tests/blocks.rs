//! Loops, exception blocks, `with`, and the unwinding done by `return`,
//! `break` and `continue` when they leave blocks early. `compile` checks
//! every code object with the flow analysis: consistent depths, matching
//! block pops, and `ReturnValue` with only the value on the stack.

use super::util::*;
use crate::syntax::ast::*;

fn call0(f: &str) -> Expr {
    call(name(f), vec![])
}

fn call0_stmt(f: &str) -> Stmt {
    expr_stmt(call0(f))
}

#[test]
fn try_except_else() {
    // try: a()
    // except E as e: b()
    // except: c()
    // else: d()
    let code = compile(vec![try_(
        vec![call0_stmt("a")],
        vec![
            handler(Some(name("E")), Some("e"), vec![call0_stmt("b")]),
            handler(None, None, vec![call0_stmt("c")]),
        ],
        vec![call0_stmt("d")],
        vec![],
    )]);
    assert_dis(
        &code,
        &[
            "SetupFinally 9",
            "LoadGlobal a",
            "Call 0",
            "Pop",
            "PopBlock",
            "LoadGlobal d",
            "Call 0",
            "Pop",
            "Jump 34",
            // handler: [exc]
            "LoadGlobal E",
            "CheckExcMatch",
            "PopJumpIfFalse 27",
            "StoreGlobal e",
            "SetupFinally 23",
            "LoadGlobal b",
            "Call 0",
            "Pop",
            "PopBlock",
            "PopExcept",
            "LoadConst None",
            "StoreGlobal e",
            "DeleteGlobal e",
            "Jump 34",
            // the handler body raised: clear e, re-raise
            "LoadConst None",
            "StoreGlobal e",
            "DeleteGlobal e",
            "Reraise",
            // bare except
            "Pop",
            "LoadGlobal c",
            "Call 0",
            "Pop",
            "PopExcept",
            "Jump 34",
            // nothing matched
            "Reraise",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn try_except_unmatched_reraises() {
    let code = compile(vec![try_(
        vec![pass()],
        vec![handler(Some(name("E")), None, vec![pass()])],
        vec![],
        vec![],
    )]);
    assert_dis(
        &code,
        &[
            "SetupFinally 3",
            "PopBlock",
            "Jump 10",
            "LoadGlobal E",
            "CheckExcMatch",
            "PopJumpIfFalse 9",
            "Pop",
            "PopExcept",
            "Jump 10",
            "Reraise",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(code.max_stack, 2);
}

#[test]
fn try_finally() {
    // try: a()
    // finally: b()
    let code = compile(vec![try_(
        vec![call0_stmt("a")],
        vec![],
        vec![],
        vec![call0_stmt("b")],
    )]);
    assert_dis(
        &code,
        &[
            "SetupFinally 9",
            "LoadGlobal a",
            "Call 0",
            "Pop",
            "PopBlock",
            "LoadGlobal b",
            "Call 0",
            "Pop",
            "Jump 13",
            // [exc]
            "LoadGlobal b",
            "Call 0",
            "Pop",
            "Reraise",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(code.max_stack, 2);
}

#[test]
fn try_except_finally_nests_except_inside_finally() {
    let code = compile(vec![try_(
        vec![call0_stmt("a")],
        vec![handler(None, None, vec![call0_stmt("b")])],
        vec![],
        vec![call0_stmt("c")],
    )]);
    let d = dis(&code);
    assert_eq!(d[0], "SetupFinally 19");
    assert_eq!(d[1], "SetupFinally 7");
    assert_contains_seq(
        &code,
        &[
            "PopExcept",
            "Jump 14",
            "Reraise",
            "PopBlock",
            "LoadGlobal c",
        ],
    );
}

#[test]
fn with_statement() {
    // with a as x: b()
    let code = compile(vec![with_(
        vec![(name("a"), Some(name("x")))],
        vec![call0_stmt("b")],
    )]);
    assert_dis(
        &code,
        &[
            "LoadGlobal a",
            "SetupWith 13",
            "StoreGlobal x",
            "LoadGlobal b",
            "Call 0",
            "Pop",
            "PopBlock",
            "LoadConst None",
            "Dup",
            "Dup",
            "Call 3",
            "Pop",
            "Jump 19",
            // [__exit__, exc]
            "WithExceptStart",
            "PopJumpIfTrue 16",
            "Reraise",
            "Pop",
            "PopExcept",
            "Pop",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(code.max_stack, 4);
}

#[test]
fn with_several_items_nests() {
    let code = compile(vec![with_(
        vec![(name("a"), Some(name("x"))), (name("b"), None)],
        vec![pass()],
    )]);
    let d = dis(&code);
    assert_eq!(
        d[..6],
        [
            "LoadGlobal a",
            "SetupWith 26",
            "StoreGlobal x",
            "LoadGlobal b",
            "SetupWith 13",
            "Pop"
        ]
    );
    assert_eq!(d.iter().filter(|s| *s == "WithExceptStart").count(), 2);
}

#[test]
fn for_loop_with_else_break_continue() {
    // for x in y:
    //     if x: break
    //     continue
    // else: z()
    let code = compile(vec![for_else(
        name("x"),
        name("y"),
        vec![if_(name("x"), vec![brk()], vec![]), cont()],
        vec![call0_stmt("z")],
    )]);
    assert_dis(
        &code,
        &[
            "LoadGlobal y",
            "GetIter",
            "ForIter 10",
            "StoreGlobal x",
            "LoadGlobal x",
            "PopJumpIfFalse 8",
            "Pop",
            "Jump 13",
            "Jump 2",
            "Jump 2",
            "LoadGlobal z",
            "Call 0",
            "Pop",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn while_loop() {
    // while x: if y: break
    // while True: continue
    let code = compile(vec![
        while_(name("x"), vec![if_(name("y"), vec![brk()], vec![])]),
        while_(boolean(true), vec![cont()]),
    ]);
    assert_dis(
        &code,
        &[
            "LoadGlobal x",
            "PopJumpIfFalse 6",
            "LoadGlobal y",
            "PopJumpIfFalse 5",
            "Jump 6",
            "Jump 0",
            "Jump 6",
            "Jump 6",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn break_and_continue_outside_loop() {
    let src = "if x:\n    break\n";
    let e = compile_err_src(src, vec![if_(name("x"), vec![at(10, brk())], vec![])]);
    assert_eq!(
        (e.msg.as_str(), e.lineno, e.col),
        ("'break' outside loop", 2, 5)
    );
    assert_eq!(compile_err(vec![cont()]), "'continue' not properly in loop");
    // A function body does not see the loop around its definition.
    assert_eq!(
        compile_err(vec![for_(
            name("x"),
            name("y"),
            vec![def("f", &[], vec![brk()])]
        )]),
        "'break' outside loop"
    );
    // Nor the else clause of its own loop.
    assert_eq!(
        compile_err(vec![for_else(name("x"), name("y"), vec![], vec![brk()])]),
        "'break' outside loop"
    );
}

#[test]
fn return_outside_function() {
    assert_eq!(compile_err(vec![ret_none()]), "'return' outside function");
    assert_eq!(
        compile_err(vec![class("C", vec![], vec![ret(int(1))])]),
        "'return' outside function"
    );
}

#[test]
fn return_in_try_finally_runs_the_finally_body() {
    // def f():
    //     try: return g()
    //     finally: h()
    let code = compile(vec![def(
        "f",
        &[],
        vec![try_(
            vec![ret(call0("g"))],
            vec![],
            vec![],
            vec![call0_stmt("h")],
        )],
    )]);
    let f = find(&code, "f");
    assert_dis(
        &f,
        &[
            "SetupFinally 13",
            "LoadGlobal g",
            "Call 0",
            // leaving the try: the value stays on top while `finally` runs
            "PopBlock",
            "LoadGlobal h",
            "Call 0",
            "Pop",
            "ReturnValue",
            // (unreachable normal exit)
            "PopBlock",
            "LoadGlobal h",
            "Call 0",
            "Pop",
            "Jump 17",
            // exception path
            "LoadGlobal h",
            "Call 0",
            "Pop",
            "Reraise",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn return_in_finally() {
    // def f():
    //     try: g()
    //     finally: return x
    let code = compile(vec![def(
        "f",
        &["x"],
        vec![try_(
            vec![call0_stmt("g")],
            vec![],
            vec![],
            vec![ret(name("x"))],
        )],
    )]);
    let f = find(&code, "f");
    assert_dis(
        &f,
        &[
            "SetupFinally 8",
            "LoadGlobal g",
            "Call 0",
            "Pop",
            "PopBlock",
            "LoadFast x",
            "ReturnValue",
            "Jump 14",
            // exception path: the return drops the exception and its handler
            "LoadFast x",
            "Rot2",
            "Pop",
            "PopExcept",
            "ReturnValue",
            "Reraise",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn break_in_with_calls_exit() {
    // for x in y:
    //     with c as v:
    //         break
    let code = compile(vec![for_(
        name("x"),
        name("y"),
        vec![with_(vec![(name("c"), Some(name("v")))], vec![brk()])],
    )]);
    assert_dis(
        &code,
        &[
            "LoadGlobal y",
            "GetIter",
            "ForIter 29",
            "StoreGlobal x",
            "LoadGlobal c",
            "SetupWith 22",
            "StoreGlobal v",
            // break: leave the with block, call __exit__(None, None, None)
            "PopBlock",
            "LoadConst None",
            "Dup",
            "Dup",
            "Call 3",
            "Pop",
            // then drop the loop's iterator
            "Pop",
            "Jump 29",
            "PopBlock",
            "LoadConst None",
            "Dup",
            "Dup",
            "Call 3",
            "Pop",
            "Jump 28",
            "WithExceptStart",
            "PopJumpIfTrue 25",
            "Reraise",
            "Pop",
            "PopExcept",
            "Pop",
            "Jump 2",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn return_in_with_in_for_keeps_value_on_top() {
    // def f():
    //     for x in y:
    //         with c:
    //             return x
    let code = compile(vec![def(
        "f",
        &[],
        vec![for_(
            name("x"),
            name("y"),
            vec![with_(vec![(name("c"), None)], vec![ret(name("x"))])],
        )],
    )]);
    let f = find(&code, "f");
    let d = dis(&f);
    assert_eq!(
        d[4..18],
        [
            "LoadGlobal c",
            "SetupWith 25",
            "Pop",
            "LoadFast x",
            "PopBlock",
            "Rot2",
            "LoadConst None",
            "Dup",
            "Dup",
            "Call 3",
            "Pop",
            "Rot2",
            "Pop",
            "ReturnValue",
        ]
    );
}

#[test]
fn continue_in_try_except_pops_block() {
    // for x in y:
    //     try: continue
    //     except: pass
    let code = compile(vec![for_(
        name("x"),
        name("y"),
        vec![try_(
            vec![cont()],
            vec![handler(None, None, vec![pass()])],
            vec![],
            vec![],
        )],
    )]);
    assert_contains_seq(&code, &["SetupFinally 9", "PopBlock", "Jump 2"]);
}

#[test]
fn break_in_finally_body() {
    // while c:
    //     try: a()
    //     finally: break
    let code = compile(vec![while_(
        name("c"),
        vec![try_(vec![call0_stmt("a")], vec![], vec![], vec![brk()])],
    )]);
    assert_dis(
        &code,
        &[
            "LoadGlobal c",
            "PopJumpIfFalse 14",
            "SetupFinally 9",
            "LoadGlobal a",
            "Call 0",
            "Pop",
            "PopBlock",
            "Jump 14",
            "Jump 13",
            // exception path: break drops the exception
            "Pop",
            "PopExcept",
            "Jump 14",
            "Reraise",
            "Jump 0",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn break_from_try_body_inlines_finally() {
    // for x in y:
    //     try: break
    //     finally: f()
    let code = compile(vec![for_(
        name("x"),
        name("y"),
        vec![try_(vec![brk()], vec![], vec![], vec![call0_stmt("f")])],
    )]);
    assert_contains_seq(
        &code,
        &[
            "SetupFinally 16",
            "PopBlock",
            "LoadGlobal f",
            "Call 0",
            "Pop",
            "Pop",
            "Jump 21",
        ],
    );
}

#[test]
fn return_in_named_handler_clears_name() {
    // def f():
    //     for x in y:
    //         try: pass
    //         except E as e: return e
    let code = compile(vec![def(
        "f",
        &[],
        vec![for_(
            name("x"),
            name("y"),
            vec![try_(
                vec![pass()],
                vec![handler(Some(name("E")), Some("e"), vec![ret(name("e"))])],
                vec![],
                vec![],
            )],
        )],
    )]);
    let f = find(&code, "f");
    assert_contains_seq(
        &f,
        &[
            "StoreFast e",
            "SetupFinally 27",
            "LoadFast e",
            "PopBlock",
            "PopExcept",
            "LoadConst None",
            "StoreFast e",
            "DeleteFast e",
            "Rot2",
            "Pop",
            "ReturnValue",
        ],
    );
}

#[test]
fn nested_finally_bodies_run_inner_first() {
    // def f():
    //     try:
    //         try: return 1
    //         finally: a()
    //     finally: b()
    let code = compile(vec![def(
        "f",
        &[],
        vec![try_(
            vec![try_(
                vec![ret(int(1))],
                vec![],
                vec![],
                vec![call0_stmt("a")],
            )],
            vec![],
            vec![],
            vec![call0_stmt("b")],
        )],
    )]);
    let f = find(&code, "f");
    assert_eq!(
        dis(&f)[..11],
        [
            "SetupFinally 26",
            "SetupFinally 17",
            "PopBlock",
            "LoadGlobal a",
            "Call 0",
            "Pop",
            "PopBlock",
            "LoadGlobal b",
            "Call 0",
            "Pop",
            "LoadConst 1",
        ]
    );
}

#[test]
fn return_inside_inlined_finally_drops_first_value() {
    // def f(x):
    //     try:
    //         return x
    //     finally:
    //         for y in z:
    //             return y
    let code = compile(vec![def(
        "f",
        &["x"],
        vec![try_(
            vec![ret(name("x"))],
            vec![],
            vec![],
            vec![for_(name("y"), name("z"), vec![ret(name("y"))])],
        )],
    )]);
    let f = find(&code, "f");
    assert_eq!(
        dis(&f)[..13],
        [
            "SetupFinally 26",
            "LoadFast x",
            "PopBlock",
            "LoadGlobal z",
            "GetIter",
            "ForIter 14",
            "StoreFast y",
            // return y: drop the iterator, then the pending return value
            "LoadFast y",
            "Rot2",
            "Pop",
            "Rot2",
            "Pop",
            "ReturnValue",
        ]
    );
}

#[test]
fn unwinding_in_generators_and_deep_blocks_is_consistent() {
    // Many combinations, checked by the flow analysis in `compile`.
    let inner = vec![
        if_(name("a"), vec![brk()], vec![]),
        if_(name("b"), vec![cont()], vec![]),
        if_(name("c"), vec![ret(name("d"))], vec![]),
        if_(name("c"), vec![ret_none()], vec![]),
        expr_stmt(yield_(Some(name("e")))),
    ];
    let shapes: Vec<Box<dyn Fn(Vec<Stmt>) -> Stmt>> = vec![
        Box::new(|b| try_(b, vec![], vec![], vec![call0_stmt("fin")])),
        Box::new(|b| {
            try_(
                b.clone(),
                vec![handler(Some(name("E")), Some("e"), b)],
                vec![],
                vec![],
            )
        }),
        Box::new(|b| {
            try_(
                vec![pass()],
                vec![handler(None, None, b.clone())],
                b,
                vec![],
            )
        }),
        Box::new(|b| try_(vec![pass()], vec![], vec![], b)),
        Box::new(|b| with_(vec![(name("m"), Some(name("v"))), (name("n"), None)], b)),
        Box::new(|b| for_(name("i"), name("it"), b)),
    ];
    for (i, outer) in shapes.iter().enumerate() {
        for (j, middle) in shapes.iter().enumerate() {
            let body = vec![outer(vec![middle(inner.clone())])];
            let f = def("f", &[], vec![while_(name("w"), body)]);
            let code = compile(vec![f]);
            let f = find(&code, "f");
            assert!(f.is_generator, "shapes {i} {j}");
        }
    }
}

#[test]
fn raise_and_assert() {
    // raise; raise E; raise E from C; assert x, "m"
    let code = compile(vec![
        raise(None, None),
        raise(Some(name("E")), None),
        raise(Some(name("E")), Some(name("C"))),
        st(StmtKind::Assert {
            test: name("x"),
            msg: Some(string("m")),
        }),
    ]);
    assert_dis(
        &code,
        &[
            "Raise 0",
            "LoadGlobal E",
            "Raise 1",
            "LoadGlobal E",
            "LoadGlobal C",
            "Raise 2",
            "LoadGlobal x",
            "PopJumpIfTrue 12",
            "LoadAssertionError",
            "LoadConst 'm'",
            "Call 1",
            "Raise 1",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn default_except_must_be_last() {
    assert_eq!(
        compile_err(vec![try_(
            vec![pass()],
            vec![
                handler(None, None, vec![pass()]),
                handler(Some(name("E")), None, vec![pass()])
            ],
            vec![],
            vec![],
        )]),
        "default 'except:' must be last"
    );
}

#[test]
fn constant_return_value_is_loaded_after_unwinding() {
    // def f():
    //     for x in y:
    //         return None
    let code = compile(vec![def(
        "f",
        &[],
        vec![for_(name("x"), name("y"), vec![ret(none())])],
    )]);
    let f = find(&code, "f");
    assert_eq!(
        dis(&f)[..7],
        [
            "LoadGlobal y",
            "GetIter",
            "ForIter 8",
            "StoreFast x",
            "Pop",
            "LoadConst None",
            "ReturnValue"
        ]
    );
}
