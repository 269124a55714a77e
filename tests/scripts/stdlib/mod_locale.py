import locale
import os
import warnings

warnings.simplefilter('ignore', DeprecationWarning)


def attempt(func, *args, **kwargs):
    try:
        print(' ', repr(func(*args, **kwargs)))
    except Exception as e:
        print(' ', type(e).__name__, e)


# The environment decides setlocale(..., ''): make it known.
for var in list(os.environ):
    if var.startswith('LC_') or var in ('LANG', 'LANGUAGE'):
        del os.environ[var]
locale.setlocale(locale.LC_ALL, 'C')

print(locale.LC_CTYPE, locale.LC_NUMERIC, locale.LC_TIME, locale.LC_COLLATE,
      locale.LC_MONETARY, locale.LC_MESSAGES, locale.LC_ALL, locale.CHAR_MAX)
print(locale.__all__)
print(issubclass(locale.Error, Exception), locale.Error.__name__)
print(locale.localeconv())
print(locale.setlocale(locale.LC_ALL), locale.getlocale(), locale.getencoding())

print('setlocale')
for name in ['C', 'POSIX', 'C.UTF-8', 'C.utf8', 'C.UTF8', 'C.utf-8',
             'C.UTF-8@euro', 'c', 'posix', 'en_US', 'en_US.UTF-8', 'fr_FR',
             'C.ascii', 'C.', 'C@x', 'POSIX.UTF-8', 'de_DE.utf8']:
    attempt(locale.setlocale, locale.LC_ALL, name)
for category in [0, 1, 2, 3, 4, 5, 6, 7, 12, 13, -1]:
    attempt(locale.setlocale, category)
attempt(locale.setlocale, 99, 'C')
attempt(locale.setlocale, 'x')
attempt(locale.setlocale, 1.5)
attempt(locale.setlocale, locale.LC_ALL, 0)
attempt(locale.setlocale, locale.LC_ALL, 'C\0')
attempt(locale.setlocale, locale.LC_ALL, ('C', None))
attempt(locale.setlocale, locale.LC_ALL, (None, None))
attempt(locale.setlocale, locale.LC_ALL, ('en_US', 'UTF-8'))
attempt(locale.setlocale, locale.LC_ALL, ('a', 'b', 'c'))
attempt(locale.setlocale, locale.LC_ALL, b'C')

print('mixed categories')
locale.setlocale(locale.LC_ALL, 'C')
print(locale.setlocale(locale.LC_CTYPE, 'C.UTF-8'))
print(locale.setlocale(locale.LC_NUMERIC, 'C.utf8'))
print(locale.setlocale(locale.LC_ALL))
attempt(locale.getlocale, locale.LC_ALL)
print(locale.getlocale(), locale.getlocale(locale.LC_NUMERIC), locale.getlocale(locale.LC_TIME))
composite = locale.setlocale(locale.LC_ALL)
locale.setlocale(locale.LC_ALL, 'C')
print(locale.setlocale(locale.LC_ALL, composite) == composite)
attempt(locale.setlocale, locale.LC_ALL, 'LC_CTYPE=C;LC_NUMERIC=C')
attempt(locale.getlocale, 99)
print(locale.getencoding(), locale.nl_langinfo(locale.CODESET))
locale.setlocale(locale.LC_CTYPE, 'C')
print(locale.getencoding(), locale.nl_langinfo(locale.CODESET))
locale.setlocale(locale.LC_CTYPE, 'C.UTF-8')
print(locale.getpreferredencoding(False).lower())

print('from the environment')
locale.setlocale(locale.LC_ALL, 'C')
attempt(locale.setlocale, locale.LC_ALL, '')
os.environ['LANG'] = 'C.UTF-8'
attempt(locale.setlocale, locale.LC_ALL, '')
os.environ['LC_NUMERIC'] = 'POSIX'
attempt(locale.setlocale, locale.LC_ALL, '')
attempt(locale.setlocale, locale.LC_NUMERIC, '')
os.environ['LC_TIME'] = 'de_DE.UTF-8'
attempt(locale.setlocale, locale.LC_ALL, '')
attempt(locale.setlocale, locale.LC_CTYPE, '')
attempt(locale.setlocale, locale.LC_TIME, '')
os.environ['LC_ALL'] = 'C'
attempt(locale.setlocale, locale.LC_ALL, '')
os.environ['LC_ALL'] = ''
del os.environ['LC_TIME']
attempt(locale.setlocale, locale.LC_ALL, '')
print(locale.getpreferredencoding().lower())
attempt(locale.getdefaultlocale)
os.environ['LANGUAGE'] = 'fr_FR:de_DE'
attempt(locale.getdefaultlocale, ('LANGUAGE',))
attempt(locale.getdefaultlocale, ('NOT_SET',))
os.environ['LANG'] = 'C'
del os.environ['LC_NUMERIC']
attempt(locale.resetlocale)
attempt(locale.setlocale, locale.LC_ALL)
os.environ['LANG'] = 'C.UTF-8'
attempt(locale.resetlocale)

print('normalize')
locale.setlocale(locale.LC_ALL, 'C')
for name in ['en_US', 'en_us.utf8', 'de_DE.utf8', 'de_DE@euro',
             'de_DE.UTF-8@euro', 'C', 'c', 'POSIX', 'C.UTF-8', 'en',
             'english', 'fr_FR.ISO-8859-15', 'fr_FR.latin1', 'ja_JP.eucjp',
             'xx_YY', 'xx_YY.utf8', 'en_GB:utf8', 'sr_RS@latin',
             'ca_ES@valencia', 'en_US@euro', 'it_IT.UTF8@euro',
             'nl_NL.ISO8859-1@euro', 'deutsch', 'ru_RU.koi8r', 'es_ES.utf-8',
             'EN_us.UTF-8', 'ja.sjis', 'de_de.utf_8', '']:
    print(' ', repr(name), repr(locale.normalize(name)))

