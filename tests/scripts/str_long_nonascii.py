import re, time
u = ("héllo wörld " * 100000)
t = time.perf_counter()
x = sum(len(u[i:i+5]) for i in range(0, len(u), 7))
c = [u[i] for i in range(0, len(u), 1001)]
f = sum(1 for i in range(0, len(u), 1000) if u.find("w", i) >= 0)
r = re.sub(r"w(ö)", lambda m: m.group(1).upper(), u)
print(x, len(c), f, len(r), r[:30], round(time.perf_counter() - t, 2) < 3)
s = "aé" * 300
print(s[299:303], s[-3:], s[::-1][:4], s[5], s[-1], len(s), s.find("é", 400), s.rfind("a", 10, 300), s.index("aé", 598), s.count("é", 100, 200))
print(s.startswith("éa", 1), s.endswith("aé", 0, 600), s[600:], s[599:601])
import io
for data in (b'abc', b'a\xffb'):
    for enc in ('ascii', 'utf-8', 'latin-1'):
        try:
            print(repr(data.decode(enc, 'xmlcharrefreplace')))
        except Exception as e:
            print(type(e).__name__, e)
print("x€é\U0001f600".encode('ascii', 'xmlcharrefreplace'), "x€é".encode('latin-1', errors='xmlcharrefreplace'), "x€".encode('utf-8', 'xmlcharrefreplace'))
b = io.BytesIO()
t = io.TextIOWrapper(b, 'ascii', errors='xmlcharrefreplace')
t.write("é€!"); t.flush(); print(b.getvalue())
try:
    io.TextIOWrapper(io.BytesIO(b'\xff'), 'ascii', errors='xmlcharrefreplace').read()
except Exception as e:
    print(type(e).__name__, e)
u = "é€a<" * 50000
print(len(u.encode("ascii", "xmlcharrefreplace")), len(u.encode("latin-1", "xmlcharrefreplace")), u.encode("ascii", "backslashreplace")[:20])
# character positions across the index's strides
w = "".join(chr(0x61 + i % 26) if i % 3 else chr(0x3b1 + i % 20) for i in range(1000))
print(all(w[i] == list(w)[i] for i in range(0, 1000, 7)), [w.find(w[i:i + 3], i) == i for i in (0, 63, 64, 65, 127, 128, 999)])
print(w[60:70], w[-70:-60], len(w), w.rindex(w[500:503]), w.count("α", 64, 640))
