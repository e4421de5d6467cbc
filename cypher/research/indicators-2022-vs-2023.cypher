// The 2022 actual vs 2023 target table: every indicator with a value for either, side by side, as numbers with
// their units and qualifiers (左右, 以上 …); headline indicators (主要指标) first. Set headline=true for the five only.
//
//   npm run cypher -- cypher/research/indicators-2022-vs-2023.cypher --param headline=true
//   npm run cypher -- cypher/research/indicators-2022-vs-2023.cypher --csv > indicators.csv
//
// @param headline false
MATCH (i:Indicator)-[:HAS_VALUE]->(v:IndicatorValue)
WHERE (NOT $headline OR i.headline) AND ((v.year = 2022 AND v.kind = 'ACTUAL') OR (v.year = 2023 AND v.kind = 'TARGET'))
WITH i, collect(v) AS values
WITH i, [v IN values WHERE v.kind = 'ACTUAL'][0] AS a, [v IN values WHERE v.kind = 'TARGET'][0] AS t
RETURN i.name AS indicator, i.category AS category, i.headline AS headline,
       a.value AS actual2022, a.unit AS actualUnit, a.qualifier AS actualQualifier,
       t.value AS target2023, t.unit AS targetUnit, t.qualifier AS targetQualifier
ORDER BY i.headline DESC, i.firstMention, indicator
