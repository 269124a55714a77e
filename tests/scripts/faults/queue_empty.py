import queue
queue.Queue().get(timeout=0.01)
