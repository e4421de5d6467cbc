UNWIND $rows AS row
MATCH (p:Passage {id: row.passageId})
MATCH (e:Entity {id: row.entityId})
CREATE (p)-[:MENTIONS {loadId: $loadId}]->(e)
