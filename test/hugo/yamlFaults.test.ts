// Broken frontmatter YAML: Hugo (0.131, yaml.v2) fails the build and names the line where its parser gave up, which
// for an unclosed quote is the end of the frontmatter. The engine reports the fault itself: the opening quote's line
// and the span the quote swallows, the unclosed `[`, the misindented line, the tab. Each fault is planted in the real
// frontmatter of en blog/2017/adapter-model; the engine's exact ranges are pinned in
// test/unit/features/syntaxDiagnostics.test.ts.
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LanguageService, MemoryFileSystem } from '../../server/engine';
import { sample } from '../support/fixtures';
import { buildSite, type HugoBuild } from './lib/hugo';

const REL = 'content/en/blog/2017/adapter-model/index.md';
// The real page's frontmatter, with a short body (its images are not part of this site).
const PAGE = `${sample(REL).split('\n---\n')[0]}\n---\n\nBody.\n`;

const builds: HugoBuild[] = [];
after(() => builds.forEach((b) => b.dispose()));

/** Hugo's verdict: the 1-based file line it names ("yaml: line N" counts from the first line after `---`), or 0 if it builds. */
function hugoLine(text: string): number {
  const b = buildSite({ [REL]: text });
  builds.push(b);
  if (b.ok) return 0;
  assert.match(b.log, /failed to unmarshal YAML/);
  const m = /yaml: line (\d+)/.exec(b.log);
  return m ? Number(m[1]) + 1 : 2;
}

function engineLines(text: string): number[] {
  const fs = new MemoryFileSystem();
  fs.write('/site/hugo.toml', 'defaultContentLanguage = "en"\n');
  const path = `/site/${REL}`;
  fs.write(path, text);
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  try {
    const ds = service.diagnostics(path, TextDocument.create(`file://${path}`, 'markdown', 1, text)).diagnostics.filter((d) => d.code === 'frontmatter.yaml-syntax');
    assert.ok(ds.every((d) => d.severity === DiagnosticSeverity.Error));
    return ds.map((d) => d.range.start.line + 1);
  } finally {
    service.dispose();
  }
}

describe('broken frontmatter YAML: Hugo fails, the engine points at the fault', () => {
  it('the unmodified frontmatter builds and has no finding', () => {
    assert.equal(hugoLine(PAGE), 0);
    assert.deepEqual(engineLines(PAGE), []);
  });

  // fault: the 1-based file line of the fault; hugo: the line Hugo names.
  const cases: ReadonlyArray<{ name: string; from: string; to: string; fault: number; hugo: number }> = [
    { name: 'an unterminated double quote (Hugo: the end of the frontmatter)', from: 'title: Mixer', to: 'title: "Mixer', fault: 2, hugo: 12 },
    { name: 'an unterminated single quote (Hugo: the end of the frontmatter)', from: 'attribution: Martin', to: "attribution: 'Martin", fault: 6, hugo: 12 },
    { name: 'a key indented under a key with a value', from: '\npublishdate:', to: '\n  publishdate:', fault: 4, hugo: 4 },
    { name: 'a list item indented less than the one before it (Hugo: the item above)', from: 'mixer-adapter-model.html', to: 'mixer-adapter-model.html\n  - /blog/other.html', fault: 10, hugo: 9 },
    { name: 'a tab as indentation', from: '\nsubtitle:', to: '\n\tsubtitle:', fault: 5, hugo: 5 },
    { name: 'an unclosed flow sequence', from: 'telemetry]', to: 'telemetry', fault: 7, hugo: 7 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.ok(PAGE.includes(c.from), c.from);
      const text = PAGE.replace(c.from, c.to);
      assert.equal(hugoLine(text), c.hugo);
      assert.deepEqual(engineLines(text), [c.fault]);
    });
  }
});
