// Port of Masterminds/semver/v3 v3.3.0 version.go (as sprig v3.3.0 uses it): NewVersion,
// String and Compare. Errors carry the package's messages.

import { GoError } from '../../value/index.js';

export interface SemVer {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly pre: string;
  readonly metadata: string;
  readonly original: string;
}

export const semVerRegex =
  String.raw`v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?` + String.raw`(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?` + String.raw`(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;

const versionRegex = new RegExp(`^${semVerRegex}$`);
const maxUint64 = (1n << 64n) - 1n;

function containsOnly(s: string, allowed: RegExp): boolean {
  return allowed.test(s);
}
const onlyNum = /^[0-9]*$/;
const onlyAllowed = /^[a-zA-Z0-9-]*$/;

export function validatePrerelease(p: string): void {
  for (const part of p.split('.')) {
    if (containsOnly(part, onlyNum)) {
      if (part.length > 1 && part[0] === '0') throw new GoError('Version segment starts with 0');
    } else if (!containsOnly(part, onlyAllowed)) {
      throw new GoError('Invalid Prerelease string');
    }
  }
}

export function validateMetadata(m: string): void {
  for (const part of m.split('.')) if (!containsOnly(part, onlyAllowed)) throw new GoError('Invalid Metadata string');
}

/** strconv.ParseUint(s, 10, 64) on a digit string, wrapped as NewVersion does. */
function segment(digits: string): bigint {
  const n = BigInt(digits);
  if (n > maxUint64) {
    throw new GoError(`Error parsing version segment: strconv.ParseUint: parsing "${digits}": value out of range`);
  }
  return n;
}

/** semver.NewVersion. */
export function newVersion(v: string): SemVer {
  const m = versionRegex.exec(v);
  if (!m) throw new GoError('Invalid Semantic Version');
  const sv: SemVer = {
    major: segment(m[1]),
    minor: m[2] ? segment(m[2].slice(1)) : 0n,
    patch: m[3] ? segment(m[3].slice(1)) : 0n,
    pre: m[5] ?? '',
    metadata: m[8] ?? '',
    original: v,
  };
  if (sv.pre !== '') validatePrerelease(sv.pre);
  if (sv.metadata !== '') validateMetadata(sv.metadata);
  return sv;
}

/** Version.String. */
export function versionString(v: SemVer): string {
  return `${v.major}.${v.minor}.${v.patch}${v.pre !== '' ? `-${v.pre}` : ''}${v.metadata !== '' ? `+${v.metadata}` : ''}`;
}

function compareSegment(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** strconv.ParseUint(s, 10, 64) succeeding. */
function isUint(s: string): boolean {
  return /^[0-9]+$/.test(s) && BigInt(s) <= maxUint64;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const sNum = isUint(s);
  const oNum = isUint(o);
  if (!sNum && !oNum) return s > o ? 1 : -1;
  if (!oNum) return -1;
  if (!sNum) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

export function comparePrerelease(v: string, o: string): number {
  const sparts = v.split('.');
  const oparts = o.split('.');
  for (let i = 0; i < Math.max(sparts.length, oparts.length); i++) {
    const d = comparePrePart(sparts[i] ?? '', oparts[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

/** Version.Compare. */
export function compareVersions(v: SemVer, o: SemVer): number {
  const d = compareSegment(v.major, o.major) || compareSegment(v.minor, o.minor) || compareSegment(v.patch, o.patch);
  if (d !== 0) return d;
  if (v.pre === '' && o.pre === '') return 0;
  if (v.pre === '') return 1;
  if (o.pre === '') return -1;
  return comparePrerelease(v.pre, o.pre);
}
