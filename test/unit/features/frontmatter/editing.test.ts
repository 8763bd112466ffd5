import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { MarkupKind, type CompletionItem, type MarkupContent } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { frontmatterCompletion } from '../../../../server/engine/features/frontmatter/completion';
import type { LanguageService } from '../../../../server/engine/languageService';
import { doc, lc, MEM_ROOT, rangeOf, sample, withCursor } from '../../../support/fixtures';
import { siteService } from './support';

const CHINA = 'content/en/blog/2023/istiocon-china/index.md';

function at(text: string, offset: number) {
  return TextDocument.create('x:', 'markdown', 1, text).positionAt(offset);
}

describe('frontmatter completion', () => {
  let service: LanguageService;
  before(async () => {
    service = await siteService();
  });
  const complete = (rel: string, marked: string): CompletionItem[] => {
    const { text, offset } = withCursor(marked);
    const path = `${MEM_ROOT}/${rel}`;
    return service.completions(path, doc(path, text), at(text, offset));
  };

  it('offers the keys not yet written, required and expected first, replacing the typed word', () => {
    const marked = sample(CHINA).replace('keywords: [Istio Day,IstioCon,Istio,conference,KubeCon,CloudNativeCon]\n', 'key|\n');
    const items = complete(CHINA, marked);
    const labels = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.equal(labels[0], 'keywords');
    for (const present of ['title', 'description', 'publishdate', 'attribution']) assert.ok(!labels.includes(present), present);
    assert.ok(labels.includes('social_image') && labels.includes('target_release'));
    const kw = items.find((i) => i.label === 'keywords')!;
    const { text } = withCursor(marked);
    assert.deepEqual(kw.textEdit, { range: lc(6, 1, 6, 4), newText: 'keywords: ' });
    assert.equal(text.split('\n')[5], 'key');
    assert.equal(kw.detail, 'expected · a list of text · blog post');
    assert.match((kw.documentation as MarkupContent).value, /flow style/);
  });

  it('offers keys on an empty line of the frontmatter, and nothing in the body', () => {
    const empty = sample(CHINA).replace('keywords:', '|\nkeywords:');
    assert.ok(complete(CHINA, empty).some((i) => i.label === 'subtitle'));
    const { text, offset } = withCursor(sample(CHINA).replace('safely get together', 'safely get| together'));
    assert.ok(offset > text.indexOf('\n---', 3));
    const path = `${MEM_ROOT}/${CHINA}`;
    assert.equal(frontmatterCompletion().complete(service.context(path, doc(path, text)), at(text, offset), offset), undefined);
  });

  it('offers the enumerated values of test and owner, and true/false for booleans', () => {
    const rel = 'content/en/docs/reference/glossary/index.md';
    const items = complete(rel, sample(rel).replace('test: n/a', 'test: |'));
    assert.deepEqual(items.map((i) => i.label), ['yes', 'no', 'n/a', 'table-of-contents']);
    const owner = complete(rel, sample(rel).replace('owner: istio/wg-docs-maintainers', 'owner: istio/wg-|'));
    assert.ok(owner.some((i) => i.label === 'istio/wg-networking-maintainers'));
    const { text } = withCursor(sample(rel).replace('owner: istio/wg-docs-maintainers', 'owner: istio/wg-|'));
    assert.deepEqual(owner[0]!.textEdit, { range: rangeOf(text, 'istio/wg-'), newText: owner[0]!.label });
    const draft = complete(CHINA, sample(CHINA).replace('keywords:', 'draft: |\nkeywords:'));
    assert.deepEqual(draft.map((i) => i.label), ['true', 'false']);
  });

  it("offers today's date for publishdate, replacing the value", () => {
    const provider = frontmatterCompletion(() => new Date(2025, 5, 24));
    const { text, offset } = withCursor(sample(CHINA).replace('publishdate: 2023-09-29', 'publishdate: 20|23-09-29'));
    const path = `${MEM_ROOT}/${CHINA}`;
    const d = doc(path, text);
    const items = provider.complete(service.context(path, d), at(text, offset), offset)!;
    assert.deepEqual(items.map((i) => [i.label, i.textEdit]), [['2025-06-24', { range: rangeOf(text, '2023-09-29'), newText: '2025-06-24' }]]);
  });

  it('offers the keywords used across the site, most frequent first, leaving out those already in the list', () => {
    const marked = sample(CHINA).replace('[Istio Day,IstioCon,Istio,conference,KubeCon,CloudNativeCon]', '[Istio,traf|]');
    const items = complete(CHINA, marked);
    assert.deepEqual(
      items.slice(0, 4).map((i) => [i.label, i.detail]),
      [
        ['traffic-management', 'used by 10 pages'],
        ['CloudNativeCon', 'used by 9 pages'],
        ['conference', 'used by 9 pages'],
        ['Istio Day', 'used by 9 pages'],
      ],
    );
    assert.ok(!items.some((i) => i.label === 'Istio'));
    const { text } = withCursor(marked);
    assert.deepEqual(items[0]!.textEdit, { range: rangeOf(text, 'traf'), newText: 'traffic-management' });
  });

  it('starts a flow list when keywords has no value yet, and completes block-list items too', () => {
    const marked = sample(CHINA).replace('[Istio Day,IstioCon,Istio,conference,KubeCon,CloudNativeCon]', '|');
    const items = complete(CHINA, marked);
    assert.equal(items[0]!.label, 'Istio');
    assert.equal(items[0]!.textEdit!.newText, '[Istio]');
    const block = sample(CHINA).replace('keywords: [Istio Day,IstioCon,Istio,conference,KubeCon,CloudNativeCon]', 'keywords:\n  - |');
    assert.equal(complete(CHINA, block)[0]!.textEdit!.newText, 'Istio');
  });

  it('offers no keyword outside the brackets of a flow list (the edit would break the list)', () => {
    const list = '[Istio Day,IstioCon,Istio,conference,KubeCon,CloudNativeCon]';
    const kws = (marked: string): CompletionItem[] => complete(CHINA, marked).filter((i) => i.kind === 12);
    assert.deepEqual(kws(sample(CHINA).replace(list, `|${list}`)), []);
    assert.deepEqual(kws(sample(CHINA).replace(list, `${list}|`)), []);
    // Just inside the brackets: an item range that is still empty at the cursor, and none past `]`.
    const { text } = withCursor(sample(CHINA).replace(list, `[|${list.slice(1)}`));
    const first = kws(sample(CHINA).replace(list, `[|${list.slice(1)}`))[0]!;
    const start = text.indexOf(list) + 1;
    assert.deepEqual(first.textEdit!, { range: { start: at(text, start), end: at(text, start + 'Istio Day'.length) }, newText: first.label });
  });

  it('answers a completion in about a millisecond once warm', () => {
    const marked = sample(CHINA).replace('[Istio Day,IstioCon,Istio,conference,KubeCon,CloudNativeCon]', '[Istio,|]');
    complete(CHINA, marked);
    const started = performance.now();
    for (let i = 0; i < 100; i++) complete(CHINA, marked);
    console.log(`# keyword completion: ${((performance.now() - started) / 100).toFixed(3)} ms per request`);
  });
});

