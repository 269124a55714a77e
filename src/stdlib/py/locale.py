"""Locale services, as CPython 3.11 shows them on a Linux machine whose C
library knows no locales but the built-in ones: C (also spelled POSIX) and
C.UTF-8 (C.utf8, C.UTF8...).

gilpy has no `_locale` module and does not call the C library's
`setlocale`: this module keeps the current locale of each category itself,
accepting the names glibc accepts on such a machine and refusing the others
with `locale.Error('unsupported locale setting')`.  `setlocale(category, '')`
reads LC_ALL, then LC_<category>, then LANG from `_os.environ`, as the C
library does.  At start-up LC_CTYPE is taken from the environment (coerced to
C.UTF-8 when that gives the C locale, as CPython does: PEP 538) and the other
categories are "C".

In both locales `localeconv()` is the C locale's, strings collate by code
point and `strxfrm` is the identity; `nl_langinfo` answers the C locale's
strings, CODESET being 'UTF-8' or 'ANSI_X3.4-1968'.  The formatting
functions (`format_string`, `currency`, `str`, `atof`, `atoi`, `delocalize`,
`localize`) follow `localeconv()`, so `_override_localeconv` changes them as
in CPython.  `normalize` knows a subset of CPython's alias table: the C and
POSIX names and the common European and Asian languages.  The gettext
functions return their message unchanged, as without message catalogs.
"""

import sys
import os as _os
import re
import functools
import collections.abc as _collections_abc

_builtin_str = str

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error",
           "setlocale", "resetlocale", "localeconv", "strcoll", "strxfrm",
           "str", "atof", "atoi", "format", "format_string", "currency",
           "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY",
           "LC_NUMERIC", "LC_ALL", "CHAR_MAX", "getencoding", "LC_MESSAGES"]


class Error(Exception):
    pass


# -- the categories (Linux values) ---------------------------------------------

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6

CHAR_MAX = 127

# Every category of glibc, in the order of its composite LC_ALL names (the
# last six have no constant in Python but can be named by number).
_CATEGORIES = (
    (0, 'LC_CTYPE'), (1, 'LC_NUMERIC'), (2, 'LC_TIME'), (3, 'LC_COLLATE'),
    (4, 'LC_MONETARY'), (5, 'LC_MESSAGES'), (7, 'LC_PAPER'), (8, 'LC_NAME'),
    (9, 'LC_ADDRESS'), (10, 'LC_TELEPHONE'), (11, 'LC_MEASUREMENT'),
    (12, 'LC_IDENTIFICATION'),
)
_CATEGORY_NAME = dict(_CATEGORIES)
_CATEGORY_BY_NAME = {name: number for number, name in _CATEGORIES}

# -- nl_langinfo keys (glibc's numbers) ----------------------------------------

CODESET = 14
RADIXCHAR = 65536
THOUSEP = 65537
CRNCYSTR = 262159
YESEXPR = 327680
NOEXPR = 327681
ABDAY_1, ABDAY_2, ABDAY_3, ABDAY_4, ABDAY_5, ABDAY_6, ABDAY_7 = range(
    131072, 131079)
DAY_1, DAY_2, DAY_3, DAY_4, DAY_5, DAY_6, DAY_7 = range(131079, 131086)
(ABMON_1, ABMON_2, ABMON_3, ABMON_4, ABMON_5, ABMON_6, ABMON_7, ABMON_8,
 ABMON_9, ABMON_10, ABMON_11, ABMON_12) = range(131086, 131098)
(MON_1, MON_2, MON_3, MON_4, MON_5, MON_6, MON_7, MON_8, MON_9, MON_10,
 MON_11, MON_12) = range(131098, 131110)
AM_STR = 131110
PM_STR = 131111
D_T_FMT = 131112
D_FMT = 131113
T_FMT = 131114
T_FMT_AMPM = 131115
ERA = 131116
ERA_D_FMT = 131118
ALT_DIGITS = 131119
ERA_D_T_FMT = 131120
ERA_T_FMT = 131121

_LANGINFO = {
    RADIXCHAR: '.', THOUSEP: '', CRNCYSTR: '-', YESEXPR: '^[yY]',
    NOEXPR: '^[nN]', AM_STR: 'AM', PM_STR: 'PM',
    D_T_FMT: '%a %b %e %H:%M:%S %Y', D_FMT: '%m/%d/%y', T_FMT: '%H:%M:%S',
    T_FMT_AMPM: '%I:%M:%S %p', ERA: '', ERA_D_FMT: '', ALT_DIGITS: '',
    ERA_D_T_FMT: '', ERA_T_FMT: '',
}
for _i, _name in enumerate(('Sunday', 'Monday', 'Tuesday', 'Wednesday',
                            'Thursday', 'Friday', 'Saturday')):
    _LANGINFO[DAY_1 + _i] = _name
    _LANGINFO[ABDAY_1 + _i] = _name[:3]
for _i, _name in enumerate(('January', 'February', 'March', 'April', 'May',
                            'June', 'July', 'August', 'September', 'October',
                            'November', 'December')):
    _LANGINFO[MON_1 + _i] = _name
    _LANGINFO[ABMON_1 + _i] = _name[:3]
del _i, _name


# -- the current locale ----------------------------------------------------------

_C_UTF8_RE = re.compile(r'C(?:_[^.@]*)?\.([^@]*)(?:@.*)?\Z', re.DOTALL)


def _known_name(name):
    """The name the C library keeps for locale `name`, or None when no
    such locale exists here."""
    if name == 'C' or name == 'POSIX':
        return 'C'
    if '/' in name:
        return None
    m = _C_UTF8_RE.match(name)
    if m is not None and m.group(1).strip().upper() in ('UTF-8', 'UTF8'):
        return name
    return None


def _env_name(category):
    env = _os.environ
    for var in ('LC_ALL', _CATEGORY_NAME[category], 'LANG'):
        value = env.get(var)
        if value:
            return value
    return 'C'


def _initial_state():
    state = {number: 'C' for number, _name in _CATEGORIES}
    ctype = _known_name(_env_name(LC_CTYPE)) or 'C'
    c_locale = ctype == 'C'
    if (c_locale and not _os.environ.get('LC_ALL')
            and _os.environ.get('PYTHONCOERCECLOCALE') != '0'):
        # PEP 538: CPython coerces a C locale to C.UTF-8 at start-up.
        ctype = 'C.UTF-8'
    state[LC_CTYPE] = ctype
    flag = _os.environ.get('PYTHONUTF8')
    if flag == '1':
        utf8 = True
    elif flag == '0':
        utf8 = False
    else:
        utf8 = c_locale
    return state, bool(getattr(sys.flags, 'utf8_mode', 0)) or utf8


