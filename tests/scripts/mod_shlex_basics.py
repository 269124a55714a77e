import shlex

commands = [
    "ls -l /tmp",
    "echo 'hello world' \"and more\"",
    "grep -e 'a b' file\\ name.txt",
    "cmd --opt=\"quoted \\\"inner\\\" value\" plain",
    "a'b'c \"d\"'e'",
    "  spaced    out   ",
    "echo $HOME ~user *.py",
    "one # a comment",
    "'single \\ backslash' \"double \\\\ backslash\" \"keep \\n\"",
    "",
]
for line in commands:
    print(repr(line), "->", shlex.split(line))
print(shlex.split("one # a comment", comments=True))
print(shlex.split("a 'b c' d", posix=False))
print(shlex.split("it's \"ok\"", posix=False))

for bad in ["'unterminated", "trailing\\", "\"open"]:
    try:
        shlex.split(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)

for word in ["simple", "", "with space", "it's", "$var", "a;b", "safe/path-1.0_x@y%z+=:,", "tab\there", "ünï"]:
    print(repr(word), shlex.quote(word))
args = ["rm", "-rf", "my dir", "it's", ""]
joined = shlex.join(args)
print(joined, shlex.split(joined) == args)

lexer = shlex.shlex("a = b + c; print(x) # done\nnext_line 'q q'")
print(lexer.posix, repr(lexer.eof), lexer.whitespace_split, repr(lexer.commenters), repr(lexer.quotes))
tokens = []
while True:
    tok = lexer.get_token()
    if tok == lexer.eof:
        break
    tokens.append((tok, lexer.lineno))
print(tokens)

lexer = shlex.shlex("x=1 && y>2 || (z; w)", punctuation_chars=True)
print(list(lexer), lexer.punctuation_chars)
lexer = shlex.shlex("a&&b;c", posix=True, punctuation_chars="&")
print(list(lexer))
lexer = shlex.shlex("foo bar baz", posix=True)
print(lexer.get_token(), end=" ")
lexer.push_token("pushed")
print(lexer.get_token(), lexer.get_token(), list(lexer), lexer.get_token())
lexer = shlex.shlex("a b", infile="conf.txt")
print(lexer.error_leader(), lexer.error_leader("other", 7))
lexer = shlex.shlex("first", posix=True)
lexer.push_source("pushed source")
print(list(lexer))
lexer = shlex.shlex("path/to/file.txt key=value", posix=True)
lexer.whitespace_split = True
print(list(lexer))
lexer = shlex.shlex("path/to/file.txt key=value", posix=True)
print(list(lexer))
lexer = shlex.shlex("ab'cd'ef \"g h\"", posix=False)
print(list(lexer))
print(shlex.__all__)
