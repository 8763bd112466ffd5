import builtIn from '../../../data/shortcodes.json';

/** What the site knows about one shortcode. The built-in data lives in `server/data/shortcodes.json`. */
export interface ShortcodeInfo {
  readonly name: string;
  /** One line of Markdown. */
  readonly description: string;
  /** The template reads `.Inner`, so every use needs a closing tag. */
  readonly inner: boolean;
}

export interface ShortcodeCatalog {
  get(name: string): ShortcodeInfo | undefined;
  names(): readonly string[];
}

interface CatalogFile {
  shortcodes: Record<string, { description: string; inner: boolean }>;
}

export class MapShortcodeCatalog implements ShortcodeCatalog {
  private readonly byName: ReadonlyMap<string, ShortcodeInfo>;

  constructor(entries: Iterable<ShortcodeInfo>) {
    this.byName = new Map([...entries].map((e) => [e.name, e]));
  }

  get(name: string): ShortcodeInfo | undefined {
    return this.byName.get(name);
  }

  names(): readonly string[] {
    return [...this.byName.keys()];
  }
}

export function builtInCatalog(): ShortcodeCatalog {
  const file = builtIn as CatalogFile;
  return new MapShortcodeCatalog(
    Object.entries(file.shortcodes).map(([name, s]) => ({ name, description: s.description, inner: s.inner })),
  );
}
