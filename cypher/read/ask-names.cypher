// The name dictionary of Query.ask (src/ask/dictionary.ts): every entity's id, label, name, aliases, English name
// and kind. About 660 rows, read once per loaded graph (the result cache keeps the rows, the dictionary is built
// once per rows object). Document order, so that of two entities sharing a key the first mentioned comes first.
MATCH (n:Entity)
RETURN n.id AS id,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       n.name AS name,
       coalesce(n.aliases, []) AS aliases,
       n.nameEn AS nameEn,
       coalesce(n.kind, n.category) AS kind
ORDER BY n.firstMention, n.id
