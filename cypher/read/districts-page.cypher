// One page of districts (optionally of one kind), in document order or by their number of projects (located in
// them or in places WITHIN them, as District.projectCount counts), with the total count.
MATCH (d:District)
WHERE $kind IS NULL OR d.kind = $kind
WITH d, CASE $orderBy
  WHEN 'PROJECT_COUNT_DESC' THEN size(COLLECT { MATCH (p:Project)-[:LOCATED_IN]->(:District)-[:WITHIN*0..4]->(d) RETURN DISTINCT p.id })
  ELSE 0 END AS projects
ORDER BY projects DESC, d.firstMention, d.id
WITH collect(d) AS matched
RETURN size(matched) AS totalCount, [x IN matched[$offset..($offset + $limit)] | x {.*, labels: labels(x)}] AS nodes
