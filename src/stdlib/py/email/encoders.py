"""Encoders setting a message's payload and Content-Transfer-Encoding."""

__all__ = [
    'encode_7or8bit', 'encode_base64', 'encode_noop', 'encode_quopri',
]

from base64 import encodebytes as _bencode


def _qencode(s):
    from email.quoprimime import _encode_bytes
    enc = _encode_bytes(s, quotetabs=True)
    # spaces are written '=20' by this encoder
    return enc.replace(b' ', b'=20')


def encode_base64(msg):
    """Base64 encode the payload, setting Content-Transfer-Encoding."""
    orig = msg.get_payload(decode=True)
    encdata = str(_bencode(orig), 'ascii')
    msg.set_payload(encdata)
    msg['Content-Transfer-Encoding'] = 'base64'


def encode_quopri(msg):
    """Quoted-printable encode the payload, setting Content-Transfer-Encoding."""
    orig = msg.get_payload(decode=True)
    encdata = _qencode(orig)
    msg.set_payload(encdata)
    msg['Content-Transfer-Encoding'] = 'quoted-printable'


def encode_7or8bit(msg):
    """Set Content-Transfer-Encoding to 7bit or 8bit as the payload needs."""
    orig = msg.get_payload(decode=True)
    if orig is None:
        msg['Content-Transfer-Encoding'] = '7bit'
        return
    try:
        orig.decode('ascii')
    except UnicodeError:
        msg['Content-Transfer-Encoding'] = '8bit'
    else:
        msg['Content-Transfer-Encoding'] = '7bit'


def encode_noop(msg):
    """Leave the payload as it is."""
