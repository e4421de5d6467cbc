UNWIND $rows AS row
MATCH (s:Section {id: row.sectionId})
MERGE (p:Passage {id: row.id})
SET p = row.props, p.id = row.id, p.loadId = $loadId
MERGE (p)-[r:IN_SECTION]->(s)
SET r.loadId = $loadId
