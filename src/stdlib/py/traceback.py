"""Extracting, formatting and printing stack traces and exceptions the way
the interpreter shows them."""

import collections.abc
import itertools
import linecache
import sys

__all__ = ["extract_stack", "extract_tb", "format_exception",
           "format_exception_only", "format_list", "format_stack",
           "format_tb", "print_exc", "format_exc", "print_exception",
           "print_last", "print_stack", "print_tb", "clear_frames",
           "FrameSummary", "StackSummary", "TracebackException",
           "walk_stack", "walk_tb"]


# -- lists of frames ---------------------------------------------------------------

def print_list(extracted_list, file=None):
    """Print the entries of a list as extract_tb() or extract_stack()
    return it."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """The text of each entry of a list of FrameSummary objects or
    (filename, lineno, name, line) tuples, as a list of strings."""
    return StackSummary.from_list(extracted_list).format()


# -- tracebacks ------------------------------------------------------------------------

def print_tb(tb, limit=None, file=None):
    """Print up to limit entries of traceback tb (all if limit is None)."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """The entries of traceback tb as strings."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """The entries of traceback tb as a StackSummary, outermost first."""
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_full_positions(tb), limit=limit)


# -- exceptions -------------------------------------------------------------------------

_cause_message = ("\nThe above exception was the direct cause "
                  "of the following exception:\n\n")

_context_message = ("\nDuring handling of the above exception, "
                    "another exception occurred:\n\n")


class _Sentinel:
    def __repr__(self):
        return "<implicit>"


_sentinel = _Sentinel()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f"Exception expected for value, {type(exc).__name__} found")
        return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    """Print an exception with its traceback (and the exceptions it was
    caused by or raised while handling, if chain) to file, sys.stderr by
    default.  The exception is given alone, or as (type, value, tb)."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines print_exception() prints, as a list of strings ending in
    newlines (some hold several lines)."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    """The last lines of an exception's report: 'Type: message' (and the
    location of a SyntaxError, and the exception's notes)."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, "exception")
    if value is None or not valuestr:
        return "%s\n" % etype
    return "%s: %s\n" % (etype, valuestr)


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return f"<{what} {func.__name__}() failed>"


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled (print_exception(*sys.exc_info()))."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """The report of the exception being handled, as one string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """Print the last uncaught exception (sys.last_value), as the
    interactive interpreter keeps it."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


# -- stacks -----------------------------------------------------------------------------

def print_stack(f=None, limit=None, file=None):
    """Print the stack from frame f (the caller's by default) upwards,
    outermost first."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """The entries print_stack() prints, as strings."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """The stack from frame f (the caller's by default) as a StackSummary,
    outermost first."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    """Clear the local variables of the frames of traceback tb."""
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            # a frame still running cannot be cleared
            pass
        tb = tb.tb_next


class FrameSummary:
    """One entry of a stack or traceback: filename, lineno, name, line (the
    source line, read lazily), end_lineno, colno and end_colno (the
    position of the code, if known) and locals (their reprs, if
    captured)."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno",
                 "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: _safe_string(v, "local", func=repr)
                       for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        # The source line as it is, indentation included.
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """(frame, line number) of f and of each frame that called it."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """(frame, line number) of each entry of traceback tb."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_full_positions(tb):
    # (frame, (lineno, end_lineno, colno, end_colno)) of each entry.
    while tb is not None:
        positions = _get_code_position(tb.tb_frame.f_code, tb.tb_lasti)
        if positions[0] is None:
            yield tb.tb_frame, (tb.tb_lineno,) + positions[1:]
        else:
            yield tb.tb_frame, positions
        tb = tb.tb_next


def _get_code_position(code, instruction_index):
    # Code without column positions gives the line number alone.
    if instruction_index < 0 or not hasattr(code, "co_positions"):
        return (None, None, None, None)
    positions_gen = code.co_positions()
    return next(itertools.islice(positions_gen, instruction_index // 2, None))


# Beyond this many identical consecutive entries, the rest are counted.
_RECURSIVE_CUTOFF = 3


class StackSummary(list):
    """A list of FrameSummary objects: a stack or a traceback."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """The StackSummary of (frame, lineno) pairs, at most limit of them
        (the first ones; the last -limit ones for a negative limit)."""
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)

        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True, capture_locals=False):
        if limit is None:
            limit = getattr(sys, "tracebacklimit", None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if limit >= 0:
                frame_gen = itertools.islice(frame_gen, limit)
            else:
                frame_gen = collections.deque(frame_gen, maxlen=-limit)

        result = klass()
        fnames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frame_gen:
            co = f.f_code
            filename = co.co_filename
            name = co.co_name
            fnames.add(filename)
            linecache.lazycache(filename, f.f_globals)
            # The lines are read once the cache is known to be fresh.
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(
                filename, lineno, name, lookup_line=False, locals=f_locals,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        for filename in fnames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """A StackSummary of FrameSummary objects or (filename, lineno,
        name, line) tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """The text of one entry: its location, its source line and, when
        the failing part is not the whole line, carets under it."""
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            stripped_line = frame_summary.line.strip()
            row.append("    {}\n".format(stripped_line))
            original = frame_summary._original_line
            # The characters stripped from the line as read (its newline
            # counts): the carets' indentation is measured from there.
            stripped_characters = len(original) - len(stripped_line)
            if frame_summary.colno is not None and frame_summary.end_colno is not None:
                start = _byte_offset_to_character_offset(original, frame_summary.colno)
                end = _byte_offset_to_character_offset(original, frame_summary.end_colno)
                segment = original[start:end]
                anchors = None
                if frame_summary.lineno == frame_summary.end_lineno:
                    try:
                        anchors = _extract_caret_anchors_from_line_segment(segment)
                    except Exception:
                        anchors = None
                else:
                    # spans several lines: mark to the end of this one
                    end = len(original.rstrip())
                if (end - start < len(stripped_line)
                        or anchors and anchors.right_start_offset - anchors.left_end_offset > 0):
                    dp_start = _display_width(original, start) + 1
                    dp_end = _display_width(original, end) + 1
                    row.append("    ")
                    row.append(" " * (dp_start - stripped_characters))
                    if anchors:
                        left = _display_width(segment, anchors.left_end_offset)
                        right = _display_width(segment, anchors.right_start_offset)
                        row.append(anchors.primary_char * left)
                        row.append(anchors.secondary_char * (right - left))
                        row.append(anchors.primary_char * (dp_end - dp_start - right))
                    else:
                        row.append("^" * (dp_end - dp_start))
                    row.append("\n")
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append("    {name} = {value}\n".format(name=name, value=value))
        return "".join(row)

    def format(self):
        """The text of each entry, runs of more than three identical entries
        (recursion) cut short with a count."""
        result = []
        last = None
        count = 0
        for frame_summary in self:
            formatted = self.format_frame_summary(frame_summary)
            if formatted is None:
                continue
            where = (frame_summary.filename, frame_summary.lineno, frame_summary.name)
            if last is None or where != last or None in where:
                if count > _RECURSIVE_CUTOFF:
                    result.append(_repeated_line(count - _RECURSIVE_CUTOFF))
                last = where
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted)
        if count > _RECURSIVE_CUTOFF:
            result.append(_repeated_line(count - _RECURSIVE_CUTOFF))
        return result


def _repeated_line(count):
    return f'  [Previous line repeated {count} more time{"s" if count > 1 else ""}]\n'


def _display_width(line, offset):
    """The columns the first offset characters of line take on a terminal
    (East Asian wide and full-width characters take two)."""
    if line.isascii():
        return offset
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in line[:offset])


def _byte_offset_to_character_offset(text, offset):
    """The number of characters in the first offset bytes of text's UTF-8
    encoding (a character cut in the middle counts)."""
    chars = 0
    used = 0
    for c in text:
        if used >= offset:
            break
        code = ord(c)
        used += 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
        chars += 1
    return chars


class _Anchors:
    """Where the operator of a failing expression is: the characters before
    left_end_offset and from right_start_offset on are marked with
    primary_char, those between with secondary_char."""

    __slots__ = ("left_end_offset", "right_start_offset", "primary_char", "secondary_char")

    def __init__(self, left_end_offset, right_start_offset, primary_char="~", secondary_char="^"):
        self.left_end_offset = left_end_offset
        self.right_start_offset = right_start_offset
        self.primary_char = primary_char
        self.secondary_char = secondary_char


def _extract_caret_anchors_from_line_segment(segment):
    """The anchors of a binary operation or a subscript that is the whole
    segment, or None (found by gilpy's parser)."""
    import _traceback

    found = _traceback.caret_anchors(segment)
    return None if found is None else _Anchors(*found)


class _ExceptionPrintContext:
    """State of the formatting of exception groups: how deep, and whether
    the box of the last sub-exception is still open."""

    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return " " * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        """The lines of text_gen (a string or strings), each prefixed with
        the indentation and margin of the current group depth."""
        if margin_char is None:
            margin_char = "|"
        prefix = self.indent()
        if self.exception_group_depth:
            prefix += margin_char + " "
        texts = [text_gen] if isinstance(text_gen, str) else text_gen
        for text in texts:
            yield "".join(prefix + line for line in text.splitlines(True))


def _exception_group_type():
    import builtins
    return getattr(builtins, "BaseExceptionGroup", None)


class TracebackException:
    """An exception ready to be formatted: its traceback (stack, a
    StackSummary), its type (exc_type) and message, the exceptions it was
    caused by (__cause__) or raised while handling (__context__), as
    TracebackExceptions, and the members of an exception group
    (exceptions).  For a SyntaxError: filename, lineno, end_lineno, text,
    offset, end_offset and msg.

    limit, lookup_lines and capture_locals are as for StackSummary.extract;
    compact keeps a __context__ only where it would be shown;
    max_group_width and max_group_depth bound how much of exception groups
    is shown."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        # The chain is followed here only by the outermost call; the ids of
        # the exceptions met end cycles.
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))

        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth

        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback),
            limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)
        self.exc_type = exc_type
        # The message is taken now, so that the exception can be freed.
        self._str = _safe_string(exc_value, "exception")
        self.__notes__ = getattr(exc_value, "__notes__", None)

        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = \
            exc_value.__suppress_context__ if exc_value is not None else False

        group_type = _exception_group_type()
        if not is_recursive_call:
            # Breadth of the chain without recursion: a queue of
            # (TracebackException, exception) still to complete.
            queue = [(self, exc_value)]
            while queue:
                te, e = queue.pop()
                if e and e.__cause__ is not None and id(e.__cause__) not in _seen:
                    cause = TracebackException(
                        type(e.__cause__), e.__cause__, e.__cause__.__traceback__,
                        limit=limit, lookup_lines=lookup_lines,
                        capture_locals=capture_locals,
                        max_group_width=max_group_width,
                        max_group_depth=max_group_depth, _seen=_seen)
                else:
                    cause = None

                if compact:
                    need_context = (cause is None and e is not None
                                    and not e.__suppress_context__)
                else:
                    need_context = True
                if (e and e.__context__ is not None and need_context
                        and id(e.__context__) not in _seen):
                    context = TracebackException(
                        type(e.__context__), e.__context__, e.__context__.__traceback__,
                        limit=limit, lookup_lines=lookup_lines,
                        capture_locals=capture_locals,
                        max_group_width=max_group_width,
                        max_group_depth=max_group_depth, _seen=_seen)
                else:
                    context = None

                if e and group_type is not None and isinstance(e, group_type):
                    exceptions = []
                    for exc in e.exceptions:
                        texc = TracebackException(
                            type(exc), exc, exc.__traceback__,
                            limit=limit, lookup_lines=lookup_lines,
                            capture_locals=capture_locals,
                            max_group_width=max_group_width,
                            max_group_depth=max_group_depth, _seen=_seen)
                        exceptions.append(texc)
                else:
                    exceptions = None

                te.__cause__ = cause
                te.__context__ = context
                te.exceptions = exceptions
                if cause:
                    queue.append((te.__cause__, e.__cause__))
                if context:
                    queue.append((te.__context__, e.__context__))
                if exceptions:
                    queue.extend(zip(te.exceptions, e.exceptions))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """The TracebackException of an exception."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def _load_lines(self):
        # Read the source lines of the traceback now.
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """The last lines of the report: the exception's type and message
        (a SyntaxError's location first), then its notes."""
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return

        stype = self.exc_type.__qualname__
        smod = self.exc_type.__module__
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + "." + stype

        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        if isinstance(self.__notes__, collections.abc.Sequence):
            for note in self.__notes__:
                note = _safe_string(note, "note")
                yield from [line + "\n" for line in note.split("\n")]
        elif self.__notes__ is not None:
            yield _safe_string(self.__notes__, "__notes__", func=repr) + "\n"

    def _format_syntax_error(self, stype):
        """The lines of a SyntaxError: location, source line, carets,
        message."""
        filename_suffix = ""
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = " ({})".format(self.filename)

        text = self.text
        if text is not None:
            # The line without its newline and its indentation; the carets
            # are placed by the offsets into the original text.
            rtext = text.rstrip("\n")
            ltext = rtext.lstrip(" \n\f")
            spaces = len(rtext) - len(ltext)
            yield "    {}\n".format(ltext)

            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    # tabs and other whitespace are kept, for alignment
                    caretspace = ((c if c.isspace() else " ") for c in ltext[:colno])
                    yield "    {}{}\n".format("".join(caretspace), "^" * (end_colno - colno))
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None):
        """The lines of the whole report, with the chained exceptions (if
        chain) first; each string ends in a newline."""
        if _ctx is None:
            _ctx = _ExceptionPrintContext()

        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg = _cause_message
                    chained_exc = exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg = _context_message
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None

                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))

        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit("Traceback (most recent call last):\n")
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.exception_group_depth > self.max_group_depth:
                yield from _ctx.emit(f"... (max_group_depth is {self.max_group_depth})\n")
            else:
                yield from self._format_group(exc, chain, _ctx)

    def _format_group(self, exc, chain, _ctx):
        """An exception group and its members, each in a numbered box."""
        is_toplevel = _ctx.exception_group_depth == 0
        if is_toplevel:
            _ctx.exception_group_depth += 1

        if exc.stack:
            yield from _ctx.emit("Exception Group Traceback (most recent call last):\n",
                                 margin_char="+" if is_toplevel else None)
            yield from _ctx.emit(exc.stack.format())

        yield from _ctx.emit(exc.format_exception_only())
        num_excs = len(exc.exceptions)
        if num_excs <= self.max_group_width:
            shown = num_excs
        else:
            shown = self.max_group_width + 1
        _ctx.need_close = False
        for i in range(shown):
            last_exc = i == shown - 1
            if last_exc:
                # a nested group may close the box itself
                _ctx.need_close = True

            truncated = self.max_group_width is not None and i >= self.max_group_width
            title = f"{i + 1}" if not truncated else "..."
            yield (_ctx.indent() + ("+-" if i == 0 else "  ")
                   + f"+---------------- {title} ----------------\n")
            _ctx.exception_group_depth += 1
            if not truncated:
                yield from exc.exceptions[i].format(chain=chain, _ctx=_ctx)
            else:
                remaining = num_excs - self.max_group_width
                plural = "s" if remaining > 1 else ""
                yield from _ctx.emit(f"and {remaining} more exception{plural}\n")

            if last_exc and _ctx.need_close:
                yield _ctx.indent() + "+------------------------------------\n"
                _ctx.need_close = False
            _ctx.exception_group_depth -= 1

        if is_toplevel:
            _ctx.exception_group_depth = 0

    def print(self, *, file=None, chain=True):
        """Print the report (format()) to file, sys.stderr by default."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
