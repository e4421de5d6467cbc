// One page of the entities of a label (optionally of one kind), in document order, with the total count.
MATCH (n:Entity)
WHERE $label IN labels(n) AND ($kind IS NULL OR n.kind = $kind)
WITH n
ORDER BY n.firstMention, n.id
WITH collect(n) AS matched
RETURN size(matched) AS totalCount, [x IN matched[$offset..($offset + $limit)] | x {.*, labels: labels(x)}] AS nodes
