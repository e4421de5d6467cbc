/**
 * At most `size` of the expensive searches (path finding) run at once, server-wide; the
 * others wait in line, each for at most `maxWaitMs`, and are then refused (BusyError, SERVER_BUSY to the client).
 * Without it, eight clients asking for 6-hop paths between hubs kept both cores busy for 6–11 s and every other
 * request waited behind them; with it, the rest of the API keeps answering and the searches queue or are refused
 * quickly. The line itself is bounded too (`maxQueue`).
 */
export class BusyError extends Error {
  constructor(readonly what: string, readonly retryAfterSeconds: number) {
    super(`Too many ${what} are running at once; try again in ${retryAfterSeconds} s.`);
  }
}

export class Bulkhead {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number, readonly maxWaitMs: number, readonly maxQueue = 32) {}

  async run<T>(what: string, work: () => Promise<T>, waitAtMostMs = this.maxWaitMs): Promise<T> {
    if (this.running >= this.size) await this.admit(what, Math.min(waitAtMostMs, this.maxWaitMs));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next in line
      else this.running -= 1;
    }
  }

  private admit(what: string, waitMs: number): Promise<void> {
    if (this.waiting.length >= this.maxQueue || waitMs <= 0) return Promise.reject(new BusyError(what, 2));
    return new Promise<void>((resolve, reject) => {
      const entry = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(entry);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(new BusyError(what, 2));
      }, waitMs);
      this.waiting.push(entry);
    });
  }
}
