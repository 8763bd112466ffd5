// The step log of the UI scripts: one line per step with its time, a screenshot when a step fails, and the
// closing "N passed, N failed" line the test runner reads.

export class Steps {
  /** @param {(name: string) => Promise<string | null | undefined>} onFailure saves a screenshot; returns its path */
  constructor(onFailure) {
    this.t0 = Date.now();
    this.passed = 0;
    this.failed = 0;
    this.onFailure = onFailure;
  }

  /** Seconds since the script started, for the log. */
  secs() {
    return ((Date.now() - this.t0) / 1000).toFixed(1);
  }

  /** Runs one check: logs `ok` (with what `fn` returned) or `FAIL` (and a screenshot); resolves to whether it passed. */
  async step(name, fn) {
    const t = Date.now();
    try {
      const info = await fn();
      this.passed++;
      console.log(`ok   ${name}${info !== undefined ? ` -> ${JSON.stringify(info)}` : ''} (${Date.now() - t} ms, +${this.secs()} s)`);
      return true;
    } catch (e) {
      this.failed++;
      console.log(`FAIL ${name}: ${String(e.message || e).split('\n')[0]} (+${this.secs()} s)`);
      const f = await this.onFailure(name).catch(() => null);
      if (f) console.log(`     screenshot: ${f}`);
      return false;
    }
  }

  /** A failure outside any step (set-up, tools missing, overall timeout). */
  fail(message) {
    this.failed++;
    console.log(`FAIL ${message}`);
  }

  summary() {
    return `${this.passed} passed, ${this.failed} failed`;
  }
}
