// HAS_PART children of many strategies or projects in the report's order: the earliest sentence of the link's
// evidence that names the part, then where the name (or alias) stands in it; a link whose quotes never name the
// part counts from the end of its earliest sentence. Then the part's first mention.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:HAS_PART]->(b:Entity)
WITH id, a, b, r, [b.name] + coalesce(b.aliases, []) AS names
CALL (a, r, names) {
  UNWIND range(0, size(r.evidence) - 1) AS i
  MATCH (q:Passage {id: r.passageIds[i]})
  // The whole's own name does not name a part: 多支点 in “一芯两核多支点” is not 多支点 itself.
  WITH q, reduce(t = r.evidence[i], w IN [a.name] + coalesce(a.aliases, []) | replace(t, w, '#')) AS quote, names
  WITH q, [n IN names WHERE quote CONTAINS n | size(split(quote, n)[0])] AS at
  WITH min(CASE WHEN size(at) > 0 THEN q.seq * 100000 + reduce(m = 99999, x IN at | CASE WHEN x < m THEN x ELSE m END) END) AS named,
       min(q.seq * 100000 + 99999) AS unnamed
  RETURN coalesce(named, unnamed) AS position
}
RETURN id, b {.*, labels: labels(b)} AS node, properties(r) AS link
ORDER BY id, position, b.firstMention, b.id
