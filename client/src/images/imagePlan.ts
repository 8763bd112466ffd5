/**
 * What dropping, pasting or inserting image files into a content page does, decided without VS Code: where the files
 * go, under which names, which are copied, and the text that links them. The editor adapters (dropPaste.ts,
 * insertImage.ts) read the bytes, ask the user about conflicts and apply the result.
 */
import { LANGUAGE_FOLDER } from '../../../server/engine';
import { basename, dirname, extname, IMAGE_EXTENSIONS, locate, type ContentLocation } from '../../../server/engine';

/** A file being dropped, pasted or inserted. */
export interface IncomingImage {
  /** Its file name as given (a pasted clipboard image is usually just `image.png`). */
  readonly name: string;
  /** Where it is on disk (a `/`-separated path), when it is a file rather than clipboard data. */
  readonly path?: string;
  readonly bytes: Uint8Array;
}

/** The page an image is added to and the folder its `./name` links resolve against. */
export interface ImageTarget {
  readonly page: ContentLocation;
  /** The folder the images go to: the page's own folder (Hugo's `.File.Dir`, see {@link imageTarget}). */
  readonly folder: string;
  /** The page's slug: the bundle folder's name, or a leaf page's file name without `.md`. Names pasted images. */
  readonly slug: string;
}

export interface PlannedImage {
  readonly source: IncomingImage;
  /** The file name in the page's folder that the inserted link points at. */
  readonly name: string;
  /**
   * `copy`: create `name` (it does not exist). `link`: `name` already holds these bytes, or the file is already in the
   * folder. `replace`: overwrite `name`, only ever after the user chose it ({@link replaceInstead}).
   */
  readonly action: 'copy' | 'link' | 'replace';
  /** The file's own (sanitized) name was taken by different bytes: `name` is a free one instead. */
  readonly conflict?: string;
}

export interface ImagePlan {
  readonly target: ImageTarget;
  readonly images: readonly PlannedImage[];
  /** Incoming files that are not images the site uses: left alone. */
  readonly ignored: readonly string[];
}

/** Extensions for clipboard data that comes without a usable file name, by MIME type. */
const MIME_EXTENSIONS: ReadonlyMap<string, string> = new Map([
  ['image/png', '.png'],
  ['image/jpeg', '.jpg'],
  ['image/gif', '.gif'],
  ['image/svg+xml', '.svg'],
  ['image/webp', '.webp'],
  ['image/x-icon', '.ico'],
  ['image/vnd.microsoft.icon', '.ico'],
]);

/** A pasted item's file name: its own when it has an image extension, else one made from its MIME type (`image.png`). */
export function incomingName(name: string, mime: string): string | undefined {
  if (isSiteImage(name)) return name;
  const ext = MIME_EXTENSIONS.get(mime.toLowerCase());
  return ext === undefined ? undefined : `${sanitizeName(name).stem ?? 'image'}${ext}`;
}

/** Reads a file of the target folder by name; `undefined` when it cannot be read. */
export type ReadExisting = (name: string) => Promise<Uint8Array | undefined>;

/** Names a clipboard gives pasted images: they say nothing, so the page's slug names the file instead. */
const GENERIC_NAMES = /^(image|img|blob|clipboard|pasted|screenshot|untitled|unknown)?$/i;

/**
 * Where images of `pagePath` go, or `undefined` when it is not a Markdown page under `content/<lang>/`.
 * Always the page's own folder: the `image` shortcode resolves `./x` (and bare `x`) against `dir(.File.Path)`, so for a
 * bundle `…/slug/index.md` that is the bundle and for a leaf `…/2024/foo.md` it is `…/2024/` as well (istio-site.md §d).
 */
export function imageTarget(pagePath: string): ImageTarget | undefined {
  const segments = pagePath.split('/');
  // The nearest `content/<lang>/` above the file, like the server's findSiteRoot walking up.
  for (let i = segments.length - 3; i >= 0; i--) {
    if (segments[i] !== 'content' || !LANGUAGE_FOLDER.test(segments[i + 1] ?? '')) continue;
    const root = segments.slice(0, i).join('/') || '/';
    const contentDir = `${segments.slice(0, i).join('/')}/content`;
    const page = locate({ root, contentDir, languages: [] }, pagePath);
    if (!page || page.kind === 'resource') return undefined;
    const folder = dirname(pagePath);
    const file = basename(pagePath);
    const slug = page.kind === 'leaf' ? file.replace(/\.(md|markdown)$/i, '') : basename(folder);
    return { page, folder, slug };
  }
  return undefined;
}

/** Is `name` an image the site shows (`server/data/links.json` imageExtensions)? */
export function isSiteImage(name: string): boolean {
  return IMAGE_EXTENSIONS.has(extname(`/${name}`));
}

/**
 * A safe file name for the site: lower case, white space and anything but letters, digits, `.`, `_` and `-` become `-`,
 * no leading dots or dashes. Empty stems (and clipboard names such as `image.png`) return `undefined`.
 */
