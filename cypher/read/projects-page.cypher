// One page of projects matching every given filter (null = not filtered), with the total count.
// $districtId includes places WITHIN it; $strategyId includes projects serving its parts (HAS_PART*).
// The conditions are those of projects-filter.cypher; keep the two in step.
MATCH (p:Project)
WITH p, CASE WHEN $stageChanged IS NULL THEN [] ELSE COLLECT {
  MATCH (p)-[:HAS_MILESTONE]->(m:Milestone)
  WITH m.year AS year, max([i IN range(0, size($stageOrder) - 1) WHERE $stageOrder[i] = m.stage][0]) AS furthest
  RETURN furthest ORDER BY year
} END AS furthest
WHERE ($categories IS NULL OR p.category IN $categories)
  AND ($nameContains IS NULL OR any(k IN p.lookupKeys WHERE k CONTAINS $nameContains))
  AND ($districtId IS NULL OR EXISTS { (p)-[:LOCATED_IN]->(:District)-[:WITHIN*0..4]->(:District {id: $districtId}) })
  AND ($strategyId IS NULL OR EXISTS { (p)-[:SERVES]->(:Strategy)<-[:HAS_PART*0..5]-(:Strategy {id: $strategyId}) })
  AND (($stage IS NULL AND $year IS NULL) OR EXISTS {
    MATCH (p)-[:HAS_MILESTONE]->(m:Milestone)
    WHERE ($stage IS NULL OR m.stage = $stage) AND ($year IS NULL OR m.year = $year)
  })
  AND ($years IS NULL OR all(y IN $years WHERE EXISTS {
    MATCH (p)-[:HAS_MILESTONE]->(m:Milestone)
    WHERE m.year = y AND ($stage IS NULL OR m.stage = $stage)
  }))
  AND ($stageChanged IS NULL OR $stageChanged = (size(furthest) >= 2 AND furthest[0] <> furthest[-1]))
WITH p
ORDER BY
  CASE $orderBy WHEN 'NAME_ASC' THEN p.name END ASC,
  CASE $orderBy WHEN 'NAME_DESC' THEN p.name END DESC,
  p.firstMention, p.id
WITH collect(p) AS matched
RETURN size(matched) AS totalCount, [x IN matched[$offset..($offset + $limit)] | x {.*, labels: labels(x)}] AS nodes
