/**
 * Pages made to be worst cases for the engine's scanners: each repeats the text that once made some scan quadratic
 * (or worse), so that a size where linear work takes milliseconds would take quadratic work minutes. Shared by the
 * robustness test (test/unit/robustness/linearTime.test.ts) and the benchmark (`npm run bench`).
 */

/** Where the pages are opened: a blog post, as in issue 22. */
export const WORST_CASE_PAGE = 'content/en/blog/2024/worst-case/index.md';

/** A frontmatter every check accepts, so the whole pipeline runs over the body. */
export const WORST_CASE_FRONTMATTER =
  '---\ntitle: Worst case\ndescription: A page made to be slow to scan.\npublishdate: 2024-01-01\nattribution: The robustness test\nkeywords: [test]\n---\n\n';

export interface WorstCase {
  readonly name: string;
  /** What was super-linear on this input. */
  readonly cause: string;
  /** A page of about `size` characters. */
  readonly page: (size: number) => string;
  /**
   * The size the test uses, when the default is too small: a rescan by `indexOf` or a copy by `slice` is so fast
   * per character that the quadratic time only shows on larger pages.
   */
  readonly size?: number;
  /** Checked as this language's translation of an English page of the same text (the rules of translated pages run). */
  readonly translation?: string;
}

const LARGE = 1_600_000;

/** `unit` repeated over lines of about 60 characters (one paragraph), to fill about `size` characters. */
function paragraph(unit: string, size: number): string {
  const perLine = Math.max(1, Math.floor(60 / unit.length));
  const line = unit.repeat(perLine) + '\n';
  return WORST_CASE_FRONTMATTER + line.repeat(Math.max(1, Math.floor((size - WORST_CASE_FRONTMATTER.length) / line.length)));
}

/** `unit` repeated to fill about `size` characters after the frontmatter. */
function repeated(unit: string, size: number, before = '', after = ''): string {
  const n = Math.max(1, Math.floor((size - WORST_CASE_FRONTMATTER.length - before.length - after.length) / unit.length));
  return WORST_CASE_FRONTMATTER + before + unit.repeat(n) + after;
}

