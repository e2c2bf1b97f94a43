// Go's parse errors are built by formatting twice: errorf first splices the template name into
// "template: %s:%d: " + format, then formats the result with the arguments. A '%' in a template
// name is therefore read as a verb by the second pass. This is the small part of fmt.Sprintf
// needed to reproduce that (string and int arguments, Go's %!v(MISSING)-style complaints),
// and the %#U the lexer's messages use.
import { isPrint, quote } from '../go/strconv/index.js';
import { utf8Bytes } from '../go/unicode/utf8/index.js';

export type FormatArg = string | number;

const typeName = (a: FormatArg): string => (typeof a === 'string' ? 'string' : 'int');

function formatArg(a: FormatArg, verb: string): string {
  if (typeof a === 'string') {
    switch (verb) {
      case 's':
      case 'v':
        return a;
      case 'q':
        return quote(a);
      case 'x':
      case 'X': {
        const hex = Array.from(utf8Bytes(a), (b) => b.toString(16).padStart(2, '0')).join('');
        return verb === 'X' ? hex.toUpperCase() : hex;
      }
    }
  } else {
    switch (verb) {
      case 'd':
      case 'v':
        return String(a);
      case 'c':
        return String.fromCodePoint(a);
      case 'x':
        return a.toString(16);
      case 'X':
        return a.toString(16).toUpperCase();
      case 'o':
        return a.toString(8);
      case 'b':
        return a.toString(2);
    }
  }
  return `%!${verb}(${typeName(a)}=${a})`;
}

/** fmt.Sprintf for string and int arguments (flags, width and precision are read but not applied). */
export function sprintf(format: string, args: readonly FormatArg[]): string {
  let out = '';
  let next = 0;
  let i = 0;
  for (;;) {
    const pct = format.indexOf('%', i);
    if (pct === -1) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    while (i < format.length && '+-# 0'.includes(format[i])) i++;
    while (i < format.length && format[i] >= '0' && format[i] <= '9') i++;
    if (format[i] === '.') {
      i++;
      while (i < format.length && format[i] >= '0' && format[i] <= '9') i++;
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === '%') out += '%';
    else if (next >= args.length) out += `%!${verb}(MISSING)`;
    else out += formatArg(args[next++], verb);
  }
  if (next < args.length) {
    out += '%!(EXTRA ' + args.slice(next).map((a) => `${typeName(a)}=${a}`).join(', ') + ')';
  }
  return out;
}

/** fmt's %#U: "U+0041 'A'", or just "U+0001" when the rune is not printable. */
export function formatRune(cp: number): string {
  const u = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(cp) ? `${u} '${String.fromCodePoint(cp)}'` : u;
}
