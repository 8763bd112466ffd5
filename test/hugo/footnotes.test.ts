// What Goldmark (with istio.io's footnote extension) reads as a link reference definition and what as a footnote,
// compared with the definitions the engine finds and checks as links.
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { LanguageService, MemoryFileSystem } from '../../server/engine';
import { buildSite, type HugoBuild } from './lib/hugo';

/** Each candidate line defines the label `l<N>` (or a footnote) with the destination `/dest-<N>/`. */
const LINES: ReadonlyArray<readonly [label: string, line: string]> = [
  // content/en/blog/2024/steering-results/index.md:94, its destination made local.
  ['^ibm-red-hat', '[^ibm-red-hat]: [Our Steering Committee charter](/dest-1/) considers groups of companies as one.'],
  ['l2', '[l2]: /dest-2/'],
  ['^l3', '[^l3]: /dest-3/'],
  ['l4', '   [l4]: /dest-4/'],
  ['l5', '    [l5]: /dest-5/'],
  [' ^l6', '[ ^l6]: /dest-6/'],
  ['l7', '[l7]:/dest-7/'],
  ['l8', '[l8] : /dest-8/'],
  ['^l9', '[^l9]:/dest-9/'],
  ['l10', '[l10]: </dest-10/>'],
  ['^', '[^]: /dest-11/'],
];

const builds: HugoBuild[] = [];
after(() => builds.forEach((b) => b.dispose()));

test('footnotes and link definitions: the engine checks as a definition exactly what Goldmark defines', () => {
  // Each line in its own paragraph, then a use of each label (`[x][l2]` for a link, `[^l3]` for a footnote).
  const uses = LINES.map(([label]) => (label.length > 1 && label.startsWith('^') ? `[${label}]` : `[use][${label}]`)).join('\n\n');
  const page = `---\ntitle: Footnotes\n---\n\n${LINES.map(([, line]) => line).join('\n\n')}\n\n${uses}\n`;
  const build = buildSite({ 'content/en/footnotes/index.md': page });
  builds.push(build);
  assert.ok(build.ok, build.log);
  const html = build.output('footnotes/index.html') ?? '';
  // A definition turns its uses into links to its destination (canonified by canonifyURLs); a footnote's destination
  // stays text (or a link of the footnote's own text, for dest-1).
  const hugo = LINES.map((_, i) => new RegExp(`<a href="https://istio.io/dest-${i + 1}/">use</a>`).test(html));
  const engine = new LanguageService({ fs: new MemoryFileSystem() });
  const defined = new Set(
    engine
      .documentModel(page, undefined)
      .markdown.links.filter((l) => l.kind === 'definition')
      .map((l) => l.target),
  );
  assert.deepEqual(
    LINES.map(([, line], i) => `${line} → ${defined.has(`/dest-${i + 1}/`) ? 'definition' : 'not a definition'}`),
    LINES.map(([, line], i) => `${line} → ${hugo[i] ? 'definition' : 'not a definition'}`),
  );
});
