import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Cypher } from '../src/neo4j/cypher';
import { documentRules } from '../src/graphql/limits/document-rules';
import { DEFAULT_LIMITS } from '../src/config';
import { formatError } from '../src/graphql/errors';
import { Context, createLoaders, LoaderOptions } from '../src/graphql/loaders';
import { resolvers } from '../src/graphql/resolvers';
import { loadTypeDefs } from '../src/graphql/type-defs';
import { health } from '../src/http/health';
import { playgroundPage } from '../src/http/playground';

/**
 * THE OLD HTTP LAYER, kept only so `npm run soak` can measure the Fastify layer against it in the same run
 * (a copy of src/http/app.ts before issue 8; its playground-asset route is dropped). Not used by the server.
 *
 * The HTTP face of PlanGraph on Node's own http module:
 *   POST/GET /graphql  the API (Apollo Server)
 *   GET /graphql, /    in a browser: the playground (GraphiQL), served from this process (no CDN)
 *   GET /playground/*  the playground's scripts and styles
 *   GET /health        JSON status of the server, Neo4j and the graph
 */

const MAX_BODY_BYTES = 1_000_000;

/**
 * Reports how many Cypher round trips a request cost, in `extensions.plangraph.cypherRoundTrips`: clients can see
 * what a query costs, and the tests prove the count follows the query's depth, not its width.
 */
const roundTripReport: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind !== 'single' || !contextValue?.cypher) return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, plangraph: { cypherRoundTrips: contextValue.cypher.stats.roundTrips } };
      },
    };
  },
};

export interface App {
  url: string;
  server: Server;
  /** Stops accepting requests, lets in-flight ones finish, then resolves. Does not close the driver. */
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export async function startOldApp(opts: {
  cypher: Cypher;
  port: number;
  host: string;
  development: boolean;
  /** Queries nested deeper than this are refused (default 15; PLANGRAPH_MAX_QUERY_DEPTH). */
  maxQueryDepth?: number;
  loaders?: LoaderOptions;
}): Promise<App> {
  const httpServer = createServer();
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    formatError: formatError(opts.development),
    includeStacktraceInErrorResponses: opts.development,
    introspection: true,
    validationRules: [documentRules({ ...DEFAULT_LIMITS, maxDepth: opts.maxQueryDepth ?? 15 })],
    // main.ts owns signal handling: it stops the HTTP server, then the driver, then the embedded Neo4j, in order.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), roundTripReport],
  });
  await apollo.start();
  const playground = playgroundPage();

  httpServer.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/health' && req.method === 'GET') {
        const report = await health(opts.cypher);
        return sendJson(res, report.status === 'ok' ? 200 : 503, report);
      }
      const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html') && !url.searchParams.has('query');
      if ((url.pathname === '/' || url.pathname === '/graphql') && wantsHtml) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(playground);
      }
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: `No route ${url.pathname}; the API is at /graphql.` });

      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const raw = req.method === 'POST' ? await readBody(req) : '';
      let body: unknown = raw;
      if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
        }
      }
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => {
          const cypher = opts.cypher.forRequest();
          return { cypher, loaders: createLoaders(cypher, opts.loaders) };
        },
      });
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') return res.end(result.body.string);
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      if (!res.headersSent) sendJson(res, status, { errors: [{ message: status === 413 ? 'Request body too large.' : 'Internal server error.' }] });
      else res.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
  return { url: `http://${host}:${port}`, server: httpServer, stop: () => apollo.stop() };
}
