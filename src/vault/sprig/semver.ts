// sprig's semver and semverCompare (semver.go) over Masterminds/semver/v3: semver returns
// a *semver.Version whose methods (Major, Prerelease, Original, Compare, IncMinor, ...)
// templates call and which prints through its String method.

import {
  GoPanic,
  Value,
  boolType,
  boolValue,
  intType,
  stringValue,
  stringType,
  intValue,
  sliceOf,
  type GoType,
  type FuncSig,
  type Method,
  errorType,
  namedType,
  ptrTo,
  structOf,
  uint64Type,
  uint8Type,
} from '../../value/index.js';
import { utf8Bytes } from '../../go/unicode/utf8/index.js';
import { S, fn } from '../funcs/sig.js';
import { type SemVer, compareVersions, newVersion, validateMetadata, validatePrerelease, versionString } from '../semver/version.js';
import { checkConstraints, newConstraint } from '../semver/constraints.js';

const bytesType = sliceOf(uint8Type);

function toValue(v: SemVer): Value {
  return new Value(versionType, [
    new Value(uint64Type, v.major),
    new Value(uint64Type, v.minor),
    new Value(uint64Type, v.patch),
    stringValue(v.pre),
    stringValue(v.metadata),
    stringValue(v.original),
  ]);
}

function fromValue(v: Value): SemVer {
  return {
    major: v.field('major').int(),
    minor: v.field('minor').int(),
    patch: v.field('patch').int(),
    pre: v.field('pre').str(),
    metadata: v.field('metadata').str(),
    original: v.field('original').str(),
  };
}

/** The pointee of a *Version argument or receiver; nil dereferences panic as in Go. */
function deref(p: Value): SemVer {
  if (p.isNil()) throw new GoPanic('runtime error: invalid memory address or nil pointer dereference');
  return fromValue(p.elem());
}

/** A method whose signature mentions Version itself, so it is built when first used. */
function method(name: string, sig: () => FuncSig, call: (recv: Value, args: readonly Value[]) => Value): Method {
  return {
    name,
    get sig() {
      return sig();
    },
    call,
  };
}

const nullary =
  (result: GoType, withErr = false) =>
  (): FuncSig => ({ params: [], variadic: false, results: withErr ? [result, errorType] : [result] });

function originalVPrefix(v: SemVer): string {
  return v.original.startsWith('v') ? 'v' : '';
}

/** A Version derived from v (IncMinor, SetPrerelease, ...): its original is its new text. */
function derived(v: SemVer, next: Omit<SemVer, 'original'>): Value {
  const tmp = { ...next, original: '' };
  return toValue({ ...next, original: originalVPrefix(v) + versionString(tmp) });
}

const compareSig = (result: GoType) => (): FuncSig => ({ params: [versionPtrType], variadic: false, results: [result] });
const valueMethods: Method[] = [
  method('String', nullary(stringType), (r) => stringValue(versionString(fromValue(r)))),
  method('Major', nullary(uint64Type), (r) => new Value(uint64Type, fromValue(r).major)),
  method('Minor', nullary(uint64Type), (r) => new Value(uint64Type, fromValue(r).minor)),
  method('Patch', nullary(uint64Type), (r) => new Value(uint64Type, fromValue(r).patch)),
  method('Prerelease', nullary(stringType), (r) => stringValue(fromValue(r).pre)),
  method('Metadata', nullary(stringType), (r) => stringValue(fromValue(r).metadata)),
  method(
    'IncPatch',
    () => nullary(versionType)(),
    (r) => {
      const v = fromValue(r);
      return derived(v, { ...v, pre: '', metadata: '', patch: v.pre !== '' ? v.patch : BigInt.asUintN(64, v.patch + 1n) });
    },
  ),
  method(
    'IncMinor',
    () => nullary(versionType)(),
    (r) => {
      const v = fromValue(r);
      return derived(v, { ...v, pre: '', metadata: '', patch: 0n, minor: BigInt.asUintN(64, v.minor + 1n) });
    },
  ),
  method(
    'IncMajor',
    () => nullary(versionType)(),
    (r) => {
      const v = fromValue(r);
      return derived(v, { ...v, pre: '', metadata: '', patch: 0n, minor: 0n, major: BigInt.asUintN(64, v.major + 1n) });
    },
  ),
  method(
    'SetPrerelease',
    () => ({ params: [stringType], variadic: false, results: [versionType, errorType] }),
    (r, [p]) => {
      const v = fromValue(r);
      if (p.str() !== '') validatePrerelease(p.str());
      return derived(v, { ...v, pre: p.str() });
    },
  ),
  method(
    'SetMetadata',
    () => ({ params: [stringType], variadic: false, results: [versionType, errorType] }),
    (r, [m]) => {
      const v = fromValue(r);
      if (m.str() !== '') validateMetadata(m.str());
      return derived(v, { ...v, metadata: m.str() });
    },
  ),
  method('MarshalJSON', nullary(bytesType, true), (r) => bytesValue(JSON.stringify(versionString(fromValue(r))))),
  method('MarshalText', nullary(bytesType, true), (r) => bytesValue(versionString(fromValue(r)))),
];

function bytesValue(s: string): Value {
  return new Value(
    bytesType,
    Array.from(utf8Bytes(s), (b) => new Value(uint8Type, BigInt(b))),
  );
}

const pointerMethods: Method[] = [
  method('Original', nullary(stringType), (r) => stringValue(deref(r).original)),
  method('Compare', compareSig(intType), (r, [o]) => intValue(compareVersions(deref(r), deref(o)))),
  method('LessThan', compareSig(boolType), (r, [o]) => boolValue(compareVersions(deref(r), deref(o)) < 0)),
  method('LessThanEqual', compareSig(boolType), (r, [o]) => boolValue(compareVersions(deref(r), deref(o)) <= 0)),
  method('GreaterThan', compareSig(boolType), (r, [o]) => boolValue(compareVersions(deref(r), deref(o)) > 0)),
  method('GreaterThanEqual', compareSig(boolType), (r, [o]) => boolValue(compareVersions(deref(r), deref(o)) >= 0)),
  method('Equal', compareSig(boolType), (r, [o]) => {
    if (r.isNil() || o.isNil()) return boolValue(r.isNil() && o.isNil());
    return boolValue(compareVersions(deref(r), deref(o)) === 0);
  }),
];

const versionType: GoType = namedType({
  str: 'semver.Version',
  underlying: structOf([
    { name: 'major', type: uint64Type },
    { name: 'minor', type: uint64Type },
    { name: 'patch', type: uint64Type },
    { name: 'pre', type: stringType },
    { name: 'metadata', type: stringType },
    { name: 'original', type: stringType },
  ]),
  methods: valueMethods,
  pointerMethods,
});
const versionPtrType = ptrTo(versionType);

export const sprigSemver = {
  semver: fn([S], versionPtrType, ([v]) => new Value(versionPtrType, toValue(newVersion(v.str())))),
  semverCompare: fn([S, S], boolType, ([c, v]) => boolValue(checkConstraints(newConstraint(c.str()), newVersion(v.str())))),
} satisfies Record<string, Value>;