export const WORST_CASES: readonly WorstCase[] = [
  { name: 'link opener `[a](`', cause: 'each `](` rescanned the rest of the page for its destination', page: (s) => repeated('[a](', s) },
  { name: 'escaped example `{{</*`', cause: 'each `{{</*` searched the rest of the page for `*/>}}`', page: (s) => repeated('{{</*', s) },
  { name: 'heading `# {#a{#a…`', cause: 'the `{#id}` regular expression was cubic', page: (s) => repeated('{#a', s, '# ', '\n') },
  {
    name: 'frontmatter keys `kN: v`',
    cause: 'each unknown key built a set of every key',
    page: (s) => {
      const lines: string[] = [];
      for (let i = 0, size = 8; size < s; i++) {
        const line = `k${i}: v`;
        lines.push(line);
        size += line.length + 1;
      }
      return `---\ntitle: Keys\npublishdate: 2024-01-01\n${lines.join('\n')}\n---\n`;
    },
  },
  { name: 'tag opener `{{<`', cause: 'one finding each: 330,000 overflowed push(...)', page: (s) => repeated('{{<', s) },
  { name: 'heading of blanks then a line separator', cause: 'the heading regular expression backtracked exponentially', page: (s) => repeated(' ', s, '#', 'x\u2028y\n') },
  { name: 'heading with a closing run of `#`', cause: 'the closing-sequence pattern backtracked over the blanks', page: (s) => WORST_CASE_FRONTMATTER + '# a' + ' '.repeat(Math.floor(s / 2)) + '#'.repeat(Math.floor(s / 2)) + 'x\n' },
  { name: 'heading of `<`', cause: 'the heading text pattern `<[^>]+>` rescanned from every `<`', page: (s) => repeated('<', s, '# ', '\n') },
  { name: 'code spans in one paragraph', size: LARGE, cause: 'each code span searched the rest of the page for the paragraph end', page: (s) => repeated('`a` ', s) },
  { name: 'backtick runs on one line', cause: 'each run of three looked back to the start of its line', page: (s) => repeated('```a', s, 'x') },
  { name: 'angle destination `[a](<`', size: LARGE, cause: 'each `](<` searched the rest of the page for `>`', page: (s) => repeated('[a](<', s) },
  { name: 'shortcode in a destination `[a]({{`', size: LARGE, cause: 'each `]({{` searched the rest of the page for `}}`', page: (s) => repeated('[a]({{', s) },
  { name: 'single-brace opener `{<` and blanks', cause: 'the `{<` pattern backtracked over the blanks', page: (s) => repeated(' ', s, '{<', '!\n') },
  { name: 'unclosed callouts then stray closers', cause: 'each closing tag searched the whole stack of open shortcodes', page: (s) => repeated('{{< tip >}}', s / 2) + repeated('{{< /x >}}', s / 2).slice(WORST_CASE_FRONTMATTER.length) },
  { name: 'nested callouts', size: LARGE, cause: 'the one-line check sliced each callout, children included', page: (s) => repeated('{{< tip >}}', s / 2) + '\n' + repeated('{{< /tip >}}', s / 2).slice(WORST_CASE_FRONTMATTER.length) },
  { name: 'nested tabsets', size: LARGE, cause: 'the dropped-content check sliced each tabset, children included', page: (s) => repeated('{{< tabset >}}', s / 2) + '\n' + repeated('{{< /tabset >}}', s / 2).slice(WORST_CASE_FRONTMATTER.length) },
  { name: 'comment openers in a tabset', cause: 'the comment pattern rescanned from every `<!--`', page: (s) => repeated('<!--', s, '{{< tabset >}}\n', '\n{{< /tabset >}}\n') },
  // One paragraph of short lines: mdspell's parser (the make-lint spelling check) retried marked's inline rules from
  // each opener to the end of the paragraph, and searched the whole page again for each code span it removed.
  { name: 'image links on the short lines of one paragraph', cause: "mdspell's parser: marked's link rule from every `![`", page: (s) => paragraph('![a](', s) },
  { name: 'code spans on the short lines of one paragraph', cause: "mdspell's parser: a search of the whole page per code span", page: (s) => paragraph('`a` ', s) },
  { name: '`{{% … %}}` on the short lines of one paragraph', size: LARGE, cause: "mdspell's parser: its tracker read every earlier replacement for each replacement and each word", page: (s) => paragraph('{{% /tip %}}', s) },
  { name: 'comment openers on the short lines of one paragraph', cause: "mdspell's parser: marked's HTML rule from every `<!--`", page: (s) => paragraph('<!--', s) },
  // A page of callouts and figures written on one line (a minified or generated page, a paste gone wrong): the
  // indented-code check found each tag's line start by searching back through the whole line.
  { name: 'block shortcodes on one line', cause: "the indented-code check searched each tag's line back to its start", page: (s) => repeated('{{< tip >}}a{{< /tip >}}', s) },
  // The make-lint pass: kramdown's block scan, as the style rules follow it, looked for each fence's closer to the end.
  { name: 'unclosed fences in paragraphs of their own', cause: "mdl's block scan looked for each fence's closer to the end of the page", page: (s) => repeated('```a\n\n', s) },
  { name: 'links to an anchor no heading has, between headings', cause: 'each broken anchor was compared with every heading id for a suggestion', page: (s) => repeated('## a\n\n[b](#zzz)\n\n', s) },
  {
    name: 'links to the last of many headings',
    cause: "each link searched the page's list of headings for its id",
    page: (s) => {
      const headings = Math.floor(s / 2 / 6);
      const link = `[b](#a-${headings - 1})\n\n`;
      return WORST_CASE_FRONTMATTER + '## a\n\n'.repeat(headings) + link.repeat(Math.floor(s / 2 / link.length));
    },
  },
  { name: 'suppressions on one line', cause: 'each comment copied the list of the line', page: (s) => repeated('<!-- istio-ignore-next-line -->', s, '', '\n{{<\n') },
  // The lint script's blockquote rule asked, for each `>` line, whether a tag holds its `>`, through every tag.
  { name: 'a quote of a tag on each line', cause: 'each `>` line was looked for in every tag of the page', page: (s) => repeated('> {{< a >}}\n', s) },
  {
    name: 'distinct headers',
    cause: "the style rules' MD024 compared every header's text with every other's",
    page: (s) => {
      let page = WORST_CASE_FRONTMATTER;
      for (let i = 0; page.length < s; i++) page += `## h${i}\n\n`;
      return page;
    },
  },
  // The lint script's greps leave a link's fault to the link check: each match looked for its link, or its image
  // tag, among all of the page's.
  { name: 'links to istio.io', cause: "each istio.io URL the lint grep matched searched the page's links for its own", page: (s) => repeated('[a](https://istio.io/)', s), size: 800_000 },
  { name: 'English paths in a translation', cause: "each `/docs/` path the lint grep matched searched the page's links", page: (s) => repeated('[a](/docs/)', s), translation: 'zh', size: 800_000 },
  {
    name: 'English image paths in a translation',
    cause: "each `/docs/` path the lint grep matched searched the page's tags for its image",
    page: (s) => repeated('{{< image link="/docs/a.png" caption="c" >}}', s),
    translation: 'zh',
    size: 800_000,
  },
];

/** A plain post of about `size` characters: ordinary paragraphs, headings, links and shortcodes, for comparison. */
export function plainPost(size: number): string {
  const section = (i: number): string =>
    `## Section ${i} {#section-${i}}\n\nIstio's [traffic management](/docs/concepts/traffic-management/) lets you control the flow of ` +
    `traffic and API calls between services. See the \`VirtualService\` reference and [the FAQ](/faq/).\n\n` +
    `{{< text bash >}}\n$ kubectl apply -f samples/bookinfo/platform/kube/bookinfo.yaml\n{{< /text >}}\n\n` +
    `{{< tip >}}\nUse \`istioctl analyze\` to find problems before they reach the mesh.\n{{< /tip >}}\n\n`;
  let body = '';
  for (let i = 0; WORST_CASE_FRONTMATTER.length + body.length < size; i++) body += section(i);
  return WORST_CASE_FRONTMATTER + body;
}
