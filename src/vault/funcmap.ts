// consul-template's function map (template/template.go funcMap) as one table, in
// upstream order: the API functions, Nomad, scratch, the helpers, math, debug, then
// sprig's hermetic functions prefixed sprig_ (in the order of sprig's genericMap).
// consul-template builds it on every Execute, closing over the render's state; here it
// is built once, and the few functions that read or record that state (secret, env,
// scratch...) find it in the execution's context (funcs/context.ts). Names matching a
// function_denylist glob are replaced by `denied`.

import { GoError, type Value, sliceStringType } from '../value/index.js';
import { consulFuncs } from './funcs/consul.js';
import { executeTemplateFunc } from './funcs/execute-template.js';
import { loopFunc } from './funcs/loop.js';
import { scratchFunc } from './funcs/scratch.js';
import { S, fn } from './funcs/sig.js';
import { timestampFunc } from './funcs/timestamp.js';
import { pluginFunc } from './funcs/plugin.js';
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
import { stringFuncs as strings } from './funcs/strings.js';
import { tomlFuncs as toml } from './toml/encode.js';
import { sockaddrFuncs as sockaddr } from './funcs/plugin.js';
import { spewFuncs as spew } from './spew/spew.js';
import { yamlFuncs as yaml } from './funcs/yaml.js';
import { sprigCerts } from './sprig/certs.js';
import { sprigCrypto } from './sprig/crypto.js';
import { sprigGenerate } from './sprig/generate.js';
import { sprigDate } from './sprig/date.js';
import { sprigDefaults } from './sprig/defaults.js';
import { sprigDict } from './sprig/dict.js';
import { sprigFunctions } from './sprig/functions.js';
import { sprigList } from './sprig/list.js';
import { sprigNumeric } from './sprig/numeric.js';
import { sprigReflect } from './sprig/reflect.js';
import { sprigRegex } from './sprig/regex.js';
import { sprigSemver } from './sprig/semver.js';
import { sprigStrings } from './sprig/strings.js';
import { sprigURL } from './sprig/url.js';
import { glob } from './glob.js';

const consul = consulFuncs();

