import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Socket } from 'node:net';

/**
 * A cap on open connections that a flood of idle ones cannot use to lock real clients out.
 *
 * Node's own `server.maxConnections` refuses the NEW connection at the cap: 1,000 sockets opened and left silent
 * would keep every real client out until the headers timeout reaps them, and an attacker who reconnects as fast as
 * they are reaped keeps it that way. Here, past the cap, the connection that has been idle the longest (open, no
 * request in progress: a silent socket, or a keep-alive one between requests) is closed to make room; only when
 * every connection is busy with a request is the new one refused. A silent socket also goes after
 * PLANGRAPH_HEADERS_TIMEOUT_MS (Node answers it 408), an idle keep-alive one after PLANGRAPH_KEEP_ALIVE_TIMEOUT_MS.
 *
 * Bounded: it tracks at most `max` + 1 sockets; making room walks them oldest first, at most once per connection
 * past the cap. Per-address caps belong to the reverse proxy in front (docs/deploy.md), which sees the real client.
 */

interface Tracked {
  /** Requests of this connection not yet answered. */
  active: number;
  /** When it last became idle (connected, or its last answer finished). */
  idleSince: number;
}

export interface ConnectionGuard {
  /** Connections open now. */
  readonly open: number;
  /** Idle connections closed to make room, and new ones refused because all were busy, since the start. */
  readonly evicted: number;
  readonly refused: number;
}

export function guardConnections(server: Server, max: number): ConnectionGuard {
  // Insertion order is connection order; a socket that becomes idle again is moved to the end (see `idle`).
  const sockets = new Map<Socket, Tracked>();
  const stats = { evicted: 0, refused: 0 };

  const idle = (socket: Socket, state: Tracked) => {
    state.idleSince = Date.now();
    // Re-inserted: the walk below meets the longest-idle first.
    sockets.delete(socket);
    sockets.set(socket, state);
  };

  server.on('connection', (socket: Socket) => {
    const state: Tracked = { active: 0, idleSince: Date.now() };
    sockets.set(socket, state);
    socket.once('close', () => sockets.delete(socket));
    if (sockets.size <= max) return;
    for (const [other, tracked] of sockets) {
      if (other !== socket && tracked.active === 0) {
        stats.evicted += 1;
        sockets.delete(other);
        other.destroy();
        return;
      }
    }
    // Every connection is answering a request: the newest waits for none of them.
    stats.refused += 1;
    sockets.delete(socket);
    socket.destroy();
  });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    const state = sockets.get(socket);
    if (!state) return;
    state.active += 1;
    response.once('close', () => {
      state.active -= 1;
      if (state.active === 0 && sockets.has(socket)) idle(socket, state);
    });
  });

  return {
    get open() {
      return sockets.size;
    },
    get evicted() {
      return stats.evicted;
    },
    get refused() {
      return stats.refused;
    },
  };
}
