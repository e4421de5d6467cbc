// Sections hang from their parent section, top-level sections from the document: (child)-[:PART_OF]->(parent).
UNWIND $rows AS row
MERGE (s:Section {id: row.id})
SET s = row.props, s.id = row.id, s.loadId = $loadId
WITH s, row
MATCH (parent:Section|Document {id: coalesce(row.parentId, row.documentId)})
MERGE (s)-[r:PART_OF]->(parent)
SET r.loadId = $loadId
