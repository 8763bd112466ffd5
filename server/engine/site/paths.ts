/** POSIX-style path helpers for the engine (all paths are absolute and use `/`). */

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i <= 0) return '/';
  return path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function join(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  return normalize(joined);
}

/** Resolves `.` and `..` segments and doubled slashes. A path never climbs above `/`. */
export function normalize(path: string): string {
  // Most paths are already normal (every file-system call checks one): no empty, `.` or `..` segment.
  if (path.startsWith('/') && !path.endsWith('/') && !path.includes('//') && !path.includes('/.')) return path;
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return (absolute ? '/' : '') + out.join('/');
}

export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : folder + '/');
}

export function extname(path: string): string {
  const base = basename(path);
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i).toLowerCase();
}
