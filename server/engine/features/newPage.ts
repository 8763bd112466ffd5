import { isoDate } from './dates';
import { pageKindOf } from '../site/pageKinds';
import { DEFAULT_LANGUAGE } from '../site/siteLayout';

/**
 * The frontmatter a new page starts with, by the kind its path says (`kinds.json`'s `newPage` lines): for the New Blog
 * Post and New Docs Page commands and for the quick fix of a page without frontmatter, so both write the same page.
 */

export interface NewFrontmatter {
  /** `---` … `---` and a line end, nothing after. */
  readonly text: string;
  /** Where the author types first (after `description: `), as an offset in `text`. */
  readonly cursor: number;
  /** The kind's name: "blog post", "docs page". */
  readonly label: string;
}

export interface NewFrontmatterOptions {
  /** The page's path under `content/<lang>/`: `blog/2025/my-post/index.md`. */
  readonly relPath: string;
  readonly lang: string;
  readonly title: string;
  readonly today: Date;
  /** `\n` or `\r\n`, as the rest of the file. */
  readonly eol?: string;
}

const CURSOR = '$cursor';

export function newFrontmatter(o: NewFrontmatterOptions): NewFrontmatter {
  const kind = pageKindOf(o.relPath);
  const eol = o.eol ?? '\n';
  const lines = [...kind.newPage, ...(o.lang === DEFAULT_LANGUAGE ? kind.newPageSourceLanguage : [])].map((l) =>
    l.replace('$title', quoted(o.title)).replace('$today', isoDate(o.today)),
  );
  let text = `---${eol}`;
  let cursor = -1;
  for (const line of lines) {
    const at = line.indexOf(CURSOR);
    if (at >= 0 && cursor < 0) cursor = text.length + at;
    text += line.replace(CURSOR, '') + eol;
  }
  text += `---${eol}`;
  return { text, cursor: cursor < 0 ? text.length : cursor, label: kind.label };
}

/** A YAML double-quoted string (JSON's escapes are YAML's), as the site quotes titles. */
function quoted(s: string): string {
  return JSON.stringify(s.trim());
}

/**
 * The folder name of a page titled `title`: lower case, ASCII letters and digits joined by `-` (the site's folder
 * names). Empty when the title has none (a Chinese title): the author then types one.
 */
export function slugOf(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Whether `slug` can be a page folder: what `slugOf` makes, or typed the same way. */
export function isSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}

/** A title for a page that has none: its first `# Heading`, else its folder or file name in words. */
export function titleOfPage(text: string, relPath: string): string {
  const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1];
  if (heading) return heading;
  const parts = relPath.split('/');
  const file = parts.pop() ?? '';
  const name = /^_?index\.md$/i.test(file) ? (parts.pop() ?? '') : file.replace(/\.(md|markdown)$/i, '');
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Title';
}

/** A new page the New Blog Post and New Docs Page commands create: its path under `content/<lang>/` and its text. */
export interface NewPagePlan {
  readonly relPath: string;
  readonly text: string;
  readonly cursor: number;
}

/**
 * A blog post `blog/<year of today>/<slug>/index.md`, or a docs page `docs/<section>/<slug>/index.md` (`section` a
 * folder under `docs/`, possibly nested, or empty), each a page bundle as the site writes them.
 */
export function planNewPage(o: {
  readonly kind: 'blog' | 'docs';
  readonly lang: string;
  readonly title: string;
  readonly slug: string;
  readonly today: Date;
  readonly section?: string;
}): NewPagePlan {
  const section = (o.section ?? '').replace(/^\/+|\/+$/g, '');
  const folder = o.kind === 'blog' ? `blog/${o.today.getFullYear()}` : section ? `docs/${section}` : 'docs';
  const relPath = `${folder}/${o.slug}/index.md`;
  const fm = newFrontmatter({ relPath, lang: o.lang, title: o.title, today: o.today });
  // A blank line after the frontmatter, where the body starts.
  return { relPath, text: `${fm.text}\n`, cursor: fm.cursor };
}
