/**
 * Runs in a worker thread for linearTime.test.ts: checks one worst-case page at the sizes asked, several times each
 * (test/support/worstCaseCheck.ts: what an editor asks of it), and posts the best time of each size. In a worker, so
 * that a scan that does not end in time can be stopped (a quadratic scan of the test's sizes would hold the test
 * runner's thread for minutes).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkWorstCase, pageSite, requireDictionary } from '../../support/worstCaseCheck';
import { WORST_CASES } from '../../support/worstCases';

export interface WorstCaseRequest {
  readonly name: string;
  /** Sizes in characters, measured in turn `rounds` times; the first round is a warm-up and not counted. */
  readonly sizes: readonly number[];
  readonly rounds: number;
  /**
   * With istio.io's `.spelling` and `mdl.rb` at the site's root and mdspell's dictionary, as in a checkout of istio.io:
   * the make-lint checks (mdspell's own Markdown lexer, the mdl rules, the script's greps) run too.
   */
  readonly makeLint?: boolean;
}

export interface WorstCaseReply {
  /** Best milliseconds of CPU time per size. */
  readonly best: number[];
  /** Findings of the largest size, and whether one was an internal error. */
  readonly findings: number;
  readonly internalError: boolean;
}

const request = workerData as WorstCaseRequest;
const dictionary = request.makeLint ? requireDictionary() : undefined;

const worst = WORST_CASES.find((c) => c.name === request.name);
if (!worst) throw new Error(`no worst case named ${request.name}`);
const pages = request.sizes.map((s) => worst.page(s));
const best = request.sizes.map(() => Number.POSITIVE_INFINITY);
let last = { ms: 0, findings: 0, internalError: false };
for (let round = 0; round < request.rounds; round++) {
  pages.forEach((page, i) => {
    const r = checkWorstCase(page, { ...pageSite(page, worst.translation), ...(dictionary ? { dictionary } : {}) });
    if (round > 0) best[i] = Math.min(best[i]!, r.ms);
    if (i === pages.length - 1) last = r;
  });
}
const reply: WorstCaseReply = { best, findings: last.findings, internalError: last.internalError };
parentPort!.postMessage(reply);
