# fnmatch and glob.
import os
import fnmatch
import glob
import tempfile
import shutil

cases = [
    ('abc', 'abc'), ('abc', 'a?c'), ('abc', 'a*'), ('abc', '*c'), ('abc', '*b*'), ('abc', '*d*'),
    ('abc', 'a[bc]c'), ('abc', 'a[!b]c'), ('abc', 'a[a-z]c'), ('aXc', 'a[a-z]c'), ('a-c', 'a[-]c'),
    ('a]c', 'a[]]c'), ('a!c', 'a[!]c'), ('abc', 'a[c-a]c'), ('abc', '[abc'), ('[abc', '[abc'),
    ('a.py', '*.py'), ('a.py.txt', '*.py'), ('.hidden', '*'), ('dir/file', '*'), ('dir/file', 'dir?file'),
    ('', '*'), ('', ''), ('x', ''), ('aaa', 'a*a*a'), ('aaaa', '*aa'), ('ab', 'a**b'), ('a\nb', 'a*b'),
    ('abc', 'ABC'), ('abcdefghij', '*c*f*i*'), ('mississippi', '*s*ss*i'), ('x[y', 'x[[]y'), ('x\\y', 'x\\y'),
    ('x\\y', 'x[\\]y'), ('é', '?'), ('héllo', 'h[é]llo'),
]
for name, pat in cases:
    print(repr(name), repr(pat), fnmatch.fnmatch(name, pat), fnmatch.fnmatchcase(name, pat))
print(fnmatch.filter(['a.py', 'b.txt', 'c.py', '.d.py'], '*.py'))
for pat in ['*.py', 'a?c', '[abc]', '[!abc]x', 'a*b*c', '*', '**', 'plain', 'a.b', '[a-z]*', '[', 'x+y(z)',
            '*a*', 'a**', '[!]', '[^x]']:
    print(repr(pat), fnmatch.translate(pat))

d = os.path.realpath(tempfile.mkdtemp())
for rel in ['a.txt', 'b.py', '.hidden.py', 'sub/c.py', 'sub/d.txt', 'sub/deep/e.py', 'sub/.secret/f.py',
            'other/g.txt', 'x[y].txt']:
    path = os.path.join(d, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, 'w').close()


def g(pattern, **kw):
    return sorted(os.path.relpath(p, d) if os.path.isabs(p) else p for p in glob.glob(os.path.join(d, pattern), **kw))


print(g('*.py'))
print(g('*'))
print(g('*/'))
print(g('*/*.py'))
print(g('sub/*'))
print(g('**/*.py'))
print(g('**/*.py', recursive=True))
print(g('**', recursive=True))
print(g('**/', recursive=True))
print(g('sub/**', recursive=True))
print(g('*.py', include_hidden=True))
print(g('**/*.py', recursive=True, include_hidden=True))
print(g('?.txt'), g('[ab].*'), g('[!a].*'))
print(g('missing*'), g('a.txt'), g('missing.txt'), g('sub/'), g('a.txt/'))
print(g(glob.escape('x[y].txt')), g('x[y].txt'), glob.escape('a*b?c[d'), glob.has_magic('a*'), glob.has_magic('abc'))
print(sorted(glob.glob('*.py', root_dir=os.path.join(d, 'sub'))))
print(sorted(glob.glob('**/*.txt', root_dir=d, recursive=True)))
print(sorted(os.path.relpath(p, d) for p in glob.iglob(os.path.join(d, 'sub', '*.py'))))
cwd = os.getcwd()
os.chdir(d)
print(sorted(glob.glob('*.txt')), sorted(glob.glob('sub/deep/*')), sorted(glob.glob('**', recursive=True)))
os.chdir(cwd)
shutil.rmtree(d)
