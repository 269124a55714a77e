import difflib

before = ["one\n", "two\n", "three\n", "four\n", "five\n", "six\n", "seven\n"]
after = ["zero\n", "one\n", "tree\n", "four\n", "five\n", "six!\n", "seven\n", "eight\n"]
print("".join(difflib.ndiff(before, after)), end="")
print("".join(difflib.unified_diff(before, after, fromfile="before.txt", tofile="after.txt")), end="")
print("".join(difflib.unified_diff(before, after, n=1)), end="")
print("".join(difflib.context_diff(before, after, fromfile="a", tofile="b", n=1)), end="")
print(list(difflib.unified_diff(["a"], ["b"], lineterm="")))
delta = list(difflib.ndiff(before, after))
print("".join(difflib.restore(delta, 1)) == "".join(before), "".join(difflib.restore(delta, 2)) == "".join(after))

matcher = difflib.SequenceMatcher(None, "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(matcher.ratio(), 3), matcher.quick_ratio() >= matcher.ratio(), matcher.real_quick_ratio() >= matcher.quick_ratio())
print(matcher.get_matching_blocks())
for op in matcher.get_opcodes():
    print(op)
s = difflib.SequenceMatcher(lambda x: x == " ", "abcd efgh", "abxd ef gh")
print(s.find_longest_match(0, 9, 0, 10), list(s.get_grouped_opcodes(1)))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "heel", "whale", "wheels"], n=2, cutoff=0.7))
print(difflib.IS_LINE_JUNK("   # \n"), difflib.IS_LINE_JUNK("x\n"), difflib.IS_CHARACTER_JUNK("\t"), difflib.IS_CHARACTER_JUNK("x"))
print("".join(difflib.ndiff(["\tabcDefghiJkl\n"], ["\tabcdefGhijkl\n"])), end="")
print(list(difflib.Differ().compare(["same\n", "old line here\n"], ["same\n", "new line here\n", "extra\n"])))
