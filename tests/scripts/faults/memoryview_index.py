memoryview(b'ab')[5]
