# string.Formatter: format/vformat/parse/get_field/get_value/
# check_unused_args/format_field/convert_field, and subclasses.
import string

f = string.Formatter()
print(f.format('{0}, {1}!', 'Hello', 'world'))
print(f.format('{} + {} = {}', 1, 2, 3))
print(f.format('{name:>8}|{value:.3f}', name='pi', value=3.14159))
print(f.format('{0!r} {0!s} {0!a}', 'caf\xe9'))
print(f.format('{0:{1}{2}}', 42, '>', 6))
print(f.format('{0.real} {0.imag} {1[key]} {2[1]}', 3 + 4j, {'key': 'v'}, [7, 8]))
print(f.format('{{literal}} {0}', 'x'))
print(f.vformat('{a}-{0}', ('pos',), {'a': 'kw'}))
print(list(f.parse('a{{b}}c{0!r:>{1}}d')))
print(list(f.parse('{x.y[0]:^10}')))
print(list(f.parse('')))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


print(f.get_field('0.x', (Point(1, 2),), {}))
print(f.get_field('p.y', (), {'p': Point(1, 2)}))
print(f.get_value(0, ('a',), {}), f.get_value('k', (), {'k': 'b'}))
print(f.convert_field(3, None), f.convert_field('s', 'r'), f.format_field(3.5, '08.3f'))

for bad in ['{', '}', '{0!x}', '{}{0}', '{0}{}', '{0:{1:{2:{3}}}}', '{a{b}', '{0.}', '{0[}']:
    try:
        print(f.format(bad, 1, 2, 3, 4))
    except (ValueError, IndexError, KeyError) as exc:
        print(type(exc).__name__, exc)
try:
    f.format('{missing}')
except KeyError as exc:
    print('KeyError', exc)
try:
    f.format('{3}', 1)
except IndexError as exc:
    print('IndexError', exc)


class StrictFormatter(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(range(len(args))) | set(kwargs)
        unused -= used_args
        if unused:
            raise ValueError('unused arguments: %s' % sorted(map(str, unused)))


sf = StrictFormatter()
print(sf.format('{0} {x}', 1, x=2))
try:
    sf.format('{0}', 1, 2, y=3)
except ValueError as exc:
    print('ValueError', exc)


class DefaultFormatter(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, '<%s?>' % key)
        return string.Formatter.get_value(self, key, args, kwargs)


print(DefaultFormatter().format('{known} {unknown} {0}', 'zero', known='k'))


class UpperFormatter(string.Formatter):
    def format_field(self, value, format_spec):
        if format_spec.endswith('u'):
            return format(value, format_spec[:-1]).upper()
        return super().format_field(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion == 'l':
            return str(value).lower()
        return super().convert_field(value, conversion)


uf = UpperFormatter()
print(uf.format('{0:>6u}|{1!l}|{2:x}', 'abc', 'MiXeD', 255))


class LoggingFormatter(string.Formatter):
    def parse(self, format_string):
        for item in super().parse(format_string):
            print('  parsed', item)
            yield item


print(LoggingFormatter().format('<{0:{1}}>', 'v', 5))
print(isinstance(string.Formatter, type), 'Formatter' in string.__all__)
