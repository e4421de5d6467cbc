import { Driver } from 'neo4j-driver';

/**
 * Whether Neo4j answers right now, as the HTTP layer needs to know it: while it is down, GraphQL requests are
 * answered SERVICE_UNAVAILABLE at once (instead of each waiting for the driver's retries) and /health says
 * `degraded`. Something marks it down (a request that failed to reach Neo4j, the embedded JVM's exit); from then
 * on a probe asks Neo4j every `intervalMs` until it answers, and marks it up again: no restart of PlanGraph is
 * needed, whether the embedded JVM was restarted or an external Neo4j came back.
 */

export interface AvailabilityOptions {
  /** Pause between two probes while Neo4j is down. */
  intervalMs?: number;
  /** A probe that has not answered by then counts as failed (a hung server must not stall recovery). */
  probeTimeoutMs?: number;
}

export class Availability {
  private down: { reason: string; since: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly listeners = new Set<(up: boolean, reason?: string) => void>();
  private readonly intervalMs: number;
  private readonly probeTimeoutMs: number;

  constructor(
    private readonly probe: () => Promise<void>,
    opts: AvailabilityOptions = {},
  ) {
    this.intervalMs = opts.intervalMs ?? 1_000;
    this.probeTimeoutMs = opts.probeTimeoutMs ?? 3_000;
  }

  /** Probes with the driver the requests use, so "up" means the requests' own path works. */
  static forDriver(driver: Driver, database: string, opts?: AvailabilityOptions): Availability {
    return new Availability(() => driver.verifyConnectivity({ database }).then(() => undefined), opts);
  }

  get up(): boolean {
    return this.down === null;
  }

  /** Why and since when Neo4j is down, or null while it is up. */
  get outage(): { reason: string; since: number } | null {
    return this.down;
  }

  onChange(listener: (up: boolean, reason?: string) => void): void {
    this.listeners.add(listener);
  }

  markDown(reason: string): void {
    if (this.closed || this.down) return;
    this.down = { reason, since: Date.now() };
    this.emit(false, reason);
    this.schedule();
  }

  /** Stops probing (at shutdown). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tryOnce();
    }, this.intervalMs);
    this.timer.unref();
  }

  private async tryOnce(): Promise<void> {
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.probe(),
        new Promise((_, reject) => {
          timeout = setTimeout(() => reject(new Error('probe timed out')), this.probeTimeoutMs);
        }),
      ]);
      if (this.closed || !this.down) return;
      this.down = null;
      this.emit(true);
    } catch {
      this.schedule();
    } finally {
      clearTimeout(timeout);
    }
  }

  private emit(up: boolean, reason?: string): void {
    for (const listener of this.listeners) listener(up, reason);
  }
}
