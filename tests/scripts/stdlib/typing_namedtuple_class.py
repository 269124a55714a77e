# Class-syntax typing.NamedTuple: fields from annotations, defaults,
# methods, _fields, _field_defaults, repr; and the functional form.
from typing import NamedTuple, List


class Employee(NamedTuple):
    """An employee."""
    name: str
    id: int = 3
    tags: List[str] = []

    def describe(self):
        return '%s #%d' % (self.name, self.id)

    @property
    def upper(self):
        return self.name.upper()

    kind = 'staff'


e = Employee('Guido')
print(e)
print(repr(Employee('Tim', 7, ['core'])))
print(Employee._fields, Employee._field_defaults)
print(Employee.__annotations__)
print(e.describe(), e.upper, e.kind, Employee.kind)
print(Employee.__doc__, Employee.__name__, Employee.__qualname__, Employee.__module__)
print(Employee.__mro__)
print(isinstance(e, tuple), len(e), e[0], e[-2])
a, b, c = e
print(a, b, c)
print(e._replace(id=9), e._asdict())
print(Employee._make(['x', 1, []]))
print(e == ('Guido', 3, []), hash(Employee('a', 1, ())) == hash(('a', 1, ())))
try:
    Employee()
except TypeError as exc:
    print('TypeError')
try:
    e.name = 'other'
except AttributeError:
    print('AttributeError on assignment')


class Point(NamedTuple):
    x: int
    y: 'int'


print(Point(1, 2), Point.__annotations__, Point._field_defaults)
print(Point(1, 2) + (3, 4))
print(Point.__doc__)

try:
    class Bad(NamedTuple):
        x: int = 0
        y: int
except TypeError as exc:
    print('TypeError:', exc)
try:
    class Bad2(NamedTuple):
        x: int
        def _asdict(self):
            return {}
except AttributeError as exc:
    print('AttributeError:', exc)

Functional = NamedTuple('Functional', [('a', int), ('b', str)])
print(Functional(1, 'x'), Functional.__annotations__, Functional.__module__)
Kw = NamedTuple('Kw', a=int, b=float)
print(Kw(1, 2.5), Kw._fields)


class Sub(Point):
    def norm1(self):
        return abs(self.x) + abs(self.y)


print(Sub(3, -4).norm1(), Sub(3, -4))
