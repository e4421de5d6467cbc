// Indexes the read queries filter on (cypher/read/*.cypher), and the full-text index behind Query.search.
CREATE INDEX project_category IF NOT EXISTS FOR (n:Project) ON (n.category);
CREATE INDEX indicator_category IF NOT EXISTS FOR (n:Indicator) ON (n.category);
CREATE INDEX district_kind IF NOT EXISTS FOR (n:District) ON (n.kind);
CREATE INDEX milestone_year_stage IF NOT EXISTS FOR (n:Milestone) ON (n.year, n.stage);
CREATE INDEX indicator_value_year_kind IF NOT EXISTS FOR (n:IndicatorValue) ON (n.year, n.kind);
// A lookup by name seeks here; only when no entity has the name are aliases (a list, which cannot be indexed) scanned.
CREATE INDEX entity_name_key IF NOT EXISTS FOR (n:Entity) ON (n.nameKey);
CREATE INDEX section_document IF NOT EXISTS FOR (n:Section) ON (n.documentId);
// `cjk` indexes Chinese as overlapping bigrams; list properties are not indexed, hence aliasesText.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasesText, n.nameEn, n.definition]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};
// The report's sentences, for Query.passages: the same `cjk` analysis as entity_text.
CREATE FULLTEXT INDEX passage_text IF NOT EXISTS FOR (n:Passage) ON EACH [n.text]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};
