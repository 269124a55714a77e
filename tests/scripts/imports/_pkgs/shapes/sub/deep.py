from .. import base
from ..base import Shape

def helper(s):
    assert base.Shape is Shape
    return s * s
print("deep loaded:", __name__, __package__)
