// Every sentence in many sections and their subsections, in document order.
UNWIND $ids AS id
MATCH (p:Passage)-[:IN_SECTION]->(:Section)-[:PART_OF*0..6]->(:Section {id: id})
RETURN id, p {.*, labels: labels(p)} AS node
ORDER BY id, p.seq
