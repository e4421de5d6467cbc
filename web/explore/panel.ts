// The side panel: what is known about the selected entity or link, always with the report's own sentences and the
// heading of the section they stand in.
import { EntityDetails, EvidenceView, GraphEdge } from './api';
import { h } from './dom';
import { BASES, NODE_TYPES } from './style-graph';

/** A quote inside its sentence, the quote highlighted, under its section heading. */
function evidenceList(evidence: EvidenceView[]): HTMLElement {
  if (evidence.length === 0) return h('p', { class: 'muted' }, 'No quote supports this directly.');
  return h(
    'ul',
    { class: 'evidence' },
    evidence.map((e) => {
      const at = e.passage.text.indexOf(e.quote);
      const sentence =
        at < 0
          ? [e.passage.text]
          : [e.passage.text.slice(0, at), h('mark', {}, e.quote), e.passage.text.slice(at + e.quote.length)];
      return h('li', { class: 'evidence-item' }, h('div', { class: 'section-heading' }, e.section.heading), h('blockquote', {}, ...sentence));
    }),
  );
}

function facts(rows: [string, string | null | undefined][]): HTMLElement {
  return h('dl', { class: 'facts' }, rows.filter(([, v]) => v).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v as string)]).flat());
}

export function entityPanel(d: EntityDetails, actions: HTMLElement): HTMLElement[] {
  const type = NODE_TYPES[d.__typename];
  const parts: HTMLElement[] = [
    h('div', { class: 'panel-type' }, type?.label ?? d.__typename),
    h('h2', {}, d.name),
    facts([
      ['English', d.nameEn],
      ['别称 aliases', d.aliases.join('、')],
      ['id', d.id],
      ['kind', d.strategyKind ?? d.districtKind ?? d.organizationKind],
      ['category', d.category ?? d.indicatorCategory],
      ['direction', d.direction],
      ['headline', d.headline ? 'yes (主要指标)' : undefined],
      ['definition', d.definition],
    ]),
    actions,
  ];
  if (d.timeline?.length) {
    parts.push(
      h('h3', {}, '进度 Timeline'),
      h(
        'ol',
        { class: 'timeline' },
        d.timeline.map((m) => h('li', {}, h('strong', {}, `${m.year} ${m.stage}`), ` (${m.kind})`, evidenceList(m.evidence))),
      ),
    );
  }
  if (d.values?.length) {
    parts.push(
      h('h3', {}, '数值 Values'),
      h(
        'table',
        { class: 'values' },
        h('thead', {}, h('tr', {}, h('th', {}, 'year'), h('th', {}, 'kind'), h('th', {}, 'value'))),
        h('tbody', {}, d.values.map((v) => h('tr', {}, h('td', {}, String(v.year)), h('td', {}, v.kind), h('td', {}, v.display)))),
      ),
      evidenceList(d.values.flatMap((v) => v.evidence)),
    );
  }
  parts.push(h('h3', {}, '依据 Evidence'), evidenceList(d.evidence));
  if (d.mentions.totalCount > 0) {
    parts.push(
      h('h3', {}, `提及 Mentions (${d.mentions.totalCount})`),
      h(
        'ul',
        { class: 'evidence' },
        d.mentions.edges.map((m) => h('li', {}, h('div', { class: 'section-heading' }, m.node.section.heading), h('blockquote', {}, m.node.text))),
      ),
    );
  }
  return parts;
}

export function edgePanel(e: GraphEdge, names: (id: string) => string): HTMLElement[] {
  const basis = e.basis ? BASES[e.basis] : undefined;
  return [
    h('div', { class: 'panel-type' }, `关系 Relationship · ${e.type}`),
    h('h2', {}, `${names(e.from)} → ${names(e.to)}`),
    facts([
      ['type', e.type],
      ['basis', basis ? basis.label : e.basis ?? 'none'],
    ]),
    h('h3', {}, '依据 Evidence'),
    evidenceList(e.evidence),
  ];
}
