import type { SiteIndex } from './siteIndex';

/** The headless bundle `content/<lang>/boilerplates/` whose files `{{< boilerplate name >}}` inserts. */
export function boilerplateDir(site: SiteIndex, lang: string): string {
  return `${site.layout.contentDir}/${lang}/boilerplates`;
}

/** Whether the language has a boilerplates bundle at all (without one, nothing can be said about a name). */
export function hasBoilerplates(site: SiteIndex, lang: string): boolean {
  return site.exists(`${boilerplateDir(site, lang)}/index.md`);
}

/** The boilerplate names of a language: its `.md` files without the extension, sorted. */
export function boilerplateNames(site: SiteIndex, lang: string): string[] {
  return site
    .filesIn(boilerplateDir(site, lang))
    .filter((n) => n.endsWith('.md') && n !== 'index.md' && n !== '_index.md')
    .map((n) => n.slice(0, -3))
    .sort();
}

/**
 * The file `{{< boilerplate name >}}` inserts on a page of `lang`, or `undefined`. `boilerplate.html` takes the first
 * resource of the bundle matching `<name>*` (resource names are case-insensitive); the exact `<name>.md` is preferred
 * here so that hover and go-to-definition show the obvious file.
 */
export function findBoilerplate(site: SiteIndex, lang: string, name: string): string | undefined {
  if (name === '') return undefined;
  const dir = boilerplateDir(site, lang);
  const files = site.filesIn(dir).filter((n) => n !== 'index.md' && n !== '_index.md');
  const lower = name.toLowerCase();
  const exact = files.find((n) => n.toLowerCase() === `${lower}.md`);
  if (exact) return `${dir}/${exact}`;
  const prefixed = files.filter((n) => n.toLowerCase().startsWith(lower)).sort();
  return prefixed.length ? `${dir}/${prefixed[0]}` : undefined;
}
