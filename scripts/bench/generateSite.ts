/**
 * Generates a synthetic site at istio.io's scale and shape from the real pages of the sample site:
 * ≈2,700 pages in en/zh/uk (istio.io: 1120/1048/496), ≈900 images, shortcodes and links in the proportions of
 * real pages, one 63 KB page (istio.io's largest), and a few genuine faults. Every page is a real page's text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Prng } from '../../test/support/prng';

const SAMPLE = path.resolve(__dirname, '../../test/fixtures/istio-sample');
const PAGES: Record<string, number> = { en: 1120, zh: 1048, uk: 496 };
/** istio.io's largest page is 63 kB. */
const LARGEST_BYTES = 64_000;
/** Share of pages that keep their images (istio.io: ≈900 images for 2,700 pages). */
const WITH_IMAGES = 0.25;
const FAULT_RATE = 0.01;

export interface SiteStats {
  readonly pages: number;
  readonly bytes: number;
  readonly images: number;
  readonly shortcodes: number;
  readonly links: number;
  readonly faults: number;
  readonly largest: string;
  readonly largestBytes: number;
}

interface Template {
  readonly rel: string;
  readonly text: string;
  readonly resources: readonly string[];
  readonly weight: number;
}

function templates(lang: string): Template[] {
  const out: Template[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.md')) {
        const text = fs.readFileSync(full, 'utf8');
        const resources = e.name === 'index.md' ? entries.filter((r) => r.isFile() && !r.name.endsWith('.md')).map((r) => r.name) : [];
        // Favour small pages: most of istio.io's pages are short docs pages (4 KB on average).
        out.push({ rel: path.relative(path.join(SAMPLE, 'content', lang), full), text, resources, weight: 1 / Math.pow(text.length, 0.2) });
      }
    }
  };
  walk(path.join(SAMPLE, 'content', lang));
  return out;
}

function pickWeighted(rng: Prng, items: readonly Template[], total: number): Template {
  let r = rng.next() * total;
  for (const t of items) {
    r -= t.weight;
    if (r <= 0) return t;
  }
  return items[items.length - 1]!;
}

const IMAGE_TAG = /\{\{<\s*image\b[\s\S]*?>\}\}\n?/g;
const MD_IMAGE = /!\[[^\]\n]*\]\(\.?\/?[^)\s]+\)/g;

function inject(rng: Prng, text: string): string | undefined {
  const kinds = [
    (t: string) => (t.includes('{{< /tip >}}') ? t.replace('{{< /tip >}}', '') : undefined),
    (t: string) => (t.includes('{{< text') ? t.replace('{{< text', '{< text') : undefined),
    (t: string) => t.replace(/\n---\n/, '\ntitle: [unclosed\n---\n'),
  ];
  return rng.pick(kinds)(text);
}

export function generateSite(root: string, seed = 2700): SiteStats {
  const rng = new Prng(seed);
  let pages = 0;
  let bytes = 0;
  let images = 0;
  let faults = 0;
  // English first; a translation takes the path of an English page (as on istio.io, where 88 % of the English posts
  // have a zh version at the same path), made from the same real page's translation when the sample has one.
  // Without a translation of that page in the sample, the English text stands in (a page copied, not yet translated).
  const english: Array<{ rel: string; template: string }> = [];
  const englishTemplates = new Map(templates('en').map((t) => [t.rel, t]));
  for (const [lang, count] of Object.entries(PAGES)) {
    const ts = templates(lang);
    const total = ts.reduce((a, t) => a + t.weight, 0);
    const byRel = new Map(ts.map((t) => [t.rel, t]));
    for (let i = 0; i < count; i++) {
      const pair = lang === 'en' ? undefined : english[i];
      const t = (pair && (byRel.get(pair.template) ?? englishTemplates.get(pair.template))) ?? pickWeighted(rng, ts, total);
      let rel: string;
      if (pair) rel = pair.rel;
      else {
        const dir = path.dirname(t.rel);
        const base = path.basename(t.rel);
        // The same section, a new slug: blog/2023/istiocon-china → blog/2023/istiocon-china-g17; a single-file page
        // x.md → x-g17.md; a section's _index.md → a new section folder beside it.
        rel = base === 'index.md' || base === '_index.md' ? path.join(`${dir}-g${i}`, base) : path.join(dir, base.replace(/\.md$/, `-g${i}.md`));
      }
      if (lang === 'en') english.push({ rel, template: t.rel });
      let text = t.text;
      const keepImages = t.resources.length > 0 && rng.chance(WITH_IMAGES);
      if (!keepImages) text = text.replace(IMAGE_TAG, '').replace(MD_IMAGE, '');
      if (rng.chance(FAULT_RATE)) {
        const faulty = inject(rng, text);
        if (faulty !== undefined && faulty !== text) {
          text = faulty;
          faults++;
        }
      }
      const target = path.join(root, 'content', lang, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
      if (keepImages) {
        for (const r of t.resources) {
          fs.writeFileSync(path.join(path.dirname(target), r), '');
          images++;
        }
      }
      pages++;
      bytes += Buffer.byteLength(text);
    }
  }
  // istio.io's largest page (63 KB): whole bodies of real English pages one after another, so pairs stay paired.
  const en = templates('en').sort((a, b) => a.rel.localeCompare(b.rel));
  let large = '---\ntitle: The largest page\ndescription: Long reference page made of real pages.\nweight: 10\nkeywords: [bench]\n---\n';
  for (let i = 0; Buffer.byteLength(large) < LARGEST_BYTES; i++) {
    const body = en[i % en.length]!.text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(IMAGE_TAG, '').replace(MD_IMAGE, '');
    large += `\n## Part ${i + 1}\n` + body;
  }
  large = Buffer.from(large).subarray(0, LARGEST_BYTES).toString('utf8');
  large = large.slice(0, large.lastIndexOf('\n## Part')) + '\n';
  // Top up with whole small pages to come close to the size without cutting a shortcode pair in two.
  const small = en.map((t) => t.text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(IMAGE_TAG, '').replace(MD_IMAGE, '')).sort((a, b) => a.length - b.length);
  for (const body of small) {
    const part = `\n## More\n${body}`;
    if (Buffer.byteLength(large) + Buffer.byteLength(part) <= LARGEST_BYTES) large += part;
  }
  const largest = path.join(root, 'content/en/docs/reference/largest/index.md');
  fs.mkdirSync(path.dirname(largest), { recursive: true });
  fs.writeFileSync(largest, large);
  pages++;
  bytes += Buffer.byteLength(large);
  return { pages, bytes, images, ...countShapes(root), faults, largest, largestBytes: Buffer.byteLength(large) };
}

/** Shortcode openings and Markdown links over every page, counted the way istio-site.md counts them. */
export function countShapes(root: string): { shortcodes: number; links: number } {
  let shortcodes = 0;
  let links = 0;
  for (const file of markdownFiles(path.join(root, 'content'))) {
    const text = fs.readFileSync(file, 'utf8');
    shortcodes += (text.match(/\{\{[<%]\s*[A-Za-z_]/g) ?? []).length;
    links += (text.match(/\]\(/g) ?? []).length;
  }
  return { shortcodes, links };
}

export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!['.git', 'node_modules', 'public', 'resources', 'archive'].includes(e.name)) walk(full);
      } else if (e.isFile() && e.name.endsWith('.md')) out.push(full);
    }
  };
  walk(dir);
  return out;
}
