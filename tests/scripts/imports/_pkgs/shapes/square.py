from .base import Shape
from .sub.deep import helper

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return helper(self.s)
