// Child sections of many sections or documents, in document order.
UNWIND $ids AS id
MATCH (s:Section)-[:PART_OF]->(parent:Section|Document {id: id})
RETURN id, s {.*, labels: labels(s)} AS node
ORDER BY id, s.order
