"""str.isdecimal, isdigit, isnumeric, isalpha, isalnum and isidentifier\nclassify characters as CPython 3.11 does (Unicode 14.0.0)."""
import sys
for s in ["123", "²", "Ⅻ", "①", "½", "٣", "一", "x1", "", "१२", "𝟙", "⑩", "³4"]:
    print(repr(s), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalpha(), s.isalnum())
print(sum(1 for c in map(chr, range(0x3000)) if c.isnumeric()), sum(1 for c in map(chr, range(0x3000)) if c.isdigit()), sum(1 for c in map(chr, range(0x3000)) if c.isdecimal()))
for s in ["नमस्ते", "héllo", "abc123", "Ⅻx", "ʰ", "ͅ", "日本語", "a_b"]:
    print(repr(s), s.isalpha(), s.isalnum(), s.isidentifier())
print("e\u0301".isidentifier(), "_x".isidentifier(), "1x".isidentifier())
