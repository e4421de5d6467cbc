// Fresh load of (node)-[:EVIDENCED_BY {quote}]->(passage). The loader splits the rows by the label of the node
// they evidence, so each lookup is one index seek (not a four-way UNION per row).
CALL () {
  UNWIND $entities AS row
  MATCH (n:Entity {id: row.nodeId})
  MATCH (p:Passage {id: row.passageId})
  CREATE (n)-[:EVIDENCED_BY {quote: row.quote, documentId: row.documentId, loadId: $loadId}]->(p)
}
CALL () {
  UNWIND $milestones AS row
  MATCH (n:Milestone {id: row.nodeId})
  MATCH (p:Passage {id: row.passageId})
  CREATE (n)-[:EVIDENCED_BY {quote: row.quote, documentId: row.documentId, loadId: $loadId}]->(p)
}
CALL () {
  UNWIND $values AS row
  MATCH (n:IndicatorValue {id: row.nodeId})
  MATCH (p:Passage {id: row.passageId})
  CREATE (n)-[:EVIDENCED_BY {quote: row.quote, documentId: row.documentId, loadId: $loadId}]->(p)
}
CALL () {
  UNWIND $documents AS row
  MATCH (n:Document {id: row.nodeId})
  MATCH (p:Passage {id: row.passageId})
  CREATE (n)-[:EVIDENCED_BY {quote: row.quote, documentId: row.documentId, loadId: $loadId}]->(p)
}
