// Entities of a label by a normalised name or alias (src/graph/names.ts). $keys: [{label, key}].
// Exact-name matches sort before alias matches, so a name never loses to another entity's alias.
UNWIND $keys AS k
MATCH (n:Entity)
WHERE k.key IN n.lookupKeys AND k.label IN labels(n)
WITH k, n, CASE WHEN n.lookupKeys[0] = k.key THEN 0 ELSE 1 END AS rank
ORDER BY rank, n.firstMention
RETURN k.label AS label, k.key AS key, collect(n {.*, labels: labels(n)})[0] AS node
