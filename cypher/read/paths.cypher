// Query.paths and Query.path: up to $k (≤ 5) shortest paths between two entities over the fact relationships ($types)
// (not MENTIONS, and never DERIVED links, which are shortcuts over facts a path can show itself); $basis keeps
// to relationships of those bases. Quantifier bounds cannot be parameters: the pattern allows 6 hops and its
// own predicate keeps to $maxHops during the search (a post-filter would let the search wander 6 hops deep).
// SHORTEST 5 GROUPS takes every path of the five shortest lengths (each group holds at least one path, so $k ≤ 5
// paths are always among them); sorting ties by their node ids makes the answer the same on every run, which
// SHORTEST k alone does not promise.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = SHORTEST 5 GROUPS ((a)-[r:$any($types)
    WHERE coalesce(r.basis, '') <> 'DERIVED' AND ($basis IS NULL OR r.basis IN $basis)]-{1,6}(b) WHERE size(r) <= $maxHops)
WITH p
ORDER BY length(p), reduce(key = '', n IN nodes(p) | key + n.id + '>'), reduce(key = '', r IN relationships(p) | key + type(r) + '>')
LIMIT $k
RETURN [n IN nodes(p) | n {.*, labels: labels(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), start: startNode(r).id, end: endNode(r).id, props: properties(r)}] AS rels
