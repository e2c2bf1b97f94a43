// Port of Masterminds/semver/v3 v3.3.0 constraints.go: NewConstraint and Check (sprig's
// semverCompare only needs whether a version passes, so the checks return booleans).
// Go's regexp \s is ASCII whitespace; the patterns spell it out as [\t\n\f\r ].

import { GoError } from '../../value/index.js';
import { type SemVer, comparePrerelease, compareVersions, newVersion } from './version.js';

interface Constraint {
  readonly con: SemVer;
  readonly orig: string;
  readonly origfunc: string;
  readonly minorDirty: boolean;
  readonly dirty: boolean;
  readonly patchDirty: boolean;
}

const ws = '[\\t\\n\\f\\r ]';
const cvRegex =
  String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?` +
  String.raw`(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?` +
  String.raw`(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const ops = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;

const constraintRegex = new RegExp(`^${ws}*(${ops})${ws}*(${cvRegex})${ws}*$`);
const constraintRangeRegex = new RegExp(`${ws}*(${cvRegex})${ws}+-${ws}+(${cvRegex})${ws}*`, 'g');
const findConstraintRegex = new RegExp(`(${ops})${ws}*(${cvRegex})`, 'g');
const validConstraintRegex = new RegExp(`^(${ws}*(${ops})${ws}*(${cvRegex})${ws}*)((?:${ws}+|,${ws}*)(${ops})${ws}*(${cvRegex})${ws}*)*$`);

function isX(x: string): boolean {
  return x === 'x' || x === '*' || x === 'X';
}

/** rewriteRange: "1 - 2" becomes ">= 1, <= 2 " (replacing the first occurrence of each match's text). */
function rewriteRange(i: string): string {
  let o = i;
  for (const m of i.matchAll(constraintRangeRegex)) {
    const at = o.indexOf(m[0]);
    if (at >= 0) o = o.slice(0, at) + `>= ${m[1]}, <= ${m[11]} ` + o.slice(at + m[0].length);
  }
  return o;
}

function parseConstraint(c: string): Constraint {
  const m = constraintRegex.exec(c);
  if (!m) throw new GoError(`improper constraint: ${c}`);
  const [, origfunc, orig, major = '', minor = '', patch = '', pre = ''] = m;
  let ver = orig;
  let minorDirty = false;
  let patchDirty = false;
  let dirty = false;
  if (isX(major) || major === '') {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(minor.replace(/^\./, '')) || minor === '') {
    minorDirty = true;
    dirty = true;
    ver = `${major}.0.0${pre}`;
  } else if (isX(patch.replace(/^\./, '')) || patch === '') {
    dirty = true;
    patchDirty = true;
    ver = `${major}${minor}.0${pre}`;
  }
  let con: SemVer;
  try {
    con = newVersion(ver);
  } catch {
    throw new GoError('constraint Parser Error');
  }
  return { con, orig, origfunc, minorDirty, dirty, patchDirty };
}

/** semver.NewConstraint: OR groups of AND-ed constraints. */
export function newConstraint(c0: string): Constraint[][] {
  const c = rewriteRange(c0);
  return c.split('||').map((v) => {
    if (!validConstraintRegex.test(v)) throw new GoError(`improper constraint: ${v}`);
    const cs = Array.from(v.matchAll(findConstraintRegex), (m) => m[0]);
    // parseConstraint("") is unreachable: a valid group always has a match.
    return cs.map(parseConstraint);
  });
}

const lt = (v: SemVer, o: SemVer): boolean => compareVersions(v, o) < 0;
const equal = (v: SemVer, o: SemVer): boolean => compareVersions(v, o) === 0;
/** The release-only rule every operator applies first. */
const preBlocked = (v: SemVer, c: Constraint): boolean => v.pre !== '' && c.con.pre === '';

function notEqual(v: SemVer, c: Constraint): boolean {
  if (c.dirty) {
    if (preBlocked(v, c)) return false;
    if (c.con.major !== v.major) return true;
    if (c.con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (c.con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) {
      if (v.pre !== '' || c.con.pre !== '') return comparePrerelease(v.pre, c.con.pre) !== 0;
      return false;
    }
  }
  return !equal(v, c.con);
}

function greaterThan(v: SemVer, c: Constraint): boolean {
  if (preBlocked(v, c)) return false;
  if (!c.dirty) return compareVersions(v, c.con) === 1;
  if (v.major > c.con.major) return true;
  if (v.major < c.con.major) return false;
  if (c.minorDirty) return false;
  if (c.patchDirty) return v.minor > c.con.minor;
  return compareVersions(v, c.con) === 1;
}

function lessThanEqual(v: SemVer, c: Constraint): boolean {
  if (preBlocked(v, c)) return false;
  if (!c.dirty) return compareVersions(v, c.con) <= 0;
  if (v.major > c.con.major) return false;
  return !(v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty);
}

function tilde(v: SemVer, c: Constraint): boolean {
  if (preBlocked(v, c)) return false;
  if (lt(v, c.con)) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  return !(v.minor !== c.con.minor && !c.minorDirty);
}

function tildeOrEqual(v: SemVer, c: Constraint): boolean {
  if (preBlocked(v, c)) return false;
  if (c.dirty) return tilde(v, c);
  return equal(v, c.con);
}

function caret(v: SemVer, c: Constraint): boolean {
  if (preBlocked(v, c)) return false;
  if (lt(v, c.con)) return false;
  if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
  if (c.con.major === 0n && v.major > 0n) return false;
  if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
  if (c.con.minor === 0n && v.minor > 0n) return false;
  return c.con.patch === v.patch;
}

const constraintOps: Record<string, (v: SemVer, c: Constraint) => boolean> = {
  '': tildeOrEqual,
  '=': tildeOrEqual,
  '!=': notEqual,
  '>': greaterThan,
  '<': (v, c) => !preBlocked(v, c) && lt(v, c.con),
  '>=': (v, c) => !preBlocked(v, c) && compareVersions(v, c.con) >= 0,
  '=>': (v, c) => !preBlocked(v, c) && compareVersions(v, c.con) >= 0,
  '<=': lessThanEqual,
  '=<': lessThanEqual,
  '~': tilde,
  '~>': tilde,
  '^': caret,
};

/** Constraints.Check. */
export function checkConstraints(cs: Constraint[][], v: SemVer): boolean {
  return cs.some((group) => group.every((c) => constraintOps[c.origfunc](v, c)));
}
