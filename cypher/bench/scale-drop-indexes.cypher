// bench only (bench/scale.ts): the secondary and full-text indexes of cypher/schema/indexes.cypher, dropped while
// the synthetic copies are written and then built again in one pass by applyDatabaseSchema (a bulk population
// costs far less than updating them row by row, and Lucene's merges and index sampling stop competing with the
// writes). The uniqueness constraints stay: the writes look nodes up by id.
DROP INDEX project_category IF EXISTS;
DROP INDEX indicator_category IF EXISTS;
DROP INDEX district_kind IF EXISTS;
DROP INDEX milestone_year_stage IF EXISTS;
DROP INDEX indicator_value_year_kind IF EXISTS;
DROP INDEX entity_name_key IF EXISTS;
DROP INDEX section_document IF EXISTS;
DROP INDEX entity_text IF EXISTS;
DROP INDEX passage_text IF EXISTS;
