#!/usr/bin/env node
// The VSIX layer: builds the package as published (`npm run package`), reads the .vsix's own zip directory,
// and checks that it holds exactly the allow-listed files, everything the manifest points at, and stays small.
// Prints one line per check, the file list with sizes, and "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const VSIX = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
const MAX_BYTES = 1024 * 1024;
/** mdspell's dictionary files, copied by esbuild.mjs into dist/dictionaries/. */
const DICTIONARY_FILES = ['en_US-large.aff', 'en_US-large.dic', 'README_en_US-large.txt'];

/** What may ship (paths inside the .vsix). vsce adds the first two and renames LICENSE to LICENSE.txt. */
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/l10n\/bundle\.l10n\.[a-z-]+\.json$/,
  /^extension\/dist\/(extension|preview|server)\.js$/,
  // mdspell's en_US dictionary and its license (the site's own .spelling is never shipped).
  /^extension\/dist\/dictionaries\/(en_US-large\.(aff|dic)|README_en_US-large\.txt)$/,
  /^extension\/syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^extension\/snippets\/[\w.-]+\.code-snippets$/,
  /^extension\/media\/preview\.(css|js)$/,
  /^extension\/(readme|README)\.md$/,
  /^extension\/(changelog|CHANGELOG)\.md$/,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/icon\.png$/,
];

