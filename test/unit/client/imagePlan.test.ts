import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  escapeSnippet,
  imageTarget,
  incomingName,
  markdownPrefix,
  markdownSnippet,
  planImages,
  replaceInstead,
  sanitizeName,
  shortcodeSnippet,
  type IncomingImage,
  type PlannedImage,
} from '../../../client/src/images/imagePlan';

const SITE = '/ws/istio-sample';
const FIXTURE = path.resolve(__dirname, '../../fixtures/istio-sample');
const BUNDLE = `${SITE}/content/en/blog/2023/istiocon-china`;
const PAGE = `${BUNDLE}/index.md`;
/** The real file names of the istiocon-china bundle (its images are empty placeholders in the fixture). */
const BUNDLE_FILES = fs.readdirSync(path.join(FIXTURE, 'content/en/blog/2023/istiocon-china')).sort();

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
/** A folder whose files hold the given bytes (the fixture's placeholders are empty). */
function folder(files: Record<string, Uint8Array>): { names: string[]; read: (n: string) => Promise<Uint8Array | undefined> } {
  return { names: Object.keys(files), read: async (n) => files[n] };
}
const fixtureFolder = folder(Object.fromEntries(BUNDLE_FILES.map((n) => [n, new Uint8Array()])));
/** What a plan says, without the source bytes. */
const summary = (images: readonly PlannedImage[]): unknown[] => images.map((i) => ({ from: i.source.name, name: i.name, action: i.action, conflict: i.conflict }));

