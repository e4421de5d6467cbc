// Rule "serves-by-anchor": a project or organization located in a zone (or in a zone within it, up to three
// levels) that a strategy is anchored in serves that strategy. Derived at load time, never curated.
//
// A derived link is only as strong as its weakest premise, so it records its whole chain: the type, ends, basis,
// inference kind and strength of every fact it stands on (parallel lists, since Neo4j properties cannot hold
// maps), and `strength` = the weakest of them. When several chains lead to the same strategy, the strongest (then
// shortest) one is kept.
//
// Only things that can sit in a zone and serve its strategy qualify: events, funds, programmes, plans, studies,
// mechanisms, groups and designations are excluded, since being held in (or named after) a zone does not make
// them serve what the zone is anchored for.
MATCH chain = (p:Project|Organization)-[:LOCATED_IN]->(:District)-[:WITHIN*0..3]->(zone:District)<-[:ANCHORED_IN]-(s:Strategy)
WHERE NOT EXISTS { (p)-[:SERVES {basis: 'EXPLICIT', loadId: $loadId}]->(s) }
  // Only this load's facts: derivation runs before prune, so a fact an earlier load wrote and the fixtures no
  // longer hold must not feed a link that would then outlive it.
  AND all(x IN relationships(chain) WHERE x.loadId = $loadId)
  AND NOT coalesce(p.category, '') IN ['EVENT', 'FUND', 'PROGRAMME', 'POLICY_DOCUMENT', 'PLANNING_STUDY', 'MECHANISM', 'GROUP', 'DESIGNATION']
WITH p, s, zone, relationships(chain) AS premises
WITH p, s, zone, premises,
     reduce(weakest = 0, x IN premises |
       CASE WHEN (CASE x.strength WHEN 'STATED' THEN 0 WHEN 'NAME_READ' THEN 1 ELSE 2 END) > weakest
            THEN (CASE x.strength WHEN 'STATED' THEN 0 WHEN 'NAME_READ' THEN 1 ELSE 2 END) ELSE weakest END) AS weakest
ORDER BY weakest, size(premises)
WITH p, s, head(collect({zone: zone, premises: premises, weakest: weakest})) AS best
WITH p, s, best, best.premises AS premises, head(best.premises) AS loc
MERGE (p)-[r:SERVES {documentId: loc.documentId, basis: 'DERIVED'}]->(s)
SET r.loadId = $loadId,
    r.rule = 'serves-by-anchor',
    r.via = best.zone.id,
    r.locatedBasis = loc.basis,
    r.strength = ['STATED', 'NAME_READ', 'INFERRED'][best.weakest],
    r.inference = 'located in ' + best.zone.name + ' (' + toLower(loc.basis) +
                  CASE WHEN loc.inferredFrom IS NULL THEN '' ELSE ': ' + loc.inferredFrom END +
                  '), which ' + s.name + ' is anchored in',
    r.chainTypes = [x IN premises | type(x)],
    r.chainFrom = [x IN premises | startNode(x).id],
    r.chainTo = [x IN premises | endNode(x).id],
    r.chainBases = [x IN premises | x.basis],
    r.chainInferredFrom = [x IN premises | coalesce(x.inferredFrom, '')],
    r.chainInference = [x IN premises | coalesce(x.inference, '')],
    r.chainStrengths = [x IN premises | x.strength],
    r.evidence = reduce(acc = [], x IN premises | acc + x.evidence),
    r.passageIds = reduce(acc = [], x IN premises | acc + x.passageIds)
RETURN count(r) AS derived
