// Names of the indexes and constraints the database has, so a start only creates what is missing (each schema
// statement, even IF NOT EXISTS, takes the schema lock and its own transaction: a dozen of them cost seconds).
SHOW INDEXES YIELD name
RETURN collect(name) AS names
