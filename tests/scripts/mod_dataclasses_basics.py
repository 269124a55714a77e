import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, InitVar, KW_ONLY
from typing import ClassVar, List, Optional


@dataclass
class InventoryItem:
    """Class for keeping track of an item in inventory."""
    name: str
    unit_price: float
    quantity_on_hand: int = 0

    def total_cost(self) -> float:
        return self.unit_price * self.quantity_on_hand


item = InventoryItem("widget", 3.5, 10)
print(item, item.total_cost(), item == InventoryItem("widget", 3.5, 10), item != InventoryItem("w", 1.0))
print(InventoryItem.__doc__, InventoryItem.__match_args__, InventoryItem.__hash__)
print([f.name for f in fields(InventoryItem)], [f.type for f in fields(item)], fields(item)[2].default)
print(asdict(item), astuple(item), is_dataclass(item), is_dataclass(InventoryItem), is_dataclass(str))
print(replace(item, quantity_on_hand=3), item.quantity_on_hand)


@dataclass
class Point:
    x: int
    y: int = 0


print(Point.__doc__, Point(1), Point(y=2, x=1), repr(Point(-1, -2)))
for call in (lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=3), lambda: Point(1, x=2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    label: str = field(default="", compare=False)


versions = [Version(1, 2), Version(1, 0, 5), Version(0, 9, label="beta"), Version(1, 2, 0, "rc")]
print(sorted(versions))
print(Version(1, 2) == Version(1, 2, label="x"), Version(1) < Version(1, 0, 1), max(versions))
print(hash(Version(1, 2)) == hash(Version(1, 2, 0, "other")), len({Version(1), Version(1, 0)}))
try:
    versions[0].major = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e, isinstance(e, AttributeError))
try:
    del versions[0].minor
except AttributeError as e:
    print(type(e).__name__ + ":", e)
try:
    versions[0] < (1, 2)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Team:
    name: str
    members: List[str] = field(default_factory=list)
    scores: dict = field(default_factory=dict, repr=False)
    created: int = field(default=0, init=False)
    MAX: ClassVar[int] = 10

    def __post_init__(self):
        self.created = len(self.name)


a = Team("red")
b = Team("blue", ["ann"])
a.members.append("bob")
print(a, b, a.members is not Team("x").members, Team.MAX, [f.name for f in fields(Team)])
print(fields(Team)[1].default_factory is list, fields(Team)[3].init, fields(Team)[2].repr)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    @dataclass
    class BadOrder:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Scaled:
    value: float
    factor: InitVar[float] = 2.0
    result: float = field(init=False)

    def __post_init__(self, factor):
        self.result = self.value * factor


print(Scaled(3), Scaled(3, 10), [f.name for f in fields(Scaled)], Scaled.__doc__)


@dataclass
class Options:
    path: str
    _: KW_ONLY
    verbose: bool = False
    depth: int = 1


print(Options("/tmp", verbose=True), Options.__doc__)
try:
    Options("/tmp", True)
except TypeError as e:
    print("TypeError:", e)


@dataclass(kw_only=True)
class Config:
    host: str
    port: int = 8080


print(Config(host="localhost"), Config.__match_args__)
try:
    Config()
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Base:
    x: int = 1
    y: int = 2


@dataclass
class Child(Base):
    z: int = 3
    x: int = 100


print(Child(), Child(5, 6, 7), [f.name for f in fields(Child)], Child.__doc__)


class Outer:
    @dataclass
    class Inner:
        v: int


print(Outer.Inner(5), Outer.Inner.__init__.__qualname__, Outer.Inner.__repr__.__qualname__)


@dataclass
class Tree:
    value: int
    children: list = field(default_factory=list)
    parent: Optional["Tree"] = field(default=None, repr=False, compare=False)


root = Tree(1)
leaf = Tree(2, parent=root)
root.children.append(leaf)
print(root, asdict(Tree(1, [Tree(2), Tree(3, [Tree(4)])])))


@dataclass
class Loop:
    name: str
    other: object = None


loop = Loop("a")
loop.other = loop
print(loop)


@dataclass(eq=False, repr=False)
class Plain:
    x: int


print(Plain(1) == Plain(1), "Plain object" in repr(Plain(1)))


@dataclass(unsafe_hash=True)
class Hashable:
    x: int
    tags: tuple = ()


print(hash(Hashable(1)) == hash((1, ())), Hashable(1) in {Hashable(1)})

Coord = dataclasses.make_dataclass("Coord", ["note", ("lat", float), ("lon", float, field(default=0.0))],
                                   namespace={"describe": lambda self: f"{self.lat},{self.lon}"})
c = Coord("n", 1.5, 2.5)
print(c, c.describe(), Coord.__doc__)
try:
    replace(c, missing=1)
except TypeError as e:
    print("TypeError:", e)
try:
    asdict(Coord)
except TypeError as e:
    print("TypeError:", e)
try:
    fields(42)
except TypeError as e:
    print("TypeError:", e)
print(repr(dataclasses.KW_ONLY)[:40].startswith("<dataclasses._KW_ONLY_TYPE"), InitVar[int])

import pprint
pprint.pprint(Tree(1, [Tree(20, [Tree(300)]), Tree(21)] * 2), width=40)
