f = open('/dev/full', 'w')
f.write('x' * 100000)
f.close()
