/** The codes of `make lint`'s grep rules; the fixes they carry are this family's code actions. */
export const LINT_CODES: ReadonlySet<string> = new Set([
  'lint.absolute-istio-url',
  'lint.preliminary-url',
  'lint.github-url',
  'lint.code-fence',
  'lint.curly-quote',
  'lint.blockquote',
  'lint.english-alias',
  'lint.english-reference',
]);
