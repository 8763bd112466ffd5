// A whole new post written as an author would: "Istio: New Blog Post", then every character typed with real
// keystrokes in code-server with its default settings (auto-closing brackets on, quick suggestions off in Markdown),
// each list opening on its own (never Ctrl+Space), each item accepted with Enter. The saved file must equal POST.
import fs from 'node:fs';
import path from 'node:path';
import * as wb from '../editors/lib/workbench.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const TITLE = 'Typed in the editor';
export const SLUG = 'typed-in-the-editor';

/** Today as the extension dates the post (local time, as in the extension host on this machine). */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return { year: d.getFullYear(), date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` };
}

/** The page the keystrokes below must produce, byte for byte. */
export function expectedPost(date) {
  return [
    '---',
    `title: "${TITLE}"`,
    'description: "A first post, typed key by key."',
    `publishdate: ${date}`,
    'attribution: "Jane Doe (Example)"',
    'keywords: [istio]',
    'subtitle: Written with completion',
    '---',
    '',
    'Istio Authoring checks the page while you type.',
    '',
    '{{< image width="75%"',
    '    link="./image.svg"',
    '    caption="Caption"',
    '    >}}',
    '',
    '{{< text bash >}}',
    '$ istioctl version',
    '{{< /text >}}',
    '',
    '{{< tip >}}',
    'Save the page to check it.',
    '{{< /tip >}}',
    '',
    '{{< tabset category-name="os" >}}',
    '',
    '{{< tab name="Linux" category-value="linux" >}}',
    '',
    'On Linux.',
    '',
    '{{< /tab >}}',
    '',
    '{{< tab name="macOS" category-value="macos" >}}',
    '',
    'On macOS.',
    '',
    '{{< /tab >}}',
    '',
    '{{< /tabset >}}',
    '',
    'Read [the first post](/blog/2025/hello-mesh/#install-istio).',
  ].join('\n');
}

/** Resolves once the open suggest widget shows a row labelled `label`. */
const waitForRow = (page, label) => page.waitForFunction(
  (l) => [...document.querySelectorAll('.editor-widget.suggest-widget.visible .monaco-list-row .label-name')].some((e) => e.textContent.trim() === l),
  label,
  { timeout: 10_000, polling: 50 },
);

const key = (page, k, times = 1) => (async () => { for (let i = 0; i < times; i++) await page.keyboard.press(k); })();
const type = (page, text) => page.keyboard.type(text, { delay: 25 });

/** Runs the command from the palette and answers its questions: the language, the title, the proposed folder name. */
export async function newBlogPost(page, { shots }) {
  await wb.focusWorkbench(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  await input.fill('>Istio: New Blog Post');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Istio: New Blog Post' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  // The demo site has en and zh: the language is asked, English first.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'content/en/' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-message', { hasText: 'The title of the page' }).first().waitFor({ timeout: 20_000 });
  await type(page, TITLE);
  await wb.screenshot(page, shots, '6a-new-blog-post-title');
  await page.keyboard.press('Enter');
  await wb.waitForInputValue(page, SLUG);
  await page.keyboard.press('Enter');
  await wb.waitForActiveTab(page, 'index.md');
  await wb.waitForEditorLine(page, 'description: ""');
  // Keys typed before the cursor reaches the description would land on line 1 (the first run of this test did that).
  await page.locator('[id="status.editor.selection"]', { hasText: 'Ln 3, Col 15' }).first().waitFor({ timeout: 20_000 });
}

/** The frontmatter's values, a key chosen on its first letter, a keyword chosen after `[`. */
export async function typeFrontmatter(page, { shots } = {}) {
  // The cursor is between the description's quotes.
  await type(page, 'A first post, typed key by key.');
  // Ctrl+G, not the arrows: Markdown wraps long lines (`editor.wordWrap` is on for it), so beside the preview the
  // description takes two screen lines and ArrowDown stops on its second half (that put the keyword's `[` on the
  // attribution line, where no list opens: the failure the first version of this test had).
  await wb.goTo(page, 5, 15); // attribution: "|"
  await type(page, 'Jane Doe (Example)');
  await wb.goTo(page, 6, 13); // keywords: []|
  await key(page, 'Backspace', 2);
  await type(page, '['); // auto-closed to [], and the site's keywords are offered
  await waitForRow(page, 'istio').catch(() => {}); // acceptSuggestion below says what was shown instead
  if (shots) await wb.screenshot(page, shots, '6b-new-post-keywords');
  await wb.acceptSuggestion(page, 'istio');
  await key(page, 'End');
  await key(page, 'Enter');
  await type(page, 's'); // the first letter of a key opens the keys not written yet
  await type(page, 'ubt');
  await wb.acceptSuggestion(page, 'subtitle');
  await type(page, 'Written with completion');
  await key(page, 'Escape');
}

/** After `{{< ` (which the editor auto-closes) and a few letters, the shortcode's item. */
async function shortcode(page, typed, label) {
  await type(page, `{{< ${typed}`);
  await wb.acceptSuggestion(page, label);
}

/** Unfolds the suggest widget's details (Ctrl+Space, folded by default) until they show `text`. */
async function itemDetails(page, text) {
  await key(page, 'Control+Space');
  await page.waitForFunction(
    (t) => [...document.querySelectorAll('.suggest-details .docs')].some((e) => e.textContent.includes(t)),
    text,
    { timeout: 10_000, polling: 50 },
  ).catch(async () => {
    const shown = await page.locator('.suggest-details').allTextContents().catch(() => []);
    throw new Error(`the details of the focused item do not show ${JSON.stringify(text)}; shown: ${JSON.stringify(shown)}`);
  });
}

/** A new paragraph at the end of the page. */
async function atTheEnd(page) {
  await key(page, 'Escape');
  await key(page, 'Control+End');
  await key(page, 'Enter', 2);
}

export async function typeBody(page, { shots }) {
  await key(page, 'Control+End'); // the line after the frontmatter's blank line
  await type(page, 'Istio Authoring checks the page while you type.');
  await key(page, 'Enter', 2);

  // The image item: three placeholders kept as they are, then the cursor on the next line, not indented. Before it is
  // accepted, its documentation (sent only when the editor shows the item: completionItem/resolve) in the details.
  await type(page, '{{< im');
  await waitForRow(page, 'image');
  // The description's end: the item's detail line (sent with the list) stops at 77 characters, before it.
  await itemDetails(page, 'with a caption. Prefer SVG.');
  if (shots) await wb.screenshot(page, shots, '6c-shortcode-details');
  await key(page, 'Control+Space'); // details folded again, as a new profile has them
  await wb.acceptSuggestion(page, 'image');
  await key(page, 'Tab', 3);
  await key(page, 'Enter');

  // The text block: the syntax is a choice (bash first); accepting it moves the cursor into the block already (a Tab
  // there would indent the command by 4 spaces).
  await shortcode(page, 'te', 'text');
  await wb.acceptSuggestion(page, 'bash');
  await type(page, '$ istioctl version');
  await atTheEnd(page);

  await shortcode(page, 'ti', 'tip');
  await type(page, 'Save the page to check it.');
  await atTheEnd(page);

  // A tabset (its item brings the first tab), then a second tab before its closing tag.
  await shortcode(page, 'tabs', 'tabset');
  await type(page, 'os');
  await key(page, 'Tab');
  await type(page, 'Linux');
  await key(page, 'Tab');
  await type(page, 'linux');
  await key(page, 'Tab');
  await type(page, 'On Linux.');
  await key(page, 'Escape');
  await key(page, 'Control+End'); // {{< /tabset >}}
  await key(page, 'ArrowUp'); // the blank line before it
  await key(page, 'Enter');
  await shortcode(page, 'ta', 'tab');
  await type(page, 'macOS');
  await key(page, 'Tab');
  await type(page, 'macos');
  await key(page, 'Tab');
  await type(page, 'On macOS.');
  await key(page, 'Escape');
  await key(page, 'ArrowDown', 2); // {{< /tab >}}
  await key(page, 'End');
  await key(page, 'Enter');
  await wb.screenshot(page, shots, '6d-new-post-tabs');

  // A link to another post's heading: `[` and `(` are auto-closed; `/` lists the pages, `#` their headings.
  await atTheEnd(page);
  // `]` typed as an author types it: it steps over the `]` the editor auto-closed (once, under load, the editor did
  // not auto-close the `[`, and End then left the link without its `]`).
  await type(page, 'Read [the first post]');
  await type(page, '(/');
  await type(page, 'hello');
  await wb.acceptSuggestion(page, '/blog/2025/hello-mesh/');
  await type(page, '#');
  await wb.acceptSuggestion(page, 'install-istio');
  await key(page, 'End'); // past the auto-closed `)`
  await type(page, '.');
  await key(page, 'Escape');
}

/** Ctrl+S, then the file's text once it is written (or what is there after 10 s). */
export async function saveAndRead(page, file) {
  await key(page, 'Control+s');
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (text.includes('Read [the first post]')) break;
    await sleep(100);
  }
  return text;
}

/** Where the post is created in `site`. */
export function postFile(site, year) {
  return path.join(site, 'content/en/blog', String(year), SLUG, 'index.md');
}

/** The first line where `a` and `b` differ, for a failure message. */
export function firstDifference(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}: got ${JSON.stringify(x[i])}, expected ${JSON.stringify(y[i])}`;
  }
  return 'none';
}

/**
 * The UI layer's section on the demo site (run-ui.mjs calls it after the preview steps, so the post is typed in the
 * editor beside the Markdown preview, whose narrow column wraps long lines): "Istio: New Blog Post", then the whole
 * post typed and saved. `step` is the layer's step logger.
 */
export async function newPostSteps({ page, step, site, shots }) {
  const { year, date } = today();
  const file = postFile(site, year);
  const created = await step('"Istio: New Blog Post" asks the language, title and folder name, and opens the post on its description', async () => {
    await page.keyboard.press('Escape');
    await newBlogPost(page, { shots });
    if (!fs.existsSync(file)) throw new Error(`${file} was not created`);
    return path.relative(site, file);
  });
  if (!created) return;
  const typed = await step('the frontmatter typed: the site\'s keywords after `[`, a key\'s list on its first letter', () => typeFrontmatter(page, { shots }));
  const body = typed && (await step('the body typed: image, text block, tip, tabset with two tabs, link with an anchor; each list opened on its own', () => typeBody(page, { shots })));
  await wb.screenshot(page, shots, '6c-new-post-typed');
  if (!body) return;
  await step('the saved post is exactly the expected text: every tag ends in one `>}}`, nothing is indented after the image', async () => {
    const text = await saveAndRead(page, file);
    const want = expectedPost(date);
    if (/>\}\}[}>]|\}\}\}/.test(text)) throw new Error(`a stray brace: ${JSON.stringify(text.match(/.*(>\}\}[}>]|\}\}\}).*/)?.[0])}`);
    if (text !== want) throw new Error(`first difference at ${firstDifference(text, want)}`);
    return { lines: text.split('\n').length };
  });
}
