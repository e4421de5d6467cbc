UNWIND $rows AS row
MATCH (owner:Entity {id: row.ownerId})
MERGE (m:Milestone {id: row.id})
SET m += row.props
MERGE (owner)-[:HAS_MILESTONE]->(m)
