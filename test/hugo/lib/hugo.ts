// Builds small Hugo sites written by the tests with the real Hugo (Debian trixie's 0.131.0, installed into .tools/ by
// scripts/install-editor-tools.sh), so the engine's view of a page can be compared with what Hugo renders.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
export const HUGO = path.join(process.env['EDITOR_TOOLS_DIR'] ?? path.join(ROOT, '.tools'), 'hugo', 'root', 'usr', 'bin', 'hugo');
const BASE_SITE = path.join(__dirname, '..', 'site');

export interface HugoBuild {
  /** Hugo's exit status was 0. */
  readonly ok: boolean;
  /** Everything Hugo printed (errors and warnings). */
  readonly log: string;
  /** The site folder (removed by `dispose`). */
  readonly dir: string;
  /** A file of `public/`, or `undefined` when Hugo did not write it. */
  output(rel: string): string | undefined;
  dispose(): void;
}

/** The Hugo binary, or an error that says how to install it (a missing oracle fails the layer; it never skips). */
export function hugoBinary(): string {
  if (!fs.existsSync(HUGO)) throw new Error(`${HUGO} is missing: run bash scripts/install-editor-tools.sh`);
  return HUGO;
}

/** The base site's `hugo.toml`, which a test may edit and pass back whole (`buildSite`'s `replaceConfig`). */
export function baseConfig(): string {
  return fs.readFileSync(path.join(BASE_SITE, 'hugo.toml'), 'utf8');
}

/**
 * Writes the base site (istio.io's markup settings, templates that print `.Content`) plus `files` (paths relative to
 * the site root), builds it and returns the result. A `hugo.toml` among them is merged into the base one (its lines
 * before the first `[table]`, the top-level keys, go first; the rest at the end), or replaces it with `replaceConfig`.
 */
export function buildSite(files: Readonly<Record<string, string>>, options: { readonly replaceConfig?: boolean } = {}): HugoBuild {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-hugo-'));
  fs.cpSync(BASE_SITE, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    if (rel === 'hugo.toml' && !options.replaceConfig) {
      const table = text.search(/^\s*\[/m);
      const head = table < 0 ? text : text.slice(0, table);
      const tail = table < 0 ? '' : text.slice(table);
      fs.writeFileSync(p, `${head}\n${fs.readFileSync(p, 'utf8')}\n${tail}`);
    } else fs.writeFileSync(p, text);
  }
  const r = spawnSync(hugoBinary(), ['--logLevel', 'warn', '--enableGitInfo=false', '--noBuildLock', '-d', path.join(dir, 'public')], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, HUGO_CACHEDIR: path.join(dir, '.cache') },
  });
  return {
    ok: r.status === 0,
    log: `${r.stdout}${r.stderr}`,
    dir,
    output(rel) {
      const p = path.join(dir, 'public', rel);
      return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
    },
    dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The ids and inner HTML of the headings of rendered HTML, in order. */
export function renderedHeadings(html: string): Array<{ id: string | undefined; html: string }> {
  return [...html.matchAll(/<h[1-6]([^>]*)>([\s\S]*?)<\/h[1-6]>/g)].map((m) => ({ id: /\bid="([^"]*)"/.exec(m[1]!)?.[1], html: m[2]! }));
}

/** The text of HTML text or an attribute value: the entities html/template writes (`&#43;`, `&amp;`…) decoded. */
export function htmlText(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return named[e.toLowerCase()] ?? all;
  });
}
