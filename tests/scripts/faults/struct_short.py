import struct
struct.unpack('i', b'x')
