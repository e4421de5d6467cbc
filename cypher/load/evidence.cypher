// (node)-[:EVIDENCED_BY {quote}]->(passage): the words of the report that support a node. The loader splits the
// rows by the label of the node they evidence, so each lookup is one index seek (not a four-way UNION per row).
CALL () {
  UNWIND $entities AS row
  MATCH (n:Entity {id: row.nodeId})
  MATCH (p:Passage {id: row.passageId})
  MERGE (n)-[e:EVIDENCED_BY {quote: row.quote}]->(p)
  SET e.documentId = row.documentId, e.loadId = $loadId
}
CALL () {
  UNWIND $milestones AS row
  MATCH (n:Milestone {id: row.nodeId})
  MATCH (p:Passage {id: row.passageId})
  MERGE (n)-[e:EVIDENCED_BY {quote: row.quote}]->(p)
  SET e.documentId = row.documentId, e.loadId = $loadId
}
CALL () {
  UNWIND $values AS row
  MATCH (n:IndicatorValue {id: row.nodeId})
  MATCH (p:Passage {id: row.passageId})
  MERGE (n)-[e:EVIDENCED_BY {quote: row.quote}]->(p)
  SET e.documentId = row.documentId, e.loadId = $loadId
}
CALL () {
  UNWIND $documents AS row
  MATCH (n:Document {id: row.nodeId})
  MATCH (p:Passage {id: row.passageId})
  MERGE (n)-[e:EVIDENCED_BY {quote: row.quote}]->(p)
  SET e.documentId = row.documentId, e.loadId = $loadId
}
