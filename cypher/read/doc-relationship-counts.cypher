// Relationship counts for docs/data.md and the closing notes: per type, basis and strength.
MATCH ()-[r]->()
RETURN type(r) AS type, r.basis AS basis, r.strength AS strength, count(*) AS count
ORDER BY type, basis, strength
