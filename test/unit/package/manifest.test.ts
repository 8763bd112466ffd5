import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
/** The parts of the manifest these tests read. */
interface Manifest {
  publisher: string;
  license: string;
  icon: string;
  l10n: string;
  repository: { url: string };
  categories: string[];
  keywords: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; description?: string }; virtualWorkspaces: { supported: boolean } };
  contributes: {
    configuration: { properties: Record<string, Record<string, unknown>> };
    commands?: { command: string; title: string; category?: string }[];
  };
}
const readJson = <T = Record<string, string>>(rel: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8')) as T;
const pkg = readJson<Manifest>('package.json');
const nls = readJson('package.nls.json');
const nlsFiles = fs.readdirSync(ROOT).filter((f) => /^package\.nls\.[a-z-]+\.json$/.test(f)).sort();

const L10N_DIR = pkg.l10n.replace(/^\.\//, '');
const bundleFiles = (): string[] => fs.readdirSync(path.join(ROOT, L10N_DIR)).filter((f) => /^bundle\.l10n\.[a-z-]+\.json$/.test(f)).sort();

/**
 * The messages of every `vscode.l10n.t('…')` (or `l10n.t('…')`) call in client/src. The message must be a
 * single-quoted literal: a template or a variable would escape this check, so it fails the test.
 */
function clientMessages(): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const text = fs.readFileSync(p, 'utf8');
        for (const m of text.matchAll(/\bl10n\.t\(\s*(?:'((?:[^'\\\n]|\\.)*)'|(.{0,40}))/g)) {
          assert.ok(m[1] !== undefined, `${path.relative(ROOT, p)}: l10n.t( takes a single-quoted literal, not ${m[2]}`);
          used.add(m[1].replace(/\\(.)/g, '$1'));
        }
      }
    }
  };
  walk(path.join(ROOT, 'client/src'));
  return used;
}

/** Every `%key%` placeholder of the manifest. */
const placeholders = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);

describe('marketplace manifest (package.json)', () => {
  it('has what the Marketplace shows: publisher, icon (128×128 PNG), categories, keywords, repository, license', () => {
    assert.match(pkg.publisher, /^[a-z0-9][a-z0-9-]*$/);
    assert.equal(pkg.license, 'Apache-2.0');
    assert.match(pkg.repository.url, /^https:\/\/github\.com\//);
    assert.ok(pkg.categories.length >= 1 && pkg.categories.every((c) => ['Programming Languages', 'Linters', 'Snippets', 'Other'].includes(c)));
    assert.ok(pkg.keywords.length >= 5 && pkg.keywords.length <= 30);
    const icon = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    assert.ok(fs.existsSync(path.join(ROOT, 'LICENSE')) && fs.existsSync(path.join(ROOT, 'CHANGELOG.md')));
  });

  it('declares how it behaves in untrusted and virtual workspaces', () => {
    assert.ok('untrustedWorkspaces' in pkg.capabilities);
    const u = pkg.capabilities.untrustedWorkspaces;
    if (u.supported === 'limited') assert.ok(u.description, 'limited support says what is limited');
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, false);
  });

  it('every setting has a type, a default and a description', () => {
    const props = pkg.contributes.configuration.properties;
    assert.ok(Object.keys(props).length > 0);
    for (const [key, p] of Object.entries(props)) {
      assert.match(key, /^istio\./, key);
      assert.ok('type' in p && 'default' in p, `${key}: type and default`);
      assert.ok(typeof (p.description ?? p.markdownDescription) === 'string', `${key}: description`);
      if (Array.isArray(p.enum)) assert.equal((p.enumDescriptions as unknown[] | undefined)?.length, p.enum.length, `${key}: enumDescriptions`);
    }
  });

  it('every command has a title and a category', () => {
    for (const c of pkg.contributes.commands ?? []) {
      assert.ok(c.title && c.category, `${c.command}: title and category`);
    }
  });

  it('shows localized strings: every %key% is in package.nls.json', () => {
    assert.ok(placeholders.includes('displayName') && placeholders.includes('description'));
    for (const [key, p] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.match(String(p.description ?? p.markdownDescription), /^%[^%]+%$/, `${key}: description is localized`);
    }
    for (const c of pkg.contributes.commands ?? []) assert.match(c.title, /^%[^%]+%$/, `${c.command}: title is localized`);
    assert.deepEqual(placeholders.filter((k) => !(k in nls)), []);
  });

  it('package.nls.<locale>.json (at least zh-cn and es) translate exactly the keys of package.nls.json', () => {
    assert.ok(nlsFiles.includes('package.nls.zh-cn.json') && nlsFiles.includes('package.nls.es.json'));
    for (const f of nlsFiles) {
      const t = readJson(f);
      assert.deepEqual(Object.keys(t).sort(), Object.keys(nls).sort(), f);
      for (const [k, v] of Object.entries(t)) assert.ok(typeof v === 'string' && v.trim() !== '', `${f}: ${k}`);
    }
  });

  it('the client\'s vscode.l10n.t strings are in every l10n bundle, and the bundles hold nothing else', () => {
    const used = clientMessages();
    assert.ok(used.size > 0);
    // A locale of the manifest has a bundle for the runtime strings too.
    const locales = nlsFiles.map((f) => f.replace(/^package\.nls\.|\.json$/g, ''));
    assert.deepEqual(bundleFiles().map((f) => f.replace(/^bundle\.l10n\.|\.json$/g, '')), locales);
    for (const locale of locales) {
      const bundle = readJson(`${L10N_DIR}/bundle.l10n.${locale}.json`);
      assert.deepEqual([...used].filter((s) => !(s in bundle)), [], `${locale}: missing`);
      assert.deepEqual(Object.keys(bundle).filter((s) => !used.has(s)), [], `${locale}: no longer used`);
    }
  });

  it('every translation keeps its message\'s {0} slots, $(icon)s and {#anchor}s, and is plain text', () => {
    const kept = (s: string): string[] => [...s.matchAll(/\{\d+\}|\$\([a-z-]+\)|\{#[a-z]+\}/g)].map((m) => m[0]).sort();
    for (const f of bundleFiles()) {
      for (const [message, translation] of Object.entries(readJson(`${L10N_DIR}/${f}`))) {
        assert.ok(typeof translation === 'string' && translation.trim() !== '', `${f}: ${message}`);
        assert.deepEqual(kept(translation), kept(message), `${f}: ${message}`);
        // The status report puts these texts into HTML unescaped (only the values in their slots are escaped).
        assert.doesNotMatch(translation, /[<>&"]/.test(message) ? /[&"]/ : /[<>&"]/, `${f}: ${message}`);
      }
    }
  });
});
