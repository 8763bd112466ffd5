import type { PublishConfig } from './publishConfig';
import { basename, dirname, normalize } from './paths';
import type { SiteIndex } from './siteIndex';

/** `/site/` (the site root as a prefix of its paths). */
function rootPrefix(site: SiteIndex): string {
  const root = site.layout.root;
  return root === '/' ? '/' : `${root}/`;
}

/**
 * The file the built site serves for a root-relative URL that `content/` does not hold (`contentPath`, where it would
 * be there): a file of a static folder (`staticDir`), which Hugo copies to the site's root as it is, or a file a page
 * writes as one of its output formats (`/news/feed.xml` is the RSS of `news/_index.md`, whose `outputs: [html, rss]`
 * adds RSS, `baseName = "feed"`, to what sections have); for the latter, the page's content file. Every path looked
 * at is passed to `dependsOn`.
 */
export function servedFile(site: SiteIndex, config: PublishConfig, contentPath: string, staticUrl: string, dependsOn: (path: string) => void): string | undefined {
  for (const dir of config.staticDirs) {
    const p = normalize(`${rootPrefix(site)}${dir}/${staticUrl}`);
    dependsOn(p);
    if (site.stat(p)?.isFile) return p;
  }
  const dir = dirname(contentPath);
  const name = basename(contentPath);
  for (const index of ['_index.md', 'index.md', '_index.html', 'index.html']) {
    const page = `${dir}/${index}`;
    dependsOn(page);
    if (!site.exists(page)) continue;
    const home = site.get(page)?.location.relPath === index && index.startsWith('_');
    const kind = home ? 'home' : index.startsWith('_') ? 'section' : 'page';
    const formats = site.summary(page)?.outputs ?? config.outputs.get(kind) ?? [];
    if (formats.some((f) => config.outputFiles.get(f) === name)) return page;
  }
  return undefined;
}

/** The static folders of the configuration that are not in this checkout (istio.io's `generated/` is built). */
export function absentStaticDirs(site: SiteIndex, config: PublishConfig): string[] {
  return config.staticDirs.filter((d) => site.stat(`${rootPrefix(site)}${d}`)?.isDirectory !== true);
}

/** The names of the files that the static folders hold where `staticUrl` points (candidates for "did you mean"). */
export function staticNamesNear(site: SiteIndex, config: PublishConfig, staticUrl: string): string[] {
  return config.staticDirs.flatMap((d) => site.filesIn(normalize(`${rootPrefix(site)}${d}/${dirname(staticUrl)}`)));
}
