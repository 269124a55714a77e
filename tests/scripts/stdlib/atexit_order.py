import atexit

def hello(name, punct='!'):
    print('goodbye', name + punct)

atexit.register(hello, 'first')
atexit.register(hello, 'second', punct='?')

@atexit.register
def last():
    print('registered last, runs first')

def never():
    print('never printed')

atexit.register(never)
atexit.register(never)
atexit.unregister(never)

try:
    atexit.register(5)
except TypeError as e:
    print(e)
print('main done')
