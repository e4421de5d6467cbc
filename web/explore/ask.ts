// The ask box of /explore (issue 21): a question in words (Query.ask), answered as a list — each item with its
// reason, basis and strength, and the report's first quote — and its entities drawn in the graph with the
// explorer's own functions. Self-contained: main.ts hands it those functions and it adds its form beside the search
// and its answer above the side panel.
import type { Core } from 'cytoscape';
import { reask } from '../common/reask';
import { Answer, AskedItem, CONFIDENCE_LABELS } from '../common/answer';
import { gql } from './api';
import { h } from './dom';
import { BASES, NODE_TYPES } from './style-graph';
import './ask.css';

/** What the ask box needs of the explorer: its graph and its own drawing functions. */
export interface AskHost {
  cy: Core;
  /** Draws an entity's neighbourhood from scratch (clears the graph, shows the entity in the side panel). */
  show(id: string): Promise<void>;
  /** Adds an entity's neighbourhood to the drawing. */
  expand(id: string): Promise<number>;
  /** Shows an entity in the side panel. */
  showEntity(id: string): Promise<void>;
  /** Records the view in the URL (push: a new history entry). */
  writeUrl(push: boolean): void;
  setStatus(text: string, error?: boolean): void;
}

const QUERY = `query Ask($question: String!) { ask(question: $question) {
  question language shape confidence interpretation graphql totalCount notes
  clarifications { message options } understood { id name label }
  items { name id value year kind basis strength reason entity { __typename id name } evidence { quote section { heading } } } } }`;

export async function ask(question: string): Promise<Answer> {
  return (await gql<{ ask: Answer }>(QUERY, { question })).ask;
}

const CONFIDENCE: Record<Answer['confidence'], [string, string]> = {
  HIGH: [CONFIDENCE_LABELS.HIGH, '问题的每个词都已理解,名称都是报告原文 — every word understood, every name the report’s'],
  MEDIUM: [CONFIDENCE_LABELS.MEDIUM, '有未用上的部分,见说明 — something was left over, see the notes'],
  LOW: [CONFIDENCE_LABELS.LOW, '没有匹配的问题类型,改为搜索报告原文 — no question shape fitted: a search of the report’s sentences'],
  NONE: [CONFIDENCE_LABELS.NONE, '图谱中没有答案 — nothing in the graph answers it'],
};

const STRENGTHS: Record<string, string> = {
  STATED: '原文写明 STATED',
  NAME_READ: '由名称读出 NAME_READ',
  INFERRED: '推断 INFERRED',
};

/** The item's reason in words; links the report states outright have none from the API, so it is said here. */
function reasonOf(item: AskedItem): string | null {
  if (item.reason) return item.reason;
  if (item.basis === 'EXPLICIT') return '报告原文直接写明 (the report states it)';
  return null;
}

