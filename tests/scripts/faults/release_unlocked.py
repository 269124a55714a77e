import threading
threading.Lock().release()
