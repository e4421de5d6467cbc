// Rule "serves-by-anchor": a project or organization located in a zone (or in a zone within it, up to three
// levels) that a strategy is anchored in serves that strategy. Derived at load time, never curated; the link
// keeps the evidence of both facts it stands on, and the basis of the location (a name-based location stays
// visibly inferred).
MATCH (p:Project|Organization)-[loc:LOCATED_IN]->(:District)-[:WITHIN*0..3]->(zone:District)<-[anchor:ANCHORED_IN]-(s:Strategy)
WHERE NOT EXISTS { (p)-[:SERVES {basis: 'EXPLICIT'}]->(s) }
WITH p, s, zone, head(collect(loc)) AS loc, head(collect(anchor)) AS anchor
WITH p, s, head(collect({zone: zone, loc: loc, anchor: anchor})) AS via
MERGE (p)-[r:SERVES {documentId: via.loc.documentId, basis: 'DERIVED'}]->(s)
SET r.loadId = $loadId,
    r.rule = 'serves-by-anchor',
    r.via = via.zone.id,
    r.locatedBasis = via.loc.basis,
    r.inference = 'located in ' + via.zone.name + ' (' + toLower(via.loc.basis) + '), which ' + s.name + ' is anchored in',
    r.evidence = via.loc.evidence + via.anchor.evidence,
    r.passageIds = via.loc.passageIds + via.anchor.passageIds
RETURN count(r) AS derived
