// The playground's ask bar (issue 21): a question in words goes to Query.ask; the bar shows how it was read and how
// sure the answer is, and the GraphQL that produced the answer opens in a new GraphiQL tab and runs — the way to
// learn the API from a question. It lives inside GraphiQL's provider so it can use GraphiQL 3's tab API.
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useEditorContext, useExecutionContext } from '@graphiql/react';
import { parse, print } from 'graphql';
import { reask } from '../common/reask';
import { Answer as FullAnswer, CONFIDENCE_LABELS } from '../common/answer';

/** The part of the answer the bar asks for (QUERY below). */
type Answer = Pick<FullAnswer, 'question' | 'confidence' | 'interpretation' | 'graphql' | 'totalCount' | 'notes' | 'clarifications'>;

const QUERY = 'query Ask($question: String!) { ask(question: $question) { question confidence interpretation graphql totalCount notes clarifications { message options } } }';


async function ask(question: string): Promise<Answer> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { question } }),
  });
  const body = (await res.json()) as { data?: { ask: Answer }; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(`${body.errors[0].message}${body.errors[0].extensions?.code ? ` (${body.errors[0].extensions.code})` : ''}`);
  if (!body.data) throw new Error(`HTTP ${res.status} without data`);
  return body.data.ask;
}

/** The tab's text: the question and its reading as comments, then the operation that ran, laid out to read. */
export function tabQuery(a: Answer): string {
  let operation = a.graphql;
  try {
    operation = print(parse(a.graphql));
  } catch {
    // As it ran, then.
  }
  const comment = (s: string) => s.replace(/\s+/g, ' ');
  return `# 问 Ask: ${comment(a.question)}\n# 理解为 Read as: ${comment(a.interpretation)} (把握 confidence: ${a.confidence})\n${operation}\n`;
}

export function AskBar() {
  const editor = useEditorContext({ nonNull: true });
  const execution = useExecutionContext({ nonNull: true });
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The query waiting for the tab addTab() makes: written in and run once that tab is the active one.
  const pending = useRef<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const query = pending.current;
    if (query === null || !editor.queryEditor) return;
    pending.current = null;
    editor.queryEditor.setValue(query);
    // GraphiQL reads the operation's name from the text 100 ms after an edit; until then the editor still holds the
    // name of the tab it came from, and running would ask for that operation. The answer's is anonymous.
    editor.queryEditor.operationName = null;
    editor.updateActiveTabValues({ query, operationName: null });
    execution.run();
    // With many tabs the new one is past the end of the tab bar: bring it into view.
    requestAnimationFrame(() => document.querySelector('.graphiql-tab-active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  }, [editor.activeTabIndex, editor.tabs.length, editor.queryEditor]);

  async function run(text: string): Promise<void> {
    const q = text.trim();
    if (!q) return;
    setQuestion(q);
    const mine = ++seq.current;
    setBusy(true);
    setError(null);
    try {
      const a = await ask(q);
      if (mine !== seq.current) return;
      setAnswer(a);
      pending.current = tabQuery(a);
      editor.addTab();
    } catch (err) {
      if (mine === seq.current) setError((err as Error).message);
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(question);
  };

  return (
    <form className="pg-ask" role="search" aria-label="问答 Ask in words" autoComplete="off" onSubmit={submit} aria-busy={busy}>
      <div className="pg-ask-row">
        <label htmlFor="pg-ask-input">问答 Ask</label>
        <input
          id="pg-ask-input"
          type="text"
          maxLength={200}
          enterKeyHint="send"
          placeholder="用中文或英文提问 Ask in words: 哪些项目服务于东核?"
          aria-describedby="pg-ask-hint"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          提问 Ask
        </button>
      </div>
      <span id="pg-ask-hint" className="pg-visually-hidden">
        按回车提交;回答所用的 GraphQL 在新标签页中打开并运行。Press Enter: the GraphQL of the answer opens and runs in a new tab.
      </span>
      <div className="pg-ask-result" role="status" aria-live="polite">
        {busy ? <span>正在回答 Answering…</span> : null}
        {error ? <span className="pg-ask-error">出错了 Error: {error}</span> : null}
        {answer && !busy && !error ? (
          <>
            <span className="pg-ask-label">理解为 Read as:</span> <span className="pg-ask-interpretation">{answer.interpretation}</span>{' '}
            <span className={`pg-ask-confidence c-${answer.confidence}`} data-confidence={answer.confidence}>
              把握 {CONFIDENCE_LABELS[answer.confidence]}
            </span>{' '}
            <span className="pg-ask-count">
              · {answer.totalCount} 项 items · 所用 GraphQL 已在新标签页打开 (opened in a new tab)
            </span>
            {answer.notes.length ? <span className="pg-ask-notes"> · 说明 notes: {answer.notes.join('; ')}</span> : null}
          </>
        ) : null}
      </div>
      {answer && !busy
        ? answer.clarifications.map((c, i) => (
            <div className="pg-ask-clarification" role="group" aria-label={c.message} key={i}>
              <span>{c.message}</span>
              {c.options.map((o) => (
                <button type="button" key={o} onClick={() => void run(reask(answer.question, c.message, o))}>
                  {o}
                </button>
              ))}
            </div>
          ))
        : null}
    </form>
  );
}
