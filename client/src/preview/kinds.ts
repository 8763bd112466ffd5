import { builtInCatalog } from '../../../server/engine';
import { calloutIcon } from './callouts';

/** How the preview shows a shortcode. */
export type PreviewKind =
  | 'image'
  | 'callout'
  | 'tabset'
  | 'tab'
  | 'text'
  | 'boilerplate'
  | 'centered'
  | 'gloss'
  | 'icon'
  /** `mermaid`: the diagram's source, shown as a code block (the site draws it with a script). */
  | 'diagram'
  /** Known to the site but drawn from its data or scripts (`features`, `relnote`, …): a neutral placeholder. */
  | 'placeholder'
  | 'unknown';

const KINDS: Readonly<Record<string, PreviewKind>> = {
  image: 'image',
  tip: 'callout',
  warning: 'callout',
  idea: 'callout',
  quote: 'callout',
  tabset: 'tabset',
  tab: 'tab',
  text: 'text',
  boilerplate: 'boilerplate',
  centered_block: 'centered',
  gloss: 'gloss',
  mermaid: 'diagram',
  checkmark_icon: 'icon',
  cancel_icon: 'icon',
  warning_icon: 'icon',
  tip_icon: 'icon',
  idea_icon: 'icon',
};

/**
 * The inline icons, as the site draws them (SVG sprites there): the callouts' SVG icons for warning, tip and idea
 * (emoji need a font many systems lack), characters of common fonts for the check mark and the cross.
 */
export const ICONS: Readonly<Record<string, string>> = {
  checkmark_icon: '✔',
  cancel_icon: '✘',
  warning_icon: calloutIcon('warning'),
  tip_icon: calloutIcon('tip'),
  idea_icon: calloutIcon('idea'),
};

export function previewKind(name: string): PreviewKind {
  return KINDS[name] ?? (builtInCatalog().get(name) ? 'placeholder' : 'unknown');
}

/** Kinds drawn as blocks when their tag stands on its own lines. */
export function isBlockKind(kind: PreviewKind): boolean {
  return kind !== 'gloss' && kind !== 'icon';
}

/** The message for a shortcode neither istio.io nor Hugo knows. */
export function unknownMessage(name: string): string {
  return `Unknown shortcode "${name}": istio.io has no template for it, so the site's build fails.`;
}

/** The note for a shortcode the page's site defines in `layouts/shortcodes/` but istio.io's catalog does not know. */
export function siteTemplateMessage(name: string): string {
  return `"${name}" is a template of this site (layouts/shortcodes/${name}.html); the preview does not draw it.`;
}
