"""Topological sorting of graphs of hashable nodes, as CPython's `graphlib`."""

import types as _types

__all__ = ["TopologicalSorter", "CycleError"]

# Values of _NodeInfo.npredecessors once a node has left the "waiting" state.
_NODE_OUT = -1
_NODE_DONE = -2


class _NodeInfo:
    def __init__(self, node):
        self.node = node
        # Predecessors not yet done; _NODE_OUT or _NODE_DONE afterwards.
        self.npredecessors = 0
        # Nodes that have this node as a predecessor (repeats allowed).
        self.successors = []


class CycleError(ValueError):
    """Raised by TopologicalSorter.prepare() when the graph has a cycle.

    args[1] is a list of nodes forming the cycle, the first and the last
    being the same node.
    """
    pass


class TopologicalSorter:
    """Sorts a graph of hashable nodes so that each node comes after its
    predecessors, all at once (static_order) or in ready groups."""

    def __init__(self, graph=None):
        self._node2info = {}
        self._ready_nodes = None
        self._npassedout = 0
        self._nfinished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _get_nodeinfo(self, node):
        info = self._node2info.get(node)
        if info is None:
            info = _NodeInfo(node)
            self._node2info[node] = info
        return info

    def add(self, node, *predecessors):
        """Add node, with the nodes that must come before it."""
        if self._ready_nodes is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._get_nodeinfo(node)
        info.npredecessors += len(predecessors)
        for pred in predecessors:
            self._get_nodeinfo(pred).successors.append(node)

    def prepare(self):
        """End the graph: no more add(); CycleError if it has a cycle."""
        if self._ready_nodes is not None:
            raise ValueError("cannot prepare() more than once")
        self._ready_nodes = [info.node for info in self._node2info.values()
                             if info.npredecessors == 0]
        # The ready nodes can still be handed out when there is a cycle, so
        # the check comes after they are known.
        cycle = self._find_cycle()
        if cycle:
            raise CycleError("nodes are in a cycle", cycle)

    def get_ready(self):
        """The nodes whose predecessors are all done, as a tuple (each
        node once)."""
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        result = tuple(self._ready_nodes)
        n2i = self._node2info
        for node in result:
            n2i[node].npredecessors = _NODE_OUT
        self._ready_nodes = []
        self._npassedout += len(result)
        return result

    def is_active(self):
        """Whether nodes remain to be handed out or marked done."""
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        return self._nfinished < self._npassedout or bool(self._ready_nodes)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Mark nodes handed out by get_ready() as processed."""
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        n2i = self._node2info
        for node in nodes:
            info = n2i.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            state = info.npredecessors
            if state != _NODE_OUT:
                if state >= 0:
                    raise ValueError(
                        f"node {node!r} was not passed out (still not ready)")
                raise ValueError(f"node {node!r} was already marked done")
            info.npredecessors = _NODE_DONE
            for succ in info.successors:
                succ_info = n2i[succ]
                succ_info.npredecessors -= 1
                if succ_info.npredecessors == 0:
                    self._ready_nodes.append(succ)
            self._nfinished += 1

    def _find_cycle(self):
        # Depth-first search along the successor lists, from each node in
        # insertion order; the first back edge found closes the cycle.
        n2i = self._node2info
        seen = set()
        path = []          # the nodes of the current path
        iters = []         # for each of them, what is left of its successors
        index_in_path = {}
        for start in n2i:
            if start in seen:
                continue
            node = start
            while True:
                if node in seen:
                    if node in index_in_path:
                        return path[index_in_path[node]:] + [node]
                else:
                    seen.add(node)
                    iters.append(iter(n2i[node].successors))
                    index_in_path[node] = len(path)
                    path.append(node)
                # Go back up to the deepest node with a successor left.
                node = _NO_NODE
                while path:
                    node = next(iters[-1], _NO_NODE)
                    if node is not _NO_NODE:
                        break
                    del index_in_path[path.pop()]
                    iters.pop()
                if node is _NO_NODE:
                    break
        return None

    def static_order(self):
        """Yield every node, each after its predecessors."""
        self.prepare()
        while self.is_active():
            group = self.get_ready()
            for node in group:
                yield node
            self.done(*group)

    def __class_getitem__(cls, item):
        return _types.GenericAlias(cls, item)


_NO_NODE = object()