describe('frontmatter hover', () => {
  let service: LanguageService;
  before(async () => {
    service = await siteService();
  });

  it('describes a key: whether this kind of page needs it, its value and its description', () => {
    const text = sample(CHINA);
    const path = `${MEM_ROOT}/${CHINA}`;
    const offset = text.indexOf('publishdate') + 3;
    const h = service.hover(path, doc(path, text), at(text, offset))!;
    assert.deepEqual(h.range, rangeOf(text, 'publishdate'));
    const c = h.contents as MarkupContent;
    assert.equal(c.kind, MarkupKind.Markdown);
    assert.ok(c.value.startsWith('**`publishdate`** · required in a blog post\n\n*Value:* text\n\nThe date the post was published'));
  });

  it('hovers every key of every real frontmatter of the sample', () => {
    for (const rel of ['content/en/blog/2017/adapter-model/index.md', 'content/en/blog/_index.md', 'content/en/docs/reference/glossary/index.md']) {
      const text = sample(rel);
      const path = `${MEM_ROOT}/${rel}`;
      const end = text.indexOf('\n---', 3);
      for (const m of text.slice(0, end).matchAll(/^([a-z_]+):/gm)) {
        const h = service.hover(path, doc(path, text), at(text, m.index! + 1));
        assert.ok(h, `${rel}: ${m[1]}`);
      }
    }
  });

  it('says nothing on a value or on an unknown key', () => {
    const text = sample(CHINA).replace('keywords:', 'mystery: 1\nkeywords:');
    const path = `${MEM_ROOT}/${CHINA}`;
    assert.equal(service.hover(path, doc(path, text), at(text, text.indexOf('mystery') + 1)), undefined);
    assert.equal(service.hover(path, doc(path, text), at(text, text.indexOf('2023-09-29') + 1)), undefined);
  });
});

describe('frontmatter quick fixes through the code-action request', () => {
  it('turns the data of a diagnostic into a preferred quick fix', async () => {
    const service = await siteService();
    const text = sample(CHINA).replace('publishdate:', 'pubishdate:');
    const path = `${MEM_ROOT}/${CHINA}`;
    const d = doc(path, text);
    const diags = service.diagnostics(path, d).diagnostics.filter((x) => x.code === 'frontmatter.unknown-key');
    const actions = service.codeActions(path, d, diags[0]!.range, diags);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred, a.edit]),
      [['Rename to `publishdate`', 'quickfix', true, { changes: { [d.uri]: [{ range: rangeOf(text, 'pubishdate'), newText: 'publishdate' }] } }]],
    );
  });
});
