import textwrap

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen "
        "liquor jugs! How vexingly quick daft zebras jump; a well-known, often-quoted "
        "pangram -- used by type-setters and font-designers -- everywhere.")

for width in (20, 35, 50):
    print(f"--- width {width}")
    for line in textwrap.wrap(text, width=width):
        print(repr(line))

print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.fill(text, 30, break_on_hyphens=False))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10, break_long_words=False))
print(textwrap.wrap("a-very-long-hyphenated-compound-word here", 12))
print(textwrap.wrap("Hello.  World!\tTabs\there.\nNew line.", 12))
print(textwrap.wrap("Hello.  World!\tTabs\there.", 12, expand_tabs=False))
print(textwrap.wrap("  leading and trailing  ", 8, drop_whitespace=False))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10))
print(textwrap.fill("Mr. Smith went. to Washington. okay", 80, fix_sentence_endings=True))

for width in (5, 11, 12, 20, 40):
    print(repr(textwrap.shorten("Hello  world!  How are   you today?", width)))
print(textwrap.shorten("Lorem ipsum dolor sit amet", 15, placeholder="..."))
print(textwrap.wrap(text, 30, max_lines=3))
print(textwrap.wrap(text, 30, max_lines=2, placeholder=" (more)"))

try:
    textwrap.wrap("abc", 0)
except ValueError as e:
    print("ValueError:", e)
try:
    textwrap.shorten("abc def ghi", 4, placeholder=" [truncated]")
except ValueError as e:
    print("ValueError:", e)

wrapper = textwrap.TextWrapper(width=25, initial_indent="> ", subsequent_indent=">   ")
print(wrapper.width, wrapper.placeholder, wrapper.tabsize)
print("\n".join(wrapper.wrap(text)))
print(wrapper._split("Look, goof-ball -- use the -b option!"))
wrapper.break_on_hyphens = False
print(wrapper._split("Look, goof-ball -- use the -b option!"))

block = """\
    def hello():
        print("hi")

      # comment
    done
"""
print(textwrap.dedent(block), end="")
print(repr(textwrap.dedent("  a\n   \n\tb\n")))
print(repr(textwrap.dedent("   x\n  y\n")))
print(repr(textwrap.dedent("\tx\n\t\ty\n")))
print(textwrap.indent("one\n\ntwo\n  \nthree", "+ "), end="|\n")
print(textwrap.indent("one\ntwo\n", "  ", lambda line: line.startswith("t")), end="|\n")
print(textwrap.indent("x\r\ny", "# "))
