import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, Location, MarkupContent } from 'vscode-languageserver-types';
import { doc, MEM_ROOT, rangeOf, sample } from '../../support/fixtures';
import { service } from './harness';

const POST = 'content/en/blog/2023/istiocon-china/index.md';
const PROXY = 'content/en/blog/2020/proxy-cert/index.md';
const PERF = 'content/en/blog/2019/performance-best-practices/index.md';
const AMBIENT_UK = 'content/uk/blog/2024/ambient-reaches-beta/index.md';
const IMAGE_TEMPLATE = '{{- /*\nPurpose:\nInserts a figure into a page.\n*/ -}}\n{{- $link := .Get "link" -}}\n{{- $caption := .Get "caption" -}}\n';

function at(rel: string, needle: string, delta = 0, overrides: Record<string, string | null> = {}) {
  const { service: svc } = service(overrides);
  const path = `${MEM_ROOT}/${rel}`;
  const text = sample(rel);
  const d = doc(path, text);
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `${needle} in ${rel}`);
  const position = d.positionAt(offset);
  return { hover: svc.hover(path, d, position), definition: svc.definition(path, d, position), text };
}

const value = (h: Hover | undefined): string => (h?.contents as MarkupContent).value;

describe('shortcode hover', () => {
  it('shows a shortcode description and its parameters on the name', () => {
    const { hover, text } = at(POST, 'image link="./group-pic.jpg"', 2);
    assert.deepEqual(hover!.range, rangeOf(text, 'image'));
    assert.match(value(hover), /^\*\*image\*\*\n\nA figure: an image from the page bundle/);
    assert.match(value(hover), /\| `link` \(required\) \|/);
    assert.match(value(hover), /\| `caption` \| The text below the figure/);
  });

  it('shows a parameter docs on its name', () => {
    const { hover, text } = at(POST, 'caption="IstioCon China 2023"', 1);
    assert.deepEqual(hover!.range, rangeOf(text, 'caption'));
    assert.match(value(hover), /Must not end with `\.`/);
  });

  it('shows a gloss term definition from the glossary file, on the inner text', () => {
    const { hover, text } = at(PERF, '{{<gloss>}}Envoy', 13);
    const envoy = rangeOf(text, 'Envoy{{</gloss>}}');
    assert.deepEqual(hover!.range, { start: envoy.start, end: { line: envoy.start.line, character: envoy.start.character + 'Envoy'.length } });
    assert.match(value(hover), /^\*\*Envoy\*\* \(glossary\)\n\nThe high-performance proxy that Istio uses/);
  });

  it('shows the localized uk definition for a localized gloss entry', () => {
    const { hover } = at(AMBIENT_UK, '"панель даних"', 3);
    assert.match(value(hover), /^\*\*Панель даних\*\* \(glossary\)\n\nПанель даних\s— це частина mesh/);
  });

  it('shows the first lines of a boilerplate on its name', () => {
    const { hover, text } = at(PROXY, 'experimental-feature-warning', 3);
    assert.deepEqual(hover!.range, rangeOf(text, 'experimental-feature-warning'));
    assert.match(value(hover), /`en\/boilerplates\/experimental-feature-warning\.md`\n\n\{\{< warning >\}\}\nThe following information describes an experimental feature/);
  });
});

describe('shortcode go to definition', () => {
  it('goes from a boilerplate name to its file', () => {
    const { definition } = at(PROXY, 'experimental-feature-warning', 3);
    assert.equal((definition as Location).uri, `file://${MEM_ROOT}/content/en/boilerplates/experimental-feature-warning.md`);
  });

  it('goes from a gloss to its glossary file of the page language', () => {
    assert.equal((at(PERF, '{{<gloss>}}Envoy', 13).definition as Location).uri, `file://${MEM_ROOT}/content/en/docs/reference/glossary/envoy.md`);
    assert.equal((at(AMBIENT_UK, '"панель даних"', 3).definition as Location).uri, `file://${MEM_ROOT}/content/uk/docs/reference/glossary/data-plane.md`);
  });

  it('goes from a shortcode name to layouts/shortcodes/<name>.html when the workspace has it, and nowhere without', () => {
    const withTemplate = at(POST, 'image link="./group-pic.jpg"', 2, { 'layouts/shortcodes/image.html': IMAGE_TEMPLATE });
    assert.equal((withTemplate.definition as Location).uri, `file://${MEM_ROOT}/layouts/shortcodes/image.html`);
    assert.equal(at(POST, 'image link="./group-pic.jpg"', 2).definition, undefined);
  });
});
