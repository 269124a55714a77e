"""Exceptions and defect classes of the email package."""


class MessageError(Exception):
    """Root of the email package's exceptions."""


class MessageParseError(MessageError):
    """A message could not be parsed."""


class HeaderParseError(MessageParseError):
    """A header could not be parsed."""


class BoundaryError(MessageParseError):
    """A multipart boundary could not be found."""


class MultipartConversionError(MessageError, TypeError):
    """A message cannot be turned into a multipart."""


class CharsetError(MessageError):
    """An unusable charset was named."""


class HeaderWriteError(MessageError):
    """A header could not be written out."""


class MessageDefect(ValueError):
    """Base of the defects found while parsing a message."""

    def __init__(self, line=None):
        if line is not None:
            super().__init__(line)
        self.line = line


class NoBoundaryInMultipartDefect(MessageDefect):
    """A multipart message has no boundary parameter."""


class StartBoundaryNotFoundDefect(MessageDefect):
    """The opening boundary of a multipart was not found."""


class CloseBoundaryNotFoundDefect(MessageDefect):
    """The closing boundary of a multipart was not found."""


class FirstHeaderLineIsContinuationDefect(MessageDefect):
    """The first header line is a continuation line."""


class MisplacedEnvelopeHeaderDefect(MessageDefect):
    """A 'Unix-from' line was found among the headers."""


class MissingHeaderBodySeparatorDefect(MessageDefect):
    """A line that is not a header was found among the headers."""


MalformedHeaderDefect = MissingHeaderBodySeparatorDefect


class MultipartInvariantViolationDefect(MessageDefect):
    """A multipart message has a non-multipart payload."""


class InvalidMultipartContentTransferEncodingDefect(MessageDefect):
    """A multipart has a transfer encoding other than 7bit, 8bit or binary."""


class UndecodableBytesDefect(MessageDefect):
    """Bytes that could not be decoded."""


class InvalidBase64PaddingDefect(MessageDefect):
    """Base64 data with wrong padding."""


class InvalidBase64CharactersDefect(MessageDefect):
    """Base64 data with characters outside the alphabet."""


class InvalidBase64LengthDefect(MessageDefect):
    """Base64 data of an impossible length."""


class HeaderDefect(MessageDefect):
    """Base of the defects found in headers."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)


class InvalidHeaderDefect(HeaderDefect):
    """A header could not be parsed."""


class HeaderMissingRequiredValue(HeaderDefect):
    """A header lacks a value it must have."""


class NonPrintableDefect(HeaderDefect):
    """ASCII control characters in a header."""

    def __init__(self, non_printables):
        super().__init__(non_printables)
        self.non_printables = non_printables

    def __str__(self):
        return ("the following ASCII non-printables found in header: "
                "{}".format(self.non_printables))


class ObsoleteHeaderDefect(HeaderDefect):
    """Obsolete syntax in a header."""


class NonASCIILocalPartDefect(HeaderDefect):
    """A local part with non-ASCII characters."""


class InvalidDateDefect(HeaderDefect):
    """A date header that cannot be parsed."""
