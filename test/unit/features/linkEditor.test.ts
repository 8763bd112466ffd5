import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { LanguageService } from '../../../server/engine/languageService';
import { linkContextAt } from '../../../server/engine/features/links/linkCompletion';
import { svgSize } from '../../../server/engine/features/links/linkHover';
import { doc, MEM_ROOT, memorySite, rangeOf, sample, withCursor } from '../../support/fixtures';

async function service(overrides: Record<string, string | null> = {}): Promise<LanguageService> {
  const fs = memorySite(overrides);
  const s = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  await s.siteOf(`${MEM_ROOT}/content/en/blog/_index.md`)!.scan();
  return s;
}

const ISTIOCON = 'content/en/blog/2023/istiocon-china/index.md';

function complete(s: LanguageService, rel: string, marked: string) {
  const { text, offset } = withCursor(marked);
  const path = `${MEM_ROOT}/${rel}`;
  const d = doc(path, text);
  return s.completions(path, d, d.positionAt(offset));
}

describe('link completion', () => {
  it('finds the context: link=" of an image tag (also on a later line), ]( and ![alt](', () => {
    assert.deepEqual(linkContextAt('{{< image width="75%"\n    link="./gr', 36), { kind: 'image-shortcode', typed: './gr', start: 32 });
    assert.deepEqual(linkContextAt('See [the post](/blog/20', 23), { kind: 'markdown-link', typed: '/blog/20', start: 15 });
    assert.deepEqual(linkContextAt('![Flow](./tr', 12), { kind: 'markdown-image', typed: './tr', start: 8 });
    assert.equal(linkContextAt('See [the post](/blog/ x', 23), undefined);
    assert.equal(linkContextAt('{{< image link="./a.png" >}} and then', 37), undefined);
  });

  it('inside link=" offers the bundle files, images first, replacing what is typed after the last /', async () => {
    const s = await service({ 'content/en/blog/2023/istiocon-china/slides.pdf': '' });
    const items = complete(s, ISTIOCON, '{{< image link="./gr| >}}');
    const names = items.map((i) => i.label);
    assert.equal(names.at(-1), 'slides.pdf', 'non-images sort last');
    const group = items.find((i) => i.label === 'group-pic.jpg')!;
    assert.deepEqual(group.textEdit, { range: { start: { line: 0, character: 18 }, end: { line: 0, character: 20 } }, newText: 'group-pic.jpg' });
    assert.ok(group.sortText! < items.find((i) => i.label === 'slides.pdf')!.sortText!);
    assert.ok(!names.includes('index.md'));
  });

  it('an empty link=" gets ./name', async () => {
    const s = await service();
    const items = complete(s, ISTIOCON, '{{< image link="|" >}}');
    assert.deepEqual(items.find((i) => i.label === 'ambient-l4.jpg')!.textEdit, { range: { start: { line: 0, character: 16 }, end: { line: 0, character: 16 } }, newText: './ambient-l4.jpg' });
  });

  it('after ](/ offers the page URLs of the page language, with titles', async () => {
    const s = await service();
    const en = complete(s, ISTIOCON, 'See [it](/|');
    const kubecon = en.find((i) => i.label === '/blog/2023/istio-at-kubecon-eu/')!;
    assert.equal(kubecon.detail, 'Istio at KubeCon Europe 2023');
    assert.deepEqual(kubecon.textEdit, { range: { start: { line: 0, character: 9 }, end: { line: 0, character: 10 } }, newText: '/blog/2023/istio-at-kubecon-eu/' });
    assert.ok(en.every((i) => !i.label.toString().startsWith('/zh/')));
    const zh = complete(s, 'content/zh/blog/2023/istiocon-china/index.md', 'See [it](/|');
    assert.ok(zh.length > 0 && zh.every((i) => i.label.toString().startsWith('/zh/')), 'zh pages link /zh/ pages only');
    const uk = complete(s, 'content/uk/blog/2025/steering-election/index.md', 'See [it](/|');
    assert.ok(uk.some((i) => i.label === '/uk/blog/2024/ambient-reaches-beta/') && uk.some((i) => i.label === '/blog/2024/ambient-reaches-beta/'), 'uk gets its own pages and the English ones');
  });

  it('after # offers the headings of the linked page, or of this page', async () => {
    const s = await service();
    const other = complete(s, ISTIOCON, 'See [it](/blog/2017/adapter-model/#han|');
    const h = other.find((i) => i.label === 'handlers-configuring-adapters')!;
    assert.equal(h.detail, 'Handlers: configuring adapters');
    const rel = 'content/en/blog/2018/egress-monitoring-access-control/index.md';
    // The post holds `|` characters itself, so no cursor marker here: the cursor is at the end.
    const text = sample(rel) + '\n[x](#';
    const path = `${MEM_ROOT}/${rel}`;
    const d = doc(path, text);
    const here = s.completions(path, d, d.positionAt(text.length));
    assert.deepEqual(here.slice(0, 3).map((i) => [i.label, i.detail]), [
      ['use-case', 'Use case'],
      ['related-tasks-and-examples', 'Related tasks and examples'],
      ['before-you-begin', 'Before you begin'],
    ]);
  });

  it('after ![alt]( offers the bundle files', async () => {
    const s = await service();
    const items = complete(s, 'content/en/blog/2021/simple-vms/index.md', '![Flow](./|');
    assert.ok(items.some((i) => i.label === 'traffic-flow.png'));
  });
});

