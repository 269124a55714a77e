"""Text wrapping and filling."""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

# The characters that count as whitespace here: ASCII only, so that a
# non-breaking space (U+00A0) stays inside its word.
_whitespace = "\t\n\x0b\x0c\r "


def _is_ws(c):
    return c in _whitespace


def _is_word(c):
    # \w of a str regular expression
    return c.isalnum() or c == "_"


def _is_letter(c):
    # a \w character that is not a digit
    return _is_word(c) and not c.isdecimal()


def _is_word_punct(c):
    return _is_word(c) or c in "!\"'&.,?"


class TextWrapper:
    """Wraps paragraphs of text to a width.

    The attributes (also keyword arguments) set the rules: width (70);
    initial_indent and subsequent_indent, prefixed to the first and the
    other lines and counted in the width; expand_tabs and tabsize (True, 8);
    replace_whitespace (True: each whitespace character becomes a space);
    fix_sentence_endings (False: two spaces after a sentence's end);
    break_long_words (True: words longer than the width are cut);
    break_on_hyphens (True: lines may end after a hyphen of a compound
    word); drop_whitespace (True: no spaces at the start or end of lines);
    max_lines (None) and placeholder (' [...]'), which ends the last line
    when the text is cut."""

    def __init__(self,
                 width=70,
                 initial_indent="",
                 subsequent_indent="",
                 expand_tabs=True,
                 replace_whitespace=True,
                 fix_sentence_endings=False,
                 break_long_words=True,
                 drop_whitespace=True,
                 break_on_hyphens=True,
                 tabsize=8,
                 *,
                 max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- Private methods -----------------------------------------------
    # (possibly useful for subclasses to override)

    def _munge_whitespace(self, text):
        """text with tabs expanded and whitespace characters made spaces,
        as the attributes ask."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = "".join(" " if c in _whitespace else c for c in text)
        return text

    def _split(self, text):
        """text cut into chunks that are never split across lines: words (cut
        after the hyphens of compound words if break_on_hyphens) and runs of
        whitespace.  'Look, goof-ball -- use the -b option!' gives 'Look,', ' ',
        'goof-', 'ball', ' ', '--', ' ', 'use', ' ', 'the', ' ', '-b', ' ',
        'option!'."""
        if self.break_on_hyphens:
            return _split_hyphenated(text)
        return _split_on_whitespace(text)

    def _fix_sentence_endings(self, chunks):
        """Make the space after each chunk that ends a sentence two spaces."""
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Put the start of a chunk too long for any line on the current line
        (reversed_chunks holds the chunks still to place, last one first)."""
        space_left = 1 if width < 1 else width - cur_len

        if self.break_long_words:
            chunk = reversed_chunks[-1]
            end = space_left
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer to break just after the last hyphen that fits,
                # unless only hyphens precede it.
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip("-"):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            # Nothing on this line yet: the whole long word goes here.
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """The lines made from chunks: each at most width long (unless a word
        cannot be broken), with the indents, and at most max_lines of them."""
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        # Work from the end of the list: popping is cheap there.
        chunks.reverse()

        while chunks:
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)

            # Whitespace at the start of a line other than the first goes.
            if self.drop_whitespace and lines and chunks[-1].strip() == "":
                del chunks[-1]

            cur_line = []
            cur_len = 0
            while chunks and cur_len + len(chunks[-1]) <= width:
                cur_len += len(chunks[-1])
                cur_line.append(chunks.pop())

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(len(c) for c in cur_line)

            # So does whitespace at the end of a line.
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]

            if not cur_line:
                continue

            rest_is_blank = not chunks or (
                self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
            if (self.max_lines is None or len(lines) + 1 < self.max_lines
                    or rest_is_blank and cur_len <= width):
                lines.append(indent + "".join(cur_line))
                continue

            # The last line allowed: end it with the placeholder.
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + "".join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break

        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    # -- Public interface ----------------------------------------------

    def wrap(self, text):
        """The lines of the paragraph text, wrapped to the width."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The paragraph text wrapped to the width, as one string."""
        return "\n".join(self.wrap(text))


def _ends_sentence(chunk):
    # A lowercase ASCII letter, then . ! or ?, then maybe a quote, at the end.
    n = len(chunk)
    if n and chunk[-1] in "\"'":
        n -= 1
    return (n >= 2 and chunk[n - 1] in ".!?"
            and "a" <= chunk[n - 2] <= "z")


def _split_on_whitespace(text):
    """Runs of whitespace and runs of anything else, in order."""
    chunks = []
    start = 0
    n = len(text)
    while start < n:
        ws = _is_ws(text[start])
        end = start + 1
        while end < n and _is_ws(text[end]) == ws:
            end += 1
        chunks.append(text[start:end])
        start = end
    return chunks


def _hyphen_run(text, i):
    """Length of the run of hyphens starting at text[i]."""
    j = i
    while j < len(text) and text[j] == "-":
        j += 1
    return j - i


def _em_dash_at(text, i):
    """Whether text[i:] starts with two or more hyphens followed by a word
    character (an em-dash written as hyphens)."""
    run = _hyphen_run(text, i)
    return run >= 2 and i + run < len(text) and _is_word(text[i + run])


def _split_hyphenated(text):
    """Chunks as for _split_on_whitespace, except that a word also ends
    right after a hyphen joining two letters (the hyphenated word
    'goof-ball' gives 'goof-' and 'ball'), and that an em-dash written as
    two or more hyphens between words is a chunk of its own."""
    n = len(text)

    def letter(k):
        return 0 <= k < n and _is_letter(text[k])

    chunks = []
    i = 0
    while i < n:
        if _is_ws(text[i]):
            j = i + 1
            while j < n and _is_ws(text[j]):
                j += 1
        elif i > 0 and _is_word_punct(text[i - 1]) and _em_dash_at(text, i):
            j = i + _hyphen_run(text, i)
        else:
            # The shortest word (one character at least) followed by one of:
            # a hyphen between letters, whitespace or the end, an em-dash.
            j = i + 1
            while True:
                if j >= n or _is_ws(text[j]):
                    break
                if (text[j] == "-"
                        and (letter(j - 2) and letter(j - 1)
                             or letter(j - 3) and text[j - 2] == "-" and letter(j - 1))
                        and letter(j + 1)
                        and (letter(j + 2) or text[j + 2:j + 3] == "-" and letter(j + 3))):
                    j += 1
                    break
                if _is_word_punct(text[j - 1]) and _em_dash_at(text, j):
                    break
                j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


# -- Convenience interface ---------------------------------------------

def wrap(text, width=70, **kwargs):
    """The paragraph text wrapped to lines of at most width characters, as a
    list; the keyword arguments are TextWrapper's attributes."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """The paragraph text wrapped to lines of at most width characters, as
    one string; the keyword arguments are TextWrapper's attributes."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """text with its whitespace collapsed, cut to fit in width: whole words
    followed by the placeholder (' [...]') when it is too long."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


# -- Loosely related functionality -------------------------------------

def dedent(text):
    """text with the whitespace prefix common to all its lines removed.

    Spaces and tabs are different characters here.  Lines holding only
    whitespace do not count, and become empty."""
    lines = text.split("\n")
    margin = None
    for k, line in enumerate(lines):
        body = line.lstrip(" \t")
        if not body:
            # Lines of only spaces and tabs become empty.
            lines[k] = ""
            continue
        lead = line[:len(line) - len(body)]
        if margin is None or margin.startswith(lead):
            margin = lead
        elif not lead.startswith(margin):
            common = 0
            while common < len(margin) and margin[common] == lead[common]:
                common += 1
            margin = margin[:common]
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """text with prefix added to the lines for which predicate(line) is true
    (by default, the lines that are not only whitespace)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
