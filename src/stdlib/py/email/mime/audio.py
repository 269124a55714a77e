"""MIMEAudio: audio/* messages."""

__all__ = ['MIMEAudio']

from email import encoders
from email.mime.nonmultipart import MIMENonMultipart


def _what(data):
    h = bytes(data[:32])
    if h.startswith(b'.snd'):
        return 'basic'
    if h[:4] == b'FORM' and h[8:12] in (b'AIFC', b'AIFF'):
        return 'x-aiff'
    if h[:4] == b'RIFF' and h[8:12] == b'WAVE':
        return 'x-wav'
    return None


class MIMEAudio(MIMENonMultipart):
    """An audio/* message (base64 encoded by default)."""

    def __init__(self, _audiodata, _subtype=None,
                 _encoder=encoders.encode_base64, *, policy=None, **_params):
        if _subtype is None:
            _subtype = _what(_audiodata)
        if _subtype is None:
            raise TypeError('Could not find audio MIME subtype')
        MIMENonMultipart.__init__(self, 'audio', _subtype, policy=policy,
                                  **_params)
        self.set_payload(_audiodata)
        _encoder(self)
