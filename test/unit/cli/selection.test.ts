// `--only` and `--skip` turn off the families they drop whole, so that the check does not even run their rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIAGNOSTIC_FAMILIES } from '../../../server/engine';
import { droppedFamilies } from '../../../server/src/cli/selection';

const ALL = Object.keys(DIAGNOSTIC_FAMILIES);

describe('droppedFamilies', () => {
  it('no selector drops nothing', () => assert.deepEqual(droppedFamilies([], []), []));
  it('--skip of families drops exactly them', () => assert.deepEqual(droppedFamilies([], ['style', 'spelling']).sort(), ['spelling', 'style']));
  it('--skip of one code keeps its family running', () => assert.deepEqual(droppedFamilies([], ['style.md012']), []));
  it('--only drops every family it names no code of', () => {
    assert.deepEqual(droppedFamilies(['link', 'style.md012'], []).sort(), ALL.filter((f) => f !== 'link' && f !== 'style').sort());
  });
  it('a code prefix across families (frontmatter) keeps the families of the codes it names', () => {
    // `frontmatter` also names the frontmatter parse errors of the `syntax` family: syntax must keep running.
    assert.ok(!droppedFamilies(['frontmatter'], []).includes('syntax'));
    assert.ok(droppedFamilies(['frontmatter'], []).includes('spelling'));
  });
  it('--only and --skip together', () => assert.deepEqual(droppedFamilies(['spelling', 'style'], ['style']).sort(), ALL.filter((f) => f !== 'spelling').sort()));
});
