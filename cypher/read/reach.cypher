// For Query.paths: how many entities each of $ids reaches, by hop count (1..$maxHops), over the relationships ($types)
// paths.cypher follows. Quantifier bounds cannot be parameters: the pattern's own predicate keeps to $maxHops.
UNWIND $ids AS id
MATCH (a:Entity {id: id})
CALL (a) {
  MATCH p = ANY SHORTEST ((a)-[r:$any($types)
      WHERE coalesce(r.basis, '') <> 'DERIVED' AND ($basis IS NULL OR r.basis IN $basis)]-{1,6}(n:Entity) WHERE size(r) <= $maxHops)
  WHERE n <> a
  RETURN collect(length(p)) AS hops
}
RETURN id, hops
