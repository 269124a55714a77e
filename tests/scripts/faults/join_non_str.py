''.join([1])
