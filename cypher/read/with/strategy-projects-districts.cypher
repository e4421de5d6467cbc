// Strategy.projects { edges { node { districts } } }: read/strategy-projects (copied: the same rows, in the same
// order) AND each project's LOCATED_IN links (read/links-out's, copied), in one statement instead of two.
// test/integration/prefetch.test.ts asks both ways and wants identical answers.
UNWIND $ids AS id
MATCH (s:Strategy {id: id})-[:HAS_PART*0..5]->(part:Strategy)
WHERE $includeParts OR part = s
MATCH (part)<-[r:SERVES]-(p:Project)
WHERE ($basis IS NULL OR r.basis IN $basis)
  AND (NOT $textBacked OR r.strength IN ['STATED', 'NAME_READ'])
WITH id, p, r, part
ORDER BY CASE r.basis WHEN 'EXPLICIT' THEN 0 WHEN 'INFERRED' THEN 1 ELSE 2 END,
         CASE r.strength WHEN 'STATED' THEN 0 WHEN 'NAME_READ' THEN 1 ELSE 2 END
WITH id, p, head(collect({link: properties(r), part: part {.*, labels: labels(part)}})) AS best
RETURN id, p {.*, labels: labels(p)} AS node, best.link AS link, best.part AS part,
       COLLECT {
         MATCH (p)-[l:LOCATED_IN]->(b:Entity)
         WITH b, l ORDER BY b.firstMention, b.id
         RETURN {node: b {.*, labels: labels(b)}, link: properties(l)}
       } AS districts
ORDER BY id, p.firstMention, p.id
