import { DocumentFixtures, FixtureFile } from '../../../src/graph/fixtures/read';
import { curatedFileSchema, documentSchema } from '../../../src/graph/fixtures/fixture-schema';
import { parseOutline } from '../../../src/graph/parse/outline';
import { BuildContext } from '../../../src/graph/passes/context';

/** A made-up report small enough to reason about by hand, for the build passes' unit tests. */
export const TINY_SOURCE = [
  '某区2022年计划执行情况与2023年计划',
  '',
  '  一、2022年主要工作和成效',
  '',
  '  1.东核建设提速。低碳智造核承载力持续增强。宝龙科技城新开工宝龙智造园。',
  '',
  '  二、2023年工作安排',
  '',
  '  1.推进宝龙智造园建成投产。地区生产总值增长6%。',
  '',
  '  名词解释',
  '',
  '  1.东核:指低碳智造核。',
  '',
].join('\n');

export const TINY_META = documentSchema.parse({
  id: 'tiny', title: '某区2022年计划执行情况与2023年计划', titleEn: 'Tiny', publisher: '某区发展和改革局', publisherEn: 'DRC',
  published: '2023-03-01', periodReviewed: 2022, periodPlanned: 2023, source: '../source/tiny.txt',
});

export const hub = {
  type: 'Strategy', id: 'strategy:east-hub', name: '低碳智造核', nameEn: 'East Hub', aliases: ['东核'], kind: 'SPATIAL_STRATEGY',
  evidence: '低碳智造核承载力持续增强',
};
export const zone = {
  type: 'District', id: 'district:baolong', name: '宝龙科技城', nameEn: 'Baolong Science City', kind: 'ZONE', evidence: '宝龙科技城新开工宝龙智造园',
};
export const park = {
  type: 'Project', id: 'project:baolong-park', name: '宝龙智造园', category: 'INDUSTRIAL_PARK', evidence: '宝龙科技城新开工宝龙智造园',
  timeline: [{ year: 2022, stage: 'STARTED', evidence: '宝龙科技城新开工宝龙智造园' }],
};
export const gdp = {
  type: 'Indicator', id: 'indicator:gdp-growth', name: '地区生产总值增速', category: 'ECONOMY', direction: 'GROWTH_RATE', evidence: '地区生产总值增长6%',
  values: [{ year: 2023, kind: 'TARGET', value: 6, unit: '%', evidence: '地区生产总值增长6%' }],
};

/** A curated file as the reader returns it (parsed by the real zod schema, so defaults apply). */
export function file(path: string, content: unknown): FixtureFile {
  return { path, data: curatedFileSchema.parse(content) };
}

export function tinyFixtures(files: FixtureFile[] = defaultFiles()): DocumentFixtures {
  return { meta: TINY_META, source: TINY_SOURCE, sourcePath: '/nowhere/tiny.txt', files };
}

export function defaultFiles(): FixtureFile[] {
  return [
    file('tiny/registry.yaml', {
      entities: [hub, zone],
      links: [{ rel: 'ANCHORED_IN', from: '东核', to: '宝龙科技城', evidence: '宝龙科技城新开工宝龙智造园' }],
      glossary: [{ number: 1, id: 'term:east-hub', nameEn: 'East Hub', defines: '低碳智造核' }],
    }),
    file('tiny/review.yaml', {
      entities: [park, gdp],
      links: [{ rel: 'LOCATED_IN', from: '宝龙智造园', to: 'district:baolong', evidence: '宝龙科技城新开工宝龙智造园' }],
    }),
  ];
}

export const tinyOutline = () => parseOutline(TINY_SOURCE, 'tiny', { reviewed: 2022, planned: 2023 });
export const tinyContext = () => new BuildContext('tiny', TINY_SOURCE, tinyOutline().passages);
