// The layers of docs/architecture.md, checked over the real import graph of every source file: each import is an
// edge, and only the edges the design allows may exist. TypeScript's project references already stop a `node:` or
// `vscode` import in the engine (its project has no such types); this test also stops what types cannot see: a
// client reaching past the engine's entry, one feature family importing another, a Node adapter in the client.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const ENGINE_ENTRY = 'server/engine/index.ts';
const PROTOCOL_ENTRY = 'server/protocol/index.ts';
/** npm packages the engine may use: none of them needs Node or an editor. */
const ENGINE_PACKAGES = new Set(['vscode-languageserver-types', 'vscode-languageserver-textdocument', 'yaml', 'ajv', 'jsonc-parser', 'smol-toml']);

interface Edge {
  readonly from: string;
  readonly spec: string;
  /** Repository-relative file the import resolves to, for relative imports. */
  readonly to?: string;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = `${d}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'fixtures') walk(rel);
      } else if (/\.(ts|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  walk(dir);
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolve(from: string, spec: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const c of [base, `${base}.ts`, `${base}.js`, `${base}.mjs`, `${base}/index.ts`]) {
    const abs = path.join(ROOT, c);
    if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return c;
  }
  return undefined;
}

function edges(dirs: readonly string[]): Edge[] {
  const out: Edge[] = [];
  for (const file of dirs.flatMap(sources)) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec) continue;
      const to = spec.startsWith('.') ? resolve(file, spec) : undefined;
      out.push(to ? { from: file, spec, to } : { from: file, spec });
    }
  }
  return out;
}

const ALL = edges(['client/src', 'server', 'test', 'scripts']);
const under = (p: string | undefined, dir: string): boolean => p !== undefined && p.startsWith(dir + '/');
const show = (bad: readonly Edge[]): string => bad.map((e) => `${e.from} → ${e.to ?? e.spec}`).join('\n');

test('the import graph was read', () => {
  // A regex that stopped matching would make every rule below pass vacuously.
  assert.ok(ALL.filter((e) => under(e.from, 'server/engine')).length > 300);
  assert.ok(ALL.some((e) => e.from.startsWith('client/src') && e.to === ENGINE_ENTRY));
});

test('every relative import resolves to a file', () => {
  const broken = ALL.filter((e) => e.spec.startsWith('.') && e.to === undefined && !e.spec.endsWith('.json'));
  assert.equal(show(broken), '');
});

test('the engine imports only itself, its data and platform-free packages', () => {
  const bad = ALL.filter(
    (e) =>
      under(e.from, 'server/engine') &&
      (e.to ? !under(e.to, 'server/engine') && !under(e.to, 'server/data') : !e.spec.startsWith('.') && !ENGINE_PACKAGES.has(e.spec)),
  );
  assert.equal(show(bad), '');
});

test('the engine feature families never import one another', () => {
  const family = (p: string): string | undefined => /^server\/engine\/features\/([^/]+)\//.exec(p)?.[1];
  const bad = ALL.filter((e) => {
    const a = family(e.from);
    const b = e.to && family(e.to);
    return a !== undefined && b !== undefined && a !== b;
  });
  assert.equal(show(bad), '');
});

test('the protocol imports only the engine entry and the LSP protocol package', () => {
  const bad = ALL.filter(
    (e) => under(e.from, 'server/protocol') && (e.to ? e.to !== ENGINE_ENTRY && !under(e.to, 'server/protocol') : e.spec !== 'vscode-languageserver-protocol'),
  );
  assert.equal(show(bad), '');
});

test('outside the engine, only its entry is imported (unit tests excepted: they are white-box)', () => {
  const bad = ALL.filter((e) => !under(e.from, 'server/engine') && !under(e.from, 'test/unit') && under(e.to, 'server/engine') && e.to !== ENGINE_ENTRY);
  assert.equal(show(bad), '');
});

test('the client imports nothing of server/ but the engine entry and the protocol', () => {
  const bad = ALL.filter((e) => under(e.from, 'client/src') && under(e.to, 'server') && e.to !== ENGINE_ENTRY && e.to !== PROTOCOL_ENTRY);
  assert.equal(show(bad), '');
});

test('nothing on the server side imports the client or the VS Code API', () => {
  const bad = ALL.filter((e) => under(e.from, 'server') && (under(e.to, 'client') || e.spec === 'vscode'));
  assert.equal(show(bad), '');
});
