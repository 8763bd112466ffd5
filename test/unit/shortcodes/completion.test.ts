import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { doc, lc, MEM_ROOT, sample } from '../../support/fixtures';
import { service } from './harness';

const POST = 'content/en/blog/2023/istiocon-china/index.md';
const AUTHZ = 'content/en/blog/2021/better-external-authz/index.md';
const PROXY = 'content/en/blog/2020/proxy-cert/index.md';
const AMBIENT_UK = 'content/uk/blog/2024/ambient-reaches-beta/index.md';
const { service: svc } = service();
let version = 1;

/** The cursor marker: real posts contain `|` (tables, shell pipes), never `‸`. */
const CURSOR = '‸';

/** Completion at the `‸` of `marked` as the text of `rel`. */
function complete(rel: string, marked: string): CompletionItem[] {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0 && marked.indexOf(CURSOR, offset + 1) < 0, 'one cursor');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const path = `${MEM_ROOT}/${rel}`;
  const d = doc(path, text, ++version);
  svc.openDocument(path, d);
  return svc.completions(path, d, d.positionAt(offset));
}

const te = (i: CompletionItem | undefined): TextEdit => i!.textEdit as TextEdit;
const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);
/** The last line of a sample file plus typed text, for exact ranges. */
const tail = (rel: string, typed: string): { marked: string; line: number } => {
  const base = sample(rel);
  return { marked: `${base}\n${typed}`, line: base.split('\n').length + 1 };
};

