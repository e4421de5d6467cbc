// bench only: the load id the last load stamped on the graph, so synthetic copies survive the next prune-less write.
MATCH (n:Entity) RETURN n.loadId AS loadId LIMIT 1
