const g = require('graphql');
const { loadTypeDefs } = require('./dist/src/graphql/type-defs');
const { fanOut } = require('./dist/bench/attacks');
const schema = g.buildASTSchema(g.concatAST(loadTypeDefs()));
for (const [n, f] of [[20, 2], [12, 8]]) {
  const doc = g.parse(fanOut(n, f));
  for (const rule of g.specifiedRules) {
    const t = Date.now();
    g.validate(schema, doc, [rule]);
    const ms = Date.now() - t;
    if (ms > 20) console.log(n, f, rule.name, ms);
  }
}