describe('image plan: where dropped and pasted images go', () => {
  it('a bundle page puts them in its folder; a leaf page in its own folder too (the shortcode resolves against .File.Dir)', () => {
    assert.deepEqual(imageTarget(PAGE), {
      page: { siteRoot: SITE, lang: 'en', relPath: 'blog/2023/istiocon-china/index.md', pageDir: 'blog/2023/istiocon-china', kind: 'bundle' },
      folder: BUNDLE,
      slug: 'istiocon-china',
    });
    const leaf = `${SITE}/content/zh/blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do.md`;
    assert.deepEqual(imageTarget(leaf), {
      page: { siteRoot: SITE, lang: 'zh', relPath: 'blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do.md', pageDir: 'blog/2024', kind: 'leaf' },
      folder: `${SITE}/content/zh/blog/2024`,
      slug: 'link-the-istio-service-mesh-for-people-who-have-stuff-to-do',
    });
    assert.equal(imageTarget(`${SITE}/content/en/blog/2017/_index.md`)?.folder, `${SITE}/content/en/blog/2017`);
  });

  it('nothing for a page outside content/<lang>/ or a file that is not Markdown', async () => {
    assert.equal(imageTarget(`${SITE}/README.md`), undefined);
    assert.equal(imageTarget(`${SITE}/content/README.md`), undefined);
    assert.equal(imageTarget(`${SITE}/content/EN-gb-x/blog/a.md`), undefined);
    assert.equal(imageTarget(`${BUNDLE}/group-pic.jpg`), undefined);
    assert.equal(await planImages(`${SITE}/docs/notes.md`, [], [{ name: 'a.png', bytes: bytes(1) }], fixtureFolder.read), undefined);
  });

  it('a new file is copied under its own name', async () => {
    const plan = await planImages(PAGE, fixtureFolder.names, [{ name: 'keynote.png', path: '/tmp/x/keynote.png', bytes: bytes(1, 2) }], fixtureFolder.read);
    assert.deepEqual(summary(plan?.images ?? []), [{ from: 'keynote.png', name: 'keynote.png', action: 'copy', conflict: undefined }]);
    assert.deepEqual(plan?.ignored, []);
  });

  it('the same bytes already there under that name are linked, not copied again', async () => {
    // The fixture's group-pic.jpg is an empty placeholder: an empty file of that name is the same file.
    const plan = await planImages(PAGE, fixtureFolder.names, [{ name: 'group-pic.jpg', path: '/tmp/x/group-pic.jpg', bytes: new Uint8Array() }], fixtureFolder.read);
    assert.deepEqual(summary(plan?.images ?? []), [{ from: 'group-pic.jpg', name: 'group-pic.jpg', action: 'link', conflict: undefined }]);
  });

  it('same name, other bytes: the next free numbered name, and the taken name as the conflict', async () => {
    const plan = await planImages(PAGE, fixtureFolder.names, [{ name: 'group-pic.jpg', path: '/tmp/x/group-pic.jpg', bytes: bytes(9) }], fixtureFolder.read);
    assert.deepEqual(summary(plan?.images ?? []), [{ from: 'group-pic.jpg', name: 'group-pic-1.jpg', action: 'copy', conflict: 'group-pic.jpg' }]);
    const two = folder({ 'x.png': bytes(1), 'x-1.png': bytes(2), 'index.md': bytes() });
    const plan2 = await planImages(PAGE, two.names, [{ name: 'x.png', bytes: bytes(3) }], two.read);
    assert.deepEqual(summary(plan2?.images ?? []), [{ from: 'x.png', name: 'x-2.png', action: 'copy', conflict: 'x.png' }]);
    // The user's explicit choice: overwrite x.png.
    assert.deepEqual(summary(plan2?.images.map(replaceInstead) ?? []), [{ from: 'x.png', name: 'x.png', action: 'replace', conflict: undefined }]);
    // Dropped again after being saved as x-1.png: that copy is linked.
    const plan3 = await planImages(PAGE, two.names, [{ name: 'x.png', bytes: bytes(2) }], two.read);
    assert.deepEqual(summary(plan3?.images ?? []), [{ from: 'x.png', name: 'x-1.png', action: 'link', conflict: undefined }]);
  });

  it('a file already in the page folder is linked as it is named, even an odd name', async () => {
    const aeraki = `${SITE}/content/en/blog/2021/aeraki`;
    const plan = await planImages(`${aeraki}/index.md`, ['index.md', 'aeraki&istio.png'], [{ name: 'aeraki&istio.png', path: `${aeraki}/aeraki&istio.png`, bytes: bytes(1) }], async () => bytes(1));
    assert.deepEqual(summary(plan?.images ?? []), [{ from: 'aeraki&istio.png', name: 'aeraki&istio.png', action: 'link', conflict: undefined }]);
  });

  it('names are made safe: lower case, spaces and odd characters to -, the extension kept', async () => {
    assert.deepEqual(sanitizeName('My Diagram (v2).PNG'), { stem: 'my-diagram-v2', ext: '.png' });
    assert.deepEqual(sanitizeName('aeraki&istio.png'), { stem: 'aeraki-istio', ext: '.png' });
    assert.deepEqual(sanitizeName('架构 图.svg'), { stem: '架构-图', ext: '.svg' });
    assert.deepEqual(sanitizeName('.hidden.jpg'), { stem: 'hidden', ext: '.jpg' });
    assert.deepEqual(sanitizeName('image.png'), { stem: undefined, ext: '.png' });
    const plan = await planImages(PAGE, fixtureFolder.names, [{ name: 'Group Pic.JPG', bytes: bytes(5) }], fixtureFolder.read);
    assert.deepEqual(summary(plan?.images ?? []), [{ from: 'Group Pic.JPG', name: 'group-pic-1.jpg', action: 'copy', conflict: 'group-pic.jpg' }]);
  });

  it('clipboard images (image.png) are named after the page with a counter, never asking', async () => {
    const files = folder({ 'index.md': bytes(), 'istiocon-china-1.png': bytes(7) });
    const plan = await planImages(PAGE, files.names, [{ name: 'image.png', bytes: bytes(8) }, { name: 'image.png', bytes: bytes(9) }, { name: 'image.png', bytes: bytes(7) }], files.read);
    assert.deepEqual(summary(plan?.images ?? []), [
      { from: 'image.png', name: 'istiocon-china-2.png', action: 'copy', conflict: undefined },
      { from: 'image.png', name: 'istiocon-china-3.png', action: 'copy', conflict: undefined },
      { from: 'image.png', name: 'istiocon-china-1.png', action: 'link', conflict: undefined },
    ]);
  });

  it('several files keep their order; files the site does not show as images are left alone', async () => {
    const incoming: IncomingImage[] = [
      { name: 'a.svg', bytes: bytes(1) },
      { name: 'notes.pdf', bytes: bytes(2) },
      { name: 'b.webp', bytes: bytes(3) },
      { name: 'a.svg', bytes: bytes(4) },
    ];
    const plan = await planImages(PAGE, fixtureFolder.names, incoming, fixtureFolder.read);
    assert.deepEqual(summary(plan?.images ?? []), [
      { from: 'a.svg', name: 'a.svg', action: 'copy', conflict: undefined },
      { from: 'b.webp', name: 'b.webp', action: 'copy', conflict: undefined },
      { from: 'a.svg', name: 'a-1.svg', action: 'copy', conflict: 'a.svg' },
    ]);
    assert.deepEqual(plan?.ignored, ['notes.pdf']);
  });

  it('inserts the site figure with the caption as a tab stop, one per line, and the Markdown form as the alternative', () => {
    assert.equal(shortcodeSnippet(['group-pic.jpg']), '{{< image width="75%" link="./group-pic.jpg" caption="${1:caption}" >}}');
    assert.equal(
      shortcodeSnippet(['a.svg', 'b.webp']),
      '{{< image width="75%" link="./a.svg" caption="${1:caption}" >}}\n{{< image width="75%" link="./b.webp" caption="${2:caption}" >}}',
    );
    assert.equal(markdownSnippet(['a.svg', 'b.webp']), '![${1:alt text}](./a.svg)\n![${2:alt text}](./b.webp)');
  });

  it('the Markdown form of a leaf page goes up one level: its URL is one folder below its images', () => {
    const leaf = imageTarget('/site/content/en/blog/2024/link-the-istio-service-mesh.md')!;
    const bundle = imageTarget('/site/content/zh/blog/2023/istiocon-china/index.md')!;
    assert.equal(markdownPrefix(leaf), '../');
    assert.equal(markdownPrefix(bundle), './');
    assert.equal(markdownSnippet(['x.png'], markdownPrefix(leaf)), '![${1:alt text}](../x.png)');
    assert.equal(markdownSnippet(['my pic.png'], '../'), '![${1:alt text}](<../my pic.png>)');
  });

  it('escapes $, } and \\ of names in the snippet; quotes and spaces of existing names stay valid', () => {
    assert.equal(escapeSnippet('a$b}c\\d'), 'a\\$b\\}c\\\\d');
    assert.equal(shortcodeSnippet(['cost$}.png']), '{{< image width="75%" link="./cost\\$\\}.png" caption="${1:caption}" >}}');
    assert.equal(shortcodeSnippet(['say "hi".png']), '{{< image width="75%" link=`./say "hi".png` caption="${1:caption}" >}}');
    assert.equal(markdownSnippet(['my pic (1).png']), '![${1:alt text}](<./my pic (1).png>)');
  });
});

describe('image plan: names of pasted clipboard data', () => {
  it('keeps an image name, and names data without one from its MIME type', () => {
    assert.equal(incomingName('group-pic.jpg', 'image/jpeg'), 'group-pic.jpg');
    assert.equal(incomingName('', 'image/png'), 'image.png');
    assert.equal(incomingName('blob', 'image/svg+xml'), 'image.svg');
    assert.equal(incomingName('diagram', 'image/webp'), 'diagram.webp');
    assert.equal(incomingName('notes.pdf', 'application/pdf'), undefined);
    assert.equal(incomingName('photo.heic', 'image/heic'), undefined);
  });
});
