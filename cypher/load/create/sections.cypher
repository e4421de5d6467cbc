// Fresh load: every section first, then (child)-[:PART_OF]->(parent), the top-level ones to their document
// ($top, split by the loader) and the others to their parent section ($nested): each lookup is one label's index.
CALL () {
  UNWIND $rows AS row
  CREATE (s:Section)
  SET s = row.props, s.id = row.id, s.loadId = $loadId
}
CALL () {
  UNWIND $top AS row
  MATCH (s:Section {id: row.id})
  MATCH (d:Document {id: row.parentId})
  CREATE (s)-[:PART_OF {loadId: $loadId}]->(d)
}
CALL () {
  UNWIND $nested AS row
  MATCH (s:Section {id: row.id})
  MATCH (parent:Section {id: row.parentId})
  CREATE (s)-[:PART_OF {loadId: $loadId}]->(parent)
}
