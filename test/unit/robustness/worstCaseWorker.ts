/**
 * Runs in a worker thread for linearTime.test.ts: checks one worst-case page at the sizes asked, several times each
 * (its diagnostics, its links, and completion and hover at three places), and posts the best time of each size. In a
 * worker, so that a scan that does not end in time can be stopped (a quadratic scan of the test's sizes would hold the
 * test runner's thread for minutes).
 */
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, LanguageService, MemoryFileSystem } from '../../../server/engine';
import { dictionaryPath, mdspellFactory } from '../../../server/src/node/spelling';
import { WORST_CASE_FRONTMATTER, WORST_CASE_PAGE, WORST_CASES } from '../../support/worstCases';

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

const ROOT = '/site';
const SAMPLE = nodePath.join(__dirname, '../../fixtures/istio-sample');

const request = workerData as WorstCaseRequest;
const lintFiles: Record<string, string> = request.makeLint
  ? { [`${ROOT}/.spelling`]: nodeFs.readFileSync(nodePath.join(SAMPLE, '.spelling'), 'utf8'), [`${ROOT}/mdl.rb`]: nodeFs.readFileSync(nodePath.join(SAMPLE, 'mdl.rb'), 'utf8') }
  : {};
const dictionary = request.makeLint ? dictionaryPath() : undefined;
if (request.makeLint && !dictionary) throw new Error('mdspell dictionary not found: the make-lint checks cannot run');

/** The time of one check: a fresh service, so no cache from the previous run helps. */
function checkOnce(text: string): { ms: number; findings: number; internalError: boolean } {
  const fs = new MemoryFileSystem({
    [`${ROOT}/content/en/_index.md`]: WORST_CASE_FRONTMATTER,
    [`${ROOT}/content/en/blog/_index.md`]: WORST_CASE_FRONTMATTER,
    ...lintFiles,
  });
  // The dictionary is parsed once per thread (spelling.ts keeps it by folder), in the uncounted first round.
  const spelling = dictionary ? { spelling: mdspellFactory(dictionary) } : {};
  const service = new LanguageService({ fs, ...spelling, scan: { sliceMs: 1_000_000, pause: () => Promise.resolve() } });
  const path = `${ROOT}/${WORST_CASE_PAGE}`;
  const document = TextDocument.create(`file://${path}`, 'markdown', 1, text);
  const settings = { ...DEFAULT_SETTINGS, maxFileSize: 100_000_000 };
  // CPU time, not wall time: on a machine shared with other work, waiting for a core is not the scan's doing.
  // The process's time is this thread's: the test runner's thread only waits meanwhile.
  const started = process.cpuUsage();
  service.openDocument(path, document);
  const { diagnostics } = service.diagnostics(path, document, settings);
  service.documentLinks(path, document, settings);
  // What the editor asks as the author moves through the page: a request must not cost the page's square either
  // (completion in a page of open callouts and stray closers searched the open ones for each closer: 1.3 s at 400 KB).
  for (const third of [Math.floor(text.length / 3), Math.floor((2 * text.length) / 3), text.length]) {
    // In the last tag opened before that place, if any: a shortcode's name or a closing tag is asked for there.
    const tag = text.lastIndexOf('{{<', third);
    const position = document.positionAt(tag >= 0 ? tag + 3 : third);
    service.completions(path, document, position, settings);
    service.hover(path, document, position, settings);
  }
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  service.dispose();
  return { ms, findings: diagnostics.length, internalError: diagnostics.some((d) => d.code === 'internal.error') };
}

const worst = WORST_CASES.find((c) => c.name === request.name);
if (!worst) throw new Error(`no worst case named ${request.name}`);
const pages = request.sizes.map((s) => worst.page(s));
const best = request.sizes.map(() => Number.POSITIVE_INFINITY);
let last = { ms: 0, findings: 0, internalError: false };
for (let round = 0; round < request.rounds; round++) {
  pages.forEach((page, i) => {
    const r = checkOnce(page);
    if (round > 0) best[i] = Math.min(best[i]!, r.ms);
    if (i === pages.length - 1) last = r;
  });
}
const reply: WorstCaseReply = { best, findings: last.findings, internalError: last.internalError };
parentPort!.postMessage(reply);
