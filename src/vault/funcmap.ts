// consul-template's function map (template/template.go funcMap) as one table, in
// upstream order: the API functions, Nomad, scratch, the helpers, math, debug, then
// sprig's hermetic functions prefixed sprig_ (in the order of sprig's genericMap).
// An entry is a function, or (for the few that read or record the render's state)
// how to make it for one render. Names matching a function_denylist glob are
// replaced by `denied`.

import { GoError, Value, sliceStringType } from '../value/index.js';
import type { FuncContext, FuncMapOptions, PerRender } from './funcs/context.js';
import { consulFuncs } from './funcs/consul.js';
import { executeTemplateFunc } from './funcs/execute-template.js';
import { loopFunc } from './funcs/loop.js';
import { scratchFunc } from './funcs/scratch.js';
import { S, fn } from './funcs/sig.js';
import { timestampFunc } from './funcs/timestamp.js';
import { pluginFunc } from './funcs/unsupported.js';
import { unimplementedSprigFuncs } from './sprig/unimplemented.js';
import { base64Funcs as base64 } from './funcs/base64.js';
import { containsFuncs as contains } from './funcs/contains.js';
import { envFuncs as env } from './funcs/env.js';
import { fileFuncs as files } from './funcs/files.js';
import { hashFuncs as hash } from './funcs/hash.js';
import { jsonFuncs as json } from './funcs/json.js';
import { mapFuncs as maps } from './funcs/maps.js';
import { mathFuncs as math } from './funcs/math.js';
import { parseFuncs as parse } from './funcs/parse.js';
import { regexFuncs as regex } from './funcs/regex.js';
import { secretFuncs as vault } from './funcs/vault.js';
import { sprigCollectionFuncs as sprigDict } from './sprig/dict.js';
import { sprigCryptoFuncs as sprigCrypto } from './sprig/crypto.js';
import { sprigDateFuncs as sprigDate } from './sprig/date.js';
import { sprigListFuncs as sprigList } from './sprig/list.js';
import { sprigNumberFuncs as sprigNumbers } from './sprig/numbers.js';
import { sprigNumericFuncs as sprigNumeric } from './sprig/numeric.js';
import { sprigRegexFuncs as sprigRegex } from './sprig/regex.js';
import { sprigSemverFuncs as sprigSemver } from './sprig/semver.js';
import { sprigStringFuncs as sprigStrings } from './sprig/strings.js';
import { sprigTextFuncs as sprigText } from './sprig/text.js';
import { sprigTypeFuncs as sprigReflect } from './sprig/reflect.js';
import { sprigURLFuncs as sprigURL } from './sprig/url.js';
import { stringFuncs as strings } from './funcs/strings.js';
import { tomlFuncs as toml } from './toml/encode.js';
import { unsupportedFuncs as unsupported } from './funcs/unsupported.js';
import { yamlFuncs as yaml } from './funcs/yaml.js';import { glob } from './glob.js';

const consul = consulFuncs();
const sprigUnimplemented = unimplementedSprigFuncs();

