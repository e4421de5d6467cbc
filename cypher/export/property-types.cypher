// The Cypher type of every property key, for typed GraphML keys: JavaScript numbers cannot tell INTEGER from FLOAT.
MATCH (n)
WHERE NOT n:PlanGraphMeta
UNWIND keys(n) AS key
WITH DISTINCT 'node' AS element, key, valueType(n[key]) AS type
RETURN element, key, type
UNION
MATCH ()-[r]->()
UNWIND keys(r) AS key
WITH DISTINCT 'edge' AS element, key, valueType(r[key]) AS type
RETURN element, key, type
