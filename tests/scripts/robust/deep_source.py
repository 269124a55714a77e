# Deeply nested source is a SyntaxError, never a crash.
for src in ["(" * 100000 + ")" * 100000, "[" * 100000 + "]" * 100000,
            "{" * 300 + "}" * 300, "f(" * 100000 + ")" * 100000]:
    try:
        compile(src, "<deep>", "eval")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
