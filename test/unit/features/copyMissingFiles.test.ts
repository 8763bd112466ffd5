// One fix for every file a translation lacks: on each missing file, beside its own copy fix, and as the page's
// `source.fixAll.istio` action.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import { quickFixProvider } from '../../../server/engine/features/codeActions';
import { readFixes } from '../../../server/engine/features/quickFix';
import { LanguageService } from '../../../server/engine/languageService';
import { doc, lc, MEM_ROOT, memorySite, sample } from '../../support/fixtures';

const noPause = { sliceMs: 1e9, pause: () => Promise.resolve() };
const EN = 'content/en/blog/2023/istiocon-china/index.md';
const ES = 'content/es/blog/2023/istiocon-china/index.md';
const IMAGES = [
  'ambient-l4.jpg',
  'diamond-sponsor.jpg',
  'group-pic.jpg',
  'istio-support-at-the-booth.jpg',
  'istiocon-program-committee.jpg',
  'meet-the-authors.jpg',
  'opening-keynote.jpg',
  'sponsored-keynote-google.jpg',
  'users-engaging.jpg',
];
const files = IMAGES.map((n) => ({ source: `${MEM_ROOT}/content/en/blog/2023/istiocon-china/${n}`, target: `${MEM_ROOT}/content/es/blog/2023/istiocon-china/${n}` }));

/** The es IstioCon China 2023 post written without its images, as the issue found it. */
async function esWithoutImages(): Promise<{ service: LanguageService; path: string; text: string; missing: Diagnostic[] }> {
  const text = sample(EN);
  const fs = memorySite({ [ES]: text });
  const service = new LanguageService({ fs, scan: noPause });
  await service.siteOf(`${MEM_ROOT}/${EN}`)!.scan(noPause);
  const path = `${MEM_ROOT}/${ES}`;
  const missing = service.diagnostics(path, doc(path, text)).diagnostics.filter((d) => d.code === 'image.not-translated');
  return { service, path, text, missing };
}

describe('copy every file a translation lacks', () => {
  it('offers "Copy all 9 missing files from the English bundle" on each of the 9, after the file\u2019s own fix', async () => {
    const { service, path, text, missing } = await esWithoutImages();
    assert.equal(missing.length, 9);
    const own: string[] = [];
    for (const d of missing) {
      const actions = service.codeActions(path, doc(path, text), d.range, [d]);
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind, a.isPreferred, a.command?.command]),
        [
          [actions[0]!.title, CodeActionKind.QuickFix, true, 'istio.copyFile'],
          ['Copy all 9 missing files from the English bundle', CodeActionKind.QuickFix, false, 'istio.copyFiles'],
        ],
      );
      own.push(actions[0]!.title);
      const args = actions[1]!.command!.arguments as [{ files: { source: string; target: string }[] }];
      assert.equal(args.length, 1);
      assert.deepEqual(args[0].files, files);
    }
    assert.deepEqual(own.sort(), IMAGES.map((n) => `Copy ${n} from the English bundle`));
  });

  it('is the page\u2019s source.fixAll.istio action, asked for by `source`, `source.fixAll` or its own kind, never by quick fix', async () => {
    const { service, path, text, missing } = await esWithoutImages();
    const whole = lc(1, 1, 1, 1);
    for (const only of [['source'], ['source.fixAll'], ['source.fixAll.istio']]) {
      // The request's own diagnostics may be none (a save): the action reads the page's.
      const actions = service.codeActions(path, doc(path, text), whole, [], undefined, only);
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind, a.command?.command, a.diagnostics?.length]),
        [['Copy all 9 missing files from the English bundle', 'source.fixAll.istio', 'istio.copyFiles', 9]],
        only.join(),
      );
    }
    assert.deepEqual(service.codeActions(path, doc(path, text), whole, [], undefined, ['quickfix']), []);
    assert.ok(service.codeActions(path, doc(path, text), missing[0]!.range, missing).every((a) => a.kind === CodeActionKind.QuickFix));
    assert.deepEqual(service.codeActions(path, doc(path, text), whole, [], undefined, ['refactor']), []);
  });

  it('with one file missing: only its own fix, which is also the fixAll action; with none, no action', async () => {
    const fs = memorySite({ 'content/zh/blog/2023/istiocon-china/group-pic.jpg': null });
    const service = new LanguageService({ fs, scan: noPause });
    await service.siteOf(`${MEM_ROOT}/${EN}`)!.scan(noPause);
    const zh = `${MEM_ROOT}/content/zh/blog/2023/istiocon-china/index.md`;
    const text = sample('content/zh/blog/2023/istiocon-china/index.md');
    const [d, ...rest] = service.diagnostics(zh, doc(zh, text)).diagnostics.filter((x) => x.code === 'image.not-translated');
    assert.deepEqual(rest, []);
    assert.deepEqual(readFixes(d!.data).map((f) => f.title), ['Copy group-pic.jpg from the English bundle']);
    const fixAll = service.codeActions(zh, doc(zh, text), lc(1, 1, 1, 1), [], undefined, ['source.fixAll']);
    assert.deepEqual(fixAll.map((a) => [a.title, a.kind, a.command?.command]), [['Copy group-pic.jpg from the English bundle', 'source.fixAll.istio', 'istio.copyFile']]);
    const en = `${MEM_ROOT}/${EN}`;
    assert.deepEqual(service.codeActions(en, doc(en, sample(EN)), lc(1, 1, 1, 1), [], undefined, ['source.fixAll']), []);
  });

  it('reads the files of a copy-all fix a client sent back defensively', async () => {
    const { service, path, text } = await esWithoutImages();
    const ctx = service.context(path, doc(path, text));
    const range = lc(1, 1, 1, 4);
    const copyAll = (args: unknown[]) => ({ title: 'Copy all', edits: [], command: { title: 'Copy files', command: 'istio.copyFiles', arguments: args } });
    const titles = (data: unknown) => quickFixProvider.actions(ctx, range, [{ range, message: 'x', source: 'istio', code: 'image.not-translated', data }]).map((a) => a.title);
    assert.deepEqual(titles({ fixes: [copyAll([{ files: [] }])] }), []);
    assert.deepEqual(titles({ fixes: [copyAll([{ files: [{ source: '/a' }] }])] }), []);
    assert.deepEqual(titles({ fixes: [copyAll([{ files: 'x' }])] }), []);
    assert.deepEqual(titles({ fixes: [copyAll([{ files: [{ source: '/a', target: '/b' }] }, {}])] }), []);
    assert.deepEqual(titles({ fixes: [copyAll([{ files: [{ source: '/a', target: '/b' }] }])] }), ['Copy all']);
  });
});
