import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { WORST_CASES } from '../../support/worstCases';
import type { WorstCaseReply, WorstCaseRequest } from './worstCaseWorker';

/**
 * Every scanner is linear in its input (issue 22). Each worst-case page is checked at a size N and at N/4: linear
 * work takes about 4 times as long for N, quadratic work 16 times (CPU time, so a loaded machine does not count). N is large enough that the quadratic scans these
 * pages once triggered took minutes (a 400 KB page of `[a](`: 28-67 s), so the bound on the wall time (DEADLINE_MS)
 * is generous and never tight for linear work, which takes milliseconds; the ratio catches a slower growth. A few
 * cases use a larger N (see WorstCase.size). Verified against the scanners before issue 22: every case failed.
 */
const N = 400_000;
/** Linear ≈ 4, quadratic ≈ 16; the best of several rounds keeps a loaded machine's noise out of the ratio. */
const MAX_RATIO = 8;
const ROUNDS = 4;
/** A hang guard, not a speed test: linear work on these pages takes well under a second. */
const DEADLINE_MS = 30_000;
/** Times below this are mostly noise (timers, the JIT, a collection): the ratio counts from here. */
const NOISE_MS = 20;

const WORKER = path.join(__dirname, 'worstCaseWorker.ts');

/** Runs one worst case in a worker thread (loading TypeScript through tsx), stopping it at the deadline. */
function measure(request: WorstCaseRequest): Promise<WorstCaseReply> {
  const source = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(WORKER)});`;
  const worker = new Worker(source, { eval: true, workerData: request });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`"${request.name}" did not finish within ${DEADLINE_MS / 1000} s at ${request.sizes.join(' and ')} characters: the work is not linear`));
    }, DEADLINE_MS);
    worker.once('message', (reply: WorstCaseReply) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(reply);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

for (const makeLint of [false, true]) {
  // With `.spelling` and `mdl.rb`, as in a checkout of istio.io: the make-lint checks (mdspell's own Markdown parser,
  // the mdl rules) run too, and had quadratic patterns of their own (features/lintLongLines.ts, spelling/mdspellCost.ts).
  describe(makeLint ? 'linear time on worst-case pages, with the make-lint checks' : 'linear time on worst-case pages', () => {
    for (const worst of WORST_CASES) {
      const n = worst.size ?? N;
      it(`${worst.name}: ${n / 1000} KB takes about 4× the time of ${n / 4000} KB (was: ${worst.cause})`, async () => {
        let reply = await measure({ name: worst.name, sizes: [n / 4, n], rounds: ROUNDS, makeLint });
        let [small, large] = reply.best as [number, number];
        if (large / Math.max(small, NOISE_MS) >= MAX_RATIO) {
          // Once more before failing: another process may have had the machine during a round.
          reply = await measure({ name: worst.name, sizes: [n / 4, n], rounds: ROUNDS * 2, makeLint });
          [small, large] = reply.best as [number, number];
        }
        const ratio = large / Math.max(small, NOISE_MS);
        console.log(`# ${worst.name}${makeLint ? ' (make-lint)' : ''}: ${small.toFixed(1)} ms CPU at ${n / 4000} KB, ${large.toFixed(1)} ms at ${n / 1000} KB (×${ratio.toFixed(1)}), ${reply.findings} findings`);
        assert.ok(ratio < MAX_RATIO, `${worst.name}: ${large.toFixed(0)} ms at ${n} characters is ${ratio.toFixed(1)}× the ${small.toFixed(0)} ms at ${n / 4}`);
        assert.equal(reply.internalError, false, 'no rule failed');
        assert.ok(reply.findings <= 1001, `${reply.findings} findings: at most 1,000 and the summary`);
      });
    }
  });
}
