// The sections from the top level down to each of many sections (itself included), outermost first.
UNWIND $ids AS id
MATCH path = (:Section {id: id})-[:PART_OF*0..6]->(top:Section)
WHERE NOT (top)-[:PART_OF]->(:Section)
RETURN id, [n IN reverse(nodes(path)) | n {.*, labels: labels(n)}] AS sections
