// Every DERIVED relationship with its rule, strength, chain of premises and quotes (npm run audit).
MATCH (a:Entity)-[r {basis: 'DERIVED'}]->(b:Entity)
RETURN r.rule AS rule, r.strength AS strength, a.id AS from, b.id AS to, r.inference AS inference,
       [i IN range(0, size(coalesce(r.chainTypes, [])) - 1) |
         r.chainTypes[i] + ' ' + r.chainFrom[i] + ' → ' + r.chainTo[i] + ': ' + r.chainBases[i] +
         CASE r.chainInferredFrom[i] WHEN '' THEN '' ELSE ' (' + r.chainInferredFrom[i] + ')' END +
         ', ' + r.chainStrengths[i]] AS chain,
       r.evidence AS evidence
ORDER BY rule, strength, from, to
