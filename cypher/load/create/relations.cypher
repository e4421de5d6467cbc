// Fresh load of the curated facts between entities (the loader drops duplicate (from, type, to, document) rows,
// which the reload's MERGE would collapse).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props, r.loadId = $loadId
