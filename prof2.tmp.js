const { fanOut, post } = require('./dist/bench/attacks');
(async () => {
  for (const [n, f] of [[20, 2], [12, 8], [10, 2]]) {
    const r = await post('http://localhost:4100', { query: fanOut(n, f) });
    console.log(n, f, r.status, r.ms, r.text.slice(0, 200));
  }
})();
