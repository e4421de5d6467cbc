OPTIONAL MATCH (m:PlanGraphMeta {id: 'plangraph'})
RETURN m.fixturesHash AS fixturesHash, toString(m.loadedAt) AS loadedAt
