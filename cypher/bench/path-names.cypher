// bench only: the names along Query.path's shortest path (cypher/read/path.cypher), for an @cypher field.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:HAS_PART|ANCHORED_IN|WITHIN|LOCATED_IN|SERVES|AFFILIATED_WITH|PARTICIPATES_IN|MEASURES|DEFINES*..6]-(b))
WHERE all(r IN relationships(p) WHERE coalesce(r.basis, '') <> 'DERIVED')
WITH p
WHERE length(p) <= 4
RETURN [n IN nodes(p) | n.name] AS names
