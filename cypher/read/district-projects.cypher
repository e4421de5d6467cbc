// Projects located in many districts; with $includeSubdistricts, also in places WITHIN* them.
UNWIND $ids AS id
MATCH (place:District)-[:WITHIN*0..4]->(:District {id: id})
WITH DISTINCT id, place
MATCH (p:Project)-[r:LOCATED_IN]->(place)
WHERE $includeSubdistricts OR place.id = id
WITH id, p, r, place
ORDER BY CASE place.id WHEN id THEN 0 ELSE 1 END, CASE r.basis WHEN 'EXPLICIT' THEN 0 ELSE 1 END
WITH id, p, head(collect({link: properties(r), place: place {.*, labels: labels(place)}})) AS best
RETURN id, p {.*, labels: labels(p)} AS node, best.link AS link, best.place AS place
ORDER BY id, p.firstMention, p.id
