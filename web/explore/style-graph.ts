// How the graph looks: one colour and shape per entity type, one line style per basis. The legend is drawn from
// the same tables, so the picture and its key cannot disagree.

/** Named CJK fonts first (the page's own font stack); the generic family is the clean fallback when none is installed. */
export const FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

export const NODE_TYPES: Record<string, { label: string; color: string; shape: string }> = {
  Strategy: { label: '战略 Strategy', color: '#d9480f', shape: 'round-rectangle' },
  District: { label: '区域 District', color: '#2b8a3e', shape: 'hexagon' },
  Project: { label: '项目 Project', color: '#1c7ed6', shape: 'ellipse' },
  Organization: { label: '机构 Organization', color: '#7048e8', shape: 'rectangle' },
  Indicator: { label: '指标 Indicator', color: '#e67700', shape: 'diamond' },
  GlossaryTerm: { label: '名词 Glossary term', color: '#495057', shape: 'tag' },
};

export const BASES: Record<string, { label: string; line: 'solid' | 'dashed' | 'dotted' }> = {
  EXPLICIT: { label: '明确 EXPLICIT: the report states it', line: 'solid' },
  INFERRED: { label: '推断 INFERRED: a curator read it', line: 'dashed' },
  DERIVED: { label: '推导 DERIVED: a rule computed it', line: 'dotted' },
};

// cytoscape's stylesheet type is loose; plain objects keep this file free of the library.
export function stylesheet(): object[] {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        'font-family': FONT_STACK,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '120px',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        color: '#212529',
        width: 22,
        height: 22,
        'border-width': 0,
      },
    },
    ...Object.entries(NODE_TYPES).map(([type, t]) => ({
      selector: `node[type = "${type}"]`,
      style: { 'background-color': t.color, shape: t.shape },
    })),
    { selector: 'node.focus', style: { width: 34, height: 34, 'font-size': 13, 'font-weight': 'bold' } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#212529' } },
    { selector: 'node:selected', style: { 'overlay-color': '#fab005', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': '#868e96',
        'target-arrow-color': '#868e96',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        // Link types show on hover and selection only: on every edge they bury the names.
        label: '',
        'font-family': FONT_STACK,
        'font-size': 8,
        color: '#868e96',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
      },
    },
    ...Object.entries(BASES).map(([basis, b]) => ({ selector: `edge[basis = "${basis}"]`, style: { 'line-style': b.line } })),
    { selector: 'edge[basis = "INFERRED"]', style: { 'line-dash-pattern': [6, 3] } },
    { selector: 'edge[basis = "DERIVED"]', style: { 'line-color': '#adb5bd', 'line-dash-pattern': [1.5, 3] } },
    { selector: 'edge:selected', style: { 'line-color': '#f08c00', 'target-arrow-color': '#f08c00', width: 3, label: 'data(type)' } },
    { selector: 'edge.hover', style: { width: 2.6, label: 'data(type)', color: '#495057' } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}
