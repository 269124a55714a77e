import pickle
pickle.loads(b'garbage')
