import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pageUrlOf } from '../../../client/src/site/pageUrl';

it('the Move Page input starts from the URL the site gives the page', () => {
  assert.equal(pageUrlOf('/s/content/en/blog/2017/adapter-model/index.md'), '/blog/2017/adapter-model/');
  assert.equal(pageUrlOf('/s/content/zh/blog/2024/Link-The.md'), '/zh/blog/2024/link-the/');
  assert.equal(pageUrlOf('/s/content/en/docs/ops/_index.md'), '/docs/ops/');
  assert.equal(pageUrlOf('C:\\s\\content\\uk\\docs\\x\\index.md'), '/uk/docs/x/');
  assert.equal(pageUrlOf('/s/content/en/docs/x/diagram.svg'), undefined);
  assert.equal(pageUrlOf('/s/README.md'), undefined);
});
