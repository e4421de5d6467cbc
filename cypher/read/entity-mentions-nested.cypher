// Entity.mentions(rule: NESTED): sentences whose text contains the entity's name or an alias (two characters or
// more), also inside a longer name — unlike the stored MENTIONS, which keep only the longest match.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH id, [n IN [e.name] + coalesce(e.aliases, []) WHERE size(n) >= 2] AS names
MATCH (p:Passage)
WHERE any(n IN names WHERE p.text CONTAINS n)
RETURN id, p {.*, labels: labels(p)} AS node
ORDER BY id, p.seq
