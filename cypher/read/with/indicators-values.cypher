// Query.indicators { edges { node { values } } }: one page of indicators (read/indicators-page's filter and order)
// AND every value of each (read/indicator-values' order), in one statement instead of two. Both rules are copies;
// test/integration/prefetch.test.ts asks every filter both ways and wants identical answers.
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
WITH matched, matched[$offset..($offset + $limit)] AS page
RETURN size(matched) AS totalCount, [x IN page | x {.*, labels: labels(x)}] AS nodes,
       [x IN page | COLLECT { MATCH (x)-[:HAS_VALUE]->(v:IndicatorValue) WITH v ORDER BY v.year, v.kind, v.value RETURN v {.*} }] AS values
