// One page of organizations matching every given filter (null = not filtered), in document order, with the total.
MATCH (o:Organization)
WHERE ($kinds IS NULL OR o.kind IN $kinds)
  AND ($nameContains IS NULL OR any(k IN o.lookupKeys WHERE k CONTAINS $nameContains))
WITH o
ORDER BY o.firstMention, o.id
WITH collect(o) AS matched
RETURN size(matched) AS totalCount, [x IN matched[$offset..($offset + $limit)] | x {.*, labels: labels(x)}] AS nodes
