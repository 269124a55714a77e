"""Response objects of `urllib.request`: file objects with extras
(`addinfourl` has `info()`, `geturl()`, `getcode()` and `status`).
The file object's own methods and attributes are reached through the
wrapper."""

__all__ = ['addbase', 'addclosehook', 'addinfo', 'addinfourl']


class addbase:
    """A file object wrapper: its methods are the file's, and it is a
    context manager that closes the file."""

    def __init__(self, fp):
        self.fp = fp
        self.file = fp
        self.name = '<urllib response>'
        self.delete = False

    def __getattr__(self, name):
        file = self.__dict__.get('file')
        if file is None:
            raise AttributeError(name)
        return getattr(file, name)

    def __repr__(self):
        return '<%s at %r whose fp = %r>' % (self.__class__.__name__,
                                             id(self), self.file)

    def __enter__(self):
        if self.fp is None or getattr(self.fp, 'closed', False):
            raise ValueError("I/O operation on closed file")
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __iter__(self):
        return iter(self.file)

    def close(self):
        file = self.__dict__.get('file')
        if file is not None:
            file.close()


class addclosehook(addbase):
    """Calls `closehook(*hookargs)` on close."""

    def __init__(self, fp, closehook, *hookargs):
        super(addclosehook, self).__init__(fp)
        self.closehook = closehook
        self.hookargs = hookargs

    def close(self):
        try:
            closehook = self.closehook
            hookargs = self.hookargs
            if closehook:
                self.closehook = None
                self.hookargs = None
                closehook(*hookargs)
        finally:
            super(addclosehook, self).close()


class addinfo(addbase):
    """Adds `info()`: the headers."""

    def __init__(self, fp, headers):
        super(addinfo, self).__init__(fp)
        self.headers = headers

    def info(self):
        return self.headers


class addinfourl(addinfo):
    """Adds `geturl()`, `getcode()` and `status`."""

    def __init__(self, fp, headers, url, code=None):
        super(addinfourl, self).__init__(fp, headers)
        self.url = url
        self.code = code

    @property
    def status(self):
        return self.code

    def getcode(self):
        return self.code

    def geturl(self):
        return self.url