_state, _utf8_mode = _initial_state()


def _c_int(value):
    try:
        number = type(value).__index__(value)
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None
    if not -2 ** 31 <= number < 2 ** 31:
        raise OverflowError("Python int too large to convert to C int")
    return number


def _c_string(value, what):
    if not isinstance(value, _builtin_str):
        raise TypeError("%s must be str, not %s" % (what, type(value).__name__))
    if '\0' in value:
        raise ValueError("embedded null character")
    return value


def _all_name():
    names = [_state[number] for number, _name in _CATEGORIES]
    if all(n == names[0] for n in names):
        return names[0]
    return ';'.join('%s=%s' % (label, _state[number])
                    for number, label in _CATEGORIES)


def _setlocale(category, locale=None):
    """Set (or with no locale, query) the locale of a category."""
    category = _c_int(category)
    if locale is not None:
        if not isinstance(locale, _builtin_str):
            raise TypeError("setlocale() argument 2 must be str or None, not %s"
                            % type(locale).__name__)
        if '\0' in locale:
            raise ValueError("embedded null character")
    if category != LC_ALL and category not in _CATEGORY_NAME:
        if locale is None:
            raise Error('locale query failed')
        raise Error('unsupported locale setting')
    if locale is None:
        if category == LC_ALL:
            return _all_name()
        return _state[category]

    def resolve(number, name):
        if name == '':
            name = _env_name(number)
        known = _known_name(name)
        if known is None:
            raise Error('unsupported locale setting')
        return known

    if category != LC_ALL:
        _state[category] = resolve(category, locale)
        return _state[category]
    new = {}
    if ';' in locale:
        # A composite name, as setlocale(LC_ALL) answers: every category.
        for part in locale.split(';'):
            label, eq, name = part.partition('=')
            if not eq or label not in _CATEGORY_BY_NAME:
                raise Error('unsupported locale setting')
            number = _CATEGORY_BY_NAME[label]
            new[number] = resolve(number, name)
        if len(new) != len(_CATEGORIES):
            raise Error('unsupported locale setting')
    else:
        for number, _label in _CATEGORIES:
            new[number] = resolve(number, locale)
    _state.update(new)
    return _all_name()


def _codeset():
    return 'ANSI_X3.4-1968' if _state[LC_CTYPE] == 'C' else 'UTF-8'


def getencoding():
    """The encoding of the current LC_CTYPE locale."""
    return _codeset()


def nl_langinfo(key):
    """A string of the current locale's data for an nl_langinfo key."""
    key = _c_int(key)
    if key == CODESET:
        return _codeset()
    try:
        return _LANGINFO[key]
    except KeyError:
        raise ValueError("unsupported langinfo constant") from None


def _localeconv():
    # C and C.UTF-8 alike: no currency, '.' as the decimal point, no grouping.
    return {
        'int_curr_symbol': '',
        'currency_symbol': '',
        'mon_decimal_point': '',
        'mon_thousands_sep': '',
        'mon_grouping': [],
        'positive_sign': '',
        'negative_sign': '',
        'int_frac_digits': CHAR_MAX,
        'frac_digits': CHAR_MAX,
        'p_cs_precedes': CHAR_MAX,
        'p_sep_by_space': CHAR_MAX,
        'n_cs_precedes': CHAR_MAX,
        'n_sep_by_space': CHAR_MAX,
        'p_sign_posn': CHAR_MAX,
        'n_sign_posn': CHAR_MAX,
        'decimal_point': '.',
        'thousands_sep': '',
        'grouping': [],
    }


# Entries here replace localeconv()'s (for tests of the formatting code).
_override_localeconv = {}


def localeconv():
    """The numeric and monetary formatting data of the current locale."""
    conv = _localeconv()
    if _override_localeconv:
        conv.update(_override_localeconv)
    return conv


def _strcoll(a, b):
    a = _c_string(a, 'strcoll() argument 1')
    b = _c_string(b, 'strcoll() argument 2')
    # Both locales collate by code point (wcscmp).
    if a == b:
        return 0
    return -1 if a < b else 1


def _strxfrm(s):
    return _c_string(s, 'strxfrm() argument')


strcoll = _strcoll
strxfrm = _strxfrm


# -- message catalogs (there are none: messages come back as they are) --------

_text_domain = ['messages']
_domain_dirs = {}
_domain_codesets = {}


def _optional_str(value, what):
    if value is not None and not isinstance(value, _builtin_str):
        raise TypeError("%s must be str or None, not %s"
                        % (what, type(value).__name__))
    if value is not None and '\0' in value:
        raise ValueError("embedded null character")
    return value


def gettext(msg):
    return _c_string(msg, 'gettext() argument')


def dgettext(domain, msg):
    _optional_str(domain, 'dgettext() argument 1')
    return _c_string(msg, 'dgettext() argument 2')


def dcgettext(domain, msg, category):
    _optional_str(domain, 'dcgettext() argument 1')
    _c_string(msg, 'dcgettext() argument 2')
    _c_int(category)
    return msg


def textdomain(domain):
    _optional_str(domain, 'textdomain() argument')
    if domain is not None:
        _text_domain[0] = domain or 'messages'
    return _text_domain[0]


def bindtextdomain(domain, dir):
    _c_string(domain, 'bindtextdomain() argument 1')
    if not domain:
        raise OSError(22, 'Invalid argument')
    if dir is not None:
        dir = _os.fsdecode(dir)
        _domain_dirs[domain] = dir
    return _domain_dirs.get(domain, '/usr/share/locale')


def bind_textdomain_codeset(domain, codeset):
    _c_string(domain, 'bind_textdomain_codeset() argument 1')
    _optional_str(codeset, 'bind_textdomain_codeset() argument 2')
    if codeset is not None:
        _domain_codesets[domain] = codeset
    return _domain_codesets.get(domain)


# -- number formatting -----------------------------------------------------------

def _grouping_intervals(grouping):
    last = None
    for interval in grouping:
        if interval == CHAR_MAX:
            # No further grouping.
            return
        if interval == 0:
            # Repeat the last interval for ever.
            if last is None:
                raise ValueError("invalid grouping")
            while True:
                yield last
        yield interval
        last = interval


