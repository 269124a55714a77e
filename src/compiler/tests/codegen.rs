//! Expressions, assignments, calls, functions, classes, comprehensions,
//! imports, constants, line numbers and stack depths.

use super::util::*;
use crate::compiler::bytecode::{Constant as C, Instr};
use crate::syntax::ast::*;

/// The disassembly of a module made of one expression statement, without
/// the trailing `Pop; LoadConst None; ReturnValue`.
fn expr_dis(e: Expr) -> Vec<String> {
    let code = compile(vec![expr_stmt(e)]);
    let d = dis(&code);
    assert_eq!(d[d.len() - 3..], ["Pop", "LoadConst None", "ReturnValue"]);
    d[..d.len() - 3].to_vec()
}

#[test]
fn bool_ops_short_circuit() {
    assert_eq!(
        expr_dis(and(vec![name("a"), name("b"), name("c")])),
        [
            "LoadGlobal a",
            "JumpIfFalseOrPop 5",
            "LoadGlobal b",
            "JumpIfFalseOrPop 5",
            "LoadGlobal c"
        ]
    );
    assert_eq!(
        expr_dis(or(vec![name("a"), name("b")])),
        ["LoadGlobal a", "JumpIfTrueOrPop 3", "LoadGlobal b"]
    );
}

#[test]
fn chained_comparison() {
    // a < b < c
    let code = compile(vec![assign(
        name("r"),
        cmp(
            name("a"),
            vec![(CmpOp::Lt, name("b")), (CmpOp::Lt, name("c"))],
        ),
    )]);
    assert_dis(
        &code,
        &[
            "LoadGlobal a",
            "LoadGlobal b",
            "Dup",
            "Rot3",
            "Compare Lt",
            "JumpIfFalseOrPop 9",
            "LoadGlobal c",
            "Compare Lt",
            "Jump 11",
            "Rot2",
            "Pop",
            "StoreGlobal r",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(code.max_stack, 3);
}

#[test]
fn conditions_jump_directly() {
    // if not a and (b or c): x()
    let code = compile(vec![if_(
        and(vec![not(name("a")), or(vec![name("b"), name("c")])]),
        vec![expr_stmt(call(name("x"), vec![]))],
        vec![],
    )]);
    assert_dis(
        &code,
        &[
            "LoadGlobal a",
            "PopJumpIfTrue 9",
            "LoadGlobal b",
            "PopJumpIfTrue 6",
            "LoadGlobal c",
            "PopJumpIfFalse 9",
            "LoadGlobal x",
            "Call 0",
            "Pop",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn chained_comparison_as_condition() {
    // if a < b < c: x = 1
    let code = compile(vec![if_(
        cmp(
            name("a"),
            vec![(CmpOp::Lt, name("b")), (CmpOp::Lt, name("c"))],
        ),
        vec![assign(name("x"), int(1))],
        vec![],
    )]);
    assert_dis(
        &code,
        &[
            "LoadGlobal a",
            "LoadGlobal b",
            "Dup",
            "Rot3",
            "Compare Lt",
            "PopJumpIfFalse 10",
            "LoadGlobal c",
            "Compare Lt",
            "PopJumpIfFalse 14",
            "Jump 12",
            "Pop",
            "Jump 14",
            "LoadConst 1",
            "StoreGlobal x",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn if_elif_else_and_conditional_expression() {
    let code = compile(vec![if_(
        name("a"),
        vec![assign(name("x"), int(1))],
        vec![if_(
            name("b"),
            vec![assign(name("x"), int(2))],
            vec![assign(name("x"), if_exp(name("c"), int(3), int(4)))],
        )],
    )]);
    assert_dis(
        &code,
        &[
            "LoadGlobal a",
            "PopJumpIfFalse 5",
            "LoadConst 1",
            "StoreGlobal x",
            "Jump 16",
            "LoadGlobal b",
            "PopJumpIfFalse 10",
            "LoadConst 2",
            "StoreGlobal x",
            "Jump 16",
            "LoadGlobal c",
            "PopJumpIfFalse 14",
            "LoadConst 3",
            "Jump 15",
            "LoadConst 4",
            "StoreGlobal x",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn assignment_targets() {
    // a = b.c = d[e] = f[1:2] = v
    let code = compile(vec![st(StmtKind::Assign {
        targets: vec![
            name("a"),
            attr(name("b"), "c"),
            sub(name("d"), name("e")),
            sub(name("f"), slice(Some(int(1)), Some(int(2)), None)),
        ],
        value: name("v"),
    })]);
    assert_dis(
        &code,
        &[
            "LoadGlobal v",
            "Dup",
            "StoreGlobal a",
            "Dup",
            "LoadGlobal b",
            "StoreAttr c",
            "Dup",
            "LoadGlobal d",
            "LoadGlobal e",
            "StoreSubscr",
            "LoadGlobal f",
            "LoadConst 1",
            "LoadConst 2",
            "BuildSlice 2",
            "StoreSubscr",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn unpacking_targets() {
    // a, (b, c) = v ; x, *y, z = v ; [*w] = v
    let code = compile(vec![
        assign(
            tuple(vec![name("a"), tuple(vec![name("b"), name("c")])]),
            name("v"),
        ),
        assign(
            list(vec![name("x"), starred(name("y")), name("z")]),
            name("v"),
        ),
        assign(list(vec![starred(name("w"))]), name("v")),
    ]);
    assert_dis(
        &code,
        &[
            "LoadGlobal v",
            "UnpackSequence 2",
            "StoreGlobal a",
            "UnpackSequence 2",
            "StoreGlobal b",
            "StoreGlobal c",
            "LoadGlobal v",
            "UnpackEx { before: 1, after: 1 }",
            "StoreGlobal x",
            "StoreGlobal y",
            "StoreGlobal z",
            "LoadGlobal v",
            "UnpackEx { before: 0, after: 0 }",
            "StoreGlobal w",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(
        compile_err(vec![assign(
            tuple(vec![starred(name("a")), starred(name("b"))]),
            name("v")
        )]),
        "multiple starred expressions in assignment"
    );
    assert_eq!(
        compile_err(vec![assign(starred(name("a")), name("v"))]),
        "starred assignment target must be in a list or tuple"
    );
    assert_eq!(
        compile_err(vec![assign(call(name("f"), vec![]), int(1))]),
        "cannot assign to function call"
    );
}

#[test]
fn augmented_assignment() {
    // x += 1; o.a -= 2; s[i] *= 3
    let code = compile(vec![
        aug(name("x"), BinOp::Add, int(1)),
        aug(attr(name("o"), "a"), BinOp::Sub, int(2)),
        aug(sub(name("s"), name("i")), BinOp::Mul, int(3)),
    ]);
    assert_dis(
        &code,
        &[
            "LoadGlobal x",
            "LoadConst 1",
            "InplaceBinary Add",
            "StoreGlobal x",
            "LoadGlobal o",
            "Dup",
            "LoadAttr a",
            "LoadConst 2",
            "InplaceBinary Sub",
            "Rot2",
            "StoreAttr a",
            "LoadGlobal s",
            "LoadGlobal i",
            "DupTwo",
            "BinarySubscr",
            "LoadConst 3",
            "InplaceBinary Mul",
            "Rot3",
            "StoreSubscr",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(code.max_stack, 4);
    // In a function, `x += 1` makes x local.
    let code = compile(vec![def(
        "f",
        &[],
        vec![aug(name("x"), BinOp::Add, int(1))],
    )]);
    assert_contains_seq(
        &find(&code, "f"),
        &[
            "LoadFast x",
            "LoadConst 1",
            "InplaceBinary Add",
            "StoreFast x",
        ],
    );
}

#[test]
fn annotated_assignment() {
    let code = compile(vec![
        st(StmtKind::AnnAssign {
            target: name("x"),
            annotation: name("int"),
            value: Some(int(1)),
        }),
        st(StmtKind::AnnAssign {
            target: name("y"),
            annotation: name("int"),
            value: None,
        }),
    ]);
    assert_dis(
        &code,
        &[
            "SetupAnnotations",
            "LoadConst 1",
            "StoreGlobal x",
            "LoadGlobal int",
            "LoadGlobal __annotations__",
            "LoadConst 'x'",
            "StoreSubscr",
            "LoadGlobal int",
            "LoadGlobal __annotations__",
            "LoadConst 'y'",
            "StoreSubscr",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn delete_targets() {
    let code = compile(vec![st(StmtKind::Delete(vec![
        name("a"),
        attr(name("b"), "c"),
        sub(name("d"), int(0)),
        tuple(vec![name("e"), name("f")]),
    ]))]);
    assert_dis(
        &code,
        &[
            "DeleteGlobal a",
            "LoadGlobal b",
            "DeleteAttr c",
            "LoadGlobal d",
            "LoadConst 0",
            "DeleteSubscr",
            "DeleteGlobal e",
            "DeleteGlobal f",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn calls() {
    // f(1, x=2, y=3)
    assert_eq!(
        expr_dis(call_kw(
            name("f"),
            vec![int(1)],
            vec![(Some("x"), int(2)), (Some("y"), int(3))]
        )),
        [
            "LoadGlobal f",
            "LoadConst 1",
            "LoadConst 2",
            "LoadConst 3",
            "LoadConst ('x', 'y')",
            "CallKw 3"
        ]
    );
    // f(*a): `a` is passed as it is; CallEx makes the tuple.
    assert_eq!(
        expr_dis(call(name("f"), vec![starred(name("a"))])),
        ["LoadGlobal f", "LoadGlobal a", "CallEx 0"]
    );
    // f(1, *a, 2, k=3, **m, j=4)
    assert_eq!(
        expr_dis(call_kw(
            name("f"),
            vec![int(1), starred(name("a")), int(2)],
            vec![(Some("k"), int(3)), (None, name("m")), (Some("j"), int(4))],
        )),
        [
            "LoadGlobal f",
            "LoadConst 1",
            "BuildList 1",
            "LoadGlobal a",
            "ListExtend 1",
            "LoadConst 2",
            "ListAppend 1",
            "ListToTuple",
            "LoadConst 'k'",
            "LoadConst 3",
            "BuildMap 1",
            "LoadGlobal m",
            "DictMerge 1",
            "LoadConst 'j'",
            "LoadConst 4",
            "BuildMap 1",
            "DictMerge 1",
            "CallEx 1",
        ]
    );
    // f(**m)
    assert_eq!(
        expr_dis(call_kw(name("f"), vec![], vec![(None, name("m"))])),
        [
            "LoadGlobal f",
            "BuildTuple 0",
            "BuildMap 0",
            "LoadGlobal m",
            "DictMerge 1",
            "CallEx 1"
        ]
    );
}

#[test]
fn method_calls() {
    // o.m(1, 2)
    assert_eq!(
        expr_dis(call(attr(name("o"), "m"), vec![int(1), int(2)])),
        [
            "LoadGlobal o",
            "LoadMethod m",
            "LoadConst 1",
            "LoadConst 2",
            "CallMethod 2"
        ]
    );
    // o.m(k=1) is a plain call of the attribute
    assert_eq!(
        expr_dis(call_kw(
            attr(name("o"), "m"),
            vec![],
            vec![(Some("k"), int(1))]
        )),
        [
            "LoadGlobal o",
            "LoadAttr m",
            "LoadConst 1",
            "LoadConst ('k',)",
            "CallKw 1"
        ]
    );
}

#[test]
fn many_arguments_keep_the_stack_shallow() {
    let args: Vec<Expr> = (0..100).map(int).collect();
    let code = compile(vec![expr_stmt(call(name("f"), args.clone()))]);
    assert!(code.max_stack < 10, "{}", code.max_stack);
    let code = compile(vec![expr_stmt(list(args.clone()))]);
    assert!(code.max_stack < 10);
    let items = args.iter().map(|a| (Some(a.clone()), a.clone())).collect();
    let code = compile(vec![expr_stmt(dict(items))]);
    assert!(code.max_stack < 10);
}

#[test]
fn call_argument_errors() {
    let src = "f(a=1, a=2)";
    let e = compile_err_src(
        src,
        vec![expr_stmt(ex(ExprKind::Call {
            func: Box::new(name("f")),
            args: vec![],
            keywords: vec![
                Keyword {
                    span: Span::new(2, 5),
                    arg: Some("a".into()),
                    value: int(1),
                },
                Keyword {
                    span: Span::new(7, 10),
                    arg: Some("a".into()),
                    value: int(2),
                },
            ],
        }))],
    );
    assert_eq!((e.msg.as_str(), e.col), ("keyword argument repeated: a", 8));

    let src = "f(a=1, b)";
    let e = compile_err_src(
        src,
        vec![expr_stmt(ex(ExprKind::Call {
            func: Box::new(name("f")),
            args: vec![at(7, name("b"))],
            keywords: vec![Keyword {
                span: Span::new(2, 5),
                arg: Some("a".into()),
                value: int(1),
            }],
        }))],
    );
    assert_eq!(
        (e.msg.as_str(), e.col),
        ("positional argument follows keyword argument", 8)
    );

    // `f(a=1, *b)` is fine; `f(**m, *b)` and `f(**m, b)` are not.
    let call_with = |arg: Expr, unpack: bool| {
        expr_stmt(ex(ExprKind::Call {
            func: Box::new(name("f")),
            args: vec![at(7, arg)],
            keywords: vec![Keyword {
                span: Span::new(2, 5),
                arg: (!unpack).then(|| "a".into()),
                value: int(1),
            }],
        }))
    };
    compile(vec![call_with(starred(name("b")), false)]);
    assert_eq!(
        compile_err(vec![call_with(starred(name("b")), true)]),
        "iterable argument unpacking follows keyword argument unpacking"
    );
    assert_eq!(
        compile_err(vec![call_with(name("b"), true)]),
        "positional argument follows keyword argument unpacking"
    );
}

#[test]
fn displays() {
    assert_eq!(
        expr_dis(list(vec![int(1), starred(name("a")), int(2)])),
        [
            "LoadConst 1",
            "BuildList 1",
            "LoadGlobal a",
            "ListExtend 1",
            "LoadConst 2",
            "ListAppend 1"
        ]
    );
    assert_eq!(
        expr_dis(tuple(vec![starred(name("a"))])),
        ["BuildList 0", "LoadGlobal a", "ListExtend 1", "ListToTuple"]
    );
    assert_eq!(
        expr_dis(set(vec![int(1), starred(name("a"))])),
        ["LoadConst 1", "BuildSet 1", "LoadGlobal a", "SetUpdate 1"]
    );
    assert_eq!(
        expr_dis(tuple(vec![int(1), int(2)])),
        ["LoadConst 1", "LoadConst 2", "BuildTuple 2"]
    );
    // {1: 2, **m, 3: 4}
    assert_eq!(
        expr_dis(dict(vec![
            (Some(int(1)), int(2)),
            (None, name("m")),
            (Some(int(3)), int(4))
        ])),
        [
            "LoadConst 1",
            "LoadConst 2",
            "BuildMap 1",
            "LoadGlobal m",
            "DictUpdate 1",
            "LoadConst 3",
            "LoadConst 4",
            "BuildMap 1",
            "DictUpdate 1",
        ]
    );
    assert_eq!(expr_dis(dict(vec![])), ["BuildMap 0"]);
    assert_eq!(
        compile_err(vec![expr_stmt(starred(name("a")))]),
        "can't use starred expression here"
    );
}

#[test]
fn subscripts_and_slices() {
    // a[1:], a[::2], a[i, 1:2]
    assert_eq!(
        expr_dis(sub(name("a"), slice(Some(int(1)), None, None))),
        [
            "LoadGlobal a",
            "LoadConst 1",
            "LoadConst None",
            "BuildSlice 2",
            "BinarySubscr"
        ]
    );
    assert_eq!(
        expr_dis(sub(name("a"), slice(None, None, Some(int(2))))),
        [
            "LoadGlobal a",
            "LoadConst None",
            "LoadConst None",
            "LoadConst 2",
            "BuildSlice 3",
            "BinarySubscr"
        ]
    );
    assert_eq!(
        expr_dis(sub(
            name("a"),
            tuple(vec![name("i"), slice(Some(int(1)), Some(int(2)), None)])
        )),
        [
            "LoadGlobal a",
            "LoadGlobal i",
            "LoadConst 1",
            "LoadConst 2",
            "BuildSlice 2",
            "BuildTuple 2",
            "BinarySubscr"
        ]
    );
}

#[test]
fn fstrings() {
    // f"a{x!r:>{w}}b{y}"
    assert_eq!(
        expr_dis(fstring(vec![
            lit("a"),
            fval(
                name("x"),
                Some('r'),
                Some(vec![lit(">"), fval(name("w"), None, None)])
            ),
            lit("b"),
            fval(name("y"), None, None),
        ])),
        [
            "LoadConst 'a'",
            "LoadGlobal x",
            "LoadConst '>'",
            "LoadGlobal w",
            "FormatValue 0",
            "BuildString 2",
            "FormatValue 6",
            "LoadConst 'b'",
            "LoadGlobal y",
            "FormatValue 0",
            "BuildString 4",
        ]
    );
    // f"{x=}" shows the repr after the text; f"{x=:5}" formats.
    let debug = |spec: Option<Vec<FStringPart>>| {
        fstring(vec![FStringPart::Value {
            expr: Box::new(name("x")),
            conversion: None,
            spec,
            debug_text: Some("x=".into()),
        }])
    };
    assert_eq!(
        expr_dis(debug(None)),
        [
            "LoadConst 'x='",
            "LoadGlobal x",
            "FormatValue 2",
            "BuildString 2"
        ]
    );
    assert_eq!(
        expr_dis(debug(Some(vec![lit("5")]))),
        [
            "LoadConst 'x='",
            "LoadGlobal x",
            "LoadConst '5'",
            "FormatValue 4",
            "BuildString 2"
        ]
    );
    assert_eq!(expr_dis(fstring(vec![])), ["LoadConst ''"]);
    assert_eq!(
        expr_dis(fstring(vec![fval(name("x"), Some('a'), None)])),
        ["LoadGlobal x", "FormatValue 3"]
    );
}

#[test]
fn constants_are_deduplicated_but_distinct_by_type() {
    let code = compile(vec![expr_stmt(tuple(vec![
        string("a"),
        string("a"),
        int(1),
        int(1),
        float(1.0),
        boolean(true),
        float(0.0),
        float(-0.0),
        ex(ExprKind::Constant(Constant::Int(
            num_bigint::BigInt::from(1u8) << 80,
        ))),
    ]))]);
    let reprs: Vec<String> = code.consts.iter().map(|c| format!("{c:?}")).collect();
    assert_eq!(
        reprs,
        [
            "Str(\"a\")",
            "Int(1)",
            "Float(1.0)",
            "Bool(true)",
            "Float(0.0)",
            "Float(-0.0)",
            "BigInt(1208925819614629174706176)",
            "None"
        ]
    );
}

#[test]
fn function_definition_details() {
    // @d1
    // @d2
    // def f(a, b=1, *args, c, d=2, **kw):
    //     "doc"
    //     return a
    let params = Params {
        posonly: vec![],
        args: vec![param("a"), param_default("b", int(1))],
        vararg: Some(param("args")),
        kwonly: vec![param("c"), param_default("d", int(2))],
        kwarg: Some(param("kw")),
    };
    let code = compile(vec![def_full(
        "f",
        params,
        vec![expr_stmt(string("doc")), ret(name("a"))],
        vec![name("d1"), name("d2")],
    )]);
    assert_dis(
        &code,
        &[
            "LoadGlobal d1",
            "LoadGlobal d2",
            "LoadConst 1",
            "BuildTuple 1",
            "LoadConst 'd'",
            "LoadConst 2",
            "BuildMap 1",
            "LoadConst <code f>",
            "MakeFunction 3",
            "Call 1",
            "Call 1",
            "StoreGlobal f",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    let f = find(&code, "f");
    assert_eq!(f.varnames, ["a", "b", "c", "d", "args", "kw"]);
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (2, 0, 2));
    assert!(f.has_varargs && f.has_varkw && !f.is_generator);
    assert_eq!(f.docstring.as_deref(), Some("doc"));
    assert_dis(&f, &["LoadFast a", "ReturnValue"]);

    let mut bad = params_of(&[]);
    bad.args = vec![param_default("a", int(1)), param("b")];
    assert_eq!(
        compile_err(vec![def_full("g", bad, vec![pass()], vec![])]),
        "non-default argument follows default argument"
    );
}

#[test]
fn generators() {
    // def g():
    //     x = yield 1
    //     yield from x
    //     def inner(): pass
    let code = compile(vec![
        def(
            "g",
            &[],
            vec![
                assign(name("x"), yield_(Some(int(1)))),
                expr_stmt(yield_from(name("x"))),
                def("inner", &[], vec![pass()]),
            ],
        ),
        def(
            "h",
            &[],
            vec![def("inner", &[], vec![expr_stmt(yield_(None))])],
        ),
    ]);
    let g = find(&code, "g");
    assert!(g.is_generator);
    assert!(!find(&code, "g.<locals>.inner").is_generator);
    assert!(!find(&code, "h").is_generator);
    assert!(find(&code, "h.<locals>.inner").is_generator);
    assert_eq!(
        dis(&g)[..8],
        [
            "LoadConst 1",
            "YieldValue",
            "StoreFast x",
            "LoadFast x",
            "GetYieldFromIter",
            "LoadConst None",
            "YieldFrom",
            "Pop",
        ]
    );
}

#[test]
fn lambdas() {
    // lambda a, b=2: a + b
    let l = ex(ExprKind::Lambda {
        params: Box::new(Params {
            args: vec![param("a"), param_default("b", int(2))],
            ..Params::default()
        }),
        body: Box::new(bin(name("a"), BinOp::Add, name("b"))),
    });
    assert_eq!(
        expr_dis(l),
        [
            "LoadConst 2",
            "BuildTuple 1",
            "LoadConst <code <lambda>>",
            "MakeFunction 1"
        ]
    );
    let code = compile(vec![expr_stmt(lambda(&["a"], yield_(Some(name("a")))))]);
    let l = find(&code, "<lambda>");
    assert!(l.is_generator);
    assert_dis(
        &l,
        &[
            "LoadFast a",
            "YieldValue",
            "Pop",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn list_comprehension() {
    // [x * 2 for x in y if x]
    let code = compile(vec![assign(
        name("r"),
        listcomp(
            bin(name("x"), BinOp::Mul, int(2)),
            vec![gen(name("x"), name("y"), vec![name("x")])],
        ),
    )]);
    assert_dis(
        &code,
        &[
            "LoadConst <code <listcomp>>",
            "MakeFunction 0",
            "LoadGlobal y",
            "GetIter",
            "Call 1",
            "StoreGlobal r",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    let comp = find(&code, "<listcomp>");
    assert_eq!(comp.varnames, [".0", "x"]);
    assert_eq!(comp.argcount, 1);
    assert!(!comp.is_generator);
    assert_dis(
        &comp,
        &[
            "BuildList 0",
            "LoadFast .0",
            "ForIter 11",
            "StoreFast x",
            "LoadFast x",
            "PopJumpIfFalse 10",
            "LoadFast x",
            "LoadConst 2",
            "Binary Mul",
            "ListAppend 2",
            "Jump 2",
            "ReturnValue",
        ],
    );
    assert_eq!(comp.max_stack, 4);
}

#[test]
fn nested_comprehension_loops() {
    // {k: v for a in b for k, v in a}
    let code = compile(vec![expr_stmt(dictcomp(
        name("k"),
        name("v"),
        vec![
            gen(name("a"), name("b"), vec![]),
            gen(tuple(vec![name("k"), name("v")]), name("a"), vec![]),
        ],
    ))]);
    let comp = find(&code, "<dictcomp>");
    assert_dis(
        &comp,
        &[
            "BuildMap 0",
            "LoadFast .0",
            "ForIter 15",
            "StoreFast a",
            "LoadFast a",
            "GetIter",
            "ForIter 14",
            "UnpackSequence 2",
            "StoreFast k",
            "StoreFast v",
            "LoadFast k",
            "LoadFast v",
            "MapAdd 3",
            "Jump 6",
            "Jump 2",
            "ReturnValue",
        ],
    );
    // {x for x in y}
    let code = compile(vec![expr_stmt(setcomp(
        name("x"),
        vec![gen(name("x"), name("y"), vec![])],
    ))]);
    assert_contains_seq(&find(&code, "<setcomp>"), &["BuildSet 0", "LoadFast .0"]);
    assert_contains_seq(&find(&code, "<setcomp>"), &["LoadFast x", "SetAdd 2"]);
}

#[test]
fn generator_expression_in_function_with_closure() {
    // def f(n):
    //     return (x + n for x in range(n))
    let code = compile(vec![def(
        "f",
        &["n"],
        vec![ret(genexp(
            bin(name("x"), BinOp::Add, name("n")),
            vec![gen(name("x"), call(name("range"), vec![name("n")]), vec![])],
        ))],
    )]);
    let f = find(&code, "f");
    assert_eq!(f.cellvars, ["n"]);
    assert_eq!(f.cell2arg, [Some(0)]);
    assert_dis(
        &f,
        &[
            "LoadClosure n",
            "BuildTuple 1",
            "LoadConst <code f.<locals>.<genexpr>>",
            "MakeFunction 8",
            "LoadGlobal range",
            "LoadDeref n",
            "Call 1",
            "GetIter",
            "Call 1",
            "ReturnValue",
        ],
    );
    let g = find(&code, "f.<locals>.<genexpr>");
    assert!(g.is_generator);
    assert_eq!(g.name, "<genexpr>");
    assert_eq!(g.freevars, ["n"]);
    assert_dis(
        &g,
        &[
            "LoadFast .0",
            "ForIter 9",
            "StoreFast x",
            "LoadFast x",
            "LoadDeref n",
            "Binary Add",
            "YieldValue",
            "Pop",
            "Jump 1",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn class_with_keywords_and_star_bases() {
    let mut c = class("C", vec![name("A"), starred(name("bs"))], vec![pass()]);
    if let StmtKind::ClassDef(cd) = &mut c.kind {
        cd.keywords.push(kw(Some("metaclass"), name("M")));
        cd.decorators.push(name("dec"));
    }
    let code = compile(vec![c]);
    assert_dis(
        &code,
        &[
            "LoadGlobal dec",
            "LoadBuildClass",
            "LoadConst <code C>",
            "MakeFunction 0",
            "LoadConst 'C'",
            "LoadGlobal A",
            "BuildList 3",
            "LoadGlobal bs",
            "ListExtend 1",
            "ListToTuple",
            "LoadConst 'metaclass'",
            "LoadGlobal M",
            "BuildMap 1",
            "CallEx 1",
            "Call 1",
            "StoreGlobal C",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    let mut c = class("D", vec![], vec![pass()]);
    if let StmtKind::ClassDef(cd) = &mut c.kind {
        cd.keywords.push(kw(Some("metaclass"), name("M")));
    }
    let code = compile(vec![c]);
    assert_contains_seq(
        &code,
        &[
            "LoadConst 'D'",
            "LoadGlobal M",
            "LoadConst ('metaclass',)",
            "CallKw 3",
        ],
    );
}

#[test]
fn imports() {
    let code = compile(vec![
        st(StmtKind::Import(vec![
            Alias {
                name: "a.b".into(),
                asname: None,
            },
            Alias {
                name: "c.d".into(),
                asname: Some("e".into()),
            },
        ])),
        st(StmtKind::ImportFrom {
            module: "m".into(),
            names: vec![
                Alias {
                    name: "x".into(),
                    asname: None,
                },
                Alias {
                    name: "y".into(),
                    asname: Some("z".into()),
                },
            ],
        }),
    ]);
    assert_dis(
        &code,
        &[
            "ImportName a.b",
            "StoreGlobal a",
            "ImportModule c.d",
            "StoreGlobal e",
            "ImportModule m",
            "ImportFrom x",
            "StoreGlobal x",
            "ImportFrom y",
            "StoreGlobal z",
            "Pop",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(code.max_stack, 2);
    // In a function the names are locals.
    let code = compile(vec![def(
        "f",
        &[],
        vec![st(StmtKind::Import(vec![Alias {
            name: "os.path".into(),
            asname: None,
        }]))],
    )]);
    assert_contains_seq(&find(&code, "f"), &["ImportName os.path", "StoreFast os"]);
}

#[test]
fn module_docstring() {
    let code = compile(vec![
        expr_stmt(string("doc")),
        expr_stmt(ex(ExprKind::Constant(Constant::Ellipsis))),
    ]);
    assert_dis(
        &code,
        &[
            "LoadConst 'doc'",
            "StoreGlobal __doc__",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn bytes_literals_are_constants() {
    let code = compile(vec![assign(
        name("x"),
        ex(ExprKind::Constant(Constant::Bytes(vec![b'h', b'i']))),
    )]);
    assert!(code
        .consts
        .iter()
        .any(|c| matches!(c, C::Bytes(b) if b == b"hi")));
}

#[test]
fn line_numbers() {
    let src = "x = (1,\n     f(\n       y))\ndef g():\n    return z\n";
    //         0       8         18
    let value = at(
        4,
        tuple(vec![
            at(5, int(1)),
            at(13, call(at(13, name("f")), vec![at(23, name("y"))])),
        ]),
    );
    let body = vec![
        at(
            0,
            st(StmtKind::Assign {
                targets: vec![at(0, name("x"))],
                value,
            }),
        ),
        at(27, def("g", &[], vec![at(40, ret(at(47, name("z"))))])),
    ];
    let code = compile_src(src, body);
    let lines: Vec<(String, u32)> = dis(&code)
        .into_iter()
        .zip(code.lines.iter().copied())
        .collect();
    let expect = |s: &str, l: u32| (s.to_string(), l);
    assert_eq!(
        lines[..7],
        [
            expect("LoadConst 1", 1),
            expect("LoadGlobal f", 2),
            expect("LoadGlobal y", 3),
            expect("Call 1", 2),
            expect("BuildTuple 2", 1),
            expect("StoreGlobal x", 1),
            expect("LoadConst <code g>", 4),
        ]
    );
    let g = find(&code, "g");
    assert_eq!(g.firstlineno, 4);
    assert_eq!(g.lines, [5, 5]);
}

#[test]
fn long_operator_chains_use_no_recursion() {
    // x + 1 + 1 + ... (100k terms): left-deep, far beyond any nesting limit.
    let mut e = name("x");
    for _ in 0..100_000 {
        e = bin(e, BinOp::Add, int(1));
    }
    let m = module(vec![expr_stmt(e)]);
    let code = crate::compiler::compile_module(&m, "", "<test>").expect("compiles");
    check_code(&code);
    assert_eq!(code.max_stack, 2);
    assert_eq!(code.instructions.len(), 200_004);
    // The AST's own drop glue is recursive: leak it rather than overflow.
    std::mem::forget(m);
}

#[test]
fn deep_nesting_compiles() {
    // 1000 levels (the parser's limit) of lists, calls and subscripts, on a
    // thread with the usual main-thread stack size.
    let run = || {
        let mut e = name("x");
        for i in 0..1000 {
            e = match i % 3 {
                0 => list(vec![int(1), e]),
                1 => call(name("f"), vec![e]),
                _ => sub(name("a"), e),
            };
        }
        let code = compile(vec![def("g", &[], vec![ret(e)])]);
        assert!(find(&code, "g").max_stack > 1000);
    };
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(run)
        .expect("spawn")
        .join()
        .expect("no stack overflow");
}

#[test]
fn walrus_and_max_stack() {
    // f(a, (b := g(c, d)))
    let code = compile(vec![expr_stmt(call(
        name("f"),
        vec![
            name("a"),
            walrus("b", call(name("g"), vec![name("c"), name("d")])),
        ],
    ))]);
    assert_contains_seq(&code, &["Call 2", "Dup", "StoreGlobal b", "Call 2"]);
    assert_eq!(code.max_stack, 5);
    assert!(code.instructions.contains(&Instr::Dup));
    assert!(matches!(code.consts[..], [C::None]));
}
