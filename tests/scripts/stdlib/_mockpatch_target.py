import os

VALUE = 'original'
CONFIG = {'debug': False, 'level': 1}


def helper(x):
    return 'real helper %s' % x


def uses_helper(x):
    return helper(x)


class Service:
    limit = 10

    def fetch(self, key):
        return 'real fetch %s' % key

    @staticmethod
    def version():
        return '1.0'


def current_dir():
    return os.getcwd()


async def remote(x):
    return 'real remote %s' % x
