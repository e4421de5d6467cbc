MATCH (g:GlossaryTerm)
RETURN g {.*, labels: labels(g)} AS node
ORDER BY g.documents[0], g.number
