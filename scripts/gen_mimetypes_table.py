#!/usr/bin/env python3
"""Writes the built-in tables of src/stdlib/py/mimetypes.py (between its
GENERATED TABLES markers) from the running python3's default tables: the
extension -> type maps CPython starts from before reading mime.types files.

    python3 scripts/gen_mimetypes_table.py
"""
import mimetypes
import os

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                    "src", "stdlib", "py", "mimetypes.py")
BEGIN = "# BEGIN GENERATED TABLES\n"
END = "# END GENERATED TABLES\n"


def table(name, mapping):
    lines = ["%s = {\n" % name]
    for key, value in mapping.items():
        lines.append("    %r: %r,\n" % (key, value))
    lines.append("}\n")
    return "".join(lines)


def main():
    # A fresh copy of the defaults, untouched by any mime.types file.
    mimetypes._default_mime_types()
    parts = [
        table("_suffix_map_default", mimetypes._suffix_map_default),
        table("_encodings_map_default", mimetypes._encodings_map_default),
        table("_types_map_default", mimetypes._types_map_default),
        table("_common_types_default", mimetypes._common_types_default),
    ]
    with open(PATH, encoding="utf-8") as f:
        text = f.read()
    start = text.index(BEGIN) + len(BEGIN)
    stop = text.index(END)
    text = text[:start] + "\n".join(parts) + text[stop:]
    with open(PATH, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
