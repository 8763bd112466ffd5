/**
 * The settings of istio.io's hugo.toml that decide which paths the built site has, verbatim and in the file's order:
 * the static folders, alias pages turned off, the `_redirects` media type, the output formats of the home page and of
 * sections, RSS written as `feed.xml`. Shared by the tests of the configuration reader, of link resolution and of the
 * hugo layer's public/ paths.
 */
export const ISTIO_STATIC_DIR = 'staticDir = ["static", "generated"]\n';

export const ISTIO_DISABLE_ALIASES = `
# we use Netlify server-side redirects instead of generated aliases
disableAliases = true
`;

export const ISTIO_OUTPUT_TABLES = `[mediaTypes]
    [mediaTypes."text/netlify"]
        delimiter = ""

[outputs]
  home = ["HTML", "RSS", "REDIR"]
  section = ["HTML"]

[outputFormats]
    [outputFormats.RSS]
        baseName = "feed"
    [outputFormats.REDIR]
        mediatype = "text/netlify"
        baseName = "_redirects"
        isPlainText = true
        notAlternative = true
`;

/** The three parts together, as they read in istio.io's hugo.toml (other settings left out between them). */
export const ISTIO_PATH_SETTINGS = `${ISTIO_STATIC_DIR}${ISTIO_DISABLE_ALIASES}\n${ISTIO_OUTPUT_TABLES}`;
