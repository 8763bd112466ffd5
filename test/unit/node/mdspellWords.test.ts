/// <reference path="../../../server/src/node/mdspellModules.d.ts" />
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintCopy } from '../../../server/engine/parser/lintCopy';
import { installPlainTextShortcut } from '../../../server/src/node/markedPlainText';
import { mdspellTokens } from '../../../server/src/node/mdspellTokens';
import { mdspellWords } from '../../../server/src/node/mdspellWords';
import { generateSite } from '../../../scripts/bench/generateSite';
import { WORST_CASES } from '../../support/worstCases';

/* eslint-disable @typescript-eslint/no-require-imports */
const filters = require('markdown-spellcheck/es5/filters') as typeof import('markdown-spellcheck/es5/filters');
const markdownParser = require('markdown-spellcheck/es5/markdown-parser') as typeof import('markdown-spellcheck/es5/markdown-parser');
const wordParser = require('markdown-spellcheck/es5/word-parser') as typeof import('markdown-spellcheck/es5/word-parser');
const marked = require('marked') as typeof import('marked');
const markedVersion = (require('marked/package.json') as { version: string }).version;
/* eslint-enable @typescript-eslint/no-require-imports */

type Tokens = { text: string; index: number }[];

// The library's inline lexer as shipped, and with the spelling adapter's plain-text shortcut.
const proto = marked.InlineLexer.prototype;
const shipped = proto.output;
assert.ok(installPlainTextShortcut(marked, markedVersion), 'the shortcut is for the marked markdown-spellcheck uses');
const shortcut = proto.output;
assert.notEqual(shortcut, shipped);

function parseWith(output: typeof shipped, markdown: string): Tokens {
  proto.output = output;
  try {
    return markdownParser.default(markdown);
  } finally {
    proto.output = shortcut;
  }
}

/**
 * What the adapter computes now (the parser with the shortcut, then `mdspellWords`) against what it computed before
 * (the library's parser, word parser and filters as shipped): the same tokens, and the same words.
 */
function samePipeline(markdown: string, what: string): void {
  const before = parseWith(shipped, markdown);
  const after = parseWith(shortcut, markdown);
  assert.deepEqual(after, before, what);
  // The port of the library's parser (with the shortcut, as the adapter runs it).
  assert.deepEqual(mdspellTokens(markdown), before, what);
  assert.deepEqual(mdspellWords(after), library(before), what);
}

/** The library's parser and the port on one text: the same tokens, or the same error. */
function sameTokens(markdown: string): void {
  let expected: Tokens | Error;
  try {
    expected = markdownParser.default(markdown);
  } catch (e) {
    expected = e as Error;
  }
  if (expected instanceof Error) assert.throws(() => mdspellTokens(markdown), { message: expected.message }, JSON.stringify(markdown));
  else assert.deepEqual(mdspellTokens(markdown), expected, JSON.stringify(markdown));
}

/** What the spelling adapter computed before: the library's word parser and filters, as `make lint` runs them. */
function library(tokens: Tokens): { word: string; index: number }[] {
  return filters.default.filter(wordParser.default(tokens), { ignoreAcronyms: true, ignoreNumbers: true });
}

function same(tokens: Tokens, what: string): void {
  assert.deepEqual(mdspellWords(tokens), library(tokens), what);
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(full));
    else if (e.name.endsWith('.md')) out.push(full);
  }
  return out.sort();
}

/** Every page of a site, as the spelling rule hands it to mdspell (the lint copy) and as written. */
function sameOnSite(root: string): number {
  let pages = 0;
  for (const file of markdownFiles(root)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const input of [lintCopy(text).text, text]) {
      samePipeline(input, file);
      // The whole page as one token too: every character the word pattern can meet, not only those marked keeps.
      same([{ text: input, index: 3 }], file);
    }
    pages++;
  }
  return pages;
}

