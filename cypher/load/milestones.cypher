UNWIND $rows AS row
MATCH (owner:Entity {id: row.ownerId})
MERGE (m:Milestone {id: row.id})
SET m = row.props, m.id = row.id, m.loadId = $loadId
MERGE (owner)-[r:HAS_MILESTONE]->(m)
SET r.loadId = $loadId
