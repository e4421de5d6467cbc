// One page of projects matching every given filter (null = not filtered), with the total count.
// $districtId includes places WITHIN it; $strategyId includes projects serving its parts (HAS_PART*).
MATCH (p:Project)
WHERE ($categories IS NULL OR p.category IN $categories)
  AND ($nameContains IS NULL OR any(k IN p.lookupKeys WHERE k CONTAINS $nameContains))
  AND ($districtId IS NULL OR EXISTS { (p)-[:LOCATED_IN]->(:District)-[:WITHIN*0..4]->(:District {id: $districtId}) })
  AND ($strategyId IS NULL OR EXISTS { (p)-[:SERVES]->(:Strategy)<-[:HAS_PART*0..5]-(:Strategy {id: $strategyId}) })
  AND (($stage IS NULL AND $year IS NULL) OR EXISTS {
    MATCH (p)-[:HAS_MILESTONE]->(m:Milestone)
    WHERE ($stage IS NULL OR m.stage = $stage) AND ($year IS NULL OR m.year = $year)
  })
WITH p
ORDER BY
  CASE $orderBy WHEN 'NAME_ASC' THEN p.name END ASC,
  CASE $orderBy WHEN 'NAME_DESC' THEN p.name END DESC,
  p.firstMention, p.id
WITH collect(p) AS matched
RETURN size(matched) AS totalCount, [x IN matched[$offset..($offset + $limit)] | x {.*, labels: labels(x)}] AS nodes
