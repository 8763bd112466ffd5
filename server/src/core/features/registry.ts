import type { CodeActionProvider, CompletionProvider, DefinitionProvider, DiagnosticRule, DocumentLinkProvider, HoverProvider } from './feature';
import { frontmatterCodeActions } from './frontmatter/codeActions';
import { frontmatterCompletion } from './frontmatter/completion';
import { frontmatterHover } from './frontmatter/hover';
import { frontmatterSchemaRule } from './frontmatter/schemaDiagnostics';
import { frontmatterSiteRule } from './frontmatter/siteRules';
import { shortcodeCompletion } from './shortcodes/completion';
import { shortcodeDefinition } from './shortcodes/definition';
import { shortcodeHover } from './shortcodes/hover';
import { imageCaptionRule } from './shortcodes/imageCaption';
import { nestingRule } from './shortcodes/nesting';
import { parametersRule } from './shortcodes/parameters';
import { shortcodeQuickFixes } from './shortcodes/quickFixes';
import { siteReferencesRule } from './shortcodes/siteReferences';
import { textBlocksRule } from './shortcodes/textBlocks';
import { unknownShortcodeRule } from './shortcodes/unknownShortcode';
import { frontmatterSyntaxRule } from './syntax/frontmatterSyntax';
import { shortcodeSyntaxRule } from './syntax/shortcodeSyntax';
import { translationDriftRule } from './translations/translationDrift';
import { translationDriftFixes } from './translations/translationDriftFixes';

/**
 * The features the engine runs, one module each. A new feature is a new module and one line here;
 * the LSP server, the CLI and the tests all go through this list.
 */
export const diagnosticRules: readonly DiagnosticRule[] = [
  frontmatterSyntaxRule,
  shortcodeSyntaxRule,
  frontmatterSchemaRule(),
  frontmatterSiteRule,
  translationDriftRule,
  unknownShortcodeRule,
  parametersRule,
  nestingRule,
  textBlocksRule,
  imageCaptionRule,
  siteReferencesRule,
];
export const completionProviders: readonly CompletionProvider[] = [
  frontmatterCompletion(),
  shortcodeCompletion,
];
export const hoverProviders: readonly HoverProvider[] = [
  frontmatterHover,
  shortcodeHover,
];
export const definitionProviders: readonly DefinitionProvider[] = [
  shortcodeDefinition,
];
export const codeActionProviders: readonly CodeActionProvider[] = [
  frontmatterCodeActions,
  translationDriftFixes,
  shortcodeQuickFixes,
];
export const documentLinkProviders: readonly DocumentLinkProvider[] = [];
