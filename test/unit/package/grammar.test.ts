import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar } from 'vscode-textmate';
import { sample } from '../../support/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const GRAMMAR = path.join(ROOT, 'syntaxes/hugo-shortcodes.tmLanguage.json');

/** The grammar tokenized by VS Code's own engine (vscode-textmate + Oniguruma), as [text, innermost scope] pairs. */
async function loadGrammar(): Promise<IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== 'text.html.markdown.istio-shortcodes') return null;
      return JSON.parse(fs.readFileSync(GRAMMAR, 'utf8'));
    },
  });
  const grammar = await registry.loadGrammar('text.html.markdown.istio-shortcodes');
  assert.ok(grammar);
  return grammar;
}

let grammar: IGrammar;
/**
 * The line as [text, role] pairs: the role is the innermost scope that is not a string's or comment's own
 * delimiter (`"`, `{{</*`), and neighbours with the same role are merged, so `"80%"` is one string.
 */
function tokens(line: string): [string, string][] {
  const out: [string, string][] = [];
  for (const t of grammar.tokenizeLine(line, INITIAL).tokens) {
    const role = [...t.scopes].reverse().find((s) => !/^punctuation\.definition\.(string|comment)\./.test(s))!;
    const text = line.slice(t.startIndex, t.endIndex);
    const last = out[out.length - 1];
    if (last && last[1] === role) last[0] += text;
    else out.push([text, role]);
  }
  return out.map(([text, role]): [string, string] => [role.startsWith('text.') ? text : text.trim(), role]).filter(([text]) => text.trim() !== '');
}

/** Scopes of the token at `offset` (all of them, outermost first). */
function scopesAt(line: string, offset: number): string[] {
  return grammar.tokenizeLine(line, INITIAL).tokens.find((t) => t.startIndex <= offset && offset < t.endIndex)!.scopes;
}

describe('TextMate grammar for shortcodes (syntaxes/hugo-shortcodes.tmLanguage.json)', () => {
  before(async () => {
    grammar = await loadGrammar();
  });

  it('is the grammar the manifest injects into Markdown, not into frontmatter or code', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const g = JSON.parse(fs.readFileSync(GRAMMAR, 'utf8'));
    assert.deepEqual(pkg.contributes.grammars, [{ scopeName: g.scopeName, path: './syntaxes/hugo-shortcodes.tmLanguage.json', injectTo: ['text.html.markdown'] }]);
    for (const excluded of ['-comment', '-markup.fenced_code', '-markup.inline.raw', '-meta.embedded.block.frontmatter']) {
      assert.ok(g.injectionSelector.split(' ').includes(excluded), excluded);
    }
  });

  it('an image tag of a real post: delimiters, name, parameter names and quoted values', () => {
    const line = sample('content/en/blog/2018/aws-nlb/index.md').split('\n').find((l) => l.includes('{{< image width="80%" link="./createpolicystart.png"'))!.trim();
    assert.deepEqual(tokens(line), [
      ['{{<', 'punctuation.definition.tag.begin.shortcode.istio'],
      ['image', 'entity.name.tag.shortcode.istio'],
      ['width', 'entity.other.attribute-name.shortcode.istio'],
      ['=', 'punctuation.separator.key-value.shortcode.istio'],
      ['"80%"', 'string.quoted.double.shortcode.istio'],
      ['link', 'entity.other.attribute-name.shortcode.istio'],
      ['=', 'punctuation.separator.key-value.shortcode.istio'],
      ['"./createpolicystart.png"', 'string.quoted.double.shortcode.istio'],
      ['caption', 'entity.other.attribute-name.shortcode.istio'],
      ['=', 'punctuation.separator.key-value.shortcode.istio'],
      ['"Create a new policy"', 'string.quoted.double.shortcode.istio'],
      ['>}}', 'punctuation.definition.tag.end.shortcode.istio'],
    ]);
  });

  it('a closing tag, a positional parameter and a {{% %}} tag', () => {
    assert.deepEqual(tokens('{{< /tip >}}'), [
      ['{{<', 'punctuation.definition.tag.begin.shortcode.istio'],
      ['/', 'punctuation.definition.tag.closing.shortcode.istio'],
      ['tip', 'entity.name.tag.shortcode.istio'],
      ['>}}', 'punctuation.definition.tag.end.shortcode.istio'],
    ]);
    assert.deepEqual(tokens('{{< text bash >}}'), [
      ['{{<', 'punctuation.definition.tag.begin.shortcode.istio'],
      ['text', 'entity.name.tag.shortcode.istio'],
      ['bash', 'string.unquoted.shortcode.istio'],
      ['>}}', 'punctuation.definition.tag.end.shortcode.istio'],
    ]);
    assert.deepEqual(tokens('{{% gloss %}}'), [
      ['{{%', 'punctuation.definition.tag.begin.shortcode.istio'],
      ['gloss', 'entity.name.tag.shortcode.istio'],
      ['%}}', 'punctuation.definition.tag.end.shortcode.istio'],
    ]);
  });

  it('a `>}}` inside a quoted value does not end the tag; escapes stay in the string', () => {
    const t = tokens('{{< quote caption="a >}} b \\" c" >}} after');
    assert.deepEqual(t.slice(0, 4), [
      ['{{<', 'punctuation.definition.tag.begin.shortcode.istio'],
      ['quote', 'entity.name.tag.shortcode.istio'],
      ['caption', 'entity.other.attribute-name.shortcode.istio'],
      ['=', 'punctuation.separator.key-value.shortcode.istio'],
    ]);
    const line = '{{< quote caption="a >}} b \\" c" >}} after';
    const inString = grammar.tokenizeLine(line, INITIAL).tokens.filter((x) => x.scopes.includes('string.quoted.double.shortcode.istio'));
    assert.equal(inString.map((x) => line.slice(x.startIndex, x.endIndex)).join(''), '"a >}} b \\" c"');
    assert.ok(inString.some((x) => x.scopes.includes('constant.character.escape.shortcode.istio') && line.slice(x.startIndex, x.endIndex) === '\\"'));
    assert.deepEqual(t.slice(-2), [['>}}', 'punctuation.definition.tag.end.shortcode.istio'], [' after', 'text.html.markdown.istio-shortcodes']]);
  });

  it('string delimiters are punctuation inside the string scope (themes colour the quotes like the value)', () => {
    const line = '{{< image link="./a.png" >}}';
    assert.deepEqual(scopesAt(line, line.indexOf('"')).slice(-2), ['string.quoted.double.shortcode.istio', 'punctuation.definition.string.begin.shortcode.istio']);
  });

  it('an escaped tag {{</* … */>}} is a comment, and a one-brace {< image >}} is plain text (as Hugo prints it)', () => {
    assert.deepEqual(tokens('{{</* image link="x.png" */>}}'), [['{{</* image link="x.png" */>}}', 'comment.block.shortcode.escaped.istio']]);
    assert.deepEqual(tokens('{< image link="x.png" >}}'), [['{< image link="x.png" >}}', 'text.html.markdown.istio-shortcodes']]);
  });
});
