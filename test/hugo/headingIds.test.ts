// Heading ids as Hugo really generates them (Goldmark, autoHeadingIDType = "github", block attributes on), compared
// with the engine's: anchor checks, the translation-drift check and Create Translation's {#id}s all use them.
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { LanguageService, MemoryFileSystem } from '../../server/engine';
import { buildSite, renderedHeadings, type HugoBuild } from './lib/hugo';

/** Real headings of istio.io (quoted from the site) and the shapes around them. */
const HEADINGS = [
  // zh blog/2022/...: a CJK heading whose {#id} holds a `?`: Goldmark takes no such id and prints the braces.
  '## 我受到影响了吗？{#am-i-impacted?}',
  '## Sidecar mode {#sidecar=mode}',
  '## Why Istio? {#Why-Istio?}',
  '## Bookinfo fixes {#Bookinfo sample application security fixes}',
  '## What is next {#what-is-next}',
  '## 下一步 {#what-is-next-1}',
  '## Good',
  '## Good',
  '## `code` and [a link](/docs/x/) **bold** 1.2 & é ü 中文 -- dash_under',
  '## Trailing hashes ##',
  '## A {#a}',
  '## A',
  '##   spaced   words  ',
  '## Emoji 🚀 rocket',
  '## Apostrophe\'s “quoted” text',
  '## Install `istioctl` with {{< istioctl >}}',
  '## Upgrade to 1.24.0+',
  '## Step 1: Deploy the `httpbin` sample',
  '## Configure the <span>gateway</span>',
  '## With_underscores and_emphasis_',
  '## Image ![alt](./x.png) inside',
  '## Dot.Separated.Words',
  '## 使用 Istio 进行多集群部署',
  '## Налаштування шлюзу {#gateway-setup}',
  '## Класи {.foo #bar}',
  // zh blog/2021/better-external-authz:470: an empty id, then the one that wins.
  '### 测试 OPA 策略  {##test-the-opa-policy}',
  '## Title {.foo}',
  '## 🚀',
  '## Use # sign',
  '## Closed ## {#closed}',
  '## Escaped \\{#y}',
  '## {#only}',
  '## good-1 {#good-1}',
  '## Good',
  '## Trailing {#z} text',
  '## Chars {#a-b_c:d.e}',
  '## Accents {#ünï}',
  '## Key value {id="kv"}',
  '## Empty {#}',
  '## Spaced { #spaced }',
  '## Two {#one #two}',
  '## Key {#q key=v}',
  '## Broken key {#q key}',
  '## Unclosed {#open',
];

const builds: HugoBuild[] = [];
/** The engine's document model of a page outside any site: the built-in shortcode catalog. */
const engine = new LanguageService({ fs: new MemoryFileSystem() });
const headingsOf = (page: string) => engine.documentModel(page, undefined).markdown.headings;
after(() => builds.forEach((b) => b.dispose()));

test('heading ids: the engine gives each heading the id Hugo renders', () => {
  const page = `---\ntitle: Headings\n---\n\n${HEADINGS.join('\n\n')}\n`;
  const build = buildSite({ 'content/en/headings/index.md': page });
  builds.push(build);
  assert.ok(build.ok, build.log);
  const hugo = renderedHeadings(build.output('headings/index.html') ?? '');
  assert.equal(hugo.length, HEADINGS.length, 'Hugo rendered every heading');
  const ids = headingsOf(page);
  // Named difference: where a shortcode stands in a heading, Hugo's id holds a placeholder numbered in build order
  // (`install-istioctl-with-hahahugoshortcode1s0hbhb` here, another number on another page); the engine marks such
  // ids unstable instead of guessing the number.
  const stable = (i: number): boolean => !HEADINGS[i]!.includes('{{<');
  assert.deepEqual(
    ids.map((h, i) => `${HEADINGS[i]} → ${stable(i) ? h.id : h.unstableId ? 'unstable' : h.id}`),
    hugo.map((h, i) => `${HEADINGS[i]} → ${stable(i) ? h.id : /hahahugoshortcode\d+s\d+hbhb/.test(h.id ?? '') ? 'unstable' : h.id}`),
  );
});

test('heading ids: the engine knows which written {#id}s Hugo prints as text', () => {
  const page = `---\ntitle: Headings\n---\n\n${HEADINGS.join('\n\n')}\n`;
  const build = buildSite({ 'content/en/literal/index.md': page });
  builds.push(build);
  const hugo = renderedHeadings(build.output('literal/index.html') ?? '');
  const headings = headingsOf(page);
  assert.deepEqual(
    headings.map((h, i) => `${HEADINGS[i]} → ${h.literalAttributes !== undefined ? 'printed' : 'ok'}`),
    // Named difference: `\\{#y}` is printed too, but the author escaped it on purpose.
    hugo.map((h, i) => `${HEADINGS[i]} → ${/\{#/.test(h.html) && !HEADINGS[i]!.includes('\\{') ? 'printed' : 'ok'}`),
  );
});
