// bench only (bench/load-profile.ts): the graph's content without what differs between two equal loads
// (elementIds, the load id and time, the hash of the loader's inputs), each property with its Cypher type, for a
// digest that shows a changed loader writes exactly the same graph.
MATCH (n)
RETURN 'node' AS kind, [n.id] + labels(n) AS head,
       [k IN keys(n) WHERE NOT k IN ['loadId', 'loadedAt', 'fixturesHash'] | [k, valueType(n[k]), n[k]]] AS props
UNION ALL
MATCH (a)-[r]->(b)
RETURN 'rel' AS kind, [type(r), a.id, b.id] AS head,
       [k IN keys(r) WHERE k <> 'loadId' | [k, valueType(r[k]), r[k]]] AS props
