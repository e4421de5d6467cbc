// Query.strategies { edges { node { parts } } }: one page of the entities of a label (read/entities-page's filter
// and order) AND each one's HAS_PART children in the report's order (read/parts' rule), in one statement instead of
// two. Both rules are copies; test/integration/prefetch.test.ts asks both ways and wants identical answers.
// `parts` has one list per node of `nodes`, in the same order.
MATCH (n:Entity)
WHERE $label IN labels(n) AND ($kind IS NULL OR n.kind = $kind)
WITH n
ORDER BY n.firstMention, n.id
WITH collect(n) AS matched
WITH matched, matched[$offset..($offset + $limit)] AS page
CALL (page) {
  UNWIND page AS a
  CALL (a) {
    MATCH (a)-[r:HAS_PART]->(b:Entity)
    WITH a, b, r, [b.name] + coalesce(b.aliases, []) AS names
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
    WITH b, r, position
    ORDER BY position, b.firstMention, b.id
    RETURN collect({node: b {.*, labels: labels(b)}, link: properties(r)}) AS parts
  }
  RETURN collect(parts) AS parts
}
RETURN size(matched) AS totalCount, [x IN page | x {.*, labels: labels(x)}] AS nodes, parts
