/** A small SVG line chart of req/s by concurrency, one line per server, one panel per query; no dependencies. */

export interface Series {
  name: string;
  color: string;
  /** req/s at each concurrency, in the order of `levels`. */
  values: number[];
}

export function chartSvg(title: string, levels: number[], panels: { title: string; series: Series[] }[]): string {
  const W = 260;
  const H = 190;
  const cols = 4;
  const rows = Math.ceil(panels.length / cols);
  const pad = { l: 48, r: 10, t: 26, b: 28 };
  const out: string[] = [];
  const legendH = 28;
  const width = cols * W;
  const height = rows * H + legendH + 24;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(`<text x="8" y="16" font-size="13" font-weight="bold">${escape(title)}</text>`);
  const series0 = panels[0]?.series ?? [];
  series0.forEach((s, i) => {
    const x = 8 + i * 190;
    out.push(`<rect x="${x}" y="26" width="14" height="4" fill="${s.color}"/><text x="${x + 18}" y="31">${escape(s.name)}</text>`);
  });
  panels.forEach((panel, p) => {
    const ox = (p % cols) * W;
    const oy = Math.floor(p / cols) * H + legendH + 20;
    const max = Math.max(1, ...panel.series.flatMap((s) => s.values)) * 1.1;
    const x = (i: number) => ox + pad.l + (i * (W - pad.l - pad.r)) / Math.max(1, levels.length - 1);
    const y = (v: number) => oy + H - pad.b - (v / max) * (H - pad.t - pad.b);
    out.push(`<text x="${ox + pad.l}" y="${oy + 16}" font-weight="bold">${escape(panel.title)}</text>`);
    out.push(`<line x1="${ox + pad.l}" y1="${y(0)}" x2="${ox + W - pad.r}" y2="${y(0)}" stroke="#999"/>`);
    out.push(`<line x1="${ox + pad.l}" y1="${y(0)}" x2="${ox + pad.l}" y2="${oy + pad.t}" stroke="#999"/>`);
    for (const frac of [0.5, 1]) {
      const v = (max / 1.1) * frac;
      out.push(`<text x="${ox + pad.l - 4}" y="${y(v) + 4}" text-anchor="end" fill="#555">${Math.round(v)}</text>`);
    }
    levels.forEach((c, i) => out.push(`<text x="${x(i)}" y="${oy + H - pad.b + 14}" text-anchor="middle" fill="#555">${c}</text>`));
    for (const s of panel.series) {
      const pts = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      out.push(`<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
      s.values.forEach((v, i) => out.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${s.color}"/>`));
    }
  });
  out.push(`<text x="8" y="${height - 6}" fill="#555">x: concurrent clients; y: requests per second (median of the repeats)</text>`);
  out.push('</svg>');
  return out.join('\n');
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
