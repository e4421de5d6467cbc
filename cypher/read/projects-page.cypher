// One page of projects matching every given filter (null = not filtered), with the total count.
// $districtId includes places WITHIN it; $strategyId includes projects serving its parts (HAS_PART*).
// The conditions are those of projects-filter.cypher; keep the two in step. With $strategyId each row also
// carries the most direct SERVES link (EXPLICIT > INFERRED > DERIVED) and the part it goes to; with $districtId
// the LOCATED_IN link and the place (the district itself before places within it).
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
WITH size(matched) AS totalCount, matched[$offset..($offset + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS x
CALL (x) {
  OPTIONAL MATCH (:Strategy {id: $strategyId})-[:HAS_PART*0..5]->(part:Strategy)<-[r:SERVES]-(x)
  WITH part, r
  ORDER BY CASE r.basis WHEN 'EXPLICIT' THEN 0 WHEN 'INFERRED' THEN 1 ELSE 2 END
  RETURN head(collect(CASE WHEN r IS NULL THEN null ELSE {link: properties(r), via: part {.*, labels: labels(part)}} END)) AS serves
}
CALL (x) {
  OPTIONAL MATCH (x)-[r:LOCATED_IN]->(place:District)-[:WITHIN*0..4]->(:District {id: $districtId})
  WITH place, r
  ORDER BY CASE place.id WHEN $districtId THEN 0 ELSE 1 END, CASE r.basis WHEN 'EXPLICIT' THEN 0 ELSE 1 END
  RETURN head(collect(CASE WHEN r IS NULL THEN null ELSE {link: properties(r), place: place {.*, labels: labels(place)}} END)) AS located
}
WITH totalCount, collect(CASE WHEN x IS NULL THEN null ELSE {node: x {.*, labels: labels(x)}, serves: serves, located: located} END) AS rows
RETURN totalCount, rows
