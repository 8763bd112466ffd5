/**
 * `node --import tsx scripts/bench/lintAtScale.ts [--site <dir>]`: the make-lint checks against the real tools on a
 * whole site, not only the sample the `lint` test layer uses. The site is the bench's istio.io-shaped one (generated
 * into a temporary folder) unless one is given. As `make lint` does, the en and zh pages are copied and edited by
 * the real `sed`; the real `mdl` and the real `mdspell` run on the copy, the engine on the pages, and the findings are
 * compared line by line. Prints the counts and every difference; exits 1 when there is one.
 *
 * Not a test layer: the two tools take about three minutes on the bench site's 2,168 pages. Run it after a change to
 * the spelling or style rules, or to what they are built on (the parsers, the script's copy).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { engine, hasTool, realMdl, realMdspell, scriptCopy, sitePages } from '../../test/lint/harness';
import { generateSite } from './generateSite';

const argv = process.argv.slice(2);
const siteAt = argv.indexOf('--site');
const given = siteAt >= 0 ? argv[siteAt + 1] : undefined;
const tmp = given ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'istio-lint-scale-'));
const root = given ? path.resolve(given) : tmp!;
if (tmp) generateSite(tmp);

const seconds = (from: number): string => `${((performance.now() - from) / 1000).toFixed(1)} s`;

if (!hasTool('mdl')) {
  console.error('mdl is not installed: run scripts/install-editor-tools.sh (Debian package ruby-mdl)');
  process.exit(2);
}
// The en and zh pages: what `make lint` checks by default.
const pages = sitePages(root);
const rels = Object.keys(pages).sort();
console.log(`${rels.length} en and zh pages of ${given ? root : 'the generated bench site'}`);
const copy = scriptCopy(pages);
let t = performance.now();
const mdl = realMdl(copy);
console.log(`  the real mdl: ${seconds(t)}`);
t = performance.now();
const mdspell = realMdspell(copy, rels);
console.log(`  the real mdspell: ${seconds(t)}`);
t = performance.now();
const ours = engine(pages);
console.log(`  the engine (every check): ${seconds(t)}`);

const differences: string[] = [];
const compare = (tool: string, real: Map<string, string[]>, mine: (rel: string) => string[]): number => {
  let found = 0;
  for (const rel of rels) {
    const want = real.get(rel) ?? [];
    const got = mine(rel);
    found += want.length;
    const w = new Set(want);
    const g = new Set(got);
    for (const f of w) if (!g.has(f)) differences.push(`${rel}: ${tool} only: ${f}`);
    for (const f of g) if (!w.has(f)) differences.push(`${rel}: engine only (${tool}): ${f}`);
    if (want.length !== got.length && w.size === g.size) differences.push(`${rel}: ${want.length} findings in ${tool}, ${got.length} in the engine`);
  }
  return found;
};
const styleFound = compare('mdl', mdl, (rel) =>
  (ours.get(rel) ?? []).filter((d) => d.code.startsWith('style.')).map((d) => `${(d.data as { mdlLine: number }).mdlLine} ${d.code.slice('style.'.length).toUpperCase()}`),
);
const spellingFound = compare('mdspell', mdspell, (rel) =>
  (ours.get(rel) ?? []).filter((d) => d.code === 'spelling.unknown-word').map((d) => `${d.line} ${(d.data as { word: string }).word}`),
);
console.log(`mdl: ${styleFound} findings; mdspell: ${spellingFound} findings; differences: ${differences.length}`);
for (const d of differences) console.log(`  ${d}`);
fs.rmSync(copy, { recursive: true, force: true });
if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
process.exit(differences.length > 0 ? 1 : 0);
