from html.parser import HTMLParser

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Links &amp; more</title>
  <style>a > b { color: red } </p></style>
  <script type="text/javascript">
    if (a < b && c > d) { document.write("<a href='fake'>x</a>"); }
  </script>
</head>
<body>
<!-- a comment -- with dashes -->
<h1 class=title>Caf&eacute; &#x263A; &#9731; &copy 2023</h1>
<p>Visit <a href="https://example.com/?a=1&amp;b=2">Example</a>,
<A HREF='/relative/path' title="It's">relative</A> and
<a href=bare.html>bare</a>.
<img src="pic.png" alt="" /><br/>
<input type=checkbox checked disabled>
<?php echo "pi"; ?>
<![CDATA[ raw < data ]]>
<p>Unclosed paragraph &lt;tag&gt; &unknown; a&b
</body>
</html>
"""


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            for name, value in attrs:
                if name == "href":
                    self.links.append(value)


p = LinkParser()
p.feed(PAGE)
p.close()
for link in p.links:
    print(link)


class Echo(HTMLParser):
    def handle_starttag(self, tag, attrs):
        print("start", tag, attrs, self.getpos(), repr(self.get_starttag_text()))

    def handle_endtag(self, tag):
        print("end", tag, self.getpos())

    def handle_startendtag(self, tag, attrs):
        print("startend", tag, attrs)

    def handle_data(self, data):
        if data.strip():
            print("data", repr(data))

    def handle_comment(self, data):
        print("comment", repr(data))

    def handle_decl(self, decl):
        print("decl", repr(decl))

    def handle_pi(self, data):
        print("pi", repr(data))

    def unknown_decl(self, data):
        print("unknown_decl", repr(data))

    def handle_entityref(self, name):
        print("entityref", name)

    def handle_charref(self, name):
        print("charref", name)


print("-- converted")
e = Echo()
e.feed(PAGE)
e.close()

print("-- not converted")
e = Echo(convert_charrefs=False)
e.feed(PAGE)
e.close()

print("-- fed one character at a time")
e = Echo()
for ch in PAGE[300:700]:
    e.feed(ch)
e.close()

print("-- sloppy")
for text in ["<p>a<b>b</p>c</b>", "< p>not a tag</ p>", "</>", "<a b='1' c=\"2\" d=3 e>",
             "<div<span>", "<a href=x/>", "</a foo bar>", "<!bogus>", "<!-->", "x < y > z",
             "<br/ >", "<p =x>", "tail &amp", "tail <", "<script>never closed", "&#x26;&#38;&#0;"]:
    print(repr(text))
    e = Echo()
    e.feed(text)
    e.close()
    print("  left", repr(e.rawdata), e.getpos())

e = Echo()
try:
    e.feed("<![foo]>")
except AssertionError as exc:
    print("AssertionError:", exc)
e.reset()
e.feed("<b>again</b>")
print(HTMLParser.CDATA_CONTENT_ELEMENTS)
