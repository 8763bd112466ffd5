/**
 * The engine's one public entry. Every caller outside `server/engine/` (the LSP server, the CLI, the client's preview
 * and image commands, the protocol, the benchmark and the tests above the unit layer) imports from here and nowhere
 * else; `test/unit/architecture/importGraph.test.ts` enforces it. The engine is plain TypeScript over an injected
 * file system: no Node and no VS Code API (its tsconfig has no Node types).
 */

// The service: one instance per workspace (or CLI run) owns every cache.
export { errorText } from './errorText';
export { LanguageService, PARSE_TIMING, type LanguageServiceOptions, type RuleTimings, type DiagnosticsResult, type IndexStatus, type PhasedDiagnostics, type CarriedFindings, NOTHING_CARRIED } from './languageService';
export { carryAcrossEdit, changedSpan, type ChangedSpan } from './diagnostics/carryAcrossEdit';

// Settings (`istio.*`), read the way VS Code hands them over.
export {
  DEFAULT_SETTINGS,
  mergeSettings,
  settingsSection,
  toFrontmatterSchemaSettings,
  toSeverityOverrides,
  type FrontmatterSchemaSetting,
  type DiagnosticsScope,
  type IstioSettings,
  type SeverityOverride,
} from './settings';

// The file system port and an in-memory implementation.
export type { DirEntry, FileStat, FileSystem } from './site/fileSystem';
export { MemoryFileSystem } from './site/memoryFileSystem';
export type { SpellCheckerFactory, SpellingWord, WordChecker } from './site/spellChecker';
export { DiskFileSystem, type NodeFsLike } from './site/diskFileSystem';
// How background work shares the thread: the adapter gives the pause and the clock; its own long loops (the
// server's whole-site check) are sliced by the same timer as the engine's scan.
export { SliceTimer, type SliceOptions } from './site/slices';

// Paths and the site's layout.
export { basename, dirname, extname, isInside } from './site/paths';
export {
  DEFAULT_LANGUAGE,
  EXCLUDED_DIRS,
  LANGUAGE_FOLDER,
  findSiteRoot,
  locate,
  type ContentLocation,
  type SiteLayout,
} from './site/siteLayout';
export type { SiteIndex } from './site/siteIndex';
export { IMAGE_EXTENSIONS } from './site/linkRules';
// Hugo's `urlize`, as the site's layouts use it for the ids they generate (compared with the real Hugo by test/hugo).
export { urlize } from './site/urlize';
export { resolveImageLink } from './site/resolve';
export { findBoilerplate } from './site/boilerplates';
export { findGlossaryTerm, glossaryDefinition, glossaryTerms, type GlossaryTerm } from './site/glossary';
export { textLinkBase, valueShortcode, type SiteValues } from './site/siteValues';
export { languageDisplayName } from './features/translations/languageEdit';

// The document model (what the preview draws from; `LanguageService.documentModel` parses a page with its site's
// catalog, `parseShortcodes` a fragment of it with the same pairing).
export { parseFrontmatter } from './parser/frontmatter';
// The build compiles the built-in schemas with the engine's own ajv set-up (scripts/build/frontmatterValidators.ts).
export { BUILT_IN as BUILT_IN_SCHEMAS, schemaAjv, type BuiltInValidators } from './features/frontmatter/schemaStore';
export { fastFrontmatter } from './parser/fastFrontmatter';
export { lastStartingAtOrBefore } from './parser/offsetRange';
export { countBelow } from './parser/textScan';
export { plainText } from './parser/markdown';
export { scanShortcodes, type ShortcodeScan, type ShortcodeTag } from './parser/shortcodes';
export type { ShortcodeNode } from './parser/shortcodeTree';
export { parseShortcodes, type ParsedDocument, type ShortcodeModel } from './parser/parsedDocument';
export type { PreviewKind, ShortcodeCatalog } from './catalog/shortcodeCatalog';
export { namedParam, positional, textOutputSyntax, textSyntax } from './features/shortcodes/lookup';

// Diagnostics and commands the engine's results carry.
export { DIAGNOSTIC_SOURCE } from './features/diagnostic';
export {
  DIAGNOSTIC_CATALOG,
  DIAGNOSTIC_FAMILIES,
  diagnosticInfo,
  isDiagnosticCode,
  type DiagnosticCode,
  type DiagnosticFamily,
  type DiagnosticInfo,
  type Severity,
} from './diagnostics/catalog';
export { COPY_FILE_COMMAND, COPY_FILES_COMMAND, type CopyFileArgs, type CopyFilesArgs } from './features/quickFix';
export { FIX_ALL_KIND } from './features/codeActions';

// New pages (New Blog Post, New Docs Page): where they go and the frontmatter they start with.
export { isSlug, planNewPage, slugOf, type NewPagePlan } from './features/newPage';

// Rename, references and moves: what the service's site-wide answers are made of.
export type { FileMove, RenameRefusal } from './features/feature';
export type { PageMovePlan } from './features/links/movePlan';

// Translations: the results the service's translation methods return, and the git port it is given.
export * from './features/translations/types';
export { SECTIONS, coverage, exportStatus, isShown, orderLanguages, pageSection, type ExportFormat, type StatusFilter } from './features/translations/statusView';
export type { GitPort, GitRepository } from './features/translations/gitPort';
export type { Commit } from './features/translations/staleness';
