exec('def f(:\n    pass')