export function initAsk(host: AskHost): void {
  const { cy } = host;
  cy.style().selector('node.answer').style({ 'border-width': 4, 'border-color': '#f08c00', 'font-weight': 'bold' }).update();

  // The form, beside the search.
  const input = h('input', {
    id: 'ask', type: 'text', name: 'question', maxlength: '200', enterkeyhint: 'send',
    placeholder: '问一个问题 Ask: 哪些项目服务于东核?', 'aria-describedby': 'ask-hint',
  });
  const submit = h('button', { type: 'submit', id: 'ask-submit' }, '提问 Ask');
  const form = h(
    'form',
    { id: 'ask-form', role: 'search', 'aria-label': '问答 Ask in words', autocomplete: 'off' },
    h('label', { for: 'ask', class: 'ask-label' }, '问答'),
    input,
    submit,
    h('span', { id: 'ask-hint', class: 'visually-hidden' }, '用中文或英文提问,按回车提交;回答列在图旁,其中的实体画在图中。Ask in Chinese or English and press Enter.'),
  );
  document.getElementById('search-form')!.after(form);

  // The answer, above the side panel (its own grid cell, so the panel keeps its content).
  const title = h('h2', { id: 'ask-answer-title', tabindex: '-1' }, '回答 Answer');
  const close = h('button', { type: 'button', class: 'small ask-close', 'aria-label': '关闭回答 Close the answer' }, '×');
  const live = h('p', { id: 'ask-live', class: 'ask-summary', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'ask-body' });
  const section = h(
    'section',
    { id: 'ask-answer', 'aria-labelledby': 'ask-answer-title', 'aria-busy': 'false', hidden: '' },
    h('div', { class: 'ask-head' }, title, close),
    live,
    body,
  );
  document.getElementById('panel')!.before(section);

  let last: Answer | null = null;
  let seq = 0;

  function closeAnswer(): void {
    section.hidden = true;
    cy.nodes('.answer').removeClass('answer');
    input.focus();
  }
  close.addEventListener('click', closeAnswer);
  section.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeAnswer();
  });

  async function run(question: string): Promise<void> {
    const text = question.trim();
    if (!text) {
      input.focus();
      return;
    }
    input.value = text;
    const mine = ++seq;
    section.hidden = false;
    section.setAttribute('aria-busy', 'true');
    submit.disabled = true;
    live.textContent = `正在回答 Answering “${text}”…`;
    body.replaceChildren();
    try {
      const answer = await ask(text);
      if (mine !== seq) return;
      last = answer;
      render(answer);
      // Focus on the answer (read out by screen readers); at phone width the answer is under the graph, so it is
      // scrolled to the top of the view.
      title.focus({ preventScroll: true });
      section.scrollIntoView({ block: window.matchMedia('(max-width: 760px)').matches ? 'start' : 'nearest' });
      await draw(answer);
    } catch (err) {
      if (mine !== seq) return;
      live.textContent = `出错了 Error: ${(err as Error).message}`;
      live.classList.add('error');
    } finally {
      if (mine === seq) {
        section.setAttribute('aria-busy', 'false');
        submit.disabled = false;
      }
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(input.value);
  });

  function render(a: Answer): void {
    live.classList.remove('error');
    const shown = a.items.length < a.totalCount ? `,显示前 ${a.items.length} 项` : '';
    live.textContent = a.items.length ? `共 ${a.totalCount} 项${shown} (${a.totalCount} ${a.totalCount === 1 ? 'item' : 'items'})` : '没有找到答案 No answer found';
    const [level, meaning] = CONFIDENCE[a.confidence];
    const parts: (HTMLElement | null)[] = [
      h('dl', { class: 'facts ask-reading' },
        h('dt', {}, '问题 Question'), h('dd', { class: 'ask-question' }, a.question),
        h('dt', {}, '理解为 Read as'), h('dd', { class: 'ask-interpretation' }, a.interpretation),
        h('dt', {}, '把握 Confidence'),
        h('dd', {}, h('span', { class: `ask-confidence c-${a.confidence}`, 'data-confidence': a.confidence }, level), ' ', h('span', { class: 'muted' }, meaning)),
      ),
    ];
    if (a.notes.length) {
      parts.push(h('div', { class: 'ask-notes' }, h('h3', {}, '说明 Notes'), h('ul', {}, a.notes.map((n) => h('li', {}, n)))));
    }
    for (const c of a.clarifications) {
      const options = c.options.map((o) => {
        const b = h('button', { type: 'button', class: 'small', 'data-reask': reask(a.question, c.message, o) }, o);
        b.addEventListener('click', () => void run(b.dataset.reask!));
        return h('li', {}, b);
      });
      parts.push(
        h('div', { class: 'ask-clarification', role: 'group', 'aria-label': c.message },
          h('p', {}, c.message),
          options.length ? h('ul', { class: 'ask-options', role: 'list' }, options) : null),
      );
    }
    if (a.items.length) {
      parts.push(h('ol', { class: 'ask-items', role: 'list', 'aria-label': `回答列表 The answer, ${a.items.length} items` }, a.items.map(itemView)));
    }
    parts.push(
      h('p', { class: 'ask-graphql' },
        h('a', { class: 'button small', href: `/?q=${encodeURIComponent(`# ${a.question}\n# ${a.interpretation}\n${a.graphql}\n`)}`, target: '_blank', rel: 'noopener' }, '所用 GraphQL · Open the query in the playground')),
    );
    body.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    section.scrollTop = 0;
  }

  function itemView(item: AskedItem): HTMLElement {
    const entity = item.entity;
    const type = entity ? NODE_TYPES[entity.__typename] : undefined;
    const name = entity
      ? h('button', { type: 'button', class: 'ask-item-name', 'data-id': entity.id, title: '在图中显示 Show in the graph' }, item.name)
      : h('strong', { class: 'ask-item-name' }, item.name);
    if (entity) name.addEventListener('click', () => void reveal(entity.id));
    const extra = [item.value && item.value !== item.name ? item.value : null, item.year ? `${item.year}年` : null, item.kind].filter(Boolean).join(' · ');
    const reason = reasonOf(item);
    const facts: string[] = [];
    if (item.basis) facts.push(`依据 basis: ${BASES[item.basis]?.label.split(':')[0] ?? item.basis}`);
    if (item.strength) facts.push(`强度 strength: ${STRENGTHS[item.strength] ?? item.strength}`);
    const ev = item.evidence[0];
    return h(
      'li',
      { class: 'ask-item', 'data-id': item.id ?? '' },
      h('div', { class: 'ask-item-head' },
        type ? h('span', { class: `swatch t-${entity!.__typename}`, title: type.label }) : null,
        name,
        type ? h('span', { class: 'visually-hidden' }, ` (${type.label})`) : null,
        extra ? h('span', { class: 'ask-extra' }, extra) : null),
      reason ? h('p', { class: 'ask-reason' }, h('span', { class: 'muted' }, '理由 Reason: '), reason) : null,
      facts.length ? h('p', { class: 'ask-facts muted' }, facts.join(' · ')) : null,
      ev ? h('blockquote', { class: 'ask-quote' }, ev.quote) : null,
      ev ? h('div', { class: 'section-heading' }, ev.section.heading) : null,
    );
  }

  /** The answer's entities, drawn: the name the question is about and its neighbourhood, then any item not in it. */
  async function draw(a: Answer): Promise<void> {
    const ids = [...new Set(a.items.map((i) => i.entity?.id).filter((id): id is string => Boolean(id)))];
    const focus = a.understood[0]?.id ?? ids[0];
    if (!focus) return;
    await host.show(focus);
    // Items outside the neighbourhood are drawn with theirs (a few: each is a request and a layout).
    for (const id of ids.filter((i) => cy.getElementById(i).empty()).slice(0, 6)) await host.expand(id);
    host.writeUrl(true);
    mark(ids);
  }

  function mark(ids: string[]): void {
    cy.nodes('.answer').removeClass('answer');
    const wanted = new Set(ids);
    const nodes = cy.nodes().filter((n) => wanted.has(n.id()));
    nodes.addClass('answer');
    const drawn = nodes.not('.hidden');
    if (drawn.nonempty()) {
      cy.fit(drawn.union(cy.nodes('.focus')), 40);
      if (cy.zoom() > 1.3) cy.zoom({ level: 1.3, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    }
    host.setStatus(`回答的 ${drawn.length} 个实体以橙色边框标出 · ${drawn.length} entities of the answer outlined in orange.`);
  }

  /** An item's entity selected in the graph (drawn first if it is not) and shown in the side panel. */
  async function reveal(id: string): Promise<void> {
    try {
      if (cy.getElementById(id).empty()) {
        await host.expand(id);
        if (last) mark(last.items.map((i) => i.entity?.id).filter((x): x is string => Boolean(x)));
        host.writeUrl(true);
      }
      const node = cy.getElementById(id);
      cy.$(':selected').unselect();
      node.select();
      cy.animate({ center: { eles: node } }, { duration: 300 });
      if (window.matchMedia('(max-width: 760px)').matches) document.getElementById('graph')!.scrollIntoView({ block: 'nearest' });
      await host.showEntity(id);
    } catch (err) {
      host.setStatus((err as Error).message, true);
    }
  }

  // For the browser test and the console: the last answer and which entities are marked.
  (window as unknown as { plangraphAsk: object }).plangraphAsk = {
    answer: () => last,
    marked: () => cy.nodes('.answer').not('.hidden').map((n) => n.id()),
    ask: (question: string) => run(question),
  };
}
