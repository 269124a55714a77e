import sqlite3
sqlite3.connect(':memory:').execute('SELEC 1')
