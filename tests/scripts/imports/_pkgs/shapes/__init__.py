"""A package with submodules and relative imports."""
from .circle import Circle
from . import square
VERSION = "1.0"
__all__ = ["Circle", "square", "VERSION"]
print("shapes package loaded as", __name__, "package", __package__)
