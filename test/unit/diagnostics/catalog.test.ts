import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LanguageService } from '../../../server/engine/languageService';
import { DIAGNOSTIC_CATALOG, DIAGNOSTIC_FAMILIES, isDiagnosticCode } from '../../../server/engine/diagnostics/catalog';
import { MemoryFileSystem } from '../../../server/engine/site/memoryFileSystem';
import { doc, MEM_ROOT, memorySite, sampleFiles } from '../../support/fixtures';
import { assertCataloged } from './cataloged';

const ROOT = path.resolve(__dirname, '../../..');
const DEMO_SITE = path.join(ROOT, 'test/fixtures/demo-site');

/** The TypeScript files under `dir` (repository-relative), with their text. */
function sources(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = `${d}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.ts')) out.push({ file: rel, text: fs.readFileSync(path.join(ROOT, rel), 'utf8') });
    }
  };
  walk(dir);
  return out;
}

/** File names that look like codes (`'image.png'`, `` `text.html` `` in a comment). */
const FILE_NAME = /\.(html|png|jpe?g|svg|gif|md|json|toml|ya?ml)$/;

/**
 * String literals shaped like a code of one of the catalog's prefixes (`'link.page-not-found'`), in any quotes: a code
 * built in a template literal is caught too.
 */
function codeLiterals(text: string): string[] {
  const prefixes = [...new Set(DIAGNOSTIC_CATALOG.map((c) => c.code.split('.')[0]!))].join('|');
  const literal = new RegExp(`['"\`]((?:${prefixes})\\.[a-z]+(?:-[a-z]+)*)['"\`]`, 'g');
  return [...text.matchAll(literal)].map((m) => m[1]!).filter((s) => !FILE_NAME.test(s));
}

describe('the catalog of diagnostic codes (server/data/diagnostics.json)', () => {
  it('loads every entry, and every family has codes', () => {
    assert.ok(DIAGNOSTIC_CATALOG.length >= 62, `${DIAGNOSTIC_CATALOG.length} codes`);
    for (const family of Object.keys(DIAGNOSTIC_FAMILIES)) {
      assert.ok(DIAGNOSTIC_CATALOG.some((c) => c.family === family), `family ${family} has no code`);
    }
  });

  it("names each code's family after its prefix, except the syntax checks", () => {
    for (const c of DIAGNOSTIC_CATALOG) {
      const prefix = c.code.split('.')[0];
      assert.ok(c.family === prefix || c.family === 'syntax', `${c.code}: family ${c.family}`);
    }
  });

  it('says "fails the build" only of codes whose default severity is an error', () => {
    for (const c of DIAGNOSTIC_CATALOG) if (c.failsBuild) assert.equal(c.severity, 'error', c.code);
  });

  it('holds every code literal of the engine, the server and the client', () => {
    const missing = [...sources('server'), ...sources('client/src')].flatMap(({ file, text }) =>
      codeLiterals(text)
        .filter((code) => !isDiagnosticCode(code))
        .map((code) => `${file}: ${code}`),
    );
    assert.deepEqual(missing, [], 'codes used in the source but missing from server/data/diagnostics.json');
  });

  it('holds no code the engine never reports (each appears as a literal in server/engine)', () => {
    // The engine's codes, and the CLI's own (`file.unreadable`: a page the command line could not read).
    const used = new Set([...sources('server/engine'), ...sources('server/src')].flatMap(({ text }) => codeLiterals(text)));
    // The style codes are made from mdl's rule ids (`MD009` → `style.md009`) in features/style/styleRule.ts: each id
    // of features/style/mdlRules.ts stands for its code.
    const mdlRules = fs.readFileSync(path.join(ROOT, 'server/engine/features/style/mdlRules.ts'), 'utf8');
    for (const m of mdlRules.matchAll(/\bid: '(MD\d{3})'/g)) used.add(`style.${m[1]!.toLowerCase()}`);
    assert.deepEqual(
      DIAGNOSTIC_CATALOG.map((c) => c.code).filter((code) => !used.has(code)),
      [],
    );
  });
});

describe('every diagnostic the engine reports on the fixtures is in the catalog, at a severity it allows', () => {
  async function checkAll(mem: MemoryFileSystem, files: readonly string[]): Promise<Set<string>> {
    const service = new LanguageService({ fs: mem, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
    const seen = new Set<string>();
    try {
      await service.siteOf(`${MEM_ROOT}/${files[0]}`)!.summarized();
      for (const rel of files.filter((f) => f.endsWith('.md'))) {
        const p = `${MEM_ROOT}/${rel}`;
        for (const d of service.diagnostics(p, doc(p, mem.readText(p)!)).diagnostics) {
          assertCataloged(d, rel);
          seen.add(String(d.code));
        }
      }
    } finally {
      service.dispose();
    }
    return seen;
  }

  it('the istio.io sample, as an excerpt and as a full checkout', async () => {
    const excerpt = await checkAll(memorySite(), sampleFiles());
    const full = await checkAll(memorySite({ 'hugo.toml': '' }), sampleFiles());
    assert.ok(excerpt.size >= 3 && full.has('link.page-not-found'), [...excerpt, ...full].join(' '));
  });

  it('the demo site and its post with faults', async () => {
    const mem = new MemoryFileSystem();
    const files: string[] = [];
    const walk = (rel: string): void => {
      for (const e of fs.readdirSync(path.join(DEMO_SITE, rel), { withFileTypes: true })) {
        const r = `${rel}/${e.name}`;
        if (e.isDirectory()) walk(r);
        else {
          files.push(r);
          mem.write(`${MEM_ROOT}/${r}`, fs.readFileSync(path.join(DEMO_SITE, r), r.endsWith('.md') ? 'utf8' : 'latin1'));
        }
      }
    };
    walk('content');
    const seen = await checkAll(mem, files.sort());
    for (const code of ['frontmatter.duplicate-key', 'frontmatter.description-period', 'shortcode.malformed-delimiter', 'image.not-found', 'image.caption-period', 'shortcode.unclosed']) {
      assert.ok(seen.has(code), `the post with faults reports ${code}; seen: ${[...seen].join(' ')}`);
    }
  });
});
