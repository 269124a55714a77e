import os, sys
here = sys.path[0]
sys.path.insert(0, os.path.join(here, "_pkgs"))

import shapes
from shapes import Circle, square
from shapes.sub import deep
import shapes.sub.deep as d2
print(shapes.VERSION, Circle(2).describe(), square.Square(3).describe())
print(deep is d2, deep.__name__, deep.__package__, shapes.__package__)
print(sorted(k for k in sys.modules if k.startswith("shapes")))
print(os.path.basename(shapes.__file__), os.path.basename(shapes.__path__[0]))
print(shapes.__spec__.name, shapes.__spec__.parent, square.__spec__.parent)
print(os.path.basename(square.__spec__.origin), shapes.__spec__.submodule_search_locations is not None)

from shapes import *
print(VERSION, Circle.__module__)

import helper_mod, helper_mod as hm
print(helper_mod.bump(), hm.bump(), helper_mod is sys.modules["helper_mod"])

import nsonly.mod
print(nsonly.mod.VALUE, nsonly.__file__ if hasattr(nsonly, "__file__") else None)

import circ_a
print(circ_a.A, circ_a.get_b())

try:
    import broken
except SyntaxError as e:
    print("SyntaxError:", e.msg, os.path.basename(e.filename), e.lineno)
print("broken" in sys.modules)

try:
    import raises
except ValueError as e:
    print("ValueError:", e, "raises" in sys.modules)

try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)

try:
    from shapes import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])

try:
    import shapes.nope
except ModuleNotFoundError as e:
    print(e)

import importlib
m = importlib.import_module("shapes.circle")
print(m.Circle is Circle, importlib.import_module(".base", "shapes").Shape.__name__)
print(__name__, __package__, __spec__)
