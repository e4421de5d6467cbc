UNWIND $ids AS id
MATCH (p:Passage)-[:MENTIONS]->(:Entity {id: id})
RETURN id, p {.*, labels: labels(p)} AS node
ORDER BY id, p.seq
