const { ATTACKS, runAttack } = require('./dist/bench/attacks');
(async () => {
  for (const a of ATTACKS) {
    const o = await runAttack('http://localhost:4100', a);
    console.log(a.name, o.worstMs, o.refused, o.answered, o.unexpected.join(' ').slice(0, 300));
  }
})();
