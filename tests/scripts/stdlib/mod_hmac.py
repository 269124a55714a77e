import hmac, hashlib
print(hmac.new(b'k', b'm', 'sha256').hexdigest())
h = hmac.new(b'k', digestmod=hashlib.sha1); print(h.name, h.digest_size, h.block_size)
h.update(b'abc'); c = h.copy(); c.update(b'def'); print(h.hexdigest(), c.hexdigest(), h.digest() == hmac.digest(b'k', b'abc', 'sha1'))
for a in [('k',), (b'k',), (b'k', b'm', 'nope')]:
    try: hmac.new(*a)
    except Exception as e: print(type(e).__name__, e)
for a, b in [('a','a'),('a',b'a'),(b'a',bytearray(b'a')),('\xe9','\xe9'),(1,1),(1,b'a'),(b'a',1),('a',1),(memoryview(b'a'),b'a'),('a','ab'),(b'a',b'ab'),(b'ab',b'ac')]:
    try: print(hmac.compare_digest(a, b))
    except Exception as e: print(type(e).__name__, e)
print(hmac.digest(b'k', b'm', 'md5'), hmac.digest_size, len(hmac.trans_5C), hmac.trans_36[:4])
print(hmac.new(bytearray(b'k'), b'x', 'sha256').hexdigest())
print(hmac.new(b'k' * 100, b'x', 'sha512').hexdigest(), hmac.new(b'k', None, 'sha512').block_size)
print(hmac.new(b'k' * 100, b'x', lambda d=b'': hashlib.sha256(d)).hexdigest())
print(hmac.new(b'', b'', hashlib.md5).hexdigest(), hmac.new(b'key', b'The quick brown fox jumps over the lazy dog', 'sha256').hexdigest())
