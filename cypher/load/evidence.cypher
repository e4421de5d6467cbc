// (node)-[:EVIDENCED_BY {quote}]->(passage): the words of the report that support a node.
UNWIND $rows AS row
MATCH (p:Passage {id: row.passageId})
CALL (row) {
  MATCH (n:Entity {id: row.nodeId}) RETURN n
  UNION
  MATCH (n:Milestone {id: row.nodeId}) RETURN n
  UNION
  MATCH (n:IndicatorValue {id: row.nodeId}) RETURN n
  UNION
  MATCH (n:Document {id: row.nodeId}) RETURN n
}
MERGE (n)-[e:EVIDENCED_BY {quote: row.quote}]->(p)
SET e.documentId = row.documentId, e.loadId = $loadId
