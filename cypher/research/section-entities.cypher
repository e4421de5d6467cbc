// The entities of a section: everything the sentences of a section (and its subsections) name, by type, with how
// many sentences name each. The section is given by id (longgang-2022-2023:5.6.24) or by words of its heading.
//
//   npm run cypher -- cypher/research/section-entities.cypher --param section=生态
//   npm run cypher -- cypher/research/section-entities.cypher --param section=longgang-2022-2023:2.1
//
// @param section 改革攻坚系统推进
MATCH (s:Section)
WHERE s.id = $section OR s.heading CONTAINS $section
MATCH (s)<-[:PART_OF*0..]-(:Section)<-[:IN_SECTION]-(p:Passage)-[:MENTIONS]->(e:Entity)
WITH s, e, count(DISTINCT p) AS sentences
RETURN s.heading AS section, [l IN labels(e) WHERE l <> 'Entity'][0] AS type, e.name AS entity, sentences
ORDER BY s.order, type, sentences DESC, entity
