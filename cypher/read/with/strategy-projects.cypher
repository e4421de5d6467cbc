// Query.strategy { projects }: the strategy by id or name AND its projects, in one statement instead of two
// (the flagship question). The lookup is read/nodes-by-id's, or read/entities-by-name's then read/entities-by-alias's
// (a name wins over another entity's alias); the projects are read/strategy-projects' rule, copied. The copies are
// kept honest by test/integration/prefetch.test.ts, which asks every strategy both ways and wants equal answers.
// No row when nothing has that id or name.
CALL () {
  MATCH (n:Strategy {id: $id}) RETURN n, 0 AS tier
  UNION
  MATCH (n:Entity {nameKey: $key}) WHERE 'Strategy' IN labels(n) RETURN n, 1 AS tier
  UNION
  WITH 1 AS alias
  WHERE $key IS NOT NULL AND NOT EXISTS { MATCH (m:Entity {nameKey: $key}) WHERE 'Strategy' IN labels(m) }
  MATCH (n:Entity) WHERE $key IN n.lookupKeys AND 'Strategy' IN labels(n) RETURN n, 2 AS tier
}
WITH n ORDER BY tier, n.firstMention LIMIT 1
CALL (n) {
  MATCH (n)-[:HAS_PART*0..5]->(part:Strategy)
  WHERE $includeParts OR part = n
  MATCH (part)<-[r:SERVES]-(p:Project)
  WHERE ($basis IS NULL OR r.basis IN $basis)
    AND (NOT $textBacked OR r.strength IN ['STATED', 'NAME_READ'])
  WITH p, r, part
  ORDER BY CASE r.basis WHEN 'EXPLICIT' THEN 0 WHEN 'INFERRED' THEN 1 ELSE 2 END,
           CASE r.strength WHEN 'STATED' THEN 0 WHEN 'NAME_READ' THEN 1 ELSE 2 END
  WITH p, head(collect({link: properties(r), part: part {.*, labels: labels(part)}})) AS best
  ORDER BY p.firstMention, p.id
  RETURN collect({node: p {.*, labels: labels(p)}, link: best.link, part: best.part}) AS links
}
RETURN n {.*, labels: labels(n)} AS node, links
