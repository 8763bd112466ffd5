/**
 * A sweep for work that grows faster than the page: each piece of Markdown or shortcode syntax below is repeated to
 * fill a page at two sizes (100 and 400 KB by default), the page is checked as the robustness test checks its worst
 * cases (test/unit/robustness/worstCaseWorker.ts: every rule with the make-lint ones, the document links, the
 * headings, the code actions of the first findings), and a piece whose CPU time grows more than 7 times for 4 times
 * the size is flagged with `!!` (linear work grows about 4 times, quadratic 16).
 *
 *   node --import tsx scripts/bench/scalingSweep.ts
 *
 * SHAPE=line (default) repeats the piece on one line, SHAPE=lines on lines of about 60 characters (one paragraph),
 * SHAPE=blank with a blank line after each, SHAPE=frontmatter inside the frontmatter; PREFIX=… goes before the
 * pieces (`SHAPE=frontmatter PREFIX=$'aliases:\n' UNITS='["  - /a\n"]'`); UNITS='["…", …]' sweeps pieces of your
 * own; SMALL and LARGE set the sizes; NOLINT=1 leaves the make-lint checks out; TRANSLATION=zh (or another
 * language) checks the page as that language's translation of an English page with the same text, so that the
 * translation checks compare the two. A piece it flags becomes a page of test/support/worstCases.ts once fixed (see
 * docs/reliability.md).
 */
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, LanguageService, MemoryFileSystem } from '../../server/engine';
import { dictionaryPath, mdspellFactory } from '../../server/src/node/spelling';
import { WORST_CASE_FRONTMATTER, WORST_CASE_PAGE } from '../../test/support/worstCases';

const ROOT = '/site';
const SAMPLE = nodePath.join(__dirname, '../../test/fixtures/istio-sample');
const lintFiles: Record<string, string> = process.env.NOLINT
  ? {}
  : {
      [`${ROOT}/.spelling`]: nodeFs.readFileSync(nodePath.join(SAMPLE, '.spelling'), 'utf8'),
      [`${ROOT}/mdl.rb`]: nodeFs.readFileSync(nodePath.join(SAMPLE, 'mdl.rb'), 'utf8'),
    };
const dictionary = process.env.NOLINT ? undefined : dictionaryPath();
if (!process.env.NOLINT && !dictionary) throw new Error("mdspell's dictionary is not installed: run npm ci, or set NOLINT=1");

const UNITS: readonly string[] = process.env.UNITS
  ? (JSON.parse(process.env.UNITS) as string[])
  : [
      '{{< image link="a.png" caption="c" >}}', '{{< tip >}}a{{< /tip >}}', '{{< text bash >}}x{{< /text >}}', '[a](b) ', '![a](a.png) ',
      '[a](#b) ', '<a href="x">a</a> ', '{{< gloss >}}a{{< /gloss >}}', '{{% tip %}}a{{% /tip %}}', '**a** ', '_a_ ', '<!-- a --> ', '{#a} ',
      '"a" ', '{{< boilerplate x >}}', '{{< tab name="a" >}}a{{< /tab >}}', '| a ', '> a ', '- a ', '1. a ', '\\', '&amp; ', 'http://a.b ',
      '`a` ', '{{< /tip >}}', '{{% /tip %}}', '{{<', '}}', '{{< image link="', '"', "'", '[', ']', '(', ')', '<', '>', '*', '#', '{', '}', '%',
      '|', '~', '=', ':', '{{< text >}}', '{{< text bash >}}', '{{< tabset >}}', '{{< tab >}}', '{{< figure >}}', 'a\u2028', '{{</* a */>}}',
      '[^1] ', '[^1]: a ', '[a]: b ', '[a][b] ', 'www.a.b ', 'a@b.c ', '```a', '## a\n\n[b](#zzz)', '## a\n\n[b](#a-500)',
    ];
const SIZES = [Number(process.env.SMALL ?? 100_000), Number(process.env.LARGE ?? 400_000)] as const;
const SHAPE = process.env.SHAPE ?? 'line';
/** Linear ≈ 4, quadratic ≈ 16, as in the robustness test (which fails at 8). */
const FLAG_RATIO = 7;
/** Times below this are mostly the JIT and the timers. */
const NOISE_MS = 10;

