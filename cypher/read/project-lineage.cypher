// Each project's whole family of phases: up HAS_PART to its root(s), then down to every phase; roots first,
// then in document order.
UNWIND $ids AS id
MATCH (p:Project {id: id})
MATCH (root:Project)-[:HAS_PART*0..5]->(p)
WHERE NOT (:Project)-[:HAS_PART]->(root)
MATCH (root)-[:HAS_PART*0..5]->(m:Project)
WITH id, m, min(CASE WHEN m = root THEN 0 ELSE 1 END) AS isPart
RETURN id, m {.*, labels: labels(m)} AS node
ORDER BY id, isPart, m.firstMention, m.id
