// A glossary entry by its term or alias, else the entry that defines an entity of that name or alias.
CALL () {
  MATCH (g:GlossaryTerm) WHERE $key IN g.lookupKeys
  RETURN g, 0 AS rank
  UNION
  MATCH (g:GlossaryTerm)-[:DEFINES]->(e:Entity) WHERE $key IN e.lookupKeys
  RETURN g, 1 AS rank
}
WITH g ORDER BY rank, g.number LIMIT 1
RETURN g {.*, labels: labels(g)} AS node
