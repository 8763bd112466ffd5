import type { CodeActionProvider, CompletionProvider, DefinitionProvider, DiagnosticRule, DocumentLinkProvider, FileMoveProvider, HoverProvider, ReferenceProvider, RenameProvider } from './feature';
import { quickFixProvider } from './codeActions';
import { frontmatterCompletion } from './frontmatter/completion';
import { frontmatterHover } from './frontmatter/hover';
import { frontmatterSchemaRule } from './frontmatter/schemaDiagnostics';
import { frontmatterSiteRule } from './frontmatter/siteRules';
import { lintRule } from './lint/lintRule';
import { linkCompletionProvider } from './links/linkCompletion';
import { linkDiagnosticsRule } from './links/linkDiagnostics';
import { linkDocumentLinksProvider } from './links/linkDocumentLinks';
import { headingRenameProvider } from './links/headingRename';
import { linkHoverProvider } from './links/linkHover';
import { spellingActions } from './spelling/spellingActions';
import { spellingRule } from './spelling/spellingRule';
import { styleRule } from './style/styleRule';
import { linkReferencesProvider } from './links/linkReferences';
import { pageMoveProvider } from './links/pageMove';
import { shortcodeCompletion } from './shortcodes/completion';
import { shortcodeDefinition } from './shortcodes/definition';
import { shortcodeHover } from './shortcodes/hover';
import { imageCaptionRule } from './shortcodes/imageCaption';
import { indentedCodeRule } from './shortcodes/indentedCode';
import { nestingRule } from './shortcodes/nesting';
import { parametersRule } from './shortcodes/parameters';
import { shortcodeInParameterRule } from './shortcodes/shortcodeInParameter';
import { siteReferencesRule } from './shortcodes/siteReferences';
import { textBlocksRule } from './shortcodes/textBlocks';
import { unknownShortcodeRule } from './shortcodes/unknownShortcode';
import { frontmatterSyntaxRule } from './syntax/frontmatterSyntax';
import { headingIdSyntaxRule } from './syntax/headingIdSyntax';
import { shortcodeSyntaxRule } from './syntax/shortcodeSyntax';
import { strayBraceRule } from './syntax/strayBrace';
import { languageConfiguredRule } from './translations/languageConfigured';
import { translationDriftRule } from './translations/translationDrift';

/**
 * The features the engine runs, one module each. A new feature is a new module and one line here;
 * the LSP server, the CLI and the tests all go through this list. Hover and definition take the first answer.
 */
export const coreRules: readonly DiagnosticRule[] = [
  frontmatterSyntaxRule,
  shortcodeSyntaxRule,
  headingIdSyntaxRule,
  strayBraceRule,
  frontmatterSchemaRule(),
  frontmatterSiteRule,
  linkDiagnosticsRule,
  translationDriftRule,
  languageConfiguredRule,
  unknownShortcodeRule,
  parametersRule,
  nestingRule,
  textBlocksRule,
  imageCaptionRule,
  shortcodeInParameterRule,
  indentedCodeRule,
  siteReferencesRule,
];
/**
 * The checks of istio.io's `make lint` (its lint script, mdl's style rules, mdspell): most of a large page's check
 * time, and findings that matter less while typing. The server runs them after the core rules, off the keystroke
 * path (server/src/validationQueue.ts); the CLI and a one-shot check run them last, in this order.
 */
export const makeLintRules: readonly DiagnosticRule[] = [lintRule, styleRule, spellingRule];
/** Every rule, in the order their findings are reported. */
export const diagnosticRules: readonly DiagnosticRule[] = [...coreRules, ...makeLintRules];
export const completionProviders: readonly CompletionProvider[] = [
  frontmatterCompletion(),
  shortcodeCompletion,
  linkCompletionProvider,
];
export const hoverProviders: readonly HoverProvider[] = [
  frontmatterHover,
  // Before the shortcode hover: on an image's link value, show the image rather than the parameter's docs.
  linkHoverProvider,
  shortcodeHover,
];
export const definitionProviders: readonly DefinitionProvider[] = [
  shortcodeDefinition,
];
/** One provider: every rule carries its quick fixes in the same shape (features/quickFix.ts). */
export const codeActionProviders: readonly CodeActionProvider[] = [
  quickFixProvider,
  // Spelling suggestions are computed when asked for, not when checking: the dictionary's suggester is slow.
  spellingActions,
];
export const documentLinkProviders: readonly DocumentLinkProvider[] = [
  linkDocumentLinksProvider,
];
/** Rename takes the first provider that claims the position (prepare), as hover does. */
export const renameProviders: readonly RenameProvider[] = [headingRenameProvider];
export const referenceProviders: readonly ReferenceProvider[] = [linkReferencesProvider];
/** Every provider's edits together (each keeps its own files' links working). */
export const fileMoveProviders: readonly FileMoveProvider[] = [pageMoveProvider];
