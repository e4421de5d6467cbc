// The quotes supporting many nodes (entities, milestones, indicator values, documents), in document order.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id}) RETURN n
  UNION
  MATCH (n:Milestone {id: id}) RETURN n
  UNION
  MATCH (n:IndicatorValue {id: id}) RETURN n
  UNION
  MATCH (n:Document {id: id}) RETURN n
}
MATCH (n)-[e:EVIDENCED_BY]->(p:Passage)
WITH id, e.quote AS quote, min(p.seq) AS seq, head(collect(p.id)) AS passageId
RETURN id, quote, passageId
ORDER BY id, seq