describe('shortcode completion', () => {
  it('offers all 56 site shortcodes after `{{< ` in a real post, as snippets replacing the typed name', () => {
    const { marked, line } = tail(POST, '{{< ‸');
    const items = complete(POST, marked);
    const site = items.filter((i) => i.sortText![0] !== '3' && i.sortText![0] !== '4');
    assert.equal(site.length, 56);
    assert.ok(labels(items).includes('figure'), 'Hugo built-ins are offered too');
    assert.ok(items.every((i) => i.insertTextFormat === InsertTextFormat.Snippet && i.textEdit), 'snippets with text edits');
    const image = items.find((i) => i.label === 'image')!;
    assert.equal(image.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual(te(image).range, lc(line, 5, line, 5));
    assert.match(te(image).newText, /^image width="\$\{1:75%\}"\n {4}link="\.\/\$\{2:image\.svg\}"/);
    const tip = items.find((i) => i.label === 'tip')!;
    assert.equal(te(tip).newText, 'tip >}}\n$0\n{{< /tip >}}');
  });

  it('replaces the typed prefix and an auto-closed `>}}`, and adds the missing space', () => {
    const { marked, line } = tail(POST, '{{<te‸>}}');
    const text = complete(POST, marked).find((i) => i.label === 'text')!;
    assert.deepEqual(te(text).range, lc(line, 4, line, 9));
    assert.equal(te(text).newText, ' text ${1|bash,yaml,json,plain|} >}}\n$0\n{{< /text >}}');
    assert.equal(text.filterText, 'text');
  });

  it('completes the whole tag in the middle of a sentence (inline icons, gloss)', () => {
    const { marked, line } = tail(POST, 'Supported: {{< ‸ on every platform.');
    const icon = complete(POST, marked).find((i) => i.label === 'checkmark_icon')!;
    assert.deepEqual(te(icon), { range: lc(line, 16, line, 16), newText: 'checkmark_icon >}}' });
    const gloss = complete(POST, marked).find((i) => i.label === 'gloss')!;
    assert.equal(te(gloss).newText, 'gloss >}}$1{{< /gloss >}}');
  });

  it('completes `{{%` tags with `%}}` delimiters and a `{{% /name %}}` closing tag', () => {
    const { marked } = tail(POST, '{{% ‸');
    const tip = complete(POST, marked).find((i) => i.label === 'tip')!;
    assert.equal(te(tip).newText, 'tip %}}\n$0\n{{% /tip %}}');
  });

  it('only renames when the tag already has parameters after the name', () => {
    const base = sample(POST);
    const marked = base.replace('{{< image link="./group-pic.jpg"', '{{< imag‸ link="./group-pic.jpg"');
    const image = complete(POST, marked).find((i) => i.label === 'image')!;
    assert.equal(te(image).newText, 'image');
    assert.deepEqual(te(image).range, lc(15, 5, 15, 9));
  });

  it('renames a parameter name typed over mid-word, keeping its value (and offers the name itself again)', () => {
    const marked = sample(POST).replace('{{< image link="./group-pic.jpg"\n    caption=', '{{< image link="./group-pic.jpg"\n    ca‸ption=');
    const items = complete(POST, marked);
    assert.ok(labels(items).includes('caption'), 'the parameter under the cursor is not "used" by itself');
    const alt = items.find((i) => i.label === 'alt')!;
    assert.deepEqual(te(alt), { range: lc(16, 5, 16, 12), newText: 'alt' });
  });

  it('offers the innermost open shortcode after `{{< /`', () => {
    const { marked, line } = tail(AUTHZ, '{{< tabset >}}\n\n{{< tab name="A" >}}\n\nText.\n\n{{< /‸');
    const items = complete(AUTHZ, marked);
    assert.deepEqual(labels(items), ['tab', 'tabset']);
    assert.deepEqual(te(items[0]).range, lc(line + 6, 6, line + 6, 6));
    assert.equal(te(items[0]).newText, 'tab >}}');
  });

  it('offers the image parameters not used yet, with their docs, as snippets', () => {
    const base = sample(POST);
    const marked = base.replace('{{< image link="./group-pic.jpg"\n', '{{< image link="./group-pic.jpg" ‸\n');
    const items = complete(POST, marked);
    // `caption` is already used later in the same tag.
    assert.deepEqual(labels(items), ['width', 'ratio', 'title', 'alt']);
    assert.equal(te(items[0]).newText, 'width="$1"');
    assert.equal(items[0]!.insertTextFormat, InsertTextFormat.Snippet);
    assert.match(JSON.stringify(items[0]!.documentation), /`NN%`/);
  });

  it('offers the syntaxes the site uses for `text`, bash first', () => {
    const { marked, line } = tail(POST, '{{< text ba‸');
    const items = complete(POST, marked);
    assert.deepEqual(labels(items).slice(0, 4), ['bash', 'yaml', 'plain', 'json']);
    assert.deepEqual(te(items[0]).range, lc(line, 10, line, 12));
    assert.ok(labels(items).includes('snip_id'), 'named parameters are offered for the named form');
  });

  it('offers syntaxes after `syntax=` and after `outputis=`', () => {
    assert.equal(complete(POST, tail(POST, '{{< text syntax=‸').marked)[0]!.label, 'bash');
    assert.deepEqual(labels(complete(POST, tail(POST, '{{< text syntax=bash outputis="‸"').marked)).slice(0, 2), ['yaml', 'json']);
  });

  it('offers the boilerplate names of the page language', () => {
    const items = complete(PROXY, tail(PROXY, '{{< boilerplate ‸').marked);
    assert.deepEqual(labels(items), ['experimental-feature-warning']);
  });

  it('offers the localized glossary titles on a uk page, quoted when they contain a space', () => {
    const { marked, line } = tail(AMBIENT_UK, '{{< gloss ‸');
    const items = complete(AMBIENT_UK, marked);
    assert.deepEqual(labels(items), ['Панель даних']);
    assert.deepEqual(te(items[0]), { range: lc(line, 11, line, 11), newText: '"панель даних"' });
    const en = complete(POST, tail(POST, '{{< gloss "‸"').marked);
    assert.deepEqual(labels(en), ['Data Plane', 'Envoy']);
    assert.equal(te(en[0]).newText, 'data plane');
  });

  it('offers the category values of sibling tabs and of tabsets of the same category', () => {
    const marked = sample(AUTHZ).replace(
      '{{< tab name="Deploy OPA in a separate pod" category-value="opa-standalone" >}}',
      '{{< tab name="Deploy OPA in a separate pod" category-value="‸" >}}',
    );
    assert.deepEqual(labels(complete(AUTHZ, marked)), ['opa-standalone', 'opa-same']);
  });

  it('stays silent outside tags and in the body of a text block', () => {
    assert.deepEqual(complete(POST, tail(POST, 'Some text ‸').marked), []);
    assert.deepEqual(complete(POST, tail(POST, '{{< text bash >}}\n$ kubectl ‸').marked), []);
  });

  it('stays silent inside the frontmatter, where Hugo does not expand shortcodes', () => {
    assert.deepEqual(complete(POST, sample(POST).replace('title: ', 'title: {{< ‸')), []);
    assert.deepEqual(complete(POST, sample(POST).replace('title: ', 'title: {{% gl‸')), []);
  });
});

/** The text a snippet inserts when accepted without changes: each placeholder's default, the first choice. */
function expandSnippet(s: string): string {
  return s
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$\\}])/g, '$1');
}

/** The document after accepting `label` at the cursor of `marked` (one text edit). */
function accept(marked: string, label: string): string {
  const item = complete(POST, marked).find((i) => i.label === label);
  assert.ok(item, `no item ${label} for ${JSON.stringify(marked.slice(-30))}`);
  const text = marked.replace(CURSOR, '');
  const d = doc(`${MEM_ROOT}/${POST}`, text);
  const { range, newText } = te(item);
  return text.slice(0, d.offsetAt(range.start)) + expandSnippet(newText) + text.slice(d.offsetAt(range.end));
}

