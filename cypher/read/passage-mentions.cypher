UNWIND $ids AS id
MATCH (:Passage {id: id})-[:MENTIONS]->(e:Entity)
RETURN id, e {.*, labels: labels(e)} AS node
ORDER BY id, e.firstMention
