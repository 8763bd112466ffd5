/**
 * The `git show` argument for a file at a commit, or `undefined` when `commit` is not a commit id. An `istio-git:`
 * URI can come from any link, so its query must not reach git as an option (`--output=…`) or a revision expression.
 */
export function gitShowSpec(commit: string, fileName: string): string | undefined {
  if (!/^[0-9a-f]{4,64}$/i.test(commit) || fileName === '' || fileName.includes('\n')) return undefined;
  return `${commit}:./${fileName}`;
}
