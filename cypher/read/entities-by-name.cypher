// Entities of a label by their normalised name (src/graph/names.ts): an index seek on nameKey (= lookupKeys[0]).
// $keys: [{label, key}]. One row per key found: the first mentioned. Keys found by no name are then looked up
// among aliases (entities-by-alias.cypher), so an exact name always wins over another entity's alias.
UNWIND $keys AS k
MATCH (n:Entity {nameKey: k.key})
WHERE k.label IN labels(n)
WITH k, n
ORDER BY n.firstMention
RETURN k.label AS label, k.key AS key, collect(n {.*, labels: labels(n)})[0] AS node
