// bench only: Query.search's three tiers (cypher/read/search.cypher) for projects, returning the nodes, so the
// @neo4j/graphql server can serve the search through an @cypher field.
CALL () {
  MATCH (n:Project)
  WHERE $key IN n.lookupKeys
  RETURN n, 1000.0 AS score
  UNION
  MATCH (n:Project)
  WHERE NOT $key IN n.lookupKeys AND any(k IN n.lookupKeys WHERE k CONTAINS $key)
  RETURN n, 100.0 + 10.0 * size($key) / size(n.lookupKeys[0]) AS score
  UNION
  CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: 200}) YIELD node, score
  RETURN node AS n, score
}
WITH n, max(score) AS score
WHERE n:Project
WITH n, score
ORDER BY score DESC, n.firstMention, n.id
LIMIT $limit
RETURN n