const funcMap: Readonly<Record<string, Value | PerRender>> = {
  // API functions
  datacenters: consul.datacenters,
  exportedServices: consul.exportedServices,
  importedServices: consul.importedServices,
  file: files.file,
  key: consul.key,
  keyExists: consul.keyExists,
  keyOrDefault: consul.keyOrDefault,
  ls: consul.ls,
  safeLs: consul.safeLs,
  node: consul.node,
  nodes: consul.nodes,
  partitions: consul.partitions,
  peerings: consul.peerings,
  secret: vault.secret,
  secrets: vault.secrets,
  service: consul.service,
  connect: consul.connect,
  services: consul.services,
  tree: consul.tree,
  safeTree: consul.safeTree,
  caRoots: consul.caRoots,
  caLeaf: consul.caLeaf,
  pkiCert: vault.pkiCert,
  // Nomad Functions.
  nomadServices: consul.nomadServices,
  nomadService: consul.nomadService,
  nomadVarList: consul.nomadVarList,
  nomadVarListSafe: consul.nomadVarListSafe,
  nomadVar: consul.nomadVar,
  nomadVarExists: consul.nomadVarExists,
  // Scratch
  scratch: scratchFunc,
  // Helper functions
  base64Decode: base64.base64Decode,
  base64Encode: base64.base64Encode,
  base64URLDecode: base64.base64URLDecode,
  base64URLEncode: base64.base64URLEncode,
  byKey: consul.byKey,
  byPort: consul.byPort,
  byTag: consul.byTag,
  contains: contains.contains,
  containsAll: contains.containsAll,
  containsAny: contains.containsAny,
  containsNone: contains.containsNone,
  containsNotAll: contains.containsNotAll,
  env: env.env,
  mustEnv: env.mustEnv,
  envOrDefault: env.envOrDefault,
  executeTemplate: executeTemplateFunc,
  explode: consul.explode,
  explodeMap: maps.explodeMap,
  mergeMap: maps.mergeMap,
  mergeMapWithOverride: maps.mergeMapWithOverride,
  in: contains.in,
  indent: strings.indent,
  loop: loopFunc,
  join: strings.join,
  trim: strings.trim,
  trimPrefix: strings.trimPrefix,
  trimSuffix: strings.trimSuffix,
  trimSpace: strings.trimSpace,
  parseBool: parse.parseBool,
  parseFloat: parse.parseFloat,
  parseInt: parse.parseInt,
  parseJSON: parse.parseJSON,
  parseUint: parse.parseUint,
  parseYAML: parse.parseYAML,
  plugin: (_ctx, opts) => pluginFunc(opts.plugin),
  regexReplaceAll: regex.regexReplaceAll,
  regexMatch: regex.regexMatch,
  replaceAll: strings.replaceAll,
  sha256Hex: hash.sha256Hex,
  md5sum: hash.md5sum,
  hmacSHA256Hex: hash.hmacSHA256Hex,
  timestamp: timestampFunc,
  toLower: strings.toLower,
  toJSON: json.toJSON,
  toJSONPretty: json.toJSONPretty,
  toUnescapedJSON: json.toUnescapedJSON,
  toUnescapedJSONPretty: json.toUnescapedJSONPretty,
  toTitle: strings.toTitle,
  toTOML: toml.toTOML,
  toUpper: strings.toUpper,
  toYAML: yaml.toYAML,
  split: strings.split,
  splitToMap: strings.splitToMap,
  byMeta: consul.byMeta,
  sockaddr: unsupported.sockaddr,
  writeToFile: files.writeToFile,
  // Math functions
  add: math.add,
  subtract: math.subtract,
  multiply: math.multiply,
  divide: math.divide,
  modulo: math.modulo,
  minimum: math.minimum,
  maximum: math.maximum,
  // Debug functions
  spew_dump: unsupported.spew_dump,
  spew_printf: unsupported.spew_printf,
  spew_sdump: unsupported.spew_sdump,
  spew_sprintf: unsupported.spew_sprintf,

  // Sprig (sprig.HermeticTxtFuncMap, prefixed sprig_), in the order of sprig's genericMap
  sprig_hello: sprigText.hello,
  sprig_ago: sprigUnimplemented.ago,
  sprig_duration: sprigDate.duration,
  sprig_durationRound: sprigDate.durationRound,
  sprig_must_date_modify: sprigDate.must_date_modify,
  sprig_mustDateModify: sprigDate.mustDateModify,
  sprig_mustToDate: sprigDate.mustToDate,
  sprig_toDate: sprigDate.toDate,
  sprig_unixEpoch: sprigDate.unixEpoch,
  sprig_abbrev: sprigText.abbrev,
  sprig_abbrevboth: sprigText.abbrevboth,
  sprig_trunc: sprigText.trunc,
  sprig_trim: sprigStrings.trim,
  sprig_upper: sprigStrings.upper,
  sprig_lower: sprigStrings.lower,
  sprig_title: sprigStrings.title,
  sprig_untitle: sprigText.untitle,
  sprig_substr: sprigText.substr,
  sprig_repeat: sprigStrings.repeat,
  sprig_trimall: sprigStrings.trimall,
  sprig_trimAll: sprigStrings.trimAll,
  sprig_trimSuffix: sprigStrings.trimSuffix,
  sprig_trimPrefix: sprigStrings.trimPrefix,
  sprig_nospace: sprigText.nospace,
  sprig_initials: sprigText.initials,
  sprig_swapcase: sprigText.swapcase,
  sprig_shuffle: sprigUnimplemented.shuffle,
  sprig_snakecase: sprigText.snakecase,
  sprig_camelcase: sprigText.camelcase,
  sprig_kebabcase: sprigText.kebabcase,
  sprig_wrap: sprigText.wrap,
  sprig_wrapWith: sprigText.wrapWith,
  sprig_contains: sprigStrings.contains,
  sprig_hasPrefix: sprigStrings.hasPrefix,
  sprig_hasSuffix: sprigStrings.hasSuffix,
  sprig_quote: sprigStrings.quote,
  sprig_squote: sprigStrings.squote,
  sprig_cat: sprigStrings.cat,
  sprig_indent: sprigStrings.indent,
  sprig_nindent: sprigStrings.nindent,
  sprig_replace: sprigStrings.replace,
  sprig_plural: sprigText.plural,
  sprig_sha1sum: sprigText.sha1sum,
  sprig_sha256sum: sprigStrings.sha256sum,
  sprig_sha512sum: sprigText.sha512sum,
  sprig_adler32sum: sprigText.adler32sum,
  sprig_toString: sprigStrings.toString,
  sprig_atoi: sprigNumeric.atoi,
  sprig_int64: sprigNumeric.int64,
  sprig_int: sprigNumeric.int,
  sprig_float64: sprigNumeric.float64,
  sprig_seq: sprigNumbers.seq,
  sprig_toDecimal: sprigNumbers.toDecimal,
  sprig_split: sprigStrings.split,
  sprig_splitList: sprigStrings.splitList,
  sprig_splitn: sprigText.splitn,
  sprig_toStrings: sprigText.toStrings,
  sprig_until: sprigDict.until,
  sprig_untilStep: sprigNumbers.untilStep,
  sprig_add1: sprigNumeric.add1,
  sprig_add: sprigNumeric.add,
  sprig_sub: sprigNumeric.sub,
  sprig_div: sprigNumeric.div,
  sprig_mod: sprigNumeric.mod,
  sprig_mul: sprigNumeric.mul,
  sprig_randInt: sprigUnimplemented.randInt,
  sprig_add1f: sprigNumbers.add1f,
  sprig_addf: sprigNumbers.addf,
  sprig_subf: sprigNumbers.subf,
  sprig_divf: sprigNumbers.divf,
  sprig_mulf: sprigNumbers.mulf,
  sprig_biggest: sprigNumbers.biggest,
  sprig_max: sprigNumbers.max,
  sprig_min: sprigNumbers.min,
  sprig_maxf: sprigNumbers.maxf,
  sprig_minf: sprigNumbers.minf,
  sprig_ceil: sprigNumbers.ceil,
  sprig_floor: sprigNumbers.floor,
  sprig_round: sprigNumbers.round,
  sprig_join: sprigStrings.join,
  sprig_sortAlpha: sprigList.sortAlpha,
  sprig_default: sprigDict.default,
  sprig_empty: sprigDict.empty,
  sprig_coalesce: sprigDict.coalesce,
  sprig_all: sprigList.all,
  sprig_any: sprigList.any,
  sprig_compact: sprigList.compact,
  sprig_mustCompact: sprigList.mustCompact,
  sprig_fromJson: sprigReflect.fromJson,
  sprig_toJson: sprigDict.toJson,
  sprig_toPrettyJson: sprigDict.toPrettyJson,
  sprig_toRawJson: sprigDict.toRawJson,
  sprig_mustFromJson: sprigReflect.mustFromJson,
  sprig_mustToJson: sprigReflect.mustToJson,
  sprig_mustToPrettyJson: sprigReflect.mustToPrettyJson,
  sprig_mustToRawJson: sprigReflect.mustToRawJson,
  sprig_ternary: sprigDict.ternary,
  sprig_deepCopy: sprigReflect.deepCopy,
  sprig_mustDeepCopy: sprigReflect.mustDeepCopy,
  sprig_typeOf: sprigReflect.typeOf,
  sprig_typeIs: sprigReflect.typeIs,
  sprig_typeIsLike: sprigReflect.typeIsLike,
  sprig_kindOf: sprigReflect.kindOf,
  sprig_kindIs: sprigReflect.kindIs,
  sprig_deepEqual: sprigReflect.deepEqual,
  sprig_base: sprigText.base,
  sprig_dir: sprigText.dir,
  sprig_clean: sprigText.clean,
  sprig_ext: sprigText.ext,
  sprig_isAbs: sprigText.isAbs,
  sprig_osBase: sprigText.osBase,
  sprig_osClean: sprigText.osClean,
  sprig_osDir: sprigText.osDir,
  sprig_osExt: sprigText.osExt,
  sprig_osIsAbs: sprigText.osIsAbs,
  sprig_b64enc: sprigStrings.b64enc,
  sprig_b64dec: sprigStrings.b64dec,
  sprig_b32enc: sprigText.b32enc,
  sprig_b32dec: sprigText.b32dec,
  sprig_tuple: sprigList.tuple,
  sprig_list: sprigDict.list,
  sprig_dict: sprigDict.dict,
  sprig_get: sprigDict.get,
  sprig_set: sprigDict.set,
  sprig_unset: sprigDict.unset,
  sprig_hasKey: sprigDict.hasKey,
  sprig_pluck: sprigList.pluck,
  sprig_keys: sprigDict.keys,
  sprig_pick: sprigList.pick,
  sprig_omit: sprigList.omit,
  sprig_merge: sprigList.merge,
  sprig_mergeOverwrite: sprigList.mergeOverwrite,
  sprig_mustMerge: sprigList.mustMerge,
  sprig_mustMergeOverwrite: sprigList.mustMergeOverwrite,
  sprig_values: sprigDict.values,
  sprig_append: sprigList.append,
  sprig_push: sprigList.push,
  sprig_mustAppend: sprigList.mustAppend,
  sprig_mustPush: sprigList.mustPush,
  sprig_prepend: sprigList.prepend,
  sprig_mustPrepend: sprigList.mustPrepend,
  sprig_first: sprigList.first,
  sprig_mustFirst: sprigList.mustFirst,
  sprig_rest: sprigList.rest,
  sprig_mustRest: sprigList.mustRest,
  sprig_last: sprigList.last,
  sprig_mustLast: sprigList.mustLast,
  sprig_initial: sprigList.initial,
  sprig_mustInitial: sprigList.mustInitial,
  sprig_reverse: sprigList.reverse,
  sprig_mustReverse: sprigList.mustReverse,
  sprig_uniq: sprigList.uniq,
  sprig_mustUniq: sprigList.mustUniq,
  sprig_without: sprigList.without,
  sprig_mustWithout: sprigList.mustWithout,
  sprig_has: sprigList.has,
  sprig_mustHas: sprigList.mustHas,
  sprig_slice: sprigList.slice,
  sprig_mustSlice: sprigList.mustSlice,
  sprig_concat: sprigList.concat,
  sprig_dig: sprigList.dig,
  sprig_chunk: sprigList.chunk,
  sprig_mustChunk: sprigList.mustChunk,
  sprig_bcrypt: sprigUnimplemented.bcrypt,
  sprig_htpasswd: sprigUnimplemented.htpasswd,
  sprig_genPrivateKey: sprigUnimplemented.genPrivateKey,
  sprig_derivePassword: sprigCrypto.derivePassword,
  sprig_buildCustomCert: sprigUnimplemented.buildCustomCert,
  sprig_genCA: sprigUnimplemented.genCA,
  sprig_genCAWithKey: sprigUnimplemented.genCAWithKey,
  sprig_genSelfSignedCert: sprigUnimplemented.genSelfSignedCert,
  sprig_genSelfSignedCertWithKey: sprigUnimplemented.genSelfSignedCertWithKey,
  sprig_genSignedCert: sprigUnimplemented.genSignedCert,
  sprig_genSignedCertWithKey: sprigUnimplemented.genSignedCertWithKey,
  sprig_encryptAES: sprigUnimplemented.encryptAES,
  sprig_decryptAES: sprigCrypto.decryptAES,
  sprig_semver: sprigSemver.semver,
  sprig_semverCompare: sprigSemver.semverCompare,
  sprig_fail: sprigText.fail,
  sprig_regexMatch: sprigNumeric.regexMatch,
  sprig_mustRegexMatch: sprigRegex.mustRegexMatch,
  sprig_regexFindAll: sprigRegex.regexFindAll,
  sprig_mustRegexFindAll: sprigRegex.mustRegexFindAll,
  sprig_regexFind: sprigRegex.regexFind,
  sprig_mustRegexFind: sprigRegex.mustRegexFind,
  sprig_regexReplaceAll: sprigRegex.regexReplaceAll,
  sprig_mustRegexReplaceAll: sprigRegex.mustRegexReplaceAll,
  sprig_regexReplaceAllLiteral: sprigRegex.regexReplaceAllLiteral,
  sprig_mustRegexReplaceAllLiteral: sprigRegex.mustRegexReplaceAllLiteral,
  sprig_regexSplit: sprigRegex.regexSplit,
  sprig_mustRegexSplit: sprigRegex.mustRegexSplit,
  sprig_regexQuoteMeta: sprigRegex.regexQuoteMeta,
  sprig_urlParse: sprigURL.urlParse,
  sprig_urlJoin: sprigURL.urlJoin,};

export type { FuncMapOptions } from './funcs/context.js';

/** Every name in consul-template's function map, in upstream order. */
export const consulTemplateFuncNames: readonly string[] = Object.keys(funcMap);

/** func denied(...string) (string, error): the replacement for a denylisted function. */
const denied: Value = fn([sliceStringType], S, () => {
  throw new GoError('function is disabled');
}, true);

/** The function map for one render (consul-template builds it on every Execute). */
export function consulTemplateFuncs(ctx: FuncContext, opts: FuncMapOptions): Record<string, Value> {
  // A null-prototype object: V8 adds this map's ~270 properties to it several times
  // faster than to an ordinary object, and each render pass builds one.
  const r: Record<string, Value> = Object.create(null) as Record<string, Value>;
  for (const name of consulTemplateFuncNames) {
    const f = funcMap[name];
    r[name] = f instanceof Value ? f : f(ctx, opts);
  }
  for (const pattern of opts.functionDenylist ?? []) {
    for (const name of consulTemplateFuncNames) if (glob(pattern, name)) r[name] = denied;
  }
  return r;
}
