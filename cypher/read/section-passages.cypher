UNWIND $ids AS id
MATCH (p:Passage)-[:IN_SECTION]->(:Section {id: id})
RETURN id, p {.*, labels: labels(p)} AS node
ORDER BY id, p.order
