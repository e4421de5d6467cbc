// Entities of a label by a normalised alias (any lookup key), for the keys no entity is named by. Aliases are a
// list property, which Neo4j cannot index: this scans the label, and runs only when a lookup uses an alias.
UNWIND $keys AS k
MATCH (n:Entity)
WHERE k.key IN n.lookupKeys AND k.label IN labels(n)
WITH k, n
ORDER BY n.firstMention
RETURN k.label AS label, k.key AS key, collect(n {.*, labels: labels(n)})[0] AS node
