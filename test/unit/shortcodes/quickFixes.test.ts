import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { doc, MEM_ROOT, sample } from '../../support/fixtures';
import { edit, service } from './harness';

const POST = 'content/en/blog/2023/istiocon-china/index.md';
const SETUP = 'content/en/blog/2019/data-plane-setup/index.md';
const PERF = 'content/en/blog/2019/performance-best-practices/index.md';

/** The diagnostics with `code`, their code actions, and the text after applying the first (preferred) one. */
function fix(rel: string, text: string, code: string): { actions: CodeAction[]; fixed: string; diagnostics: Diagnostic[] } {
  const { service: svc } = service();
  const path = `${MEM_ROOT}/${rel}`;
  const d = doc(path, text, 7);
  const diagnostics = svc.diagnostics(path, d).diagnostics.filter((x) => x.code === code);
  assert.equal(diagnostics.length, 1, `one ${code}`);
  // As a client does: the diagnostics travel through JSON and come back with the request.
  const sent = JSON.parse(JSON.stringify(diagnostics)) as Diagnostic[];
  const actions = svc.codeActions(path, d, sent[0]!.range, sent);
  const edits = actions[0]?.edit?.changes?.[d.uri] ?? [];
  return { actions, fixed: TextDocument.applyEdits(d, edits as TextEdit[]), diagnostics };
}

describe('shortcode quick fixes', () => {
  it('renames an unknown shortcode to the suggestion, in the opening and the closing tag', () => {
    const text = edit(sample(SETUP), '{{< idea >}}', '{{< ideaa >}}').replace('{{< /idea >}}', '{{< /ideaa >}}');
    const { actions, fixed } = fix(SETUP, text, 'shortcode.unknown');
    assert.equal(actions[0]!.title, 'Change to `idea`');
    assert.equal(actions[0]!.isPreferred, true);
    assert.equal(fixed, sample(SETUP));
  });

  it('renames an unknown parameter to the suggestion', () => {
    const text = edit(sample(POST), 'caption="IstioCon China 2023, Welcome"', 'captoin="IstioCon China 2023, Welcome"');
    assert.equal(fix(POST, text, 'shortcode.unknown-parameter').fixed, sample(POST));
  });

  it('removes the trailing period of an image caption', () => {
    const text = edit(sample(POST), 'caption="IstioCon China 2023, Welcome"', 'caption="IstioCon China 2023, Welcome."');
    const { actions, fixed } = fix(POST, text, 'image.caption-period');
    assert.equal(actions[0]!.title, 'Remove the trailing period');
    assert.equal(fixed, sample(POST));
  });

  it('inserts the missing closing tag of a callout after its paragraph', () => {
    const text = edit(sample(SETUP), '{{< /idea >}}\n', '');
    const { actions, fixed } = fix(SETUP, text, 'shortcode.unclosed');
    assert.equal(actions[0]!.title, 'Insert the closing tag {{< /idea >}}');
    assert.equal(fixed, sample(SETUP));
  });

  it('inserts the missing closing tag of an inline gloss after its word', () => {
    const text = edit(sample(PERF), '{{<gloss>}}Envoy{{</gloss>}}', '{{<gloss>}}Envoy');
    const { fixed } = fix(PERF, text, 'shortcode.unclosed');
    assert.equal(fixed, edit(sample(PERF), '{{<gloss>}}Envoy{{</gloss>}}', '{{<gloss>}}Envoy{{< /gloss >}}'));
  });

  it('replaces the typo `bask` with `bash`', () => {
    const text = edit(sample(SETUP), '{{< text bash >}}\n$ istioctl kube-inject', '{{< text bask >}}\n$ istioctl kube-inject');
    assert.equal(fix(SETUP, text, 'text.unknown-syntax').fixed, sample(SETUP));
  });
});
