import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../server/engine/site/hugoConfig';
import { publishConfig } from '../../../server/engine/site/publishConfig';
import { ISTIO_DISABLE_ALIASES, ISTIO_OUTPUT_TABLES, ISTIO_STATIC_DIR } from '../../support/istioHugoToml';

/** istio.io's hugo.toml, the lines around the settings that decide which paths the site has (verbatim). */
const ISTIO_HUGO_TOML = `defaultContentLanguage = "en"
languageCode = "en-us"
metaDataFormat = "yaml"
title = "Istio"
baseurl = "https://istio.io/latest"
uglyURLs = false
canonifyURLs = true
disableKinds = ["taxonomy"]
buildFuture = true
${ISTIO_STATIC_DIR}${ISTIO_DISABLE_ALIASES}
[markup]
  [markup.goldmark]
    [markup.goldmark.extensions]
      footnote = true
      linkifyProtocol = 'https'

${ISTIO_OUTPUT_TABLES}
[related]
    # Only include matches with rank >= threshold. This is a normalized rank between 0 and 100.
    threshold = 80

    [[related.indices]]
        name = "keywords"
        weight = 150

[security]
  [security.funcs]
    getenv = ['^HUGO_','URL']
`;

/** The settings from a hugo.toml's text, read as the site reads it: parsed by hugoConfig.ts's TOML parser. */
const parseHugoConfig = (text: string | undefined) => publishConfig(text === undefined ? undefined : parseConfig(text, 'toml'));

describe("the settings of hugo.toml that decide the site's paths", () => {
  it("reads istio.io's: two static dirs, RSS as feed.xml, the _redirects file, sections without RSS, no alias pages", () => {
    const c = parseHugoConfig(ISTIO_HUGO_TOML);
    assert.deepEqual(c.staticDirs, ['static', 'generated']);
    assert.deepEqual(c.outputs.get('home'), ['html', 'rss', 'redir']);
    assert.deepEqual(c.outputs.get('section'), ['html']);
    assert.deepEqual(c.outputs.get('page'), ['html']);
    assert.equal(c.outputFiles.get('rss'), 'feed.xml');
    assert.equal(c.outputFiles.get('redir'), '_redirects');
    assert.equal(c.outputFiles.get('html'), 'index.html');
    assert.equal(c.disableAliases, true);
  });

  it("takes Hugo's defaults without a configuration, and for what it does not set", () => {
    const c = parseHugoConfig(undefined);
    assert.deepEqual(c.staticDirs, ['static']);
    assert.deepEqual(c.outputs.get('section'), ['html', 'rss']);
    assert.equal(c.outputFiles.get('rss'), 'index.xml');
    assert.equal(c.disableAliases, false);
  });

  it('reads a single static dir, an array over several lines, and ignores comments and array tables', () => {
    assert.deepEqual(parseHugoConfig('staticDir = "assets" # the only one\n').staticDirs, ['assets']);
    assert.deepEqual(parseHugoConfig('staticDir = [\n  "a", # first\n  "b"\n]\n[[menu.main]]\nstaticDir = "no"\n').staticDirs, ['a', 'b']);
  });

  it('reads keys in any case, and the same settings from hugo.yaml or config/_default/ through the one configuration reader', () => {
    assert.deepEqual(parseHugoConfig('STATICDIR = ["x"]\n[OUTPUTS]\nSection = ["Html"]\n').outputs.get('section'), ['html']);
    const yaml = publishConfig(parseConfig('staticDir: [static, generated]\noutputFormats:\n  RSS:\n    baseName: feed\n', 'yaml'));
    assert.deepEqual(yaml.staticDirs, ['static', 'generated']);
    assert.equal(yaml.outputFiles.get('rss'), 'feed.xml');
  });
});
