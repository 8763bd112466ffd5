import type { PreviewKind, ShortcodeCatalog } from '../../../server/engine';
import { calloutIcon } from './callouts';

/**
 * How the preview shows a shortcode: the catalog's `preview` kind (server/data/shortcodes.json), or, for one the
 * catalog does not draw, a neutral `placeholder` (known to istio.io or Hugo, drawn from data or scripts), a `template`
 * (known only from the site's own `layouts/shortcodes/`), or `unknown`.
 */
export type Kind = PreviewKind | 'placeholder' | 'template' | 'unknown';

export function previewKind(catalog: ShortcodeCatalog, name: string): Kind {
  const info = catalog.get(name);
  if (!info) return 'unknown';
  return info.preview ?? (info.origin === 'template' ? 'template' : 'placeholder');
}

/** Kinds drawn as blocks when their tag stands on its own lines. */
export function isBlockKind(kind: Kind): boolean {
  return kind !== 'gloss' && kind !== 'icon';
}

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

/** The message for a shortcode neither istio.io nor Hugo knows. */
export function unknownMessage(name: string): string {
  return `Unknown shortcode "${name}": istio.io has no template for it, so the site's build fails.`;
}

/** The note for a shortcode the page's site defines in `layouts/shortcodes/` but istio.io's catalog does not know. */
export function siteTemplateMessage(name: string): string {
  return `"${name}" is a template of this site (layouts/shortcodes/${name}.html); the preview does not draw it.`;
}