print('formatting')
attempt(locale.format_string, '%d', 1234567)
attempt(locale.format_string, '%d', 1234567, True)
attempt(locale.format_string, '%.2f', 1234567.891, True)
attempt(locale.format_string, '%.2f', 1234567.891, True, True)
attempt(locale.format_string, '%(a)s %(b).2f %%', {'a': 1, 'b': 2.5})
attempt(locale.format_string, '%*.*f|%-8d|%+e|%x|%o|%c|%r|%i|%u|%G|%%',
        (8, 2, 3.14159, 42, 1e10, 255, 8, 65, 'r', 7, 9, 1e-10))
attempt(locale.format_string, '%s %s', (1,))
attempt(locale.format_string, '%d', 'x')
attempt(locale.format, '%d', 1)
attempt(locale.format, '%.3f', 2.5, True)
attempt(locale.format, '%d %d', 1)
attempt(locale.format, 'x%d', 1)
attempt(locale.format, '%*d', 4, False, False, 5)
attempt(locale.str, 3.14159265358979)
attempt(locale.str, 1e20)
attempt(locale.atof, '3.5')
attempt(locale.atof, '1,234.5')
attempt(locale.atof, '12', int)
attempt(locale.atoi, '42')
attempt(locale.atoi, '4.2')
attempt(locale.delocalize, '1,234.50')
attempt(locale.localize, '1234567.891')
attempt(locale.localize, '1234567.891', True, True)
attempt(locale.currency, 1.5)
attempt(locale.currency, 1.5, False, False, True)

print('another locale\'s conventions')
locale._override_localeconv = {
    'thousands_sep': ',', 'grouping': [3, 0], 'decimal_point': ',',
    'mon_decimal_point': '.', 'mon_thousands_sep': ' ', 'mon_grouping': [3, 2, 0],
    'frac_digits': 2, 'int_frac_digits': 2, 'currency_symbol': '€',
    'int_curr_symbol': 'EUR ', 'p_cs_precedes': 0, 'n_cs_precedes': 1,
    'p_sep_by_space': 1, 'n_sep_by_space': 0, 'p_sign_posn': 1,
    'n_sign_posn': 0, 'positive_sign': '', 'negative_sign': '-'}
attempt(locale.format_string, '%d', 1234567, True)
attempt(locale.format_string, '%.2f', 1234567.891, True)
attempt(locale.format_string, '%12.2f|', 1234567.891, True)
attempt(locale.format_string, '%-12d|', 1234567, True)
attempt(locale.format_string, '%+d', -1234567, True)
attempt(locale.format_string, '%10d|', 12, True)
attempt(locale.format_string, '%.2f', 1234567.891, True, True)
attempt(locale.currency, 1234567.891)
attempt(locale.currency, -1234567.891)
attempt(locale.currency, 1234567.891, True, True)
attempt(locale.currency, -1234567.891, True, True, True)
for position in range(6):
    locale._override_localeconv['p_sign_posn'] = position
    locale._override_localeconv['positive_sign'] = '+'
    attempt(locale.currency, 12.5)
attempt(locale.str, 1234.5)
attempt(locale.atof, '1,234,5')
attempt(locale.atoi, '1,234')
locale._override_localeconv['grouping'] = [3, locale.CHAR_MAX]
attempt(locale.format_string, '%d', 1234567890, True)
locale._override_localeconv['grouping'] = [0]
attempt(locale.format_string, '%d', 1234567890, True)
locale._override_localeconv = {}
print(locale.localeconv() == locale.localeconv(), locale.localeconv()['decimal_point'])

print('collation and langinfo')
for loc in ('C', 'C.UTF-8'):
    locale.setlocale(locale.LC_ALL, loc)
    print(locale.strcoll('a', 'b'), locale.strcoll('b', 'a'), locale.strcoll('a', 'a'),
          locale.strcoll('abc', 'ab'), locale.strcoll('é', 'z'), locale.strcoll('A', 'a'))
    print(repr(locale.strxfrm('abcé')), sorted(['b', 'A', 'a', 'é'], key=locale.strxfrm))
    print([locale.nl_langinfo(k) for k in (locale.CODESET, locale.D_T_FMT, locale.D_FMT,
                                           locale.T_FMT, locale.T_FMT_AMPM, locale.RADIXCHAR,
                                           locale.THOUSEP, locale.YESEXPR, locale.NOEXPR,
                                           locale.CRNCYSTR, locale.AM_STR, locale.PM_STR,
                                           locale.DAY_1, locale.ABDAY_7, locale.MON_12,
                                           locale.ABMON_1, locale.ERA)])
attempt(locale.strcoll, 'a', 1)
attempt(locale.strcoll, 'a\0', 'b')
attempt(locale.strxfrm, 1)
attempt(locale.nl_langinfo, 12345)
attempt(locale.nl_langinfo, 'x')

print('messages')
print(locale.gettext('hello'), locale.dgettext('dom', 'hi'), locale.dgettext(None, 'hi'),
      locale.dcgettext('d', 'x', locale.LC_MESSAGES))
print(locale.textdomain(None), locale.textdomain('foo'), locale.textdomain(None))
print(locale.bind_textdomain_codeset('foo', None), locale.bind_textdomain_codeset('foo', 'UTF-8'))
attempt(locale.gettext, 1)
