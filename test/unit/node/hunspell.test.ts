/// <reference path="../../../server/src/node/mdspellModules.d.ts" />
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Spellchecker from 'hunspell-spellchecker';
import { deserializeDictionary, loadDictionaryFiles, loadDictionaryFilesAsync, serializeDictionary } from '../../../server/src/node/dictionaryCache';
import { hunspellCheck, parseDictionary } from '../../../server/src/node/hunspell';
import { dictionaryPath } from '../../../server/src/node/spelling';

/**
 * The fast loader against hunspell-spellchecker itself (what mdspell runs): the same table, the same verdicts, from a
 * fresh parse and from the cache file.
 */
const dir = dictionaryPath();
assert.ok(dir, 'markdown-spellcheck (a dev dependency) ships the dictionary');
const base = path.join(dir, 'en_US-large');
const aff = fs.readFileSync(`${base}.aff`, 'utf8');
const dic = fs.readFileSync(`${base}.dic`, 'utf8');

const library = new Spellchecker();
library.use(library.parse({ aff: Buffer.from(aff), dic: Buffer.from(dic) }));
const libraryTable = library.dict.dictionaryTable;
const parsed = parseDictionary(aff, dic);

/** Words whose verdict depends on the library's details: prototype names, compounds, case, `’`, empty. */
const TRICKY = [
  '', ' ', 'hasOwnProperty', 'constructor', 'toString', 'valueOf', '__proto__', 'isPrototypeOf', 'undefined',
  '1th', '11th', '21st', '22nd', '101st', '3rd', '12th', 'x11th', 'ISTIO', 'Istio', 'istio', 'NASA', 'Nasa', 'nasa',
  "don't", 'don’t', 'McDonald', 'MCDONALD', 'iPhone', 'IPHONE', 'Kubernetes', 'kubernetes', 'e.g.', 'etc.', 'etc',
  'colour', 'color', 'colors', 'recolored', 'unhappiness', 'happinesses', 'ANDs', 'Ph.D.', 'a', 'A', 'I', 'i',
];

describe('hunspell dictionary: the fast loader is hunspell-spellchecker', () => {
  it('expands the .dic into the same table (every word and every listing)', () => {
    const keys = Object.keys(libraryTable);
    assert.equal(parsed.table.size, keys.length);
    for (const k of keys) assert.deepEqual(parsed.table.get(k), libraryTable[k], k);
    assert.deepEqual(parsed.flags, library.dict.flags);
    assert.deepEqual(parsed.compoundRules, library.dict.compoundRules.map((r) => r.source));
  });

  it('gives the same verdict on dictionary words, their case variants and the tricky ones', () => {
    const check = hunspellCheck(parsed, new Set());
    const keys = Object.keys(libraryTable);
    const words = [...TRICKY];
    for (let i = 0; i < keys.length; i += 13) words.push(keys[i]!, keys[i]!.toUpperCase(), keys[i]!.slice(1), `${keys[i]!}x`);
    const differ = words.filter((w) => check(w) !== library.check(w));
    assert.deepEqual(differ, []);
    // The checks above must see both verdicts (a checker that says yes to everything fails here).
    assert.ok(words.some((w) => !check(w)) && words.some((w) => check(w)));
  });

  it('accepts extra words as mdspell adds them (`dictionaryTable[word] = [[]]`)', () => {
    const extra = ['Istio', 'kubectl', 'hasOwnProperty', '1th'];
    const check = hunspellCheck(parsed, new Set(extra));
    const withExtra = new Spellchecker();
    withExtra.use(library.dict);
    const table: Record<string, unknown> = Object.create(libraryTable) as Record<string, unknown>;
    for (const w of extra) table[w] = [[]];
    withExtra.dict.dictionaryTable = table;
    for (const w of [...TRICKY, ...extra, 'ISTIO', 'KUBECTL', 'Kubectl']) assert.equal(check(w), withExtra.check(w), w);
  });

  it('reads the cache file back into the same dictionary', () => {
    const text = serializeDictionary(parsed);
    assert.ok(text);
    const cached = deserializeDictionary(text);
    assert.ok(cached);
    for (const [k, v] of parsed.table) assert.deepEqual(cached.get(k), v, k);
    for (const w of ['', 'zzzzz', 'hasOwnProperty', 'Aaa', '\uffff']) assert.equal(cached.get(w), parsed.table.get(w), w);
    const check = hunspellCheck(cached, new Set());
    for (const w of TRICKY) assert.equal(check(w), library.check(w), w);
    assert.equal(deserializeDictionary('not a cache\n{}\nword'), undefined);
  });

  it('writes the cache on the first load and reads it on the next', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-dict-'));
    try {
      const first = loadDictionaryFiles(base, folder);
      const files = fs.readdirSync(folder);
      assert.equal(files.length, 1, files.join(', '));
      assert.match(files[0]!, /^en_US-large-[0-9a-f]{16}\.txt$/);
      const second = loadDictionaryFiles(base, folder);
      // Both are the binary-search reader over the stored text (no `table`: the parsed Map is not kept), with the
      // library's verdicts.
      assert.ok(!('table' in second) && !('table' in first));
      for (const w of TRICKY) {
        assert.equal(hunspellCheck(first, new Set())(w), library.check(w), w);
        assert.equal(hunspellCheck(second, new Set())(w), library.check(w), w);
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('loads the same dictionary in chunks, pausing between them, from the same cache file (the server)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-dict-'));
    try {
      // No cache yet: parsed and stored, under the name the synchronous load reads.
      let pauses = 0;
      const pause = async (): Promise<void> => {
        pauses++;
        await new Promise<void>((resolve) => setImmediate(resolve));
      };
      await loadDictionaryFilesAsync(base, pause, folder);
      const written = fs.readdirSync(folder);
      assert.equal(written.length, 1, written.join(', '));
      loadDictionaryFiles(base, folder);
      assert.deepEqual(fs.readdirSync(folder), written);
      // From the cache: the 1.8 MB file is decoded in many chunks, and every word is found in its chunk.
      pauses = 0;
      const chunked = await loadDictionaryFilesAsync(base, pause, folder);
      assert.deepEqual(fs.readdirSync(folder), written);
      assert.ok(pauses > 10, `${pauses} pauses`);
      assert.ok(!('table' in chunked));
      for (const [k, v] of parsed.table) assert.deepEqual(chunked.get(k), v, k);
      const keys = [...parsed.table.keys()].sort();
      const absent = ['', 'zzzzz', '\uffff', 'Aaa', ' ', ...keys.filter((_, i) => i % 97 === 0).map((k) => `${k}\u0000`)];
      for (const w of absent) assert.equal(chunked.get(w), parsed.table.get(w), JSON.stringify(w));
      assert.deepEqual(chunked.flags, parsed.flags);
      assert.deepEqual(chunked.compoundRules, parsed.compoundRules);
      const check = hunspellCheck(chunked, new Set());
      for (const w of TRICKY) assert.equal(check(w), library.check(w), w);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
