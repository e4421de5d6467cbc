// Query.district { projects }: the district by id or name AND its projects, in one statement instead of two; with
// $withTimeline also each project's milestones (read/milestones' order): one statement instead of three.
// The lookup is read/nodes-by-id's, or read/entities-by-name's then read/entities-by-alias's; the projects are
// read/district-projects' rule, copied (test/integration/prefetch.test.ts asks every district both ways).
// No row when nothing has that id or name.
CALL () {
  MATCH (n:District {id: $id}) RETURN n, 0 AS tier
  UNION
  MATCH (n:Entity {nameKey: $key}) WHERE 'District' IN labels(n) RETURN n, 1 AS tier
  UNION
  WITH 1 AS alias
  WHERE $key IS NOT NULL AND NOT EXISTS { MATCH (m:Entity {nameKey: $key}) WHERE 'District' IN labels(m) }
  MATCH (n:Entity) WHERE $key IN n.lookupKeys AND 'District' IN labels(n) RETURN n, 2 AS tier
}
WITH n ORDER BY tier, n.firstMention LIMIT 1
CALL (n) {
  MATCH (place:District)-[:WITHIN*0..4]->(n)
  WITH DISTINCT place
  MATCH (p:Project)-[r:LOCATED_IN]->(place)
  WHERE $includeSubdistricts OR place = n
  WITH p, r, place
  ORDER BY CASE place WHEN n THEN 0 ELSE 1 END, CASE r.basis WHEN 'EXPLICIT' THEN 0 ELSE 1 END
  WITH p, head(collect({link: properties(r), place: place {.*, labels: labels(place)}})) AS best
  ORDER BY p.firstMention, p.id
  RETURN collect({node: p {.*, labels: labels(p)}, link: best.link, place: best.place}) AS links,
         collect(CASE WHEN $withTimeline THEN COLLECT {
           MATCH (p)-[:HAS_MILESTONE]->(m:Milestone)
           WITH m ORDER BY m.year, [i IN range(0, size($stageOrder) - 1) WHERE $stageOrder[i] = m.stage][0]
           RETURN m {.*, ownerId: p.id}
         } ELSE [] END) AS timelines
}
RETURN n {.*, labels: labels(n)} AS node, links, timelines
