const SPECIAL = /[.+^$()|[\]\\]/;

/**
 * A glob as a regular expression over `/`-separated relative paths: `**` spans folders, `*` and
 * `?` stay within one, `{a,b}` picks one of its parts. chokidar 4 dropped glob support, and
 * these four forms are all include and exclude patterns need.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more whole folders; a trailing `**` matches everything below.
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:[^/]+/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      source += '(?:';
      inBraces = true;
    } else if (char === '}' && inBraces) {
      source += ')';
      inBraces = false;
    } else if (char === ',' && inBraces) source += '|';
    else source += SPECIAL.test(char) ? `\\${char}` : char;
  }
  return new RegExp(`^${source}$`);
}

/** Matches a relative path against any of a list of globs. */
export function globMatcher(globs: string[]): (relativePath: string) => boolean {
  const patterns = globs.map(globToRegExp);
  return (relativePath) => patterns.some((pattern) => pattern.test(relativePath));
}
