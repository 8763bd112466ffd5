// Hugo's `urlize`, which the site's layouts use for the ids they generate (glossary terms, FAQ sections and
// questions), compared with the engine's port of it (server/engine/site/urlize.ts).
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { urlize } from '../../server/engine';
import { buildSite, htmlText, type HugoBuild } from './lib/hugo';

/** Real titles and file names of istio.io (FAQ sections and questions, glossary terms in en, zh and uk), and shapes around them. */
const INPUTS = [
  'Setup',
  'Metrics and Logs',
  'Distributed Tracing',
  'install-method-selection',
  'is-ztunnel-a-SPOF',
  'Mutual TLS Authentication',
  'Service Mesh',
  'CRDs',
  'Панель даних',
  '自动 mTLS',
  'Which Istio installation method should I use?',
  'C# and C++',
  'a:b/c d',
  'Hello, World!',
  '  lead  trail  ',
  'x_y.z~w@v',
  '100% sure',
  'a%20b',
  'Über café',
  'a\\b',
  'a?b#c d',
  'multi -- dash',
  'tab\there',
  'a&b<c>',
  'Ünïcödé 中文 ß',
];

const builds: HugoBuild[] = [];
after(() => builds.forEach((b) => b.dispose()));

test('urlize: the engine gives each title the id Hugo prints', () => {
  const build = buildSite({
    'data/inputs.yaml': `items:\n${INPUTS.map((s) => `  - ${JSON.stringify(s)}`).join('\n')}\n`,
    // As the site's layouts use it: in an attribute, so html/template escapes it for one.
    'layouts/_default/urlize.html': '{{ range site.Data.inputs.items }}<dt id="{{ . | urlize }}"></dt>\n{{ end }}',
    'content/en/urlize/index.md': '---\ntitle: urlize\nlayout: urlize\n---\n',
  });
  builds.push(build);
  assert.ok(build.ok, build.log);
  const hugo = [...(build.output('urlize/index.html') ?? '').matchAll(/<dt id="([^"]*)">/g)].map((m) => htmlText(m[1]!));
  assert.equal(hugo.length, INPUTS.length, 'Hugo printed every input');
  assert.deepEqual(
    INPUTS.map((s) => `${s} → ${urlize(s)}`),
    INPUTS.map((s, i) => `${s} → ${hugo[i]}`),
  );
});
