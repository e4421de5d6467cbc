// Query.search. Three tiers, best score kept per entity:
//   exact name/alias (1000) > name/alias containing the text (100–110) > full-text (Lucene score, cjk bigrams)
// over name, aliases, English name and glossary definition. $query is already escaped and phrase-quoted.
CALL () {
  MATCH (n:Entity)
  WHERE $key IN n.lookupKeys
  RETURN n, 1000.0 AS score
  UNION
  MATCH (n:Entity)
  WHERE NOT $key IN n.lookupKeys AND any(k IN n.lookupKeys WHERE k CONTAINS $key)
  RETURN n, 100.0 + 10.0 * size($key) / size(n.lookupKeys[0]) AS score
  UNION
  CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: 200}) YIELD node, score
  RETURN node AS n, score
}
WITH n, max(score) AS score
WHERE any(l IN labels(n) WHERE l IN $labels)
RETURN n {.*, labels: labels(n)} AS node, score
ORDER BY score DESC, n.firstMention, n.id
LIMIT $limit
