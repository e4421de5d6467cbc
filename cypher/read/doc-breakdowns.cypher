// Node counts for docs/data.md: per label, and per kind/category/value kind where the label has one.
MATCH (n)
WHERE NOT n:PlanGraphMeta
UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
RETURN label,
       CASE label
         WHEN 'Strategy' THEN n.kind WHEN 'District' THEN n.kind WHEN 'Organization' THEN n.kind
         WHEN 'Project' THEN n.category WHEN 'Indicator' THEN n.category
         WHEN 'IndicatorValue' THEN n.kind + ' ' + toString(n.year) WHEN 'Milestone' THEN n.kind
         ELSE null END AS part,
       count(*) AS count
ORDER BY label, part
