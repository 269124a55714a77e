"""MIMEImage: image/* messages."""

__all__ = ['MIMEImage']

from email import encoders
from email.mime.nonmultipart import MIMENonMultipart


def _what(data):
    # The image type of data, from its first bytes.
    h = bytes(data[:32])
    if h[6:10] in (b'JFIF', b'Exif') or h[:2] == b'\xff\xd8':
        return 'jpeg'
    if h.startswith(b'\x89PNG\r\n\x1a\n'):
        return 'png'
    if h[:6] in (b'GIF87a', b'GIF89a'):
        return 'gif'
    if h[:2] in (b'MM', b'II'):
        return 'tiff'
    if h[:2] == b'BM':
        return 'bmp'
    if h.startswith(b'RIFF') and h[8:12] == b'WEBP':
        return 'webp'
    if h.startswith(b'\x76\x2f\x31\x01'):
        return 'exr'
    if h[:4] == b'\x59\xA6\x6A\x95':
        return 'rast'
    if h[:2] == b'#d' and b'define' in h:
        return 'xbm'
    if len(h) >= 3 and h[0] == ord(b'P') and h[1] in b'14' and h[2] in b' \t\n\r':
        return 'pbm'
    if len(h) >= 3 and h[0] == ord(b'P') and h[1] in b'25' and h[2] in b' \t\n\r':
        return 'pgm'
    if len(h) >= 3 and h[0] == ord(b'P') and h[1] in b'36' and h[2] in b' \t\n\r':
        return 'ppm'
    if h.startswith(b'\001\332'):
        return 'rgb'
    return None


class MIMEImage(MIMENonMultipart):
    """An image/* message (base64 encoded by default)."""

    def __init__(self, _imagedata, _subtype=None,
                 _encoder=encoders.encode_base64, *, policy=None, **_params):
        _subtype = _what(_imagedata) if _subtype is None else _subtype
        if _subtype is None:
            raise TypeError('Could not guess image MIME subtype')
        MIMENonMultipart.__init__(self, 'image', _subtype, policy=policy,
                                  **_params)
        self.set_payload(_imagedata)
        _encoder(self)
