// Projects per strategy, by how each link is known.
// A project serving a part (东核 = 低碳智造核) also serves the whole (一芯两核多支点), as in the API's
// Strategy.projects. basis: EXPLICIT (the report states it), INFERRED (a curator read it), DERIVED (a rule in
// cypher/derive/ computed it). Pass a strategy's name or alias to list its projects one by one.
//
//   npm run cypher -- cypher/research/projects-per-strategy.cypher
//   npm run cypher -- cypher/research/projects-per-strategy.cypher --param strategy=东核 --csv > east-hub.csv
//
// @param strategy null
MATCH (p:Project)-[r:SERVES]->(:Strategy)<-[:HAS_PART*0..]-(s:Strategy)
WHERE $strategy IS NULL OR $strategy IN s.names
WITH s, p, r
ORDER BY CASE r.basis WHEN 'EXPLICIT' THEN 0 WHEN 'INFERRED' THEN 1 ELSE 2 END
// One row per project and strategy: its most direct link.
WITH s, p, collect(r)[0] AS r
WITH s, r.basis AS basis, collect(p.name) AS projects
RETURN s.name AS strategy, basis, size(projects) AS count,
       CASE WHEN $strategy IS NULL THEN projects[..5] ELSE projects END AS projectNames
ORDER BY s.firstMention, strategy, CASE basis WHEN 'EXPLICIT' THEN 0 WHEN 'INFERRED' THEN 1 ELSE 2 END