def _group(s, monetary=False):
    conv = localeconv()
    sep = conv['mon_thousands_sep' if monetary else 'thousands_sep']
    grouping = conv['mon_grouping' if monetary else 'grouping']
    if not grouping:
        return (s, 0)
    right_spaces = ''
    if s[-1] == ' ':
        stripped = s.rstrip()
        right_spaces = s[len(stripped):]
        s = stripped
    left_spaces = ''
    groups = []
    for interval in _grouping_intervals(grouping):
        if not s or s[-1] not in "0123456789":
            # Only the sign or padding is left.
            left_spaces = s
            s = ''
            break
        groups.append(s[-interval:])
        s = s[:-interval]
    if s:
        groups.append(s)
    groups.reverse()
    return (left_spaces + sep.join(groups) + right_spaces,
            len(sep) * (len(groups) - 1))


def _strip_padding(s, amount):
    # Give back `amount` characters of padding the separators took.
    left = 0
    while amount and s[left] == ' ':
        left += 1
        amount -= 1
    right = len(s) - 1
    while amount and s[right] == ' ':
        right -= 1
        amount -= 1
    return s[left:right + 1]


_percent_re = re.compile(r'%(?:\((?P<key>.*?)\))?'
                         r'(?P<modifiers>[-#0-9 +*.hlL]*?)[eEfFgGdiouxXcrs%]')


def _localize(formatted, grouping=False, monetary=False):
    seps = 0
    if '.' in formatted:
        parts = formatted.split('.')
        if grouping:
            parts[0], seps = _group(parts[0], monetary=monetary)
        point = localeconv()['mon_decimal_point' if monetary
                             else 'decimal_point']
        formatted = point.join(parts)
    elif grouping:
        formatted, seps = _group(formatted, monetary=monetary)
    if seps:
        formatted = _strip_padding(formatted, seps)
    return formatted


def _format(percent, value, grouping=False, monetary=False, *additional):
    if additional:
        formatted = percent % ((value,) + additional)
    else:
        formatted = percent % value
    if percent[-1] in 'eEfFgGdiu':
        formatted = _localize(formatted, grouping, monetary)
    return formatted


def format_string(f, val, grouping=False, monetary=False):
    """Format with the % operator, numbers by the locale's conventions
    (with thousands separators if `grouping` is true)."""
    specs = list(_percent_re.finditer(f))
    template = _percent_re.sub('%s', f)
    pieces = []
    if isinstance(val, _collections_abc.Mapping):
        for spec in specs:
            text = spec.group()
            if text[-1] == '%':
                pieces.append('%')
            else:
                pieces.append(_format(text, val, grouping, monetary))
    else:
        if not isinstance(val, tuple):
            val = (val,)
        i = 0
        for spec in specs:
            text = spec.group()
            if text[-1] == '%':
                pieces.append('%')
                continue
            stars = spec.group('modifiers').count('*')
            pieces.append(_format(text, val[i], grouping, monetary,
                                  *val[i + 1:i + 1 + stars]))
            i += 1 + stars
    return template % tuple(pieces)


def format(percent, value, grouping=False, monetary=False, *additional):
    """Deprecated: format_string() for exactly one % specifier."""
    import warnings
    warnings.warn(
        "This method will be removed in a future version of Python. "
        "Use 'locale.format_string()' instead.",
        DeprecationWarning, stacklevel=2)
    m = _percent_re.match(percent)
    if not m or len(m.group()) != len(percent):
        raise ValueError(("format() must be given exactly one %%char "
                          "format specifier, %s not valid") % repr(percent))
    return _format(percent, value, grouping, monetary, *additional)


def currency(val, symbol=True, grouping=False, international=False):
    """A monetary amount formatted by the locale's conventions."""
    conv = localeconv()
    digits = conv['int_frac_digits' if international else 'frac_digits']
    if digits == 127:
        raise ValueError("Currency formatting is not possible using "
                         "the 'C' locale.")
    s = _localize(f'{abs(val):.{digits}f}', grouping, monetary=True)
    negative = val < 0
    # '<' and '>' stand where the sign may go, around the number.
    s = '<' + s + '>'
    if symbol:
        smb = conv['int_curr_symbol' if international else 'currency_symbol']
        precedes = conv['n_cs_precedes' if negative else 'p_cs_precedes']
        separated = conv['n_sep_by_space' if negative else 'p_sep_by_space']
        space = ' ' if separated else ''
        if precedes:
            s = smb + space + s
        else:
            if international and smb[-1] == ' ':
                smb = smb[:-1]
            s = s + space + smb
    position = conv['n_sign_posn' if negative else 'p_sign_posn']
    sign = conv['negative_sign' if negative else 'positive_sign']
    if position == 0:
        s = '(' + s + ')'
    elif position == 1:
        s = sign + s
    elif position == 2:
        s = s + sign
    elif position == 3:
        s = s.replace('<', sign)
    elif position == 4:
        s = s.replace('>', sign)
    else:
        s = sign + s
    return s.replace('<', '').replace('>', '')


def str(val):
    """A float as str() would, with the locale's decimal point."""
    return _format("%.12g", val)


def delocalize(string):
    """A number string of the locale turned into Python's notation."""
    conv = localeconv()
    sep = conv['thousands_sep']
    if sep:
        string = string.replace(sep, '')
    point = conv['decimal_point']
    if point:
        string = string.replace(point, '.')
    return string


def localize(string, grouping=False, monetary=False):
    """A number string in Python's notation turned into the locale's."""
    return _localize(string, grouping, monetary)


def atof(string, func=float):
    return func(delocalize(string))


def atoi(string):
    return int(delocalize(string))


# -- locale names ----------------------------------------------------------------

def _normalize_encoding(encoding):
    # encodings.normalize_encoding: runs of punctuation become one '_'.
    if isinstance(encoding, bytes):
        encoding = _builtin_str(encoding, "ascii")
    out = []
    punct = False
    for ch in encoding:
        if ch.isalnum() or ch == '.':
            if punct and out:
                out.append('_')
            if ch.isascii():
                out.append(ch)
            punct = False
        else:
            punct = True
    return ''.join(out)


def _replace_encoding(code, encoding):
    if '.' in code:
        langname = code[:code.index('.')]
    else:
        langname = code
    norm = _normalize_encoding(encoding).lower()
    norm = _encoding_aliases.get(norm, norm)
    norm = locale_encoding_alias.get(norm.lower(), norm)
    return langname + '.' + norm


def _append_modifier(code, modifier):
    if modifier == 'euro':
        if '.' not in code:
            return code + '.ISO8859-15'
        encoding = code.partition('.')[2]
        if encoding in ('ISO8859-15', 'UTF-8'):
            return code
        if encoding == 'ISO8859-1':
            return _replace_encoding(code, 'ISO8859-15')
    return code + '@' + modifier