/** Entries of a zip file from its central directory: { name, size (uncompressed), compressed }. */
function zipEntries(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const method = buf.readUInt16LE(p + 10);
    out.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size, compressed, method, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The bytes of one entry (stored or deflated). */
function readEntry(buf, e) {
  const nameLen = buf.readUInt16LE(e.local + 26);
  const extraLen = buf.readUInt16LE(e.local + 28);
  const data = buf.subarray(e.local + 30 + nameLen + extraLen, e.local + 30 + nameLen + extraLen + e.compressed);
  return e.method === 8 ? zlib.inflateRawSync(data) : data;
}

let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    const info = fn();
    passed++;
    console.log(`ok   ${name}${info !== undefined ? ` -> ${info}` : ''}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}

fs.rmSync(VSIX, { force: true });
const t0 = Date.now();
const build = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
check('`npm run package` (typecheck, production build, vsce package)', () => {
  if (build.status !== 0 || !fs.existsSync(VSIX)) throw new Error(`exit ${build.status}\n${(build.stdout + build.stderr).slice(-3000)}`);
  return `${path.basename(VSIX)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`;
});
if (!fs.existsSync(VSIX)) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}

const buf = fs.readFileSync(VSIX);
const entries = zipEntries(buf).filter((e) => !e.name.endsWith('/'));
const names = entries.map((e) => e.name);
for (const e of entries) console.log(`     ${String(e.size).padStart(9)}  ${e.name}`);

check('only allow-listed files', () => {
  const extra = names.filter((n) => !ALLOWED.some((re) => re.test(n)));
  if (extra.length) throw new Error(`not allowed: ${extra.join(', ')}`);
  return `${names.length} files`;
});

check('everything the manifest points at is inside', () => {
  const need = [
    'extension/package.json',
    'extension/package.nls.json',
    `extension/${pkg.main.replace(/^\.\//, '')}`,
    'extension/dist/server.js',
    ...DICTIONARY_FILES.map((f) => `extension/dist/dictionaries/${f}`),
    // Loaded by the extension on the preview's first render.
    'extension/dist/preview.js',
    `extension/${pkg.icon}`,
    ...pkg.contributes.grammars.map((g) => `extension/${g.path.replace(/^\.\//, '')}`),
    ...pkg.contributes.snippets.map((s) => `extension/${s.path.replace(/^\.\//, '')}`),
    ...pkg.contributes['markdown.previewStyles'].map((p) => `extension/${p.replace(/^\.\//, '')}`),
    ...pkg.contributes['markdown.previewScripts'].map((p) => `extension/${p.replace(/^\.\//, '')}`),
    ...fs.readdirSync(ROOT).filter((f) => /^package\.nls\.[a-z-]+\.json$/.test(f)).map((f) => `extension/${f}`),
    ...(pkg.l10n ? fs.readdirSync(path.join(ROOT, pkg.l10n)).map((f) => `extension/${pkg.l10n.replace(/^\.\//, '')}/${f}`) : []),
  ];
  const missing = need.filter((n) => !names.includes(n));
  if (!names.some((n) => /^extension\/readme\.md$/i.test(n))) missing.push('README.md');
  if (!names.some((n) => /^extension\/changelog\.md$/i.test(n))) missing.push('CHANGELOG.md');
  if (!names.some((n) => /^extension\/LICENSE/.test(n))) missing.push('LICENSE');
  if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
  return `${need.length + 3} files`;
});

check('the bundles are production builds (minified, no source map reference)', () => {
  for (const n of ['extension/dist/extension.js', 'extension/dist/preview.js', 'extension/dist/server.js']) {
    const text = readEntry(buf, entries.find((e) => e.name === n)).toString('utf8');
    if (text.includes('sourceMappingURL')) throw new Error(`${n} refers to a source map`);
    // Minified code has very long lines (template literals keep their own line breaks, so count the average).
    const lines = text.split('\n').length;
    if (text.length / lines < 500) throw new Error(`${n} is not minified (${lines} lines, ${Math.round(text.length / lines)} characters a line)`);
  }
  return undefined;
});

check('the packaged package.json is the repo\'s, with %key% strings resolved by package.nls.json', () => {
  const packed = JSON.parse(readEntry(buf, entries.find((e) => e.name === 'extension/package.json')).toString('utf8'));
  const nls = JSON.parse(readEntry(buf, entries.find((e) => e.name === 'extension/package.nls.json')).toString('utf8'));
  if (packed.version !== pkg.version || packed.publisher !== pkg.publisher) throw new Error('version/publisher differ');
  const keys = [...JSON.stringify(packed).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  const missing = keys.filter((k) => !(k in nls));
  if (missing.length) throw new Error(`keys without a string: ${missing.join(', ')}`);
  return `${keys.length} localized strings`;
});

const mdspellData = path.join(ROOT, 'node_modules', 'markdown-spellcheck', 'data');

check('mdspell\'s en_US dictionary ships, byte for byte, with its license text', () => {
  for (const f of DICTIONARY_FILES) {
    const e = entries.find((x) => x.name === `extension/dist/dictionaries/${f}`);
    if (!e) throw new Error(`missing: dist/dictionaries/${f}`);
    if (!readEntry(buf, e).equals(fs.readFileSync(path.join(mdspellData, f)))) throw new Error(`${f} differs from markdown-spellcheck's`);
  }
  const license = readEntry(buf, entries.find((x) => x.name === 'extension/dist/dictionaries/README_en_US-large.txt')).toString('utf8');
  for (const needle of ['COPYRIGHT, SOURCES, and CREDITS', 'Copyright 2000-2015 by Kevin Atkinson', 'Copyright (c) J Ross Beresford', 'WordNet 1.6 Copyright']) {
    if (!license.includes(needle)) throw new Error(`the license text lacks "${needle}"`);
  }
  if (names.some((n) => /(^|\/)\.spelling$/.test(n))) throw new Error('a .spelling is bundled');
  return `${DICTIONARY_FILES.length} files`;
});

/** The packaged extension folder, unzipped into a temporary folder outside the repository (no node_modules near). */
function unpack(withDictionary) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-vsix-'));
  for (const e of entries) {
    if (!e.name.startsWith('extension/')) continue;
    if (!withDictionary && e.name.startsWith('extension/dist/dictionaries/')) continue;
    const target = path.join(dir, e.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, readEntry(buf, e));
  }
  return dir;
}

/** A site with the site's own `.spelling` at its root and a page with one misspelt word (line 6). */
function spellingSite() {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-vsix-site-'));
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'istio-sample', '.spelling'), path.join(site, '.spelling'));
  const page = path.join(site, 'content', 'en', 'blog', '2025', 'spelling', 'index.md');
  fs.mkdirSync(path.dirname(page), { recursive: true });
  // `Kubernetes` and `Istio` are .spelling words (the dictionary alone rejects `Istio`); `recieve` is no word at all.
  fs.writeFileSync(page, '---\ntitle: Spelling\ndescription: A page.\npublishdate: 2025-01-01\n---\nIstio and Kubernetes recieve traffic.\n');
  return { site, page };
}

