// The playground: GraphiQL 3 with the Explorer plugin (a point-and-click query builder), opened with the example
// queries as tabs. The server writes the tabs into a JSON data block (no inline script, so a strict CSP holds);
// `/?q=<query>` opens one more tab with that query (the explorer's "open in playground" button uses it). The ask bar
// above GraphiQL (ask.tsx) answers a question in words and opens the GraphQL it ran in a new tab.
import { createRoot } from 'react-dom/client';
import { GraphiQLInterface, GraphiQLProvider } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import 'graphiql/graphiql.css';
import '@graphiql/plugin-explorer/dist/style.css';
import './playground.css';
import { AskBar } from './ask';

interface Tab {
  query: string;
}

function exampleTabs(): Tab[] {
  const block = document.getElementById('example-tabs');
  try {
    return block ? (JSON.parse(block.textContent ?? '[]') as Tab[]) : [];
  } catch {
    return [];
  }
}

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', location.href).toString() });
const explorer = explorerPlugin({ showAttribution: false });
const prefilled = new URLSearchParams(location.search).get('q') ?? undefined;
const tabs = exampleTabs();

// GraphiQL's provider and interface (what <GraphiQL> is made of), with the ask bar between them so it can use the tabs.
createRoot(document.getElementById('graphiql')!).render(
  <GraphiQLProvider
    fetcher={fetcher}
    plugins={[explorer]}
    defaultTabs={tabs}
    // A prefilled query opens as its own tab (GraphiQL adds it when no stored tab holds it).
    query={prefilled}
  >
    <div className="pg-frame">
      <AskBar />
      <div className="pg-graphiql">
        <GraphiQLInterface defaultEditorToolsVisibility={false} />
      </div>
    </div>
  </GraphiQLProvider>,
);