def normalize(localename):
    """The locale code for a locale name, for use with setlocale():
    'en_us' gives 'en_US.ISO8859-1', 'de_DE.utf8' gives 'de_DE.UTF-8'.
    A name it does not know comes back unchanged."""
    code = localename.lower()
    if ':' in code:
        code = code.replace(':', '.')
    modifier = ''
    if '@' in code:
        code, modifier = code.split('@', 1)
    encoding = ''
    langname = code
    if '.' in code:
        langname, encoding = code.split('.')[:2]

    lang_enc = langname
    if encoding:
        lang_enc += '.' + encoding.replace('-', '').replace('_', '')
    key = lang_enc
    if modifier:
        key += '@' + modifier
    found = locale_alias.get(key)
    if found is not None:
        return found

    if modifier:
        found = locale_alias.get(lang_enc)
        if found is not None:
            if '@' not in found:
                return _append_modifier(found, modifier)
            if found.split('@', 1)[1].lower() == modifier:
                return found

    if encoding:
        key = langname
        if modifier:
            key += '@' + modifier
        found = locale_alias.get(key)
        if found is not None:
            if '@' not in found:
                return _replace_encoding(found, encoding)
            found, default_mod = found.split('@', 1)
            return _replace_encoding(found, encoding) + '@' + default_mod
        if modifier:
            found = locale_alias.get(langname)
            if found is not None:
                if '@' not in found:
                    found = _replace_encoding(found, encoding)
                    return _append_modifier(found, modifier)
                found, default_mod = found.split('@', 1)
                if default_mod.lower() == modifier:
                    return _replace_encoding(found, encoding) + '@' + default_mod

    return localename


def _parse_localename(localename):
    code = normalize(localename)
    if '@' in code:
        code, modifier = code.split('@', 1)
        if modifier == 'euro' and '.' not in code:
            return code, 'iso-8859-15'
    if '.' in code:
        return tuple(code.split('.')[:2])
    if code == 'C':
        return None, None
    if code == 'UTF-8':
        return None, 'UTF-8'
    raise ValueError('unknown locale: %s' % localename)


def _build_localename(localetuple):
    try:
        language, encoding = localetuple
    except (TypeError, ValueError):
        raise TypeError('Locale must be None, a string, or an iterable of '
                        'two strings -- language code, encoding.') from None
    if language is None:
        language = 'C'
    if encoding is None:
        return language
    try:
        return language + '.' + encoding
    except TypeError:
        raise TypeError('Locale must be None, a string, or an iterable of '
                        'two strings -- language code, encoding.') from None


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    """(language code, encoding) from the environment variables, the first
    one set of `envvars`; (None, None) for the C locale."""
    import warnings
    warnings.warn(
        "'locale.getdefaultlocale' is deprecated and slated for removal in "
        "Python 3.15. Use setlocale(), getencoding() and getlocale() instead.",
        DeprecationWarning, stacklevel=2)
    return _getdefaultlocale(envvars)


def _getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    for variable in envvars:
        localename = _os.environ.get(variable, None)
        if localename:
            if variable == 'LANGUAGE':
                localename = localename.split(':')[0]
            break
    else:
        localename = 'C'
    return _parse_localename(localename)


def getlocale(category=LC_CTYPE):
    """(language code, encoding) of the category's current locale."""
    localename = _setlocale(category)
    if category == LC_ALL and ';' in localename:
        raise TypeError('category LC_ALL is not supported')
    return _parse_localename(localename)


def setlocale(category, locale=None):
    """Set the locale of `category` (a name, or a (language, encoding)
    pair) and return the new setting; with no locale, return the current
    one."""
    if locale and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    return _setlocale(category, locale)


def resetlocale(category=LC_ALL):
    """Deprecated: set the category to the environment's default locale."""
    import warnings
    warnings.warn('Use locale.setlocale(locale.LC_ALL, "") instead',
                  DeprecationWarning, stacklevel=2)
    _setlocale(category, _build_localename(_getdefaultlocale()))


def getpreferredencoding(do_setlocale=True):
    """The encoding text data is in by default: 'utf-8' in UTF-8 mode,
    otherwise the locale's (LC_CTYPE taken from the environment when
    `do_setlocale` is true)."""
    if getattr(sys.flags, 'warn_default_encoding', 0):
        import warnings
        warnings.warn(
            "UTF-8 Mode affects locale.getpreferredencoding(). Consider "
            "locale.getencoding() instead.",
            EncodingWarning, stacklevel=2)
    if _utf8_mode:
        return 'utf-8'
    if not do_setlocale:
        return getencoding()
    saved = _setlocale(LC_CTYPE)
    try:
        try:
            _setlocale(LC_CTYPE, "")
        except Error:
            pass
        return getencoding()
    finally:
        _setlocale(LC_CTYPE, saved)


# -- the alias tables ------------------------------------------------------------
# A subset of CPython's tables: the locale names of the common languages.

