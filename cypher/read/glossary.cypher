MATCH (g:GlossaryTerm)
RETURN g {.*, labels: labels(g)} AS node
ORDER BY g.documentId, g.number
