assert False, 'the message'
