import abc
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side

    def perimeter(self):
        return 4 * self.side


class HalfDone(Shape):
    def area(self):
        return 0


for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)

s = Square(3)
print(s.describe(), s.perimeter())
print(sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__), Square.__abstractmethods__)
print(type(Shape) is ABCMeta, isinstance(Shape, ABCMeta), isinstance(s, Shape), issubclass(Square, Shape))


class Base(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...


print(sorted(Base.__abstractmethods__))


class Impl(Base):
    @property
    def name(self):
        return "impl"

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return 42


print(Impl.make().name, Impl.helper())


# Virtual subclasses.
class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented


print(issubclass(list, Sized), issubclass(int, Sized), isinstance("abc", Sized), isinstance(3, Sized))


class Registered(ABC):
    pass


print(issubclass(int, Registered), Registered.register(int) is int, issubclass(int, Registered))
print(isinstance(5, Registered), issubclass(bool, Registered), isinstance(2.0, Registered))


@Registered.register
class Plain:
    pass


print(Plain.__name__, isinstance(Plain(), Registered), issubclass(Plain, Registered))
try:
    Registered.register(5)
except TypeError as e:
    print("TypeError:", e)


class Child(Registered):
    pass


try:
    Child.register(Registered)
except RuntimeError as e:
    print("RuntimeError:", e)

token = abc.get_cache_token()
Registered.register(float)
print(abc.get_cache_token() > token, isinstance(2.0, Registered))


# update_abstractmethods after a decorator fills the method in.
class Proto(ABC):
    @abstractmethod
    def run(self):
        ...


class Later(Proto):
    pass


Later.run = lambda self: "ran"
print(sorted(Later.__abstractmethods__))
abc.update_abstractmethods(Later)
print(sorted(Later.__abstractmethods__), Later().run())

# Deprecated helpers still work.
class Old(ABC):
    @abc.abstractproperty
    def value(self):
        ...


print(sorted(Old.__abstractmethods__), issubclass(abc.abstractproperty, property))
print(getattr(abstractmethod(lambda: 0), "__isabstractmethod__", False))
