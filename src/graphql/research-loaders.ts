import DataLoader from 'dataloader';
import { Row } from '../neo4j/cypher';
import { CypherRunner } from '../neo4j/runner';
import { LinkRow, linkRow, nodeRow, NodeRow } from './graph-rows';
import type { LoaderOptions } from './loaders';
import { groupedLoader } from './loaders';
import { STAGE_ORDER } from './stages';

/**
 * The DataLoaders behind the research fields (schema/research.graphql): each batches one level of a query into
 * one `UNWIND $ids` statement, like the loaders in loaders.ts.
 */

/** ProjectFilter as Cypher parameters (ids already resolved). */
export interface ProjectFilterParams {
  categories: string[] | null;
  districtId: string | null;
  strategyId: string | null;
  stage: string | null;
  year: number | null;
  years: number[] | null;
  stageChanged: boolean | null;
  nameContains: string | null;
}

export function researchLoaders(cypher: CypherRunner, options: LoaderOptions) {
  const variants = new Map<string, DataLoader<string, unknown>>();
  const variant = <T>(key: string, make: () => DataLoader<string, T>): DataLoader<string, T> => {
    if (!variants.has(key)) variants.set(key, make() as DataLoader<string, unknown>);
    return variants.get(key) as DataLoader<string, T>;
  };
  return {
    nestedMentions: groupedLoader(cypher, 'read/entity-mentions-nested', {}, (r, where) => nodeRow(r.node, `${where}.node`), options),
    sectionPath: new DataLoader<string, NodeRow[]>(async (ids) => {
      const rows = await cypher.read('read/section-paths', { ids });
      const byId = new Map(rows.map((r, i) => [r.id as string, (r.sections as Row[]).map((n, k) => nodeRow(n, `read/section-paths row ${i}.sections[${k}]`))]));
      return ids.map((id) => byId.get(id) ?? []);
    }, options),
    sectionAllPassages: groupedLoader(cypher, 'read/section-all-passages', {}, (r, where) => nodeRow(r.node, `${where}.node`), options),
    parts: groupedLoader<LinkRow>(cypher, 'read/parts', {}, linkRow, options),
    lineage: groupedLoader(cypher, 'read/project-lineage', {}, (r, where) => nodeRow(r.node, `${where}.node`), options),
    /** Which of the given project ids pass one ProjectFilter: one loader (and one statement per level) per filter. */
    projectFilter: (filter: ProjectFilterParams) =>
      variant(`project-filter:${JSON.stringify(filter)}`, () =>
        groupedLoader(cypher, 'read/projects-filter', { ...filter, stageOrder: STAGE_ORDER }, (r) => r.id as string, options),
      ),
  };
}
