// A shortest path between two entities over the curated relationships (not MENTIONS, which go through
// sentences, and not DERIVED links, which are shortcuts over facts the path can show itself).
// $types: the fact relationship types (FACT_RELATIONSHIP_TYPES in src/graph/fixtures/fixture-schema.ts).
// Variable-length bounds cannot be parameters: search up to 6 and keep the path only within $maxHops.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:$any($types)*..6]-(b))
WHERE all(r IN relationships(p) WHERE coalesce(r.basis, '') <> 'DERIVED')
WITH p
WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | n {.*, labels: labels(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), start: startNode(r).id, end: endNode(r).id, props: properties(r)}] AS rels
