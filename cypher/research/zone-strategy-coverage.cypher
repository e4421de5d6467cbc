// Zone-to-strategy coverage: for every zone (片区, 城 …), the strategies anchored in it (ANCHORED_IN, 依托),
// how many projects are located in it (directly or in a zone within it), and how many of those serve a strategy
// anchored there. Zones with projects but no strategy, and strategies with empty zones, stand out.
//
//   npm run cypher -- cypher/research/zone-strategy-coverage.cypher
MATCH (z:District {kind: 'ZONE'})
OPTIONAL MATCH (s:Strategy)-[:ANCHORED_IN]->(z)
WITH z, collect(DISTINCT s) AS strategies
OPTIONAL MATCH (p:Project)-[:LOCATED_IN]->(:District)-[:WITHIN*0..]->(z)
WITH z, strategies, collect(DISTINCT p) AS projects
WITH z, strategies, projects,
     [p IN projects WHERE any(s IN strategies WHERE exists { (p)-[:SERVES]->(:Strategy)<-[:HAS_PART*0..]-(s) })] AS serving
RETURN z.name AS zone, [s IN strategies | s.name] AS anchoredStrategies, size(projects) AS projects,
       size(serving) AS servingAnAnchoredStrategy
ORDER BY projects DESC, zone
