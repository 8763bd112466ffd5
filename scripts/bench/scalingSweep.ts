/**
 * A sweep for work that grows faster than the page: each piece of Markdown or shortcode syntax below is repeated to
 * fill a page at two sizes (100 and 400 KB by default), the page is checked as the robustness test checks its worst
 * cases (test/support/worstCaseCheck.ts: every rule with the make-lint ones, the links, the headings, code actions,
 * completion and hover), and a piece whose CPU time grows more than 7 times for 4 times the size is flagged with
 * `!!` (linear work grows about 4 times, quadratic 16).
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
import { checkWorstCase, pageSite, requireDictionary } from '../../test/support/worstCaseCheck';
import { WORST_CASE_FRONTMATTER } from '../../test/support/worstCases';

const dictionary = process.env.NOLINT ? undefined : requireDictionary();

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

/** CPU milliseconds of one check, as the robustness test's (with the English page a translation is compared with). */
function checkOnce(text: string): number {
  return checkWorstCase(text, { ...pageSite(text, TRANSLATION), ...(dictionary ? { dictionary } : {}) }).ms;
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
