// strconv's underscoreOK, shared by the template parser's number literals and ParseFloat.

/**
 * Reports whether the underscores in s are allowed: only between digits, or between a
 * base prefix and a digit (strconv/atoi.go).
 */
export function underscoreOK(s: string): boolean {
  // saw is the class of the last character: ^ start, 0 digit or base prefix, _ underscore, ! other.
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}
