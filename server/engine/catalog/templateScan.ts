/** What a shortcode template (`layouts/shortcodes/<name>.html`) reads, found by looking at its Go-template text. */
export interface TemplateFacts {
  /** `.Get "name"` */
  readonly named: readonly string[];
  /** `.Get 0`, `.Get 1`… */
  readonly positions: readonly number[];
  /** Reads `.Inner` (or `.InnerDeindent`): Hugo then requires a closing tag. */
  readonly inner: boolean;
  /** Reads `.Params` itself (not `.Page.Params`): any parameter may be meaningful. */
  readonly anyParams: boolean;
  /** The first line of the template's leading Go-template comment, if any. */
  readonly summary: string | undefined;
}

const GET_NAMED = /\.Get\s+(?:"([^"\n]+)"|`([^`\n]+)`)/g;
const GET_POSITION = /\.Get\s+(\d+)/g;
const INNER = /\.Inner(?:Deindent)?\b/;
// `$.Params` or `.Params` on the shortcode itself; `.Page.Params` and `.Site.Params` end in a word character before the dot.
const OWN_PARAMS = /(?:^|[^\w.])\$?\.Params\b/m;
const LEADING_COMMENT = /^\s*\{\{-?\s*\/\*([\s\S]*?)\*\/\s*-?\}\}/;

export function scanTemplate(text: string): TemplateFacts {
  const named = new Set<string>();
  const positions = new Set<number>();
  for (const m of text.matchAll(GET_NAMED)) named.add((m[1] ?? m[2])!);
  for (const m of text.matchAll(GET_POSITION)) positions.add(Number(m[1]));
  const comment = LEADING_COMMENT.exec(text)?.[1];
  const summary = comment
    ?.split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !/^purpose:?$/i.test(l));
  return {
    named: [...named],
    positions: [...positions].sort((a, b) => a - b),
    inner: INNER.test(text),
    anyParams: OWN_PARAMS.test(text),
    summary,
  };
}
