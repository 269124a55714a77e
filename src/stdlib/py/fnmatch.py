"""Shell-style wildcard matching of file names: `*` (anything), `?` (one
character), `[seq]` and `[!seq]` (one character in or not in seq).

gilpy matches patterns directly, without `re`; translate() still gives the
regular expression CPython's translate gives for the pattern (for the usual
patterns)."""

import os

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

# Token kinds of a parsed pattern.
_LIT, _ANY, _SET, _STAR = 0, 1, 2, 3

_cache = {}
_CACHE_MAX = 32768


def _parse(pat):
    """The pattern as tokens: (_LIT, text), (_ANY,), (_SET, negated,
    [(lo, hi), ...]), (_STAR,). Consecutive stars are one."""
    toks = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not toks or toks[-1][0] != _STAR:
                toks.append((_STAR,))
        elif c == '?':
            toks.append((_ANY,))
        elif c == '[':
            end = _set_end(pat, i)
            if end < 0:
                _add_lit(toks, '[')
                continue
            body = pat[i:end]
            i = end + 1
            negated = body.startswith('!')
            if negated:
                body = body[1:]
            toks.append((_SET, negated, _ranges(body)))
        else:
            _add_lit(toks, c)
    return toks


def _add_lit(toks, c):
    if toks and toks[-1][0] == _LIT:
        toks[-1] = (_LIT, toks[-1][1] + c)
    else:
        toks.append((_LIT, c))


def _set_end(pat, i):
    """The index of the ']' closing a set that opens before `i` (-1: none);
    a ']' right after '[' or '[!' belongs to the set."""
    n = len(pat)
    j = i
    if j < n and pat[j] == '!':
        j += 1
    if j < n and pat[j] == ']':
        j += 1
    while j < n and pat[j] != ']':
        j += 1
    return j if j < n else -1


def _ranges(body):
    """The (lo, hi) character ranges of a set's body."""
    out = []
    k, n = 0, len(body)
    while k < n:
        if k + 2 < n and body[k + 1] == '-':
            out.append((body[k], body[k + 2]))
            k += 3
        else:
            out.append((body[k], body[k]))
            k += 1
    return out


def _in_set(tok, ch):
    hit = False
    for lo, hi in tok[2]:
        if lo <= ch <= hi:
            hit = True
            break
    return hit != tok[1]


def _match(toks, name):
    """Whether `name` matches the tokens: a scan that, on a mismatch, lets
    the last star take one more character and tries again."""
    ti = ni = 0
    nt, nn = len(toks), len(name)
    star_t = -1
    star_n = 0
    while ni < nn:
        if ti < nt:
            tok = toks[ti]
            kind = tok[0]
            if kind == _STAR:
                star_t, star_n = ti, ni
                ti += 1
                continue
            if kind == _LIT:
                if name.startswith(tok[1], ni):
                    ni += len(tok[1])
                    ti += 1
                    continue
            elif kind == _ANY:
                ni += 1
                ti += 1
                continue
            elif _in_set(tok, name[ni]):
                ni += 1
                ti += 1
                continue
        if star_t < 0:
            return False
        star_n += 1
        ni = star_n
        ti = star_t + 1
    while ti < nt and toks[ti][0] == _STAR:
        ti += 1
    return ti == nt


def _compiled(pat):
    toks = _cache.get(pat)
    if toks is None:
        if isinstance(pat, bytes):
            toks = _parse(pat.decode('latin-1'))
        else:
            toks = _parse(pat)
        if len(_cache) >= _CACHE_MAX:
            _cache.clear()
        _cache[pat] = toks
    return toks


def fnmatch(name, pat):
    """Whether the file name matches the pattern (after os.path.normcase,
    which changes nothing on POSIX)."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def fnmatchcase(name, pat):
    """Whether the name matches the pattern, case-sensitively."""
    toks = _compiled(pat)
    if isinstance(name, bytes):
        if not isinstance(pat, bytes):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        name = name.decode('latin-1')
    elif isinstance(pat, bytes):
        raise TypeError("cannot use a bytes pattern on a string-like object")
    return _match(toks, name)


def filter(names, pat):
    """The names of the list that match the pattern."""
    pat = os.path.normcase(pat)
    toks = _compiled(pat)
    out = []
    for name in names:
        n = os.path.normcase(name)
        if isinstance(n, bytes):
            n = n.decode('latin-1')
        if _match(toks, n):
            out.append(name)
    return out


_RE_SPECIAL = set('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def _re_escape(text):
    return ''.join('\\' + c if c in _RE_SPECIAL else c for c in text)


def _set_regex(negated, body):
    if not body and not negated:
        return '(?!)'
    if not body and negated:
        return '.'
    text = body.replace('\\', '\\\\')
    for c in '&~|':
        text = text.replace(c, '\\' + c)
    if negated:
        return '[^' + text + ']'
    if text[0] in '^[':
        text = '\\' + text
    return '[' + text + ']'


def translate(pat):
    """The regular expression (as a string) that matches what the shell
    pattern matches."""
    pieces = []
    i, n = 0, len(pat)
    star = object()
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not pieces or pieces[-1] is not star:
                pieces.append(star)
        elif c == '?':
            pieces.append('.')
        elif c == '[':
            end = _set_end(pat, i)
            if end < 0:
                pieces.append('\\[')
                continue
            body = pat[i:end]
            i = end + 1
            negated = body.startswith('!')
            if negated:
                body = body[1:]
            pieces.append(_set_regex(negated, body))
        else:
            pieces.append(_re_escape(c))
    # Text between stars: the first piece fixed, middle ones atomic lazy
    # groups, the last one after a greedy '.*'.
    out = []
    k = 0
    while k < len(pieces) and pieces[k] is not star:
        out.append(pieces[k])
        k += 1
    while k < len(pieces):
        k += 1
        fixed = []
        while k < len(pieces) and pieces[k] is not star:
            fixed.append(pieces[k])
            k += 1
        fixed = ''.join(fixed)
        if k == len(pieces):
            out.append('.*' + fixed)
        else:
            out.append('(?>.*?' + fixed + ')')
    return '(?s:' + ''.join(out) + ')\\Z'
