import html
import html.entities as ent

print(html.escape("<a href=\"x\">Tom & 'Jerry'</a>"))
print(html.escape("<a href=\"x\">Tom & 'Jerry'</a>", quote=False))
print(html.escape(""))
print(html.escape("&amp;"))

cases = [
    "no refs here",
    "&amp; &lt; &gt; &quot; &apos; &nbsp;x",
    "&amp &lt &gt &copy2023 &ampx &notit; &notin; &noti",
    "&#65;&#x42;&#X43;&#0068 &#x45",
    "&#0; &#13; &#128; &#129; &#150; &#x9f; &#x8d;",
    "&#1; &#11; &#12; &#127; &#xfdd0; &#xfffe; &#x1ffff; &#x10ffff;",
    "&#xd800; &#xdfff; &#x110000; &#99999999999;",
    "&#; &#x; &; & ; &&amp;",
    "&unknownentity; &zwj; &zwnj; &NotNestedGreaterGreater; &fjlig;",
    "&AMP; &Amp; &amp;amp; &lt;&gt;",
    "&" + "a" * 40 + ";",
    "&#x1F600; &#128512; &eacute;t&eacute;",
]
for c in cases:
    print(ascii(html.unescape(c)))

print(len(ent.html5), len(ent.name2codepoint), len(ent.codepoint2name), len(ent.entitydefs))
print(ent.name2codepoint["eacute"], ent.codepoint2name[233], ent.entitydefs["amp"])
print(ascii(ent.html5["NotEqualTilde;"]), ascii(ent.html5["amp"]))
print(sorted(ent.html5)[:5], list(ent.html5)[-3:])
print(ent.__all__)
try:
    html.unescape(5)
except TypeError as e:
    print("TypeError")
