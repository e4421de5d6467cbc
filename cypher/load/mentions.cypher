UNWIND $rows AS row
MATCH (p:Passage {id: row.passageId})
MATCH (e:Entity {id: row.entityId})
MERGE (p)-[r:MENTIONS]->(e)
SET r.loadId = $loadId
