// The graph's content without what differs between two equal loads (elementIds, the load id and time, the hash of
// the loader's inputs), each property with its Cypher type, keys in order. One row per node and relationship:
// test/integration/graph.test.ts compares a CREATE load with a MERGE reload by it, test/integration/hostile hashes
// it before and after its requests (a reload of the same fixtures by another test file leaves it equal), and
// bench/load-profile.ts digests it.
MATCH (n)
RETURN 'node' AS kind, [n.id] + labels(n) AS head,
       COLLECT { UNWIND keys(n) AS k WITH k WHERE NOT k IN ['loadId', 'loadedAt', 'fixturesHash'] ORDER BY k RETURN [k, valueType(n[k]), n[k]] } AS props
UNION ALL
MATCH (a)-[r]->(b)
RETURN 'rel' AS kind, [type(r), a.id, b.id] AS head,
       COLLECT { UNWIND keys(r) AS k WITH k WHERE k <> 'loadId' ORDER BY k RETURN [k, valueType(r[k]), r[k]] } AS props