const funcMap: Readonly<Record<string, Value>> = {
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
  plugin: pluginFunc,
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
  sockaddr: sockaddr.sockaddr,
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
  spew_dump: spew.spew_dump,
  spew_printf: spew.spew_printf,
  spew_sdump: spew.spew_sdump,
  spew_sprintf: spew.spew_sprintf,

  // Sprig (sprig.HermeticTxtFuncMap, prefixed sprig_), in the order of sprig's genericMap
  sprig_hello: sprigFunctions.hello,
  sprig_ago: sprigGenerate.ago,
  sprig_duration: sprigDate.duration,
  sprig_durationRound: sprigDate.durationRound,
  sprig_must_date_modify: sprigDate.must_date_modify,
  sprig_mustDateModify: sprigDate.mustDateModify,
  sprig_mustToDate: sprigDate.mustToDate,
  sprig_toDate: sprigDate.toDate,
  sprig_unixEpoch: sprigDate.unixEpoch,
  sprig_abbrev: sprigStrings.abbrev,
  sprig_abbrevboth: sprigStrings.abbrevboth,
  sprig_trunc: sprigStrings.trunc,
  sprig_trim: sprigFunctions.trim,
  sprig_upper: sprigFunctions.upper,
  sprig_lower: sprigFunctions.lower,
  sprig_title: sprigFunctions.title,
  sprig_untitle: sprigStrings.untitle,
  sprig_substr: sprigStrings.substr,
  sprig_repeat: sprigFunctions.repeat,
  sprig_trimall: sprigFunctions.trimall,
  sprig_trimAll: sprigFunctions.trimAll,
  sprig_trimSuffix: sprigFunctions.trimSuffix,
  sprig_trimPrefix: sprigFunctions.trimPrefix,
  sprig_nospace: sprigFunctions.nospace,
  sprig_initials: sprigStrings.initials,
  sprig_swapcase: sprigFunctions.swapcase,
  sprig_shuffle: sprigGenerate.shuffle,
  sprig_snakecase: sprigFunctions.snakecase,
  sprig_camelcase: sprigFunctions.camelcase,
  sprig_kebabcase: sprigFunctions.kebabcase,
  sprig_wrap: sprigFunctions.wrap,
  sprig_wrapWith: sprigFunctions.wrapWith,
  sprig_contains: sprigFunctions.contains,
  sprig_hasPrefix: sprigFunctions.hasPrefix,
  sprig_hasSuffix: sprigFunctions.hasSuffix,
  sprig_quote: sprigStrings.quote,
  sprig_squote: sprigStrings.squote,
  sprig_cat: sprigStrings.cat,
  sprig_indent: sprigStrings.indent,
  sprig_nindent: sprigStrings.nindent,
  sprig_replace: sprigStrings.replace,
  sprig_plural: sprigStrings.plural,
  sprig_sha1sum: sprigCrypto.sha1sum,
  sprig_sha256sum: sprigCrypto.sha256sum,
  sprig_sha512sum: sprigCrypto.sha512sum,
  sprig_adler32sum: sprigCrypto.adler32sum,
  sprig_toString: sprigStrings.toString,
  sprig_atoi: sprigFunctions.atoi,
  sprig_int64: sprigNumeric.int64,
  sprig_int: sprigNumeric.int,
  sprig_float64: sprigNumeric.float64,
  sprig_seq: sprigNumeric.seq,
  sprig_toDecimal: sprigNumeric.toDecimal,
  sprig_split: sprigStrings.split,
  sprig_splitList: sprigFunctions.splitList,
  sprig_splitn: sprigStrings.splitn,
  sprig_toStrings: sprigStrings.toStrings,
  sprig_until: sprigNumeric.until,
  sprig_untilStep: sprigNumeric.untilStep,
  sprig_add1: sprigFunctions.add1,
  sprig_add: sprigFunctions.add,
  sprig_sub: sprigFunctions.sub,
  sprig_div: sprigFunctions.div,
  sprig_mod: sprigFunctions.mod,
  sprig_mul: sprigFunctions.mul,
  sprig_randInt: sprigGenerate.randInt,
  sprig_add1f: sprigFunctions.add1f,
  sprig_addf: sprigFunctions.addf,
  sprig_subf: sprigFunctions.subf,
  sprig_divf: sprigFunctions.divf,
  sprig_mulf: sprigFunctions.mulf,
  sprig_biggest: sprigNumeric.biggest,
  sprig_max: sprigNumeric.max,
  sprig_min: sprigNumeric.min,
  sprig_maxf: sprigNumeric.maxf,
  sprig_minf: sprigNumeric.minf,
  sprig_ceil: sprigNumeric.ceil,
  sprig_floor: sprigNumeric.floor,
  sprig_round: sprigNumeric.round,
  sprig_join: sprigStrings.join,
  sprig_sortAlpha: sprigList.sortAlpha,
  sprig_default: sprigDefaults.default,
  sprig_empty: sprigDefaults.empty,
  sprig_coalesce: sprigDefaults.coalesce,
  sprig_all: sprigDefaults.all,
  sprig_any: sprigDefaults.any,
  sprig_compact: sprigList.compact,
  sprig_mustCompact: sprigList.mustCompact,
  sprig_fromJson: sprigDefaults.fromJson,
  sprig_toJson: sprigDefaults.toJson,
  sprig_toPrettyJson: sprigDefaults.toPrettyJson,
  sprig_toRawJson: sprigDefaults.toRawJson,
  sprig_mustFromJson: sprigDefaults.mustFromJson,
  sprig_mustToJson: sprigDefaults.mustToJson,
  sprig_mustToPrettyJson: sprigDefaults.mustToPrettyJson,
  sprig_mustToRawJson: sprigDefaults.mustToRawJson,
  sprig_ternary: sprigDefaults.ternary,
  sprig_deepCopy: sprigDict.deepCopy,
  sprig_mustDeepCopy: sprigDict.mustDeepCopy,
  sprig_typeOf: sprigReflect.typeOf,
  sprig_typeIs: sprigReflect.typeIs,
  sprig_typeIsLike: sprigReflect.typeIsLike,
  sprig_kindOf: sprigReflect.kindOf,
  sprig_kindIs: sprigReflect.kindIs,
  sprig_deepEqual: sprigFunctions.deepEqual,
  sprig_base: sprigFunctions.base,
  sprig_dir: sprigFunctions.dir,
  sprig_clean: sprigFunctions.clean,
  sprig_ext: sprigFunctions.ext,
  sprig_isAbs: sprigFunctions.isAbs,
  sprig_osBase: sprigFunctions.osBase,
  sprig_osClean: sprigFunctions.osClean,
  sprig_osDir: sprigFunctions.osDir,
  sprig_osExt: sprigFunctions.osExt,
  sprig_osIsAbs: sprigFunctions.osIsAbs,
  sprig_b64enc: sprigStrings.b64enc,
  sprig_b64dec: sprigStrings.b64dec,
  sprig_b32enc: sprigStrings.b32enc,
  sprig_b32dec: sprigStrings.b32dec,
  sprig_tuple: sprigFunctions.tuple,
  sprig_list: sprigList.list,
  sprig_dict: sprigDict.dict,
  sprig_get: sprigDict.get,
  sprig_set: sprigDict.set,
  sprig_unset: sprigDict.unset,
  sprig_hasKey: sprigDict.hasKey,
  sprig_pluck: sprigDict.pluck,
  sprig_keys: sprigDict.keys,
  sprig_pick: sprigDict.pick,
  sprig_omit: sprigDict.omit,
  sprig_merge: sprigDict.merge,
  sprig_mergeOverwrite: sprigDict.mergeOverwrite,
  sprig_mustMerge: sprigDict.mustMerge,
  sprig_mustMergeOverwrite: sprigDict.mustMergeOverwrite,
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
  sprig_dig: sprigDict.dig,
  sprig_chunk: sprigList.chunk,
  sprig_mustChunk: sprigList.mustChunk,
  sprig_bcrypt: sprigGenerate.bcrypt,
  sprig_htpasswd: sprigGenerate.htpasswd,
  sprig_genPrivateKey: sprigGenerate.genPrivateKey,
  sprig_derivePassword: sprigCrypto.derivePassword,
  sprig_buildCustomCert: sprigCerts.buildCustomCert,
  sprig_genCA: sprigCerts.genCA,
  sprig_genCAWithKey: sprigCerts.genCAWithKey,
  sprig_genSelfSignedCert: sprigCerts.genSelfSignedCert,
  sprig_genSelfSignedCertWithKey: sprigCerts.genSelfSignedCertWithKey,
  sprig_genSignedCert: sprigCerts.genSignedCert,
  sprig_genSignedCertWithKey: sprigCerts.genSignedCertWithKey,
  sprig_encryptAES: sprigGenerate.encryptAES,
  sprig_decryptAES: sprigCrypto.decryptAES,
  sprig_semver: sprigSemver.semver,
  sprig_semverCompare: sprigSemver.semverCompare,
  sprig_fail: sprigFunctions.fail,
  sprig_regexMatch: sprigRegex.regexMatch,
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
  sprig_urlJoin: sprigURL.urlJoin,
};

/** Every name in consul-template's function map, in upstream order. */
export const consulTemplateFuncNames: readonly string[] = Object.keys(funcMap);

/** func denied(...string) (string, error): the replacement for a denylisted function. */
const denied: Value = fn(
  [sliceStringType],
  S,
  () => {
    throw new GoError('function is disabled');
  },
  true,
);

/** The function map with the names matching a function_denylist glob denied. */
export function consulTemplateFuncs(functionDenylist: readonly string[] = []): Record<string, Value> {
  // Object.assign, not a spread: the map has ~300 names, and V8 copies an object that large
  // by spread about five times more slowly (about a millisecond per copy).
  const r: Record<string, Value> = Object.assign({}, funcMap);
  for (const pattern of functionDenylist) {
    for (const name of consulTemplateFuncNames) if (glob(pattern, name)) r[name] = denied;
  }
  return r;
}
