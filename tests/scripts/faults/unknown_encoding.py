'a'.encode('nope')
