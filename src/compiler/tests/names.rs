//! Symbol classification (local, global, cell, free, nonlocal, class
//! scopes, `__class__`) and the scope-related SyntaxErrors.

use super::util::*;
use crate::compiler::symtable::{Resolved, ScopeKind, SymbolTable};
use crate::syntax::ast::*;

fn table(body: &[Stmt]) -> SymbolTable {
    let m = Module {
        body: body.to_vec(),
    };
    SymbolTable::build(&m, "", "<test>").expect("no errors")
}

fn resolved(t: &SymbolTable, scope: &str, n: &str) -> Resolved {
    let s = t
        .scopes
        .iter()
        .find(|s| s.name == scope)
        .unwrap_or_else(|| panic!("no scope {scope}"));
    s.resolve(n)
}

#[test]
fn module_names_are_globals() {
    let code = compile(vec![
        assign(name("x"), int(1)),
        expr_stmt(call(name("print"), vec![name("x")])),
        st(StmtKind::Delete(vec![name("x")])),
    ]);
    assert_dis(
        &code,
        &[
            "LoadConst 1",
            "StoreGlobal x",
            "LoadGlobal print",
            "LoadGlobal x",
            "Call 1",
            "Pop",
            "DeleteGlobal x",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert!(!code.is_class_body);
    assert_eq!(code.qualname, "<module>");
    assert_eq!(code.max_stack, 2);
}

#[test]
fn function_locals_and_globals() {
    let code = compile(vec![def(
        "f",
        &["a"],
        vec![assign(name("b"), name("a")), ret(name("c"))],
    )]);
    assert_dis(
        &code,
        &[
            "LoadConst <code f>",
            "MakeFunction 0",
            "StoreGlobal f",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    let f = find(&code, "f");
    assert_dis(
        &f,
        &["LoadFast a", "StoreFast b", "LoadGlobal c", "ReturnValue"],
    );
    assert_eq!(f.varnames, ["a", "b"]);
    assert_eq!(f.argcount, 1);
    assert!(f.cellvars.is_empty() && f.freevars.is_empty());
}

#[test]
fn closures_use_cells() {
    // def f():
    //     x = 1
    //     def g(): return x
    //     return g
    let code = compile(vec![def(
        "f",
        &[],
        vec![
            assign(name("x"), int(1)),
            def("g", &[], vec![ret(name("x"))]),
            ret(name("g")),
        ],
    )]);
    let f = find(&code, "f");
    assert_eq!(f.cellvars, ["x"]);
    assert_eq!(f.varnames, ["g"]);
    assert_eq!(f.cell2arg, [None]);
    assert_dis(
        &f,
        &[
            "LoadConst 1",
            "StoreDeref x",
            "LoadClosure x",
            "BuildTuple 1",
            "LoadConst <code f.<locals>.g>",
            "MakeFunction 8",
            "StoreFast g",
            "LoadFast g",
            "ReturnValue",
        ],
    );
    let g = find(&code, "f.<locals>.g");
    assert_eq!(g.name, "g");
    assert_eq!(g.freevars, ["x"]);
    assert_dis(&g, &["LoadDeref x", "ReturnValue"]);
}

#[test]
fn captured_parameter_maps_to_its_cell() {
    // def f(a, x): return lambda: x
    let code = compile(vec![def(
        "f",
        &["a", "x"],
        vec![ret(lambda(&[], name("x")))],
    )]);
    let f = find(&code, "f");
    assert_eq!(f.varnames, ["a", "x"]);
    assert_eq!(f.cellvars, ["x"]);
    assert_eq!(f.cell2arg, [Some(1)]);
    let l = find(&code, "f.<locals>.<lambda>");
    assert_eq!(l.name, "<lambda>");
    assert_dis(&l, &["LoadDeref x", "ReturnValue"]);
}

#[test]
fn free_variable_passes_through_intermediate_function() {
    // def f():
    //     x = 1
    //     def g():
    //         def h(): return x
    let code = compile(vec![def(
        "f",
        &[],
        vec![
            assign(name("x"), int(1)),
            def("g", &[], vec![def("h", &[], vec![ret(name("x"))])]),
        ],
    )]);
    assert_eq!(find(&code, "f").cellvars, ["x"]);
    let g = find(&code, "f.<locals>.g");
    assert_eq!(g.freevars, ["x"]);
    assert_contains_seq(&g, &["LoadClosure x", "BuildTuple 1"]);
    assert_eq!(find(&code, "f.<locals>.g.<locals>.h").freevars, ["x"]);
}

#[test]
fn nonlocal_and_global_declarations() {
    // def f():
    //     x = 1
    //     def g():
    //         nonlocal x
    //         global y
    //         x = 2; y = 3; del x
    let code = compile(vec![def(
        "f",
        &[],
        vec![
            assign(name("x"), int(1)),
            def(
                "g",
                &[],
                vec![
                    nonlocal(&["x"]),
                    global(&["y"]),
                    assign(name("x"), int(2)),
                    assign(name("y"), int(3)),
                    st(StmtKind::Delete(vec![name("x")])),
                ],
            ),
        ],
    )]);
    let g = find(&code, "f.<locals>.g");
    assert_dis(
        &g,
        &[
            "LoadConst 2",
            "StoreDeref x",
            "LoadConst 3",
            "StoreGlobal y",
            "DeleteDeref x",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn global_declaration_hides_enclosing_binding() {
    // def f():
    //     x = 1
    //     def g():
    //         global x
    //         def h(): return x
    let body = vec![def(
        "f",
        &[],
        vec![
            assign(name("x"), int(1)),
            def(
                "g",
                &[],
                vec![global(&["x"]), def("h", &[], vec![ret(name("x"))])],
            ),
        ],
    )];
    let t = table(&body);
    assert_eq!(resolved(&t, "f", "x"), Resolved::Local);
    assert_eq!(resolved(&t, "g", "x"), Resolved::GlobalExplicit);
    assert_eq!(resolved(&t, "h", "x"), Resolved::GlobalImplicit);
}

#[test]
fn class_scope_is_skipped_by_methods() {
    // def f():
    //     x = 1
    //     class C:
    //         x = 2
    //         y = 3
    //         def m(self): return x, y
    let code = compile(vec![def(
        "f",
        &[],
        vec![
            assign(name("x"), int(1)),
            class(
                "C",
                vec![],
                vec![
                    assign(name("x"), int(2)),
                    assign(name("y"), int(3)),
                    def("m", &["self"], vec![ret(tuple(vec![name("x"), name("y")]))]),
                ],
            ),
        ],
    )]);
    let m = find(&code, "f.<locals>.C.m");
    // `x` is f's, `y` (the class's) is invisible: a global.
    assert_dis(
        &m,
        &["LoadDeref x", "LoadGlobal y", "BuildTuple 2", "ReturnValue"],
    );
    let c = find(&code, "f.<locals>.C");
    assert!(c.is_class_body);
    // The class binds x itself but must pass f's cell on to m.
    assert_eq!(c.freevars, ["x"]);
    assert_contains_seq(&c, &["LoadConst 2", "StoreName x"]);
    assert_contains_seq(
        &c,
        &[
            "LoadClosure x",
            "BuildTuple 1",
            "LoadConst <code f.<locals>.C.m>",
            "MakeFunction 8",
        ],
    );
    let f = find(&code, "f");
    assert_eq!(f.cellvars, ["x"]);
    // The class body function gets the cell too.
    assert_contains_seq(
        &f,
        &[
            "LoadBuildClass",
            "LoadClosure x",
            "BuildTuple 1",
            "LoadConst <code f.<locals>.C>",
            "MakeFunction 8",
        ],
    );
}

#[test]
fn class_body_reads_enclosing_function_variable() {
    // def f():
    //     x = 1
    //     class C:
    //         y = x
    let code = compile(vec![def(
        "f",
        &[],
        vec![
            assign(name("x"), int(1)),
            class("C", vec![], vec![assign(name("y"), name("x"))]),
        ],
    )]);
    let c = find(&code, "f.<locals>.C");
    assert_eq!(c.freevars, ["x"]);
    assert_contains_seq(&c, &["LoadClassDeref x", "StoreName y"]);
}

#[test]
fn class_body_layout() {
    // class C(B):
    //     "doc"
    //     a = 1
    let code = compile(vec![class(
        "C",
        vec![name("B")],
        vec![expr_stmt(string("doc")), assign(name("a"), int(1))],
    )]);
    assert_dis(
        &code,
        &[
            "LoadBuildClass",
            "LoadConst <code C>",
            "MakeFunction 0",
            "LoadConst 'C'",
            "LoadGlobal B",
            "Call 3",
            "StoreGlobal C",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    let c = find(&code, "C");
    assert!(c.is_class_body);
    assert_eq!(c.docstring.as_deref(), Some("doc"));
    assert_dis(
        &c,
        &[
            "LoadGlobal __name__",
            "StoreName __module__",
            "LoadConst 'C'",
            "StoreName __qualname__",
            "LoadConst 'doc'",
            "StoreName __doc__",
            "LoadConst 1",
            "StoreName a",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn super_creates_class_cell() {
    // class C:
    //     def m(self): return super().m()
    let code = compile(vec![class(
        "C",
        vec![],
        vec![def(
            "m",
            &["self"],
            vec![ret(call(attr(call(name("super"), vec![]), "m"), vec![]))],
        )],
    )]);
    let m = find(&code, "C.m");
    assert_eq!(m.freevars, ["__class__"]);
    let c = find(&code, "C");
    assert_eq!(c.cellvars, ["__class__"]);
    assert_eq!(c.cell2arg, [None]);
    assert_contains_seq(
        &c,
        &[
            "LoadClosure __class__",
            "BuildTuple 1",
            "LoadConst <code C.m>",
            "MakeFunction 8",
        ],
    );
    let n = c.instructions.len();
    assert_eq!(
        dis(&c)[n - 4..],
        [
            "LoadClosure __class__",
            "StoreName __classcell__",
            "LoadConst None",
            "ReturnValue"
        ]
    );
}

#[test]
fn dunder_class_name_creates_class_cell() {
    // class C:
    //     def m(self):
    //         def inner(): return __class__
    let code = compile(vec![class(
        "C",
        vec![],
        vec![def(
            "m",
            &["self"],
            vec![def("inner", &[], vec![ret(name("__class__"))])],
        )],
    )]);
    assert_eq!(find(&code, "C").cellvars, ["__class__"]);
    assert_eq!(find(&code, "C.m").freevars, ["__class__"]);
    let inner = find(&code, "C.m.<locals>.inner");
    assert_dis(&inner, &["LoadDeref __class__", "ReturnValue"]);
}

#[test]
fn class_without_super_has_no_cell() {
    let code = compile(vec![class(
        "C",
        vec![],
        vec![def("m", &["self"], vec![ret(name("self"))])],
    )]);
    let c = find(&code, "C");
    assert!(c.cellvars.is_empty());
    assert!(!dis(&c).iter().any(|s| s.contains("__classcell__")));
}

#[test]
fn nested_class_keeps_outer_class_cell_apart() {
    // class A:
    //     def m(self):
    //         class B:
    //             x = __class__          # A, from m's free var
    //             def n(self): super()   # B's own cell
    let code = compile(vec![class(
        "A",
        vec![],
        vec![def(
            "m",
            &["self"],
            vec![class(
                "B",
                vec![],
                vec![
                    assign(name("x"), name("__class__")),
                    def("n", &["self"], vec![expr_stmt(call(name("super"), vec![]))]),
                ],
            )],
        )],
    )]);
    let b = find(&code, "A.m.<locals>.B");
    assert_eq!(b.cellvars, ["__class__"]);
    assert_eq!(b.freevars, ["__class__"]);
    // Reading the name goes to the free variable (index 1), the closure for
    // n uses B's own cell (index 0).
    assert!(b
        .instructions
        .contains(&crate::compiler::bytecode::Instr::LoadClassDeref(1)));
    assert!(b
        .instructions
        .contains(&crate::compiler::bytecode::Instr::LoadClosure(0)));
}

#[test]
fn walrus_in_comprehension_binds_in_function() {
    // def f():
    //     [y := x for x in z]
    //     return y
    let code = compile(vec![def(
        "f",
        &[],
        vec![
            expr_stmt(listcomp(
                walrus("y", name("x")),
                vec![gen(name("x"), name("z"), vec![])],
            )),
            ret(name("y")),
        ],
    )]);
    let f = find(&code, "f");
    assert_eq!(f.cellvars, ["y"]);
    let comp = find(&code, "f.<locals>.<listcomp>");
    assert_eq!(comp.freevars, ["y"]);
    assert_contains_seq(&comp, &["LoadFast x", "Dup", "StoreDeref y"]);
}

#[test]
fn walrus_in_module_comprehension_is_global() {
    let code = compile(vec![expr_stmt(listcomp(
        walrus("y", name("x")),
        vec![gen(name("x"), name("z"), vec![])],
    ))]);
    let comp = find(&code, "<listcomp>");
    assert_contains_seq(&comp, &["Dup", "StoreGlobal y"]);
}

#[test]
fn comprehension_in_class_cannot_see_class_names() {
    // class C:
    //     a = 1
    //     b = [a for x in a]    # outer iterable in class scope, element not
    let code = compile(vec![class(
        "C",
        vec![],
        vec![
            assign(name("a"), int(1)),
            assign(
                name("b"),
                listcomp(name("a"), vec![gen(name("x"), name("a"), vec![])]),
            ),
        ],
    )]);
    let c = find(&code, "C");
    assert_contains_seq(&c, &["LoadName a", "GetIter", "Call 1", "StoreName b"]);
    let comp = find(&code, "C.<listcomp>");
    assert_contains_seq(&comp, &["LoadGlobal a", "ListAppend 2"]);
}

#[test]
fn scope_kinds() {
    let body = vec![def(
        "f",
        &[],
        vec![
            expr_stmt(lambda(&[], int(1))),
            expr_stmt(genexp(name("x"), vec![gen(name("x"), name("y"), vec![])])),
            class("C", vec![], vec![]),
        ],
    )];
    let t = table(&body);
    let kinds: Vec<ScopeKind> = t.scopes.iter().map(|s| s.kind).collect();
    use crate::compiler::symtable::CompKind;
    assert_eq!(
        kinds,
        [
            ScopeKind::Module,
            ScopeKind::Function,
            ScopeKind::Lambda,
            ScopeKind::Comprehension(CompKind::Generator),
            ScopeKind::Class
        ]
    );
    assert_eq!(resolved(&t, "<genexpr>", ".0"), Resolved::Local);
    assert_eq!(resolved(&t, "<genexpr>", "x"), Resolved::Local);
    assert_eq!(resolved(&t, "f", "y"), Resolved::GlobalImplicit);
    assert_eq!(resolved(&t, "f", "C"), Resolved::Local);
}

#[test]
fn qualnames() {
    // def f():
    //     def g(): pass
    //     class C:
    //         def m(self): return lambda: [x for x in ()]
    // def h():
    //     global k
    //     def k(): pass
    let code = compile(vec![
        def(
            "f",
            &[],
            vec![
                def("g", &[], vec![pass()]),
                class(
                    "C",
                    vec![],
                    vec![def(
                        "m",
                        &["self"],
                        vec![ret(lambda(
                            &[],
                            listcomp(name("x"), vec![gen(name("x"), tuple(vec![]), vec![])]),
                        ))],
                    )],
                ),
            ],
        ),
        def("h", &[], vec![global(&["k"]), def("k", &[], vec![pass()])]),
    ]);
    for q in [
        "f",
        "f.<locals>.g",
        "f.<locals>.C",
        "f.<locals>.C.m",
        "f.<locals>.C.m.<locals>.<lambda>",
        "f.<locals>.C.m.<locals>.<lambda>.<locals>.<listcomp>",
        "h",
        "k",
    ] {
        find(&code, q);
    }
    assert_contains_seq(&find(&code, "h"), &["MakeFunction 0", "StoreGlobal k"]);
}

// ---- errors ----

/// Compiles and returns (message, line, column) of the SyntaxError.
fn err_at(source: &str, body: Vec<Stmt>) -> (String, usize, usize) {
    let e = compile_err_src(source, body);
    (e.msg, e.lineno, e.col)
}

#[test]
fn nonlocal_at_module_level() {
    let src = "x = 1\nnonlocal x\n";
    let e = err_at(
        src,
        vec![assign(name("x"), int(1)), at(6, nonlocal(&["x"]))],
    );
    assert_eq!(
        e,
        (
            "nonlocal declaration not allowed at module level".into(),
            2,
            1
        )
    );
}

#[test]
fn nonlocal_without_binding() {
    let src = "def f():\n    nonlocal x\n";
    let e = err_at(src, vec![def("f", &[], vec![at(13, nonlocal(&["x"]))])]);
    assert_eq!(e, ("no binding for nonlocal 'x' found".into(), 2, 5));
    // A class scope's names do not count as bindings.
    let msg = compile_err(vec![class(
        "C",
        vec![],
        vec![
            assign(name("x"), int(1)),
            def("m", &[], vec![nonlocal(&["x"])]),
        ],
    )]);
    assert_eq!(msg, "no binding for nonlocal 'x' found");
    // Nor do globals.
    let msg = compile_err(vec![
        assign(name("x"), int(1)),
        def("f", &[], vec![nonlocal(&["x"])]),
    ]);
    assert_eq!(msg, "no binding for nonlocal 'x' found");
}

#[test]
fn global_after_assignment_or_use() {
    let src = "def f():\n    x = 1\n    global x\n";
    let e = err_at(
        src,
        vec![def(
            "f",
            &[],
            vec![assign(name("x"), int(1)), at(23, global(&["x"]))],
        )],
    );
    assert_eq!(
        e,
        (
            "name 'x' is assigned to before global declaration".into(),
            3,
            5
        )
    );

    let msg = compile_err(vec![def(
        "f",
        &[],
        vec![expr_stmt(name("x")), global(&["x"])],
    )]);
    assert_eq!(msg, "name 'x' is used prior to global declaration");

    let msg = compile_err(vec![def("f", &["x"], vec![global(&["x"])])]);
    assert_eq!(msg, "name 'x' is parameter and global");

    let msg = compile_err(vec![def(
        "f",
        &[],
        vec![
            assign(name("x"), int(1)),
            def("g", &["x"], vec![nonlocal(&["x"])]),
        ],
    )]);
    assert_eq!(msg, "name 'x' is parameter and nonlocal");

    let msg = compile_err(vec![def("f", &[], vec![global(&["x"]), nonlocal(&["x"])])]);
    assert_eq!(msg, "name 'x' is nonlocal and global");
}

#[test]
fn duplicate_argument() {
    let src = "def f(a, a): pass\n";
    let mut params = params_of(&["a"]);
    params.args.push(Param {
        span: Span::new(9, 10),
        ..param("a")
    });
    let e = err_at(src, vec![def_full("f", params, vec![pass()], vec![])]);
    assert_eq!(
        e,
        (
            "duplicate argument 'a' in function definition".into(),
            1,
            10
        )
    );
    assert_eq!(
        compile_err(vec![expr_stmt(lambda(&["x", "x"], int(1)))]),
        "duplicate argument 'x' in function definition"
    );
}

#[test]
fn yield_outside_function() {
    assert_eq!(
        compile_err(vec![expr_stmt(yield_(None))]),
        "'yield' outside function"
    );
    assert_eq!(
        compile_err(vec![class(
            "C",
            vec![],
            vec![expr_stmt(yield_from(name("x")))]
        )]),
        "'yield' outside function"
    );
    assert_eq!(
        compile_err(vec![def(
            "f",
            &[],
            vec![expr_stmt(listcomp(
                yield_(None),
                vec![gen(name("x"), name("y"), vec![])]
            ))],
        )]),
        "'yield' inside list comprehension"
    );
}

#[test]
fn walrus_errors() {
    assert_eq!(
        compile_err(vec![def(
            "f",
            &[],
            vec![expr_stmt(listcomp(
                walrus("x", int(1)),
                vec![gen(name("x"), name("y"), vec![])]
            ))],
        )]),
        "assignment expression cannot rebind comprehension iteration variable 'x'"
    );
    assert_eq!(
        compile_err(vec![class(
            "C",
            vec![],
            vec![expr_stmt(listcomp(
                walrus("a", int(1)),
                vec![gen(name("x"), name("y"), vec![])]
            ))],
        )]),
        "assignment expression within a comprehension cannot be used in a class body"
    );
}

#[test]
fn import_star_only_at_module_level() {
    let star = st(StmtKind::ImportFrom {
        module: "m".into(),
        names: vec![Alias {
            name: "*".into(),
            asname: None,
        }],
    });
    assert_eq!(
        compile_err(vec![def("f", &[], vec![star.clone()])]),
        "import * only allowed at module level"
    );
    let code = compile(vec![star]);
    assert_dis(
        &code,
        &[
            "ImportModule m",
            "ImportStar",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}