describe("mdspell's words without its word parser's copies, and marked's plain-text shortcut", () => {
  it('finds what the library finds on every page of the sample site', () => {
    assert.ok(sameOnSite(path.join(__dirname, '../../fixtures/istio-sample')) > 50);
  });

  // The bench's generated site (2,665 pages in istio.io's shape, about 10 s), or the site ISTIO_MDSPELL_DIFF_SITE names
  // (a checkout of istio.io).
  it('finds what the library finds on every page of a generated site', () => {
    const named = process.env['ISTIO_MDSPELL_DIFF_SITE'];
    const site = named ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mdspell-diff-'));
    try {
      if (!named) generateSite(site);
      assert.ok(sameOnSite(site) > 1000);
    } finally {
      if (!named) fs.rmSync(site, { recursive: true, force: true });
    }
  });

  it('finds what the library finds on the worst-case pages', () => {
    for (const c of WORST_CASES) {
      // Small: the library's Markdown parser is not linear on all of them.
      const page = c.page(2_000);
      samePipeline(page, c.name);
      same([{ text: page, index: 0 }], c.name);
    }
  });

  it('cuts and keeps as the library does, construct by construct', () => {
    // Real lines of istio.io pages (a code span reaches the word parser only when the Markdown parser keeps it).
    const cases: [string, string[]][] = [
      ["Istio's control plane, istiod, doesn't need the sidecar's `proxyv2` image.", ["Istio's", 'control', 'plane', 'istiod', "doesn't", 'need', 'the', "sidecar's", 'proxyv2', 'image']],
      // Numbers go, dotted names stay whole with their last dot.
      ['Install Istio 1.24.0 (or 1.24.x) with the 3rd-party tokens, e.g. on v1.2.3.', ['Install', 'Istio', 'or', '1.24.x', 'with', 'the', '3rd-party', 'tokens', 'e.g.', 'on', 'v1.2.3.']],
      // Acronyms go, with a straight or curly `'s`.
      ['The HTTP/2 and gRPC APIs, the CNI’s and the JWT’s checks.', ['The', 'and', 'gRPC', 'APIs', 'the', 'and', 'the', 'checks']],
      // Quotes and `#` cut at the start, quotes, `-` and `#` at the end; a word of quotes only is an empty word.
      ["Quotes: 'quoted', ‘curly’, #tag, trailing-- and ''.", ['Quotes', 'quoted', 'curly', 'tag', 'trailing', 'and', '']],
      // Latin-1 and Cyrillic letters are word characters; `2nd`, `1,000` and `#1` are numbers.
      ['Кириллица и latin, café and naïve, 2nd and 1,000 and #1.', ['Кириллица', 'и', 'latin', 'café', 'and', 'naïve', 'and', 'and']],
    ];
    for (const [text, words] of cases) {
      same([{ text, index: 10 }], text);
      assert.deepEqual(mdspellWords([{ text, index: 0 }]).map((w) => w.word), words, text);
    }
  });

  it('takes the shortcut only for text no inline pattern can start in', () => {
    // A lexer without rules: the shipped lexer would throw on it, so an answer comes from the shortcut.
    const rendered: string[] = [];
    const bare = { options: { gfm: true }, renderer: { text: (t: string) => void rendered.push(t) } };
    assert.equal(shortcut.call(bare, 'Plain "text" & more'), 'undefined');
    assert.deepEqual(rendered, ['Plain &quot;text&quot; &amp; more']);
    assert.throws(() => shortcut.call(bare, 'Not [plain]'));
    // Real lines of istio.io pages, each with one thing an inline pattern (or the text pattern's stop) needs.
    for (const text of [
      'Istio uses Envoy as its data plane.',
      'Istio uses [Envoy](https://www.envoyproxy.io/) as its data plane.',
      'See https://istio.io/latest/docs/ or www.istio.io, or write to istio@example.com.',
      'The **default** profile and the _minimal_ one, ~~deprecated~~ in 1.24!',
      'A line ending in two spaces  \nthen a break, an escaped \\* star, a <br/> tag.',
      'Quotes "double" and \'single\' & entities &amp; &#39; <b>bold</b> > arrows.',
    ]) {
      samePipeline(text, text);
      samePipeline(`- ${text}\n- ${text}\n\n# ${text}\n\n> ${text}\n`, text);
    }
  });

  it("replaces as the library's tracker does, where a replacement makes a new match", () => {
    // A tag that a replaced tag completes (`<a<b>x="1"y="2">` → `<a x="1"y="2">`, which marked does not take for a
    // tag), a `{% highlight` that a replacement completes, code spans and fences next to each other, and each
    // pattern's matches side by side.
    for (const text of [
      'x <a<b>> y <i>z</i> w',
      'p <a<b>x="1"y="2"> q',
      '{%{% highlight a {% endhighlight %}highlight\nb\n{% endhighlight %} c',
      'x <a b="<c>" <d>> y',
      'x {%{% x %} highlight y {% endhighlight %} z',
      'x {% highlight {{ a }} y {% endhighlight %} z',
      'a `b` c ``d`` e ```f``` g ~~~h~~~ i ````j```` k',
      'a ``` b `c` d ``` e `` f ` g `` h',
      'a <style>b</style><script>c</script> <style <script>d</script> e</style> f',
      'a {{ b }} {{c}} {% d %} {%e%} &amp; &#39; &x; &abcdef; g',
      '---\ntitle: x\n---\nbody `code` and <b>bold</b>\n',
    ]) {
      sameTokens(text);
      sameTokens(`${text}\n\n- ${text}\n`);
    }
  });

  it("matches the library's parser on random strings of the patterns' characters", () => {
    // A fixed generator, so that a failure reproduces: 4,000 strings of up to 48 characters.
    let seed = 15;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['`', '``', '```', '~~~', '<', '>', '</', 'a', 'b', ' ', '\n', '{%', '%}', '{{', '}}', '&', ';', '#', '"', '=', '<style>', '</style>', '<script>', '</script>', 'highlight', 'endhighlight', '<a ', 'x="y"', '---\n', '[', ']', '(', ')', '*', '_', 'www.', 'http://x', "'"];
    for (let i = 0; i < 4000; i++) {
      let text = '';
      const n = next(24) + 1;
      for (let k = 0; k < n; k++) text += pieces[next(pieces.length)];
      sameTokens(text);
    }
  });

  it('stays linear on a hostile 300 kB token', () => {
    // Runs of the characters the pattern's classes and cuts share; quadratic work would take minutes here.
    for (const unit of ["'#-", 'a.', '#', "a'-#", 'ab.c.', '\u2019-']) {
      const text = unit.repeat(Math.floor(300_000 / unit.length));
      same([{ text, index: 0 }], unit);
    }
  });
});
