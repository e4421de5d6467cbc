// Query.passages and Query.coMentions: one page of sentences matching every given criterion (null = not
// filtered), with the total count. $query is an escaped Lucene phrase (cjk bigrams, as in search.cypher); $raw and
// $rawNfkc catch texts the bigram index cannot (one character). $sectionId includes subsections. $mentionIds:
// the sentence mentions each of them, by the stored MENTIONS ($nested = false) or by its text containing a
// name or alias of two characters or more ($nested = true).
CALL () {
  UNWIND CASE WHEN $query IS NULL THEN [] ELSE [$query] END AS q
  CALL db.index.fulltext.queryNodes('passage_text', q, {limit: 5000}) YIELD node, score
  RETURN collect(node.id) AS ftIds, collect(score) AS ftScores
}
CALL () {
  UNWIND coalesce($mentionIds, []) AS eid
  MATCH (e:Entity {id: eid})
  RETURN collect({id: e.id, names: [n IN [e.name] + coalesce(e.aliases, []) WHERE size(n) >= 2]}) AS wanted
}
MATCH (p:Passage)-[:IN_SECTION]->(s:Section)
WHERE ($query IS NULL OR p.id IN ftIds OR p.text CONTAINS $raw OR p.text CONTAINS $rawNfkc)
  AND ($sectionId IS NULL OR EXISTS { (s)-[:PART_OF*0..6]->(:Section {id: $sectionId}) })
  AND ($kind IS NULL OR s.kind = $kind)
  AND ($year IS NULL OR s.year = $year)
  AND ($mentionIds IS NULL OR all(w IN wanted WHERE
        CASE WHEN $nested
          THEN any(n IN w.names WHERE p.text CONTAINS n)
          ELSE EXISTS { (p)-[:MENTIONS]->(:Entity {id: w.id}) }
        END))
WITH p, [i IN range(0, size(ftIds) - 1) WHERE ftIds[i] = p.id | ftScores[i]][0] AS score
ORDER BY CASE $orderBy WHEN 'RELEVANCE' THEN coalesce(score, 0.0) END DESC, p.seq
WITH collect({node: p {.*, labels: labels(p)}, score: score}) AS matched
RETURN size(matched) AS totalCount, matched[$offset..($offset + $limit)] AS rows
