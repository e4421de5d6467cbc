import { toCsv } from './csv';
import { toGraphML } from './graphml';
import { toJson } from './json';
import { Snapshot } from './snapshot';

/** The export formats and the files each writes, by path relative to the output folder (csv/ holds one per table). */

export const FORMATS = ['graphml', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface ExportFile {
  path: string;
  type: string;
  body: string;
}

export function exportFiles(s: Snapshot, format: Format): ExportFile[] {
  switch (format) {
    case 'graphml':
      return [{ path: 'plangraph.graphml', type: 'application/graphml+xml', body: toGraphML(s) }];
    case 'json':
      return [{ path: 'plangraph.json', type: 'application/json', body: toJson(s) }];
    case 'csv':
      return [...toCsv(s)].map(([name, body]) => ({ path: `csv/${name}`, type: 'text/csv', body }));
  }
}
