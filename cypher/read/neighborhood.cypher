// Entities within $depth (1 or 2) relationships of one entity, nearest first, capped at $cap, and every
// relationship among them, over the fact relationship types $types (FACT_RELATIONSHIP_TYPES in
// src/graph/fixtures/fixture-schema.ts). Variable-length bounds cannot be parameters: match up to 2, keep within $depth.
MATCH (c:Entity {id: $id})
CALL (c) {
  OPTIONAL MATCH p = (c)-[:$any($types)*1..2]-(n:Entity)
  WHERE length(p) <= $depth AND n <> c
  WITH n, min(length(p)) AS dist
  WHERE n IS NOT NULL
  ORDER BY dist, n.firstMention, n.id
  RETURN collect(n) AS around
}
WITH [c] + around[..$cap] AS nodes, size(around) > $cap AS truncated
CALL (nodes) {
  UNWIND nodes AS x
  MATCH (x)-[r:$any($types)]->(y:Entity)
  WHERE y IN nodes
  RETURN collect({type: type(r), start: x.id, end: y.id, props: properties(r)}) AS edges
}
RETURN [x IN nodes | x {.*, labels: labels(x)}] AS nodes, edges, truncated
