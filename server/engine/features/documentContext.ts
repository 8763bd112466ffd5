import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Caches } from '../caches';
import type { IstioSettings } from '../settings';
import type { ShortcodeCatalog } from '../catalog/shortcodeCatalog';
import type { OffsetRange } from '../parser/offsetRange';
import type { ParsedDocument } from '../parser/parsedDocument';
import type { SiteIndex } from '../site/siteIndex';
import type { ContentLocation } from '../site/siteLayout';
import type { SpellCheckerFactory } from '../site/spellChecker';
import type { FindingTally } from './findingTally';

/** Everything a feature may look at for one document. Features never touch the disk except through `site`. */
export interface DocumentContext {
  readonly uri: string;
  /** Absolute file path with `/` separators. */
  readonly path: string;
  readonly document: TextDocument;
  readonly parsed: ParsedDocument;
  /** Where the document sits in its site; `undefined` for a Markdown file outside `content/<lang>/`. */
  readonly location: ContentLocation | undefined;
  readonly site: SiteIndex | undefined;
  readonly catalog: ShortcodeCatalog;
  readonly settings: IstioSettings;
  /**
   * The language service's caches (frontmatter schemas, shortcode docs): state a feature keeps between requests lives
   * here or in the site index's `caches`, never in module variables, so two services share nothing.
   */
  readonly caches: Caches;
  /** mdspell's checker, when the adapter could load its dictionary. */
  readonly spelling: SpellCheckerFactory | undefined;
  /** How the service writes a file's URI (a fix that edits another file names it by its URI). */
  toUri(path: string): string;
  /** Converts an offset span to an LSP range. */
  range(span: OffsetRange): Range;
  /**
   * `document.offsetAt` and `positionAt`, answered from the parse's line index when it has one: the document finds its
   * own line starts at its first conversion, a character at a time (a request's first one paid that for the whole
   * page), while the check has already built the index.
   */
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
  /** Records that the result depends on `path`, so a change to that file re-checks this document. */
  dependsOn(path: string): void;
  /** The check's findings by code and severity: past the cap, a rule counts a finding instead of building it. */
  readonly tally?: FindingTally;
}

/** A document inside a site's `content/<lang>/`: what the link and translation features work on. */
export interface SiteDocumentContext extends DocumentContext {
  readonly site: SiteIndex;
  readonly location: ContentLocation;
}

/** Narrows a context to one inside a site, so features need no `ctx.site!`. */
export function inSite(ctx: DocumentContext): ctx is SiteDocumentContext {
  return ctx.site !== undefined && ctx.location !== undefined;
}