/**
 * Runs the packaged server over stdio (as any LSP client would) on the page, and returns the spelling findings it
 * publishes: the dictionary loads after the first diagnostics, so it waits for a publication with one, or 20 s.
 */
function packagedSpelling(extensionDir, site, page) {
  return new Promise((resolve, reject) => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-vsix-cache-'));
    const child = spawn(process.execPath, [path.join(extensionDir, 'extension', 'dist', 'server.js'), '--stdio'], {
      cwd: extensionDir,
      env: { ...process.env, ISTIO_AUTHORING_CACHE: cache, NODE_PATH: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const uri = `file://${page}`;
    let input = Buffer.alloc(0);
    let publications = 0;
    const finish = (result) => {
      clearTimeout(timer);
      child.kill();
      fs.rmSync(cache, { recursive: true, force: true });
      resolve(result);
    };
    // No spelling finding within this time: the answer is "none" (the negative control ends this way).
    const timer = setTimeout(() => finish({ words: [], publications }), 20000);
    const send = (msg) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
      child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    };
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      input = Buffer.concat([input, chunk]);
      for (;;) {
        const head = input.indexOf('\r\n\r\n');
        if (head < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(input.subarray(0, head).toString())[1]);
        if (input.length < head + 4 + length) return;
        const msg = JSON.parse(input.subarray(head + 4, head + 4 + length).toString('utf8'));
        input = input.subarray(head + 4 + length);
        if (msg.id === 1) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(page, 'utf8') } } });
        } else if (msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri) {
          publications++;
          const words = msg.params.diagnostics.filter((d) => d.code === 'spelling.unknown-word').map((d) => `${d.data?.word}@${d.range.start.line + 1}`);
          if (words.length) finish({ words, publications });
        } else if (msg.id !== undefined && msg.method) {
          // A request from the server (configuration, registration): answer it emptily.
          send({ id: msg.id, result: null });
        }
      }
    });
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: `file://${site}`, workspaceFolders: [{ uri: `file://${site}`, name: 'site' }], capabilities: {} } });
  });
}

const spellingChecks = [];
for (const withDictionary of [true, false]) {
  const extensionDir = unpack(withDictionary);
  const { site, page } = spellingSite();
  spellingChecks.push(
    packagedSpelling(extensionDir, site, page).then((r) => {
      fs.rmSync(extensionDir, { recursive: true, force: true });
      fs.rmSync(site, { recursive: true, force: true });
      return { withDictionary, ...r };
    }),
  );
}
for (const r of await Promise.all(spellingChecks)) {
  if (r.withDictionary) {
    check('the packaged server (stdio, no node_modules) reports a misspelt word with the site\'s .spelling', () => {
      if (r.words.join(', ') !== 'recieve@6') throw new Error(`spelling findings: ${JSON.stringify(r.words)} after ${r.publications} publications`);
      return `${r.words.join(', ')} (publication ${r.publications})`;
    });
  } else {
    check('without dist/dictionaries the same package reports no spelling (the finding above is the shipped dictionary\'s)', () => {
      if (r.words.length) throw new Error(`spelling findings without the packaged dictionary: ${r.words.join(', ')}`);
      if (!r.publications) throw new Error('the server published nothing');
      return `${r.publications} publications, none with spelling`;
    });
  }
}

check(`size under ${MAX_BYTES / 1024} KiB`, () => {
  const size = fs.statSync(VSIX).size;
  const unpacked = entries.reduce((a, e) => a + e.size, 0);
  if (size >= MAX_BYTES) throw new Error(`${size} bytes`);
  return `${(size / 1024).toFixed(1)} KiB (${(unpacked / 1024).toFixed(1)} KiB unpacked)`;
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