export function sanitizeName(name: string): { readonly stem: string | undefined; readonly ext: string } {
  const ext = extname(`/${name}`);
  const rawStem = name.slice(0, name.length - ext.length);
  const stem = rawStem
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return { stem: stem === '' || GENERIC_NAMES.test(stem) ? undefined : stem, ext };
}

/** Plans adding `incoming` to the folder of `pagePath`, whose current files are `existing`. */
export async function planImages(
  pagePath: string,
  existing: readonly string[],
  incoming: readonly IncomingImage[],
  read: ReadExisting,
): Promise<ImagePlan | undefined> {
  const target = imageTarget(pagePath);
  if (!target) return undefined;
  // Compared without case: a file system may be case-insensitive (macOS, Windows).
  const taken = new Map(existing.map((n) => [n.toLowerCase(), n]));
  const images: PlannedImage[] = [];
  const ignored: string[] = [];
  for (const source of incoming) {
    if (!isSiteImage(source.name)) {
      ignored.push(source.name);
      continue;
    }
    if (source.path !== undefined && dirname(source.path) === target.folder) {
      images.push({ source, name: basename(source.path), action: 'link' });
      continue;
    }
    images.push(await placeOne(source, target, taken, read));
  }
  return { target, images, ignored };
}

async function placeOne(source: IncomingImage, target: ImageTarget, taken: Map<string, string>, read: ReadExisting): Promise<PlannedImage> {
  const { stem, ext } = sanitizeName(source.name);
  const claim = (name: string, action: PlannedImage['action'], conflict?: string): PlannedImage => {
    taken.set(name.toLowerCase(), name);
    return { source, name, action, ...(conflict !== undefined ? { conflict } : {}) };
  };
  const sameBytes = async (name: string): Promise<boolean> => {
    const bytes = await read(taken.get(name.toLowerCase()) ?? name);
    return bytes !== undefined && equalBytes(bytes, source.bytes);
  };
  if (stem !== undefined) {
    const own = `${stem}${ext}`;
    if (!taken.has(own.toLowerCase())) return claim(own, 'copy');
    if (await sameBytes(own)) return claim(taken.get(own.toLowerCase()) ?? own, 'link');
  }
  // A free numbered name: `x-1.png`, `x-2.png`… (a clipboard image: `<slug>-1.png`…). A numbered file that already
  // holds these very bytes is linked, so dropping the same file twice does not make a third copy.
  const base = stem ?? sanitizeName(`${target.slug}${ext}`).stem ?? 'image';
  for (let n = 1; ; n++) {
    const name = `${base}-${n}${ext}`;
    if (!taken.has(name.toLowerCase())) return claim(name, 'copy', stem !== undefined ? `${stem}${ext}` : undefined);
    if (await sameBytes(name)) return claim(taken.get(name.toLowerCase()) ?? name, 'link');
  }
}

/** The user chose to overwrite the conflicting file: link and write its name instead of the free one. */
export function replaceInstead(image: PlannedImage): PlannedImage {
  if (image.conflict === undefined) return image;
  return { source: image.source, name: image.conflict, action: 'replace' };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Escapes text for a VS Code snippet (`$`, `}` and `\` are special there). */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * The site's figure for each image, one per line, each caption a tab stop: `{{< image width="75%" link="./x.png"
 * caption="${1:caption}" >}}`. A name holding `"` (only possible for a file already in the folder) is quoted with
 * backticks, Hugo's raw string.
 */
export function shortcodeSnippet(names: readonly string[]): string {
  return names
    .map((name, i) => {
      const link = name.includes('"') ? `\`./${name}\`` : `"./${name}"`;
      return `{{< image width="75%" link=${escapeSnippet(link)} caption="\${${i + 1}:caption}" >}}`;
    })
    .join('\n');
}

/**
 * How a Markdown image of the page reaches its folder. A Markdown link resolves against the page's URL, not its file:
 * a bundle's URL is its folder (`./x.png`), but a leaf `…/2024/foo.md` is served at `…/2024/foo/`, one level below
 * the folder holding its images, so it needs `../x.png` (the server's `image.not-found` check agrees). The `image`
 * shortcode strips either prefix and always means the page's folder.
 */
export function markdownPrefix(target: ImageTarget): string {
  return target.page.kind === 'leaf' ? '../' : './';
}

/** The plain Markdown form, one image per line, the alt text a tab stop: `![${1:alt text}](./x.png)`. */
export function markdownSnippet(names: readonly string[], prefix = './'): string {
  return names
    .map((name, i) => {
      // CommonMark: a destination with spaces or parentheses goes in angle brackets.
      const dest = /[\s()<>]/.test(name) ? `<${prefix}${name}>` : `${prefix}${name}`;
      return `![\${${i + 1}:alt text}](${escapeSnippet(dest)})`;
    })
    .join('\n');
}
