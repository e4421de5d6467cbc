// One page of indicators matching every given filter (null = not filtered), with the total count.
MATCH (i:Indicator)
WHERE ($categories IS NULL OR i.category IN $categories)
  AND ($headline IS NULL OR i.headline = $headline)
  AND ($nameContains IS NULL OR any(k IN i.lookupKeys WHERE k CONTAINS $nameContains))
  AND (($year IS NULL AND $kind IS NULL) OR EXISTS {
    MATCH (i)-[:HAS_VALUE]->(v:IndicatorValue)
    WHERE ($year IS NULL OR v.year = $year) AND ($kind IS NULL OR v.kind = $kind)
  })
WITH i
ORDER BY i.headline DESC, i.firstMention, i.id
WITH collect(i) AS matched
RETURN size(matched) AS totalCount, [x IN matched[$offset..($offset + $limit)] | x {.*, labels: labels(x)}] AS nodes
