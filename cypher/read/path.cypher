// A shortest path between two entities over the curated relationships (not MENTIONS, which go through
// sentences, and not DERIVED links, which are shortcuts over facts the path can show itself).
// $types: the fact relationship types (FACT_RELATIONSHIP_TYPES in src/graph/fixtures/fixture-schema.ts).
// Variable-length bounds cannot be parameters: search up to 6 and keep the path only within $maxHops.
// Always one row: both ends (null for an id no entity has, so the API can say which) and the path (null when
// none is within $maxHops) — checking the ends and finding the path in one statement, not two.
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
OPTIONAL CALL (a, b) {
  WITH a, b
  WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = shortestPath((a)-[:$any($types)*..6]-(b))
  WHERE all(r IN relationships(p) WHERE coalesce(r.basis, '') <> 'DERIVED')
  WITH p
  WHERE length(p) <= $maxHops
  RETURN [n IN nodes(p) | n {.*, labels: labels(n)}] AS nodes,
         [r IN relationships(p) | {type: type(r), start: startNode(r).id, end: endNode(r).id, props: properties(r)}] AS rels
}
RETURN a {.*, labels: labels(a)} AS fromNode, b {.*, labels: labels(b)} AS toNode, nodes, rels