# encodings.aliases, for the encodings locale names use
_encoding_aliases = {
    '1251': 'cp1251',
    '1255': 'cp1255',
    '1256': 'cp1256',
    '646': 'ascii',
    '8859': 'latin_1',
    'ansi_x3.4_1968': 'ascii',
    'ansi_x3.4_1986': 'ascii',
    'ansi_x3_4_1968': 'ascii',
    'arabic': 'iso8859_6',
    'asmo_708': 'iso8859_6',
    'cp367': 'ascii',
    'cp65001': 'utf_8',
    'cp819': 'latin_1',
    'csascii': 'ascii',
    'csiso2022jp': 'iso2022_jp',
    'csisolatin1': 'latin_1',
    'csisolatin2': 'iso8859_2',
    'csisolatin3': 'iso8859_3',
    'csisolatin4': 'iso8859_4',
    'csisolatin5': 'iso8859_9',
    'csisolatin6': 'iso8859_10',
    'csisolatinarabic': 'iso8859_6',
    'csisolatincyrillic': 'iso8859_5',
    'csisolatingreek': 'iso8859_7',
    'csisolatinhebrew': 'iso8859_8',
    'cskoi8r': 'koi8_r',
    'csshiftjis': 'shift_jis',
    'cyrillic': 'iso8859_5',
    'ecma_114': 'iso8859_6',
    'ecma_118': 'iso8859_7',
    'elot_928': 'iso8859_7',
    'eucjp': 'euc_jp',
    'euckr': 'euc_kr',
    'greek': 'iso8859_7',
    'greek8': 'iso8859_7',
    'hebrew': 'iso8859_8',
    'ibm367': 'ascii',
    'ibm819': 'latin_1',
    'iso2022jp': 'iso2022_jp',
    'iso646_us': 'ascii',
    'iso8859': 'latin_1',
    'iso8859_1': 'latin_1',
    'iso_2022_jp': 'iso2022_jp',
    'iso_646.irv_1991': 'ascii',
    'iso_8859_1': 'latin_1',
    'iso_8859_10': 'iso8859_10',
    'iso_8859_10_1992': 'iso8859_10',
    'iso_8859_11': 'iso8859_11',
    'iso_8859_11_2001': 'iso8859_11',
    'iso_8859_13': 'iso8859_13',
    'iso_8859_14': 'iso8859_14',
    'iso_8859_14_1998': 'iso8859_14',
    'iso_8859_15': 'iso8859_15',
    'iso_8859_16': 'iso8859_16',
    'iso_8859_16_2001': 'iso8859_16',
    'iso_8859_1_1987': 'latin_1',
    'iso_8859_2': 'iso8859_2',
    'iso_8859_2_1987': 'iso8859_2',
    'iso_8859_3': 'iso8859_3',
    'iso_8859_3_1988': 'iso8859_3',
    'iso_8859_4': 'iso8859_4',
    'iso_8859_4_1988': 'iso8859_4',
    'iso_8859_5': 'iso8859_5',
    'iso_8859_5_1988': 'iso8859_5',
    'iso_8859_6': 'iso8859_6',
    'iso_8859_6_1987': 'iso8859_6',
    'iso_8859_7': 'iso8859_7',
    'iso_8859_7_1987': 'iso8859_7',
    'iso_8859_8': 'iso8859_8',
    'iso_8859_8_1988': 'iso8859_8',
    'iso_8859_9': 'iso8859_9',
    'iso_8859_9_1989': 'iso8859_9',
    'iso_celtic': 'iso8859_14',
    'iso_ir_100': 'latin_1',
    'iso_ir_101': 'iso8859_2',
    'iso_ir_109': 'iso8859_3',
    'iso_ir_110': 'iso8859_4',
    'iso_ir_126': 'iso8859_7',
    'iso_ir_127': 'iso8859_6',
    'iso_ir_138': 'iso8859_8',
    'iso_ir_144': 'iso8859_5',
    'iso_ir_148': 'iso8859_9',
    'iso_ir_157': 'iso8859_10',
    'iso_ir_166': 'tis_620',
    'iso_ir_199': 'iso8859_14',
    'iso_ir_226': 'iso8859_16',
    'iso_ir_6': 'ascii',
    'korean': 'euc_kr',
    'ks_c_5601': 'euc_kr',
    'ks_c_5601_1987': 'euc_kr',
    'ks_x_1001': 'euc_kr',
    'ksc5601': 'euc_kr',
    'ksx1001': 'euc_kr',
    'kz_1048': 'kz1048',
    'l1': 'latin_1',
    'l10': 'iso8859_16',
    'l2': 'iso8859_2',
    'l3': 'iso8859_3',
    'l4': 'iso8859_4',
    'l5': 'iso8859_9',
    'l6': 'iso8859_10',
    'l7': 'iso8859_13',
    'l8': 'iso8859_14',
    'l9': 'iso8859_15',
    'latin': 'latin_1',
    'latin1': 'latin_1',
    'latin10': 'iso8859_16',
    'latin2': 'iso8859_2',
    'latin3': 'iso8859_3',
    'latin4': 'iso8859_4',
    'latin5': 'iso8859_9',
    'latin6': 'iso8859_10',
    'latin7': 'iso8859_13',
    'latin8': 'iso8859_14',
    'latin9': 'iso8859_15',
    'rk1048': 'kz1048',
    's_jis': 'shift_jis',
    'shiftjis': 'shift_jis',
    'sjis': 'shift_jis',
    'strk1048_2002': 'kz1048',
    'thai': 'iso8859_11',
    'tis620': 'tis_620',
    'tis_620_0': 'tis_620',
    'tis_620_2529_0': 'tis_620',
    'tis_620_2529_1': 'tis_620',
    'u8': 'utf_8',
    'u_jis': 'euc_jp',
    'ujis': 'euc_jp',
    'us': 'ascii',
    'us_ascii': 'ascii',
    'utf': 'utf_8',
    'utf8': 'utf_8',
    'utf8_ucs2': 'utf_8',
    'utf8_ucs4': 'utf_8',
    'windows_1251': 'cp1251',
    'windows_1255': 'cp1255',
    'windows_1256': 'cp1256',
    'x_mac_japanese': 'shift_jis',
    'x_mac_korean': 'euc_kr',
}

locale_encoding_alias = {
    '437': 'C',
    'c': 'C',
    'en': 'ISO8859-1',
    'jis': 'JIS7',
    'jis7': 'JIS7',
    'ajec': 'eucJP',
    'koi8c': 'KOI8-C',
    'microsoftcp1251': 'CP1251',
    'microsoftcp1255': 'CP1255',
    'microsoftcp1256': 'CP1256',
    '88591': 'ISO8859-1',
    '88592': 'ISO8859-2',
    '88595': 'ISO8859-5',
    '885915': 'ISO8859-15',
    'ascii': 'ISO8859-1',
    'latin_1': 'ISO8859-1',
    'iso8859_1': 'ISO8859-1',
    'iso8859_10': 'ISO8859-10',
    'iso8859_11': 'ISO8859-11',
    'iso8859_13': 'ISO8859-13',
    'iso8859_14': 'ISO8859-14',
    'iso8859_15': 'ISO8859-15',
    'iso8859_16': 'ISO8859-16',
    'iso8859_2': 'ISO8859-2',
    'iso8859_3': 'ISO8859-3',
    'iso8859_4': 'ISO8859-4',
    'iso8859_5': 'ISO8859-5',
    'iso8859_6': 'ISO8859-6',
    'iso8859_7': 'ISO8859-7',
    'iso8859_8': 'ISO8859-8',
    'iso8859_9': 'ISO8859-9',
    'iso2022_jp': 'JIS7',
    'shift_jis': 'SJIS',
    'tactis': 'TACTIS',
    'euc_jp': 'eucJP',
    'euc_kr': 'eucKR',
    'utf_8': 'UTF-8',
    'koi8_r': 'KOI8-R',
    'koi8_t': 'KOI8-T',
    'koi8_u': 'KOI8-U',
    'kz1048': 'RK1048',
    'cp1251': 'CP1251',
    'cp1255': 'CP1255',
    'cp1256': 'CP1256',
    'eucjp': 'eucJP',
    'euckr': 'eucKR',
    'iso2022jp': 'JIS7',
    'iso88591': 'ISO8859-1',
    'iso885910': 'ISO8859-10',
    'iso885911': 'ISO8859-11',
    'iso885913': 'ISO8859-13',
    'iso885914': 'ISO8859-14',
    'iso885915': 'ISO8859-15',
    'iso885916': 'ISO8859-16',
    'iso88592': 'ISO8859-2',
    'iso88593': 'ISO8859-3',
    'iso88594': 'ISO8859-4',
    'iso88595': 'ISO8859-5',
    'iso88596': 'ISO8859-6',
    'iso88597': 'ISO8859-7',
    'iso88598': 'ISO8859-8',
    'iso88599': 'ISO8859-9',
    'koi8r': 'KOI8-R',
    'koi8t': 'KOI8-T',
    'koi8u': 'KOI8-U',
    'latin1': 'ISO8859-1',
    'shiftjis': 'SJIS',
    'utf8': 'UTF-8',
}

