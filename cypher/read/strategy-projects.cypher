// Projects serving many strategies; with $includeParts, also those serving any part (HAS_PART*) of them.
// One row per (strategy, project): the most direct link wins (EXPLICIT over INFERRED over DERIVED).
UNWIND $ids AS id
MATCH (s:Strategy {id: id})-[:HAS_PART*0..5]->(part:Strategy)
WHERE $includeParts OR part = s
MATCH (part)<-[r:SERVES]-(p:Project)
WHERE $basis IS NULL OR r.basis IN $basis
WITH id, p, r, part
ORDER BY CASE r.basis WHEN 'EXPLICIT' THEN 0 WHEN 'INFERRED' THEN 1 ELSE 2 END
WITH id, p, head(collect({link: properties(r), part: part {.*, labels: labels(part)}})) AS best
RETURN id, p {.*, labels: labels(p)} AS node, best.link AS link, best.part AS part
ORDER BY id, p.firstMention, p.id
