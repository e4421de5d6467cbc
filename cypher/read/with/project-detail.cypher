// Query.project { evidence districts strategies timeline }: a project by id or name AND its quotes
// (read/node-evidence), LOCATED_IN and SERVES links (read/links-out) and milestones (read/milestones), in one
// statement instead of five. The lookup is read/nodes-by-id's, or read/entities-by-name's then
// read/entities-by-alias's. Every rule here is a copy; test/integration/prefetch.test.ts asks every project both
// ways and wants identical answers. No row when nothing has that id or name.
CALL () {
  MATCH (n:Project {id: $id}) RETURN n, 0 AS tier
  UNION
  MATCH (n:Entity {nameKey: $key}) WHERE 'Project' IN labels(n) RETURN n, 1 AS tier
  UNION
  WITH 1 AS alias
  WHERE $key IS NOT NULL AND NOT EXISTS { MATCH (m:Entity {nameKey: $key}) WHERE 'Project' IN labels(m) }
  MATCH (n:Entity) WHERE $key IN n.lookupKeys AND 'Project' IN labels(n) RETURN n, 2 AS tier
}
WITH n ORDER BY tier, n.firstMention LIMIT 1
RETURN n {.*, labels: labels(n)} AS node,
  COLLECT {
    MATCH (n)-[e:EVIDENCED_BY]->(p:Passage)
    WITH e.quote AS quote, min(p.seq) AS seq, head(collect(p.id)) AS passageId
    ORDER BY seq
    RETURN {quote: quote, passageId: passageId}
  } AS evidence,
  COLLECT {
    MATCH (n)-[r:LOCATED_IN]->(b:Entity)
    WITH b, r ORDER BY b.firstMention, b.id
    RETURN {node: b {.*, labels: labels(b)}, link: properties(r)}
  } AS districts,
  COLLECT {
    MATCH (n)-[r:SERVES]->(b:Entity)
    WITH b, r ORDER BY b.firstMention, b.id
    RETURN {node: b {.*, labels: labels(b)}, link: properties(r)}
  } AS strategies,
  COLLECT {
    MATCH (n)-[:HAS_MILESTONE]->(m:Milestone)
    WITH m ORDER BY m.year, [i IN range(0, size($stageOrder) - 1) WHERE $stageOrder[i] = m.stage][0]
    RETURN m {.*, ownerId: n.id}
  } AS timeline
