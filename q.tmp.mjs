import neo4j from 'neo4j-driver';
import { readFileSync } from 'node:fs';
const d = neo4j.driver('bolt://127.0.0.1:7787');
const s = d.session();
const r = await s.run(readFileSync(process.argv[2], 'utf8'));
console.table(r.records.map(x => x.toObject()));
await s.close(); await d.close();
