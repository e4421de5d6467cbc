UNWIND $rows AS row
MATCH (owner:Entity {id: row.ownerId})
CREATE (owner)-[:HAS_MILESTONE {loadId: $loadId}]->(m:Milestone)
SET m = row.props, m.id = row.id, m.loadId = $loadId