describe('link completion in code', () => {
  it('offers nothing for ]( inside a text block, a fence or inline code, where Markdown links are not links', async () => {
    const s = await service();
    const links = (marked: string) => complete(s, ISTIOCON, marked).filter((i) => i.label === '/blog/');
    assert.equal(links('See [the post](/bl|').length, 1, 'outside code: offered');
    assert.deepEqual(links('{{< text markdown >}}\nSee [the post](/bl|\n{{< /text >}}'), []);
    assert.deepEqual(links('```markdown\nSee [the post](/bl|\n```'), []);
    assert.deepEqual(links('```markdown\r\nSee [the post](/bl|\r\n```'), []);
    assert.deepEqual(links('Write `[the post](/bl|` to link.'), []);
    assert.equal(links('```\ncode\n```\nSee [the post](/bl|').length, 1, 'after a closed fence: offered again');
    assert.deepEqual(links('<!-- See [the post](/bl|'), []);
    assert.equal(links('{{< text html >}}\n<!-- begin\n{{< /text >}}\nSee [the post](/bl|').length, 1, 'a comment opener shown in code opens nothing');
  });
});

describe('document links and hover', () => {
  it('links an image to its file, a page link to its content file at the heading line', async () => {
    const s = await service();
    const text = sample(ISTIOCON) + '\n[a](/blog/2017/adapter-model/#philosophy)\n';
    const path = `${MEM_ROOT}/${ISTIOCON}`;
    const links = s.documentLinks(path, doc(path, text));
    const img = links.find((l) => l.target!.endsWith('users-engaging.jpg'))!;
    assert.deepEqual(img.range, rangeOf(text, './users-engaging.jpg'));
    assert.equal(img.target, `file://${MEM_ROOT}/content/en/blog/2023/istiocon-china/users-engaging.jpg`);
    const page = links.find((l) => l.target!.includes('adapter-model'))!;
    assert.equal(page.target, `file://${MEM_ROOT}/content/en/blog/2017/adapter-model/index.md#L29`);
    assert.deepEqual(page.range, rangeOf(text, '/blog/2017/adapter-model/#philosophy'));
  });

  it('links social_image: to the bundle image', async () => {
    const s = await service();
    const rel = 'content/zh/blog/2025/istio-at-kubecon-eu/index.md';
    const path = `${MEM_ROOT}/${rel}`;
    const links = s.documentLinks(path, doc(path, sample(rel)));
    assert.ok(links.some((l) => l.target === `file://${MEM_ROOT}/content/zh/blog/2025/istio-at-kubecon-eu/istioday-welcome.jpg`));
  });

  it('hovering an image shows the image and its size (the sample has 0-byte placeholders)', async () => {
    const s = await service({ 'content/en/blog/2023/istiocon-china/users-engaging.jpg': 'x'.repeat(2048) });
    const text = sample(ISTIOCON);
    const path = `${MEM_ROOT}/${ISTIOCON}`;
    const d = doc(path, text);
    const h = s.hover(path, d, rangeOf(text, 'users-engaging.jpg').start)!;
    assert.deepEqual(h.range, rangeOf(text, './users-engaging.jpg'));
    assert.equal(
      (h.contents as MarkupContent).value,
      `![users-engaging.jpg](file://${MEM_ROOT}/content/en/blog/2023/istiocon-china/users-engaging.jpg)\n\n**users-engaging.jpg** — 2.0 KB\n\n\`content/en/blog/2023/istiocon-china/users-engaging.jpg\``,
    );
    const empty = s.hover(path, d, rangeOf(text, 'group-pic.jpg').start)!;
    assert.equal((empty.contents as MarkupContent).value, '**group-pic.jpg** — empty file (0 bytes)\n\n`content/en/blog/2023/istiocon-china/group-pic.jpg`');
  });

  it('hovering a page link shows the target title; one outside the excerpt says so', async () => {
    const s = await service();
    const rel = 'content/en/blog/2023/istio-at-kubecon-na/index.md';
    const text = sample(rel);
    const path = `${MEM_ROOT}/${rel}`;
    const d = doc(path, text);
    const h = s.hover(path, d, rangeOf(text, '/blog/2023/istiocon-china/').start)!;
    assert.equal((h.contents as MarkupContent).value.split('\n\n')[0], '**IstioCon China 2023 wrap-up**');
    const rel2 = 'content/en/blog/2023/istio-graduates-within-cncf/index.md';
    const t2 = sample(rel2);
    const p2 = `${MEM_ROOT}/${rel2}`;
    const h2 = s.hover(p2, doc(p2, t2), rangeOf(t2, '/about/ecosystem/').start)!;
    assert.match((h2.contents as MarkupContent).value, /is not in this checkout/);
  });

  it('reads an SVG size from width/height or the viewBox', () => {
    assert.equal(svgSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450">'), '800 × 450 (viewBox)');
    assert.equal(svgSize('<?xml version="1.0"?><svg width="120px" height="60px">'), '120 × 60');
    assert.equal(svgSize(''), undefined);
  });
});
