UNWIND $rows AS row
MATCH (s:Section {id: row.sectionId})
MERGE (p:Passage {id: row.id})
SET p += row.props
MERGE (p)-[:IN_SECTION]->(s)
