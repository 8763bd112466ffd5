/**
 * The engine's one public entry. Every caller outside `server/engine/` (the LSP server, the CLI, the client's preview
 * and image commands, the protocol, the benchmark and the tests above the unit layer) imports from here and nowhere
 * else; `test/unit/architecture/importGraph.test.ts` enforces it. The engine is plain TypeScript over an injected
 * file system: no Node and no VS Code API (its tsconfig has no Node types).
 */

// The service: one instance per workspace (or CLI run) owns every cache.
export { LanguageService, type LanguageServiceOptions, type DiagnosticsResult } from './languageService';

// Settings (`istio.*`), read the way VS Code hands them over.
export {
  DEFAULT_SETTINGS,
  mergeSettings,
  settingsSection,
  toFrontmatterSchemaSettings,
  type FrontmatterSchemaSetting,
  type IstioSettings,
} from './settings';

// The file system port and an in-memory implementation.
export type { DirEntry, FileStat, FileSystem } from './site/fileSystem';
export { MemoryFileSystem } from './site/memoryFileSystem';
export type { SpellCheckerFactory, SpellingWord, WordChecker } from './site/spellChecker';
export { DiskFileSystem, type NodeFsLike } from './site/diskFileSystem';

// Paths and the site's layout.
export { basename, dirname, extname, isInside } from './site/paths';
export {
  DEFAULT_LANGUAGE,
  EXCLUDED_DIRS,
  LANGUAGE_FOLDER,
  findSiteRoot,
  locate,
  readLayout,
  type ContentLocation,
  type SiteLayout,
} from './site/siteLayout';
export { SiteIndex } from './site/siteIndex';
export { IMAGE_EXTENSIONS } from './site/linkRules';
export { resolveImageLink } from './site/resolve';
export { pageFacts } from './site/pageFacts';
export { findBoilerplate } from './site/boilerplates';
export { findGlossaryTerm, glossaryDefinition, glossaryTerms, type GlossaryTerm } from './site/glossary';
export { readSiteValues, textLinkBase, valueShortcode, type SiteValues } from './site/siteValues';

// The document model (what the preview draws from).
export { parseFrontmatter } from './parser/frontmatter';
export { plainText } from './parser/markdown';
export { scanShortcodes, type ShortcodeScan, type ShortcodeTag } from './parser/shortcodes';
export { buildShortcodeTree, type ShortcodeNode } from './parser/shortcodeTree';
export { builtInCatalog } from './catalog/shortcodeCatalog';
export { parseDocument, type ParsedDocument } from './parser/parsedDocument';
export { namedParam, positional, textOutputSyntax, textSyntax } from './features/shortcodes/lookup';

// Diagnostics and commands the engine's results carry.
export { DIAGNOSTIC_SOURCE } from './features/diagnostic';
export { COPY_FILE_COMMAND, type CopyFileArgs } from './features/links/linkActions';

// Translations.
export * from './features/translations/types';
export { planTranslation } from './features/translations/createPlan';
export { findTranslations } from './features/translations/matching';
export { listTranslations } from './features/translations/siteStatus';
export { blobQueries, classify, type Commit, type GitFacts, type TranslationPair } from './features/translations/staleness';
