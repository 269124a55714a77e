#!/usr/bin/env python3
# Lists every `unsafe` block / impl / fn without a `// SAFETY:` comment in the
# comment lines right above it (or on the same line).
import re, sys, glob
bad = 0; total = 0
for p in glob.glob('src/**/*.rs', recursive=True) + glob.glob('benches/*.rs') + glob.glob('tests/**/*.rs', recursive=True):
    lines = open(p).read().split('\n')
    for i, l in enumerate(lines):
        code = l.split('//')[0]
        for m in re.finditer(r'\bunsafe\s*(\{|impl\b|fn\b)', code):
            total += 1
            j = i - 1
            ok = 'SAFETY:' in l
            while j >= 0 and not ok:
                t = lines[j].strip()
                if t.startswith('//') or t.startswith('#['):
                    if 'SAFETY:' in t: ok = True
                    j -= 1; continue
                # the statement may begin on an earlier line (e.g. `let x =` then `unsafe {`)
                if j == i - 1 and t and not t.endswith((';', '{', '}')):
                    j -= 1; continue
                break
            if not ok:
                bad += 1; print(f'{p}:{i+1}: {l.strip()}')
print(f'{total} unsafe, {bad} without SAFETY')
sys.exit(1 if bad else 0)
