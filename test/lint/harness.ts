// Runs the real tools of istio.io's `make lint` (scripts/lint_site.sh) and the engine on the same pages.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService, MemoryFileSystem, mergeSettings } from '../../server/engine';
import { dictionaryPath, mdspellFactory } from '../../server/src/node/spelling';

export const SAMPLE = path.resolve(__dirname, '../fixtures/istio-sample');
const REPO = path.resolve(__dirname, '../..');

/** The script's sed edits, verbatim, run by the real sed over every `.md` of `dir`. */
const SEDS = [
  's/\\{\\{< text .*>\\}\\}/```plain/g',
  's/\\{\\{< mermaid .*>\\}\\}/```mermaid/g',
  's/\\{\\{< \\/text .*>\\}\\}/```/g',
  's/\\{\\{< \\/mermaid .*>\\}\\}/```/g',
  's/url=".*"/URL/g',
  's/link=".*"/LINK/g',
  's/(^#.*\\S) *\\{#.*\\} */\\1/g',
];

export function hasTool(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** A temporary copy of pages (relative path → text) as the script makes it: `.spelling`, `mdl.rb`, edited pages. */
export function scriptCopy(pages: Readonly<Record<string, string>>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-lint-'));
  for (const [rel, text] of Object.entries(pages)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  fs.copyFileSync(path.join(SAMPLE, '.spelling'), path.join(dir, '.spelling'));
  fs.copyFileSync(path.join(SAMPLE, 'mdl.rb'), path.join(dir, 'mdl.rb'));
  for (const sed of SEDS) execFileSync('sh', ['-c', `find . -type f -name '*.md' -exec sed -E -i '${sed.replace(/'/g, `'\\''`)}' {} ';'`], { cwd: dir });
  return dir;
}

/** `mdl --ignore-front-matter --style mdl.rb .` in the copy: relative path → `line MDxxx` findings, as printed. */
export function realMdl(dir: string): Map<string, string[]> {
  const r = spawnSync('mdl', ['--ignore-front-matter', '--style', 'mdl.rb', '.'], { cwd: dir, encoding: 'utf8' });
  const out = new Map<string, string[]>();
  for (const m of r.stdout.matchAll(/^\.\/(.+?):(\d+): (MD\d{3}) /gm)) out.set(m[1]!, [...(out.get(m[1]!) ?? []), `${m[2]} ${m[3]}`]);
  return out;
}

/** `mdspell --en-us --ignore-acronyms --ignore-numbers --no-suggestions --report` on each page: `line word` findings. */
export function realMdspell(dir: string, rels: readonly string[]): Map<string, string[]> {
  const bin = path.join(REPO, 'node_modules', 'markdown-spellcheck', 'bin', 'mdspell');
  const r = spawnSync(process.execPath, [bin, '--en-us', '--ignore-acronyms', '--ignore-numbers', '--no-suggestions', '--report', ...rels.map((p) => `./${p}`)], {
    cwd: dir,
    encoding: 'utf8',
    // chalk colours the misspelt word only on a colour terminal: the colour is what marks the word in the report.
    env: { ...process.env, FORCE_COLOR: '1' },
  });
  const out = new Map<string, string[]>();
  let file = '';
  // eslint-disable-next-line no-control-regex
  const plain = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');
  for (const l of r.stdout.split('\n')) {
    // eslint-disable-next-line no-control-regex
    const word = /^\s*(\d+) \|.*?\u001b\[31m(.*?)\u001b\[39m/.exec(l);
    if (word) out.set(file, [...(out.get(file) ?? []), `${word[1]} ${word[2]}`]);
    else if (/^ {4}\S/.test(plain(l))) file = plain(l).trim().replace(/^\.\//, '');
  }
  return out;
}

/** The engine on the same pages (a site at /site with the sample's `.spelling` and `mdl.rb`): its diagnostics. */
export function engine(pages: Readonly<Record<string, string>>, settings: unknown = {}): Map<string, { code: string; line: number; data: unknown; message: string }[]> {
  const mem = new MemoryFileSystem();
  for (const [rel, text] of Object.entries(pages)) mem.write(`/site/${rel}`, text);
  mem.write('/site/mdl.rb', fs.readFileSync(path.join(SAMPLE, 'mdl.rb'), 'utf8'));
  mem.write('/site/.spelling', fs.readFileSync(path.join(SAMPLE, '.spelling'), 'utf8'));
  const dictionary = dictionaryPath();
  if (!dictionary) throw new Error('no mdspell dictionary: npm ci installs markdown-spellcheck');
  const svc = new LanguageService({ fs: mem, scan: { sliceMs: 1e9, pause: () => Promise.resolve() }, spelling: mdspellFactory(dictionary) });
  const out = new Map<string, { code: string; line: number; data: unknown; message: string }[]>();
  for (const [rel, text] of Object.entries(pages)) {
    const p = `/site/${rel}`;
    const ds = svc.diagnostics(p, TextDocument.create(`file://${p}`, 'markdown', 1, text), mergeSettings(settings)).diagnostics;
    out.set(rel, ds.map((d) => ({ code: String(d.code), line: d.range.start.line + 1, data: d.data, message: d.message })));
  }
  return out;
}

/** The sample's pages of the languages `make lint` checks by default, relative to the site root. */
export function samplePages(langs: readonly string[] = ['en', 'zh']): Record<string, string> {
  return sitePages(SAMPLE, langs);
}

/** A site's pages of `langs` (a language the site lacks has none), relative to its root. */
export function sitePages(root: string, langs: readonly string[] = ['en', 'zh']): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${rel}/${e.name}`);
      else if (e.name.endsWith('.md')) out[`${rel}/${e.name}`] = fs.readFileSync(path.join(root, rel, e.name), 'utf8');
    }
  };
  for (const lang of langs) if (fs.existsSync(path.join(root, 'content', lang))) walk(`content/${lang}`);
  return out;
}
