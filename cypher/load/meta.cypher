// Records what was loaded, so a start can tell whether the graph matches the fixtures on disk.
MERGE (m:PlanGraphMeta {id: 'plangraph'})
SET m.fixturesHash = $hash, m.loadedAt = datetime(), m.documents = $documents
