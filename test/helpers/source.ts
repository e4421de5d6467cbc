import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../src/paths';

/** The report's text, as the fixtures hold it. */
export const SOURCE_TEXT = readFileSync(join(FIXTURES_DIR, 'source/longgang-2022-2023-plan.txt'), 'utf8');
