// Co-mentions: the report's sentences that name two entities together, with their section heading. Entities are
// given by name or alias. Without b, lists the entities named together with a, most sentences first.
//
//   npm run cypher -- cypher/research/co-mentions.cypher --param a=东核
//   npm run cypher -- cypher/research/co-mentions.cypher --param a=低碳智造核 --param b=深圳国际低碳城
//
// @param a 低碳智造核
// @param b null
MATCH (x:Entity) WHERE $a IN x.names
MATCH (x)<-[:MENTIONS]-(p:Passage)-[:MENTIONS]->(y:Entity)
WHERE y <> x AND ($b IS NULL OR $b IN y.names)
MATCH (p)-[:IN_SECTION]->(s:Section)
WITH x, y, p, s
ORDER BY p.seq
WITH x, y, collect({text: p.text, heading: s.heading}) AS sentences
UNWIND (CASE WHEN $b IS NULL THEN [sentences[0]] ELSE sentences END) AS sentence
RETURN x.name AS a, y.name AS b, [l IN labels(y) WHERE l <> 'Entity'][0] AS bType, size(sentences) AS sentences,
       sentence.heading AS section, sentence.text AS sentence
ORDER BY sentences DESC, b
