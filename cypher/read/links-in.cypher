// Incoming relationships of one type into many entities: (b)-[r:$type]->(a {id}).
UNWIND $ids AS id
MATCH (a:Entity {id: id})<-[r:$($type)]-(b:Entity)
RETURN id, b {.*, labels: labels(b)} AS node, properties(r) AS link
ORDER BY id, b.firstMention, b.id
