# gc.callbacks hear of the collections the collector starts by itself, not
# only of gc.collect(): "start" then "stop", with the generation and counts.
import gc

events = []


def watch(phase, info):
    events.append((phase, sorted(info), info["generation"], info["collected"]))


gc.collect()
gc.callbacks.append(watch)


class Node:
    def __init__(self):
        self.me = self


for _ in range(20000):
    Node()

gc.callbacks.remove(watch)
phases = [e[0] for e in events]
print("automatic collections seen:", len(events) // 2 > 0)
print("start/stop alternate:", phases == ["start", "stop"] * (len(phases) // 2))
print("keys:", events[0][1])
print("generations:", sorted({e[2] for e in events}) [:1])
print("collected something:", sum(e[3] for e in events if e[0] == "stop") > 0)
print("starts count nothing:", all(e[3] == 0 for e in events if e[0] == "start"))


def broken(phase, info):
    raise ValueError("callback " + phase)


gc.callbacks.append(broken)
print("returned", gc.collect() >= 0)
gc.callbacks.remove(broken)
