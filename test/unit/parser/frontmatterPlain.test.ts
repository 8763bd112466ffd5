import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isScalar } from 'yaml';
import { parseFrontmatter, type Frontmatter } from '../../../server/engine/parser/frontmatter';
import { sample, sampleFiles } from '../../support/fixtures';

/** Each entry's `plain`, next to what the YAML node says (the rules read `plain` to avoid parsing the node). */
function plainness(fm: Frontmatter | undefined): unknown[] {
  return (fm?.entries ?? []).map((e) => ({ key: e.key, plain: e.plain, node: isScalar(e.valueNode) && e.valueNode.type === 'PLAIN' }));
}

function agree(text: string, label: string): void {
  const fast = plainness(parseFrontmatter(text));
  const slow = plainness(parseFrontmatter(text, { fast: false }));
  assert.deepEqual(fast, slow, label);
  for (const e of fast as { plain: boolean; node: boolean }[]) assert.equal(e.plain, e.node, label);
}

const LINES = [
  'target_release: 1.10', 'target_release: "1.10"', "target_release: '1.5'", 'release: 1.22.1', 'weight: 10', 'subtitle:', 'subtitle: ~',
  'keywords: [a, b]', 'aliases:\n  - /zh/x\n  - "/zh/y"', 'title: Plain', 'title: "Quoted"', 'draft: true', 'publishdate: 2023-06-22',
  'x: |\n  block', 'v: !!float "1.0"', 'v: !!int 10', 'title: a # comment',
];

describe('frontmatter entry plain-ness', () => {
  it('is the YAML node\'s PLAIN style, on both paths, for every page of the sample site', () => {
    for (const rel of sampleFiles().filter((f) => f.endsWith('.md'))) agree(sample(rel), rel);
  });

  it('is the YAML node\'s PLAIN style for quoted, bare, empty, list and block values', () => {
    for (const line of LINES) agree(`---\n${line}\n---\nbody\n`, line);
    agree(`---\n${LINES.join('\n')}\n---\n`, 'all lines');
  });
});
