UNWIND $rows AS row
MATCH (s:Section {id: row.sectionId})
CREATE (p:Passage)-[:IN_SECTION {loadId: $loadId}]->(s)
SET p = row.props, p.id = row.id, p.loadId = $loadId
