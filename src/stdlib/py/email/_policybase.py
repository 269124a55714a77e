"""The Policy base class and the Compat32 policy."""

from email import header
from email import charset as _charset
from email.utils import _has_surrogates
from email import _escapes

__all__ = [
    'Policy',
    'Compat32',
    'compat32',
]


class _PolicyBase:
    """Read-only attributes, set by the constructor or by clone()."""

    def __init__(self, **kw):
        for name, value in kw.items():
            if hasattr(self, name):
                object.__setattr__(self, name, value)
            else:
                raise TypeError(
                    "{!r} is an invalid keyword argument for {}".format(
                        name, self.__class__.__name__))

    def __repr__(self):
        args = ["{}={!r}".format(name, value)
                for name, value in self.__dict__.items()]
        return "{}({})".format(self.__class__.__name__, ', '.join(args))

    def clone(self, **kw):
        """A copy of the policy with the given attributes changed."""
        newpolicy = self.__class__.__new__(self.__class__)
        for attr, value in self.__dict__.items():
            object.__setattr__(newpolicy, attr, value)
        for attr, value in kw.items():
            if not hasattr(self, attr):
                raise TypeError(
                    "{!r} is an invalid keyword argument for {}".format(
                        attr, self.__class__.__name__))
            object.__setattr__(newpolicy, attr, value)
        return newpolicy

    def __setattr__(self, name, value):
        if hasattr(self, name):
            msg = "{!r} object attribute {!r} is read-only"
        else:
            msg = "{!r} object has no attribute {!r}"
        raise AttributeError(msg.format(self.__class__.__name__, name))

    def __add__(self, other):
        """The policy with the non-default attributes of other applied."""
        return self.clone(**other.__dict__)


class Policy(_PolicyBase):
    """How messages are parsed, represented and generated."""

    raise_on_defect = False
    linesep = '\n'
    cte_type = '8bit'
    max_line_length = 78
    mangle_from_ = False
    message_factory = None

    def handle_defect(self, obj, defect):
        """Raise defect if raise_on_defect, else record it on obj."""
        if self.raise_on_defect:
            raise defect
        self.register_defect(obj, defect)

    def register_defect(self, obj, defect):
        """Append defect to obj.defects."""
        obj.defects.append(defect)

    def header_max_count(self, name):
        """The most headers called name a message may have (None: any)."""
        return None

    def header_source_parse(self, sourcelines):
        raise NotImplementedError

    def header_store_parse(self, name, value):
        raise NotImplementedError

    def header_fetch_parse(self, name, value):
        raise NotImplementedError

    def fold(self, name, value):
        raise NotImplementedError

    def fold_binary(self, name, value):
        raise NotImplementedError


class Compat32(Policy):
    """The behaviour of the email package of Python 3.2."""

    mangle_from_ = True

    def _sanitize_header(self, name, value):
        if not isinstance(value, str):
            return value
        if _has_surrogates(value):
            return header.Header(value, charset=_charset.UNKNOWN8BIT,
                                 header_name=name)
        else:
            return value

    def header_source_parse(self, sourcelines):
        """(name, value) of the lines of a header, line breaks kept inside."""
        name, value = sourcelines[0].split(':', 1)
        value = value.lstrip(' \t') + ''.join(sourcelines[1:])
        return (name, value.rstrip('\r\n'))

    def header_store_parse(self, name, value):
        """(name, value) as given."""
        return (name, value)

    def header_fetch_parse(self, name, value):
        """The value, as a Header if it carries undecodable bytes."""
        return self._sanitize_header(name, value)

    def fold(self, name, value):
        """The header folded for output, undecodable bytes encoded."""
        return self._fold(name, value, sanitize=True)

    def fold_binary(self, name, value):
        """The header folded for output, as bytes."""
        folded = self._fold(name, value, sanitize=self.cte_type == '7bit')
        return _escapes.encode(folded, 'ascii')

    def _fold(self, name, value, sanitize):
        parts = []
        parts.append('%s: ' % name)
        if isinstance(value, str):
            if _has_surrogates(value):
                if sanitize:
                    h = header.Header(value,
                                      charset=_charset.UNKNOWN8BIT,
                                      header_name=name)
                else:
                    parts.append(value)
                    h = None
            else:
                h = header.Header(value, header_name=name)
        else:
            h = value
        if h is not None:
            maxlinelen = 0
            if self.max_line_length is not None:
                maxlinelen = self.max_line_length
            parts.append(h.encode(linesep=self.linesep, maxlinelen=maxlinelen))
        parts.append(self.linesep)
        return ''.join(parts)


compat32 = Compat32()