describe('shortcode completion after what the editor auto-closed', () => {
  // VS Code's auto-closing turns a typed `{{<` into `{{<>}`, `{{<}}`, `{{< }`…: whatever it left after the cursor,
  // accepting an item must give the same page as when nothing was there, with exactly one `>}}` (a stray `}` is printed
  // by Hugo on the page).
  const base = sample(POST);
  for (const name of ['tip', 'image', 'text', 'tabset', 'warning']) {
    const clean = accept(`${base}\n{{< ‸`, name);
    for (const closers of ['>}}', '}}', '>}', '}', '>']) {
      it(`{{< ‸${closers} then ${name}`, () => {
        assert.equal(accept(`${base}\n{{< ‸${closers}`, name), clean);
      });
    }
    it(`{{<‸>} then ${name}`, () => {
      assert.equal(accept(`${base}\n{{<‸>}`, name), clean);
    });
  }
  it('{{< ti‸} then tip', () => {
    assert.equal(accept(`${base}\n{{< ti‸}`, 'tip'), accept(`${base}\n{{< ‸`, 'tip'));
  });
  for (const closers of ['', '>}}', '}}', '>}', '}', '>']) {
    it(`{{< tip >}}…{{< /‸${closers} closes the tip with one >}}`, () => {
      const out = accept(`${base}\n{{< tip >}}\nText.\n{{< /‸${closers}`, 'tip');
      assert.ok(out.endsWith('\n{{< tip >}}\nText.\n{{< /tip >}}'), JSON.stringify(out.slice(-40)));
    });
  }
});

describe('shortcode.stray-brace', () => {
  it('reports the `}` an auto-closed completion used to leave, and removes it', () => {
    const base = sample(POST);
    const text = `${base}\n{{< tip >}}\nText.\n{{< /tip >}}}\n`;
    const path = `${MEM_ROOT}/${POST}`;
    const d = doc(path, text, ++version);
    const ds = svc.diagnostics(path, d).diagnostics.filter((x) => x.code === 'shortcode.stray-brace');
    const line = base.split('\n').length + 3;
    assert.deepEqual(ds.map((x) => [x.severity, x.range]), [[2, lc(line, 13, line, 14)]]);
    const actions = svc.codeActions(path, d, ds[0]!.range, ds);
    assert.deepEqual(actions.map((a) => [a.title, a.edit?.changes?.[d.uri]]), [['Remove the stray `}`', [{ range: lc(line, 13, line, 14), newText: '' }]]]);
  });

  it('is quiet on a brace that belongs to the code of a text block', () => {
    const text = `${sample(POST)}\n{{< text bash >}}\n$ echo \${X:-{{< istio_full_version >}}}\n{{< /text >}}\n`;
    const path = `${MEM_ROOT}/${POST}`;
    assert.deepEqual(svc.diagnostics(path, doc(path, text, ++version)).diagnostics.filter((x) => x.code === 'shortcode.stray-brace'), []);
  });
});

describe('shortcode items write tags as the site does', () => {
  it('offers the shortcodes the site uses most first, counted from its pages', async () => {
    await svc.indexStatus({ wait: true });
    const items = complete(POST, tail(POST, '{{< ‸').marked);
    const byRank = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    // The sample's pages open 300 `text` tags, 137 `image`, 28 `tab`… and no `adapter_table`.
    assert.deepEqual(byRank.slice(0, 3), ['text', 'image', 'tab']);
    assert.ok(byRank.indexOf('tip') < byRank.indexOf('adapter_table'), 'a used shortcode before an unused one');
    assert.ok(byRank.indexOf('boilerplate') > byRank.indexOf('warning'));
  });

  it('adds the space that an auto-closed `>}}` right after the cursor lacks', () => {
    const base = sample(POST);
    assert.ok(accept(`${base}\n{{< text ‸>}}`, 'bash').endsWith('\n{{< text bash >}}'));
    assert.ok(accept(`${base}\n{{< text syntax=‸>}}`, 'yaml').endsWith('\n{{< text syntax=yaml >}}'));
    assert.ok(accept(`${base}\n{{< image ‸>}}`, 'width').endsWith('\n{{< image width="" >}}'));
    assert.ok(accept(`${base}\n{{< image link="./a.png" ‸ >}}`, 'width').endsWith('\n{{< image link="./a.png" width="" >}}'), 'a space already there stays the only one');
  });

  it('leaves the cursor of every item on a line without indentation (Enter keeps it; Hugo reads 4 spaces as code)', () => {
    const { marked } = tail(POST, '{{< ‸');
    const items = complete(POST, marked);
    assert.ok(items.length > 50);
    for (const item of items) {
      const { range, newText } = te(item);
      const text = marked.replace(CURSOR, '');
      const d = doc(`${MEM_ROOT}/${POST}`, text);
      const final = newText.includes('$0') ? newText.replace('$0', CURSOR) : `${newText}${CURSOR}`;
      const out = text.slice(0, d.offsetAt(range.start)) + expandSnippet(final) + text.slice(d.offsetAt(range.end));
      const line = out.slice(out.lastIndexOf('\n', out.indexOf(CURSOR)) + 1, out.indexOf(CURSOR));
      assert.doesNotMatch(line, /^[ \t]/, `${item.label}: ${JSON.stringify(line)}`);
    }
  });

  it('ends the multi-line image on its own `    >}}` line and the cursor on the next', () => {
    const out = accept(`${sample(POST)}\n{{< ‸`, 'image');
    assert.ok(out.endsWith('\n{{< image width="75%"\n    link="./image.svg"\n    caption="Caption"\n    >}}\n'), JSON.stringify(out.slice(-80)));
  });
});