locale_alias = {
    'american': 'en_US.ISO8859-1',
    'ar': 'ar_AA.ISO8859-6',
    'ar_aa': 'ar_AA.ISO8859-6',
    'ar_ae': 'ar_AE.ISO8859-6',
    'ar_bh': 'ar_BH.ISO8859-6',
    'ar_dz': 'ar_DZ.ISO8859-6',
    'ar_eg': 'ar_EG.ISO8859-6',
    'ar_in': 'ar_IN.UTF-8',
    'ar_iq': 'ar_IQ.ISO8859-6',
    'ar_jo': 'ar_JO.ISO8859-6',
    'ar_kw': 'ar_KW.ISO8859-6',
    'ar_lb': 'ar_LB.ISO8859-6',
    'ar_ly': 'ar_LY.ISO8859-6',
    'ar_ma': 'ar_MA.ISO8859-6',
    'ar_om': 'ar_OM.ISO8859-6',
    'ar_qa': 'ar_QA.ISO8859-6',
    'ar_sa': 'ar_SA.ISO8859-6',
    'ar_sd': 'ar_SD.ISO8859-6',
    'ar_ss': 'ar_SS.UTF-8',
    'ar_sy': 'ar_SY.ISO8859-6',
    'ar_tn': 'ar_TN.ISO8859-6',
    'ar_ye': 'ar_YE.ISO8859-6',
    'bg': 'bg_BG.CP1251',
    'bg_bg': 'bg_BG.CP1251',
    'c': 'C',
    'c.ascii': 'C',
    'c.en': 'C',
    'c.iso88591': 'en_US.ISO8859-1',
    'c.utf8': 'en_US.UTF-8',
    'c_c': 'C',
    'c_c.c': 'C',
    'ca': 'ca_ES.ISO8859-1',
    'ca_ad': 'ca_AD.ISO8859-1',
    'ca_es': 'ca_ES.ISO8859-1',
    'ca_es@valencia': 'ca_ES.UTF-8@valencia',
    'ca_fr': 'ca_FR.ISO8859-1',
    'ca_it': 'ca_IT.ISO8859-1',
    'catalan': 'ca_ES.ISO8859-1',
    'cs': 'cs_CZ.ISO8859-2',
    'cs_cs': 'cs_CZ.ISO8859-2',
    'cs_cz': 'cs_CZ.ISO8859-2',
    'czech': 'cs_CZ.ISO8859-2',
    'da': 'da_DK.ISO8859-1',
    'da_dk': 'da_DK.ISO8859-1',
    'danish': 'da_DK.ISO8859-1',
    'de': 'de_DE.ISO8859-1',
    'de_at': 'de_AT.ISO8859-1',
    'de_be': 'de_BE.ISO8859-1',
    'de_ch': 'de_CH.ISO8859-1',
    'de_de': 'de_DE.ISO8859-1',
    'de_it': 'de_IT.ISO8859-1',
    'de_li.utf8': 'de_LI.UTF-8',
    'de_lu': 'de_LU.ISO8859-1',
    'deutsch': 'de_DE.ISO8859-1',
    'dutch': 'nl_NL.ISO8859-1',
    'dutch.iso88591': 'nl_BE.ISO8859-1',
    'el': 'el_GR.ISO8859-7',
    'el_cy': 'el_CY.ISO8859-7',
    'el_gr': 'el_GR.ISO8859-7',
    'el_gr@euro': 'el_GR.ISO8859-15',
    'en': 'en_US.ISO8859-1',
    'en_ag': 'en_AG.UTF-8',
    'en_au': 'en_AU.ISO8859-1',
    'en_be': 'en_BE.ISO8859-1',
    'en_bw': 'en_BW.ISO8859-1',
    'en_ca': 'en_CA.ISO8859-1',
    'en_dk': 'en_DK.ISO8859-1',
    'en_dl.utf8': 'en_DL.UTF-8',
    'en_gb': 'en_GB.ISO8859-1',
    'en_hk': 'en_HK.ISO8859-1',
    'en_ie': 'en_IE.ISO8859-1',
    'en_il': 'en_IL.UTF-8',
    'en_in': 'en_IN.ISO8859-1',
    'en_ng': 'en_NG.UTF-8',
    'en_nz': 'en_NZ.ISO8859-1',
    'en_ph': 'en_PH.ISO8859-1',
    'en_sc.utf8': 'en_SC.UTF-8',
    'en_sg': 'en_SG.ISO8859-1',
    'en_uk': 'en_GB.ISO8859-1',
    'en_us': 'en_US.ISO8859-1',
    'en_us@euro@euro': 'en_US.ISO8859-15',
    'en_za': 'en_ZA.ISO8859-1',
    'en_zm': 'en_ZM.UTF-8',
    'en_zw': 'en_ZW.ISO8859-1',
    'en_zw.utf8': 'en_ZS.UTF-8',
    'english': 'en_EN.ISO8859-1',
    'english.iso88591': 'en_US.ISO8859-1',
    'english_uk': 'en_GB.ISO8859-1',
    'english_united-states': 'en_US.ISO8859-1',
    'english_united-states.437': 'C',
    'english_us': 'en_US.ISO8859-1',
    'es': 'es_ES.ISO8859-1',
    'es_ar': 'es_AR.ISO8859-1',
    'es_bo': 'es_BO.ISO8859-1',
    'es_cl': 'es_CL.ISO8859-1',
    'es_co': 'es_CO.ISO8859-1',
    'es_cr': 'es_CR.ISO8859-1',
    'es_cu': 'es_CU.UTF-8',
    'es_do': 'es_DO.ISO8859-1',
    'es_ec': 'es_EC.ISO8859-1',
    'es_es': 'es_ES.ISO8859-1',
    'es_gt': 'es_GT.ISO8859-1',
    'es_hn': 'es_HN.ISO8859-1',
    'es_mx': 'es_MX.ISO8859-1',
    'es_ni': 'es_NI.ISO8859-1',
    'es_pa': 'es_PA.ISO8859-1',
    'es_pe': 'es_PE.ISO8859-1',
    'es_pr': 'es_PR.ISO8859-1',
    'es_py': 'es_PY.ISO8859-1',
    'es_sv': 'es_SV.ISO8859-1',
    'es_us': 'es_US.ISO8859-1',
    'es_uy': 'es_UY.ISO8859-1',
    'es_ve': 'es_VE.ISO8859-1',
    'et': 'et_EE.ISO8859-15',
    'et_ee': 'et_EE.ISO8859-15',
    'eu': 'eu_ES.ISO8859-1',
    'eu_es': 'eu_ES.ISO8859-1',
    'eu_fr': 'eu_FR.ISO8859-1',
    'fi': 'fi_FI.ISO8859-15',
    'fi_fi': 'fi_FI.ISO8859-15',
    'finnish': 'fi_FI.ISO8859-1',
    'fr': 'fr_FR.ISO8859-1',
    'fr_be': 'fr_BE.ISO8859-1',
    'fr_ca': 'fr_CA.ISO8859-1',
    'fr_ch': 'fr_CH.ISO8859-1',
    'fr_fr': 'fr_FR.ISO8859-1',
    'fr_lu': 'fr_LU.ISO8859-1',
    'français': 'fr_FR.ISO8859-1',
    'french': 'fr_FR.ISO8859-1',
    'french.iso88591': 'fr_CH.ISO8859-1',
    'french_france': 'fr_FR.ISO8859-1',
    'ga': 'ga_IE.ISO8859-1',
    'ga_ie': 'ga_IE.ISO8859-1',
    'german': 'de_DE.ISO8859-1',
    'german.iso88591': 'de_CH.ISO8859-1',
    'german_germany': 'de_DE.ISO8859-1',
    'gl': 'gl_ES.ISO8859-1',
    'gl_es': 'gl_ES.ISO8859-1',
    'greek': 'el_GR.ISO8859-7',
    'he': 'he_IL.ISO8859-8',
    'he_il': 'he_IL.ISO8859-8',
    'hebrew': 'he_IL.ISO8859-8',
    'hi': 'hi_IN.ISCII-DEV',
    'hi_in': 'hi_IN.ISCII-DEV',
    'hi_in.isciidev': 'hi_IN.ISCII-DEV',
    'hr': 'hr_HR.ISO8859-2',
    'hr_hr': 'hr_HR.ISO8859-2',
    'hu': 'hu_HU.ISO8859-2',
    'hu_hu': 'hu_HU.ISO8859-2',
    'hungarian': 'hu_HU.ISO8859-2',
    'id': 'id_ID.ISO8859-1',
    'id_id': 'id_ID.ISO8859-1',
    'is': 'is_IS.ISO8859-1',
    'is_is': 'is_IS.ISO8859-1',
    'iso-8859-1': 'en_US.ISO8859-1',
    'iso-8859-15': 'en_US.ISO8859-15',
    'iso8859-1': 'en_US.ISO8859-1',
    'iso8859-15': 'en_US.ISO8859-15',
    'it': 'it_IT.ISO8859-1',
    'it_ch': 'it_CH.ISO8859-1',
    'it_it': 'it_IT.ISO8859-1',
    'italian': 'it_IT.ISO8859-1',
    'iw': 'he_IL.ISO8859-8',
    'iw_il': 'he_IL.ISO8859-8',
    'iw_il.utf8': 'iw_IL.UTF-8',
    'ja': 'ja_JP.eucJP',
    'ja_jp': 'ja_JP.eucJP',
    'ja_jp.euc': 'ja_JP.eucJP',
    'ja_jp.mscode': 'ja_JP.SJIS',
    'ja_jp.pck': 'ja_JP.SJIS',
    'japan': 'ja_JP.eucJP',
    'japanese': 'ja_JP.eucJP',
    'ko': 'ko_KR.eucKR',
    'ko_kr': 'ko_KR.eucKR',
    'ko_kr.euc': 'ko_KR.eucKR',
    'korean': 'ko_KR.eucKR',
    'lt': 'lt_LT.ISO8859-13',
    'lt_lt': 'lt_LT.ISO8859-13',
    'lv': 'lv_LV.ISO8859-13',
    'lv_lv': 'lv_LV.ISO8859-13',
    'nb': 'nb_NO.ISO8859-1',
    'nb_no': 'nb_NO.ISO8859-1',
    'nl': 'nl_NL.ISO8859-1',
    'nl_aw': 'nl_AW.UTF-8',
    'nl_be': 'nl_BE.ISO8859-1',
    'nl_nl': 'nl_NL.ISO8859-1',
    'nn': 'nn_NO.ISO8859-1',
    'nn_no': 'nn_NO.ISO8859-1',
    'no': 'no_NO.ISO8859-1',
    'no@nynorsk': 'ny_NO.ISO8859-1',
    'no_no': 'no_NO.ISO8859-1',
    'no_no.iso88591@bokmal': 'no_NO.ISO8859-1',
    'no_no.iso88591@nynorsk': 'no_NO.ISO8859-1',
    'norwegian': 'no_NO.ISO8859-1',
    'pl': 'pl_PL.ISO8859-2',
    'pl_pl': 'pl_PL.ISO8859-2',
    'polish': 'pl_PL.ISO8859-2',
    'portuguese': 'pt_PT.ISO8859-1',
    'portuguese_brazil': 'pt_BR.ISO8859-1',
    'posix': 'C',
    'posix-utf2': 'C',
    'pt': 'pt_PT.ISO8859-1',
    'pt_br': 'pt_BR.ISO8859-1',
    'pt_pt': 'pt_PT.ISO8859-1',
    'ro': 'ro_RO.ISO8859-2',
    'ro_ro': 'ro_RO.ISO8859-2',
    'romanian': 'ro_RO.ISO8859-2',
    'ru': 'ru_RU.UTF-8',
    'ru_ru': 'ru_RU.UTF-8',
    'ru_ua': 'ru_UA.KOI8-U',
    'russian': 'ru_RU.KOI8-R',
    'sk': 'sk_SK.ISO8859-2',
    'sk_sk': 'sk_SK.ISO8859-2',
    'sl': 'sl_SI.ISO8859-2',
    'sl_cs': 'sl_CS.ISO8859-2',
    'sl_si': 'sl_SI.ISO8859-2',
    'spanish': 'es_ES.ISO8859-1',
    'spanish_spain': 'es_ES.ISO8859-1',
    'sr': 'sr_RS.UTF-8',
    'sr@cyrillic': 'sr_RS.UTF-8',
    'sr@latn': 'sr_CS.UTF-8@latin',
    'sr_cs': 'sr_CS.UTF-8',
    'sr_cs.iso88592@latn': 'sr_CS.ISO8859-2',
    'sr_cs@latn': 'sr_CS.UTF-8@latin',
    'sr_me': 'sr_ME.UTF-8',
    'sr_rs': 'sr_RS.UTF-8',
    'sr_rs@latn': 'sr_RS.UTF-8@latin',
    'sr_sp': 'sr_CS.ISO8859-2',
    'sr_yu': 'sr_RS.UTF-8@latin',
    'sr_yu.cp1251@cyrillic': 'sr_CS.CP1251',
    'sr_yu.iso88592': 'sr_CS.ISO8859-2',
    'sr_yu.iso88595': 'sr_CS.ISO8859-5',
    'sr_yu.iso88595@cyrillic': 'sr_CS.ISO8859-5',
    'sr_yu.microsoftcp1251@cyrillic': 'sr_CS.CP1251',
    'sr_yu.utf8': 'sr_RS.UTF-8',
    'sr_yu.utf8@cyrillic': 'sr_RS.UTF-8',
    'sr_yu@cyrillic': 'sr_RS.UTF-8',
    'sv': 'sv_SE.ISO8859-1',
    'sv_fi': 'sv_FI.ISO8859-1',
    'sv_se': 'sv_SE.ISO8859-1',
    'swedish': 'sv_SE.ISO8859-1',
    'th': 'th_TH.ISO8859-11',
    'th_th': 'th_TH.ISO8859-11',
    'th_th.tactis': 'th_TH.TIS620',
    'th_th.tis620': 'th_TH.TIS620',
    'tr': 'tr_TR.ISO8859-9',
    'tr_cy': 'tr_CY.ISO8859-9',
    'tr_tr': 'tr_TR.ISO8859-9',
    'turkish': 'tr_TR.ISO8859-9',
    'uk': 'uk_UA.KOI8-U',
    'uk_ua': 'uk_UA.KOI8-U',
    'univ': 'en_US.utf',
    'universal': 'en_US.utf',
    'universal.utf8@ucs4': 'en_US.UTF-8',
    'vi': 'vi_VN.TCVN',
    'vi_vn': 'vi_VN.TCVN',
    'vi_vn.tcvn': 'vi_VN.TCVN',
    'vi_vn.tcvn5712': 'vi_VN.TCVN',
    'vi_vn.viscii': 'vi_VN.VISCII',
    'vi_vn.viscii111': 'vi_VN.VISCII',
    'zh': 'zh_CN.eucCN',
    'zh_cn': 'zh_CN.gb2312',
    'zh_cn.big5': 'zh_TW.big5',
    'zh_cn.euc': 'zh_CN.eucCN',
    'zh_hk': 'zh_HK.big5hkscs',
    'zh_hk.big5hk': 'zh_HK.big5hkscs',
    'zh_sg': 'zh_SG.GB2312',
    'zh_sg.gbk': 'zh_SG.GBK',
    'zh_tw': 'zh_TW.big5',
    'zh_tw.euc': 'zh_TW.eucTW',
    'zh_tw.euctw': 'zh_TW.eucTW',
}

