import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { quickFixProvider } from '../../../server/engine/features/codeActions';
import * as registry from '../../../server/engine/features/registry';
import { shortcodeCompletion } from '../../../server/engine/features/shortcodes/completion';
import { shortcodeDefinition } from '../../../server/engine/features/shortcodes/definition';
import { shortcodeHover } from '../../../server/engine/features/shortcodes/hover';
import { doc, MEM_ROOT, sample } from '../../support/fixtures';
import { service } from './harness';

const TEXTS = [
  '---\ntitle: x\n---\n{{< text',
  '{{< tabset >}}{{< tab "x" name=y >}}{{< /tabset >}}{{< /tab',
  '\u0000\uFFFD{{<\u0000"{{< /'.repeat(50),
  '{{< gloss ""{{< gloss >}}{{< /gloss >}}{{% tip %}}x{{% /tip',
  '{{< image caption="." link=`x` >}}{{< boilerplate "" >}}{{< text bash json >}}\n  x\n{{< /text >}}',
  sample('content/en/blog/2021/better-external-authz/index.md').slice(0, 3000),
];

describe('shortcode features on bad input', () => {
  it('never throw: every rule, and completion, hover and definition at every offset of broken text', () => {
    const { service: svc } = service();
    for (const [i, text] of TEXTS.entries()) {
      const path = `${MEM_ROOT}/content/en/blog/2025/junk${i}/index.md`;
      const d = doc(path, text);
      svc.openDocument(path, d);
      const ctx = svc.context(path, d);
      // Called directly, not through the engine's guard, so an exception fails the test.
      const diagnostics: Diagnostic[] = registry.diagnosticRules.flatMap((r) => r.check(ctx));
      const origin = { line: 0, character: 0 };
      assert.ok(Array.isArray(quickFixProvider.actions(ctx, { start: origin, end: origin }, JSON.parse(JSON.stringify(diagnostics)) as Diagnostic[])));
      for (let o = 0; o <= text.length; o++) {
        const p = d.positionAt(o);
        shortcodeCompletion.complete(ctx, p, o);
        shortcodeHover.hover(ctx, p, o);
        shortcodeDefinition.definition(ctx, p, o);
      }
    }
  });

  it('ignores fix data a client mangled', () => {
    const { service: svc } = service();
    const path = `${MEM_ROOT}/content/en/blog/2025/junk/index.md`;
    const d = doc(path, '---\ntitle: x\n---\n{{< imag >}}\n');
    const origin = { line: 0, character: 0 };
    const bad: Diagnostic = { range: { start: origin, end: origin }, message: 'x', source: 'istio', code: 'shortcode.unknown', data: { fixes: [{ title: 1 }, 'x', { title: 't', edits: [{ newText: 3 }] }] } };
    assert.deepEqual(svc.codeActions(path, d, bad.range, [bad]), []);
  });
});