/** Text before the repeated piece (after the frontmatter; inside it with SHAPE=frontmatter, e.g. `aliases:\n`). */
const PREFIX = process.env.PREFIX ?? '';

function page(unit: string, size: number): string {
  const n = Math.max(1, Math.floor(size / unit.length));
  if (SHAPE === 'frontmatter') return `---\ntitle: Worst case\npublishdate: 2024-01-01\n${PREFIX}${unit.repeat(n)}\n---\n\nBody.\n`;
  if (SHAPE === 'lines') {
    const line = unit.repeat(Math.max(1, Math.floor(60 / unit.length))) + '\n';
    return WORST_CASE_FRONTMATTER + PREFIX + line.repeat(Math.max(1, Math.floor(size / line.length)));
  }
  if (SHAPE === 'blank') return WORST_CASE_FRONTMATTER + PREFIX + `${unit}\n\n`.repeat(Math.max(1, Math.floor(size / (unit.length + 2))));
  return WORST_CASE_FRONTMATTER + PREFIX + unit.repeat(n);
}

const TRANSLATION = process.env.TRANSLATION;
const PAGE = TRANSLATION ? WORST_CASE_PAGE.replace('content/en/', `content/${TRANSLATION}/`) : WORST_CASE_PAGE;

/** CPU milliseconds of one check by a fresh service, as an editor asks for it when the page opens. */
function checkOnce(text: string): number {
  const fs = new MemoryFileSystem({
    [`${ROOT}/content/en/_index.md`]: WORST_CASE_FRONTMATTER,
    [`${ROOT}/content/en/blog/_index.md`]: WORST_CASE_FRONTMATTER,
    [`${ROOT}/${nodePath.posix.dirname(PAGE)}/a.png`]: '',
    ...(TRANSLATION
      ? {
          [`${ROOT}/content/${TRANSLATION}/_index.md`]: WORST_CASE_FRONTMATTER,
          [`${ROOT}/content/${TRANSLATION}/blog/_index.md`]: WORST_CASE_FRONTMATTER,
          [`${ROOT}/${WORST_CASE_PAGE}`]: text,
        }
      : {}),
    ...lintFiles,
  });
  const service = new LanguageService({
    fs,
    ...(dictionary ? { spelling: mdspellFactory(dictionary) } : {}),
    scan: { sliceMs: 1_000_000, pause: () => Promise.resolve() },
  });
  const path = `${ROOT}/${PAGE}`;
  const document = TextDocument.create(`file://${path}`, 'markdown', 1, text);
  const settings = { ...DEFAULT_SETTINGS, maxFileSize: 100_000_000 };
  const started = process.cpuUsage();
  service.openDocument(path, document);
  const { diagnostics } = service.diagnostics(path, document, settings);
  service.documentLinks(path, document, settings);
  service.headings(path, document);
  service.codeActions(path, document, { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } }, diagnostics.slice(0, 50), settings);
  const used = process.cpuUsage(started);
  service.dispose();
  return (used.user + used.system) / 1000;
}

console.log(`shape ${SHAPE}, ${SIZES[0] / 1000} and ${SIZES[1] / 1000} KB, make-lint checks ${dictionary ? 'on' : 'off'}${TRANSLATION ? `, a ${TRANSLATION} translation` : ''}; best of 2 after a warm-up`);
let flagged = 0;
for (const unit of UNITS) {
  const best = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let round = 0; round < 3; round++) {
    SIZES.forEach((size, i) => {
      const ms = checkOnce(page(unit, size));
      if (round > 0) best[i] = Math.min(best[i]!, ms);
    });
  }
  const ratio = best[1]! / Math.max(best[0]!, NOISE_MS);
  if (ratio >= FLAG_RATIO) flagged++;
  console.log(`${ratio >= FLAG_RATIO ? '!!' : '  '} ${JSON.stringify(unit).padEnd(44)} ${best[0]!.toFixed(0).padStart(6)} ms ${best[1]!.toFixed(0).padStart(7)} ms  ×${ratio.toFixed(1)}`);
}
console.log(`${flagged} of ${UNITS.length} pieces grew more than ${FLAG_RATIO} times`);
