// Sections hang from their parent section, top-level sections from the document: (child)-[:PART_OF]->(parent).
// The loader splits the links into top-level ($top: parentId is the document) and nested ($nested), so each
// parent lookup is one label's index seek.
CALL () {
  UNWIND $rows AS row
  MERGE (s:Section {id: row.id})
  SET s = row.props, s.id = row.id, s.loadId = $loadId
}
CALL () {
  UNWIND $top AS row
  MATCH (s:Section {id: row.id})
  MATCH (d:Document {id: row.parentId})
  MERGE (s)-[r:PART_OF]->(d)
  SET r.loadId = $loadId
}
CALL () {
  UNWIND $nested AS row
  MATCH (s:Section {id: row.id})
  MATCH (parent:Section {id: row.parentId})
  MERGE (s)-[r:PART_OF]->(parent)
  SET r.loadId = $loadId
}
