import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from '../../../../server/engine/languageService';
import { mergeSettings } from '../../../../server/engine/settings';
import { readFixes } from '../../../../server/engine/features/quickFix';
import { doc, MEM_ROOT, memorySite, sample, sampleFiles } from '../../../support/fixtures';

/**
 * The zh greps of scripts/lint_site.sh (`- (/docs|…)`, `"(/docs|…)`, `\((/docs|…)` on every content/zh file), with
 * real lines of the English sample planted in the zh page of the same post, as a translator copying the English
 * text would. The real `grep -E` runs on the same page: every line it prints has exactly one finding of the five
 * codes that report an English path in a zh page, and no other line has one.
 */
const ZH = 'content/zh/blog/2017/adapter-model/index.md';
const PATH_CODES = new Set(['lint.english-alias', 'lint.english-reference', 'frontmatter.alias-language', 'link.missing-language-prefix', 'image.missing-language-prefix']);
const GREPS = ['- (/docs|/about|/blog|/faq|/news)', '"(/docs|/about|/blog|/faq|/news)', '\\((/docs|/about|/blog|/faq|/news)'];

function check(rel: string, text: string, settings: unknown = {}): Diagnostic[] {
  const service = new LanguageService({ fs: memorySite({ [rel]: text }), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  const p = `${MEM_ROOT}/${rel}`;
  return service.diagnostics(p, doc(p, text), mergeSettings(settings)).diagnostics;
}

/** The lines (1-based) the script's three greps print for a page. */
function grepLines(text: string): number[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-grep-'));
  try {
    const file = path.join(dir, 'index.md');
    fs.writeFileSync(file, text);
    const lines = new Set<number>();
    for (const pattern of GREPS) {
      const r = spawnSync('grep', ['-H', '-n', '-E', '-e', pattern, file], { encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      for (const l of r.stdout.split('\n')) if (l) lines.add(Number(l.split(':')[1]));
    }
    return [...lines].sort((a, b) => a - b);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The zh page with English lines of the sample (quoted as they are in content/en) in place of its own. */
function planted(): string {
  const zh = sample(ZH);
  const out = zh
    // en 2017/adapter-model line 9, an alias.
    .replace('    - /zh/blog/mixer-adapter-model.html', '    - /blog/mixer-adapter-model.html')
    // en 2017/adapter-model line 32, in a multi-line image shortcode.
    .replace('    link="/zh/blog/2017/adapter-model/machine.svg"', '    link="/blog/2017/adapter-model/machine.svg"')
    // en 2018/egress-monitoring-access-control lines 243–244: a link broken over two lines, which is no link.
    .concat(
      '\n    [egress gateway security considerations]\n    (/docs/tasks/traffic-management/egress/egress-gateway/#additional-security-considerations)). You don\'t want any tampering\n',
      // A Markdown link, as en pages write them (the link check reports it).
      '\n[attributes](/docs/reference/config/policy-and-telemetry/mixer-overview/#attributes)\n',
      // An alias-like line in a text block, and a prefix the grep takes (`/blogs`).
      '\n{{< text yaml >}}\naliases:\n  - /news/releases/1.0.x/announcing-1.0/\n{{< /text >}}\n\nSee the (/blogs) list.\n',
      // Raw HTML (blog pages hold `<a` 15 times).
      '\nJoin the <a href="/about/community/">community</a>.\n',
    );
  assert.notEqual(out, zh);
  return out;
}

describe('make lint: English paths in zh pages', () => {
  it('finds nothing on the published sample pages, as the real grep', () => {
    const found: string[] = [];
    for (const rel of sampleFiles().filter((f) => /^content\/zh\/.*\.md$/.test(f))) {
      assert.deepEqual(grepLines(sample(rel)), [], rel);
      for (const d of check(rel, sample(rel))) if (PATH_CODES.has(String(d.code))) found.push(`${rel}:${d.range.start.line + 1} ${d.code}`);
    }
    assert.deepEqual(found, []);
  });

  it('reports each line the real grep prints once, with the code of the check that owns it', () => {
    const text = planted();
    const ds = check(ZH, text).filter((d) => PATH_CODES.has(String(d.code)));
    const lines = ds.map((d) => d.range.start.line + 1);
    assert.deepEqual([...new Set(lines)].sort((a, b) => a - b), grepLines(text));
    assert.equal(new Set(lines).size, lines.length, `one finding per line: ${ds.map((d) => `${d.range.start.line + 1} ${d.code}`).join(', ')}`);
    const byText = (needle: string): string | undefined => {
      const line = text.split('\n').findIndex((l) => l.includes(needle));
      return ds.find((d) => d.range.start.line === line)?.code as string | undefined;
    };
    assert.equal(byText('- /blog/mixer-adapter-model.html'), 'frontmatter.alias-language');
    // zh/…/machine.svg exists: the image check owns it (the build fails too).
    assert.equal(byText('link="/blog/2017/adapter-model/machine.svg"'), 'image.missing-language-prefix');
    assert.equal(byText('<a href="/about/community/">'), 'lint.english-reference');
    assert.equal(byText('(/docs/tasks/traffic-management/egress'), 'lint.english-reference');
    assert.equal(byText('[attributes](/docs/reference'), 'link.missing-language-prefix');
    assert.equal(byText('- /news/releases/1.0.x'), 'lint.english-alias');
    assert.equal(byText('(/blogs)'), 'lint.english-reference');
  });

  it('fixes each by adding /zh, after which the grep prints nothing', () => {
    let text = planted();
    for (let round = 0; round < 10; round++) {
      const d = check(ZH, text).find((x) => PATH_CODES.has(String(x.code)));
      if (!d) break;
      const fix = readFixes(d.data)[0];
      const t = doc('/x.md', text);
      // The link and alias checks' fixes replace the target (their range is the diagnostic's).
      const edit = fix ? fix.edits[0]! : undefined;
      assert.ok(edit, `${String(d.code)} has a fix`);
      const range = edit.range ?? d.range;
      text = text.slice(0, t.offsetAt(range.start)) + edit.newText + text.slice(t.offsetAt(range.end));
    }
    assert.deepEqual(grepLines(text), []);
    assert.match(text, /link="\/zh\/blog\/2017\/adapter-model\/machine\.svg"/);
    assert.match(text, /\(\/zh\/docs\/tasks\/traffic-management/);
  });

  it('is zh only: uk and en pages keep their unprefixed paths, and it follows istio.lint.languages', () => {
    const en = 'content/en/blog/2017/adapter-model/index.md';
    assert.deepEqual(check(en, sample(en)).filter((d) => String(d.code).startsWith('lint.english')), []);
    const uk = 'content/uk/blog/2017/adapter-model/index.md';
    assert.deepEqual(check(uk, sample(en), { lint: { languages: ['en', 'zh', 'uk'] } }).filter((d) => String(d.code).startsWith('lint.english')), []);
    assert.deepEqual(check(ZH, planted(), { lint: { languages: ['en'] } }).filter((d) => String(d.code).startsWith('lint.english')), []);
  });
});