# Windows language identifiers (LCIDs) of the same languages.
windows_locale = {
    0x0004: 'zh_CHS',
    0x0404: 'zh_TW',
    0x0405: 'cs_CZ',
    0x0406: 'da_DK',
    0x0407: 'de_DE',
    0x0408: 'el_GR',
    0x0409: 'en_US',
    0x040a: 'es_ES',
    0x040b: 'fi_FI',
    0x040c: 'fr_FR',
    0x040d: 'he_IL',
    0x040e: 'hu_HU',
    0x0410: 'it_IT',
    0x0411: 'ja_JP',
    0x0412: 'ko_KR',
    0x0413: 'nl_NL',
    0x0414: 'nb_NO',
    0x0415: 'pl_PL',
    0x0416: 'pt_BR',
    0x0419: 'ru_RU',
    0x041d: 'sv_SE',
    0x041f: 'tr_TR',
    0x0422: 'uk_UA',
    0x0804: 'zh_CN',
    0x0807: 'de_CH',
    0x0809: 'en_GB',
    0x080a: 'es_MX',
    0x080c: 'fr_BE',
    0x0810: 'it_CH',
    0x0813: 'nl_BE',
    0x0814: 'nn_NO',
    0x0816: 'pt_PT',
    0x081d: 'sv_FI',
    0x0c04: 'zh_HK',
    0x0c07: 'de_AT',
    0x0c09: 'en_AU',
    0x0c0a: 'es_ES',
    0x0c0c: 'fr_CA',
    0x1004: 'zh_SG',
    0x1007: 'de_LU',
    0x1009: 'en_CA',
    0x100a: 'es_GT',
    0x100c: 'fr_CH',
    0x1404: 'zh_MO',
    0x1407: 'de_LI',
    0x1409: 'en_NZ',
    0x140a: 'es_CR',
    0x140c: 'fr_LU',
    0x1809: 'en_IE',
    0x180a: 'es_PA',
    0x180c: 'fr_MC',
    0x1c09: 'en_ZA',
    0x1c0a: 'es_DO',
    0x2009: 'en_JA',
    0x200a: 'es_VE',
    0x2409: 'en_CB',
    0x240a: 'es_CO',
    0x2809: 'en_BZ',
    0x280a: 'es_PE',
    0x2c09: 'en_TT',
    0x2c0a: 'es_AR',
    0x3009: 'en_ZW',
    0x300a: 'es_EC',
    0x3409: 'en_PH',
    0x340a: 'es_CL',
    0x380a: 'es_UR',
    0x3c0a: 'es_PY',
    0x4009: 'en_IN',
    0x400a: 'es_BO',
    0x4409: 'en_MY',
    0x440a: 'es_SV',
    0x4809: 'en_IN',
    0x480a: 'es_HN',
    0x4c0a: 'es_NI',
    0x500a: 'es_PR',
    0x540a: 'es_US',
    0x7c04: 'zh_CHT',
}
