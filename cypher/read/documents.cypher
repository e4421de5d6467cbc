MATCH (d:Document)
RETURN d {.*, labels: labels(d)} AS node
ORDER BY d.published, d.id
