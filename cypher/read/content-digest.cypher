// The graph's whole content, one row per node and one per relationship (labels or type, every property, and
// the endpoints), for a content hash: test/hostile hashes it before and after to prove nothing changed.
MATCH (n)
RETURN 'node' AS kind, elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
UNION ALL
MATCH (a)-[r]->(b)
RETURN 'rel' AS kind, elementId(r) AS id, [type(r), elementId(a), elementId(b)] AS labels, properties(r) AS properties
