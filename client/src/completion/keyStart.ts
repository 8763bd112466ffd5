/**
 * When typing should open the completion list of frontmatter keys. VS Code turns quick suggestions off for Markdown,
 * and a key has no trigger character: the first letter typed at the start of a frontmatter line asks for the list.
 * Pure (no `vscode`), so it is unit-tested.
 */

/** A page under `content/<lang>/`: only there does the extension open lists on its own. */
const CONTENT_PAGE = /\/content\/[a-z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?\/.+\.(md|markdown)$/i;

/** How far down a frontmatter is looked for: the site's longest is a few dozen lines. */
const MAX_FRONTMATTER_LINES = 200;

export interface TypedChange {
  readonly line: number;
  readonly character: number;
  readonly text: string;
  /** How many characters the change replaced (0 when typing). */
  readonly rangeLength: number;
}

export function isContentPage(path: string): boolean {
  return CONTENT_PAGE.test(path);
}

/**
 * Whether `change` typed one letter that is now alone on its line, inside the frontmatter (after the first line's
 * `---`, before the closing one). `lineAt` gives a line's text, `undefined` past the end.
 */
export function typedKeyStart(lineAt: (line: number) => string | undefined, change: TypedChange): boolean {
  if (change.rangeLength !== 0 || change.character !== 0 || !/^[A-Za-z_]$/.test(change.text)) return false;
  if (change.line < 1 || change.line > MAX_FRONTMATTER_LINES || lineAt(change.line) !== change.text) return false;
  if (lineAt(0)?.trimEnd() !== '---') return false;
  for (let l = 1; l < change.line; l++) if (lineAt(l)?.trimEnd() === '---') return false;
  return true;
}
