// Functions that need Consul or Nomad. The query functions cannot be served by vtpl
// (a real runner would wait for Consul forever), so they fail clearly; the grouping
// helpers only accept Consul/Nomad types, so their behaviour for anything a Vault-only
// template can pass (nil) is ported exactly.

import { sprintf } from '../../fmt/index.js';
import {
  type GoType,
  GoError,
  GoMap,
  Value,
  indirectInterface,
  intType,
  mapOf,
  mapStringInterfaceType,
  namedType,
  ptrTo,
  sliceInterfaceType,
  sliceOf,
  stringType,
  structOf,
} from '../../value/index.js';
import { I, S, fn } from './sig.js';

/** The query functions of consul-template's map that read Consul, in template.go's order. */
export const consulQueryNames: readonly string[] = [
  'datacenters',
  'exportedServices',
  'importedServices',
  'key',
  'keyExists',
  'keyOrDefault',
  'ls',
  'safeLs',
  'node',
  'nodes',
  'partitions',
  'peerings',
  'service',
  'connect',
  'services',
  'tree',
  'safeTree',
  'caRoots',
  'caLeaf',
];

/** Those that read Nomad (nomad_funcs.go). */
export const nomadQueryNames: readonly string[] = ['nomadServices', 'nomadService', 'nomadVarList', 'nomadVarListSafe', 'nomadVar', 'nomadVarExists'];

const queryFuncs = [...consulQueryNames, ...nomadQueryNames];

function opaque(str: string): GoType {
  return namedType({ str, underlying: structOf([]) });
}

const keyPairs = sliceOf(ptrTo(opaque('dependency.KeyPair')));
const healthServices = sliceOf(ptrTo(opaque('dependency.HealthService')));

function byGroup(name: string, result: GoType): Value {
  return fn([I], result, ([v]) => {
    const d = indirectInterface(v);
    if (d.isValid()) throw new GoError(sprintf(`${name}: wrong argument type %T`, [d]));
    return new Value(result, new GoMap());
  });
}

export function consulFuncs(): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const name of queryFuncs) {
    out[name] = fn(
      [sliceInterfaceType],
      I,
      () => {
        throw new GoError(`${name}: needs Consul/Nomad, not supported by vtpl`);
      },
      true,
    );
  }
  out.byTag = byGroup('byTag', mapOf(stringType, sliceInterfaceType));
  out.byPort = byGroup('byPort', mapOf(intType, sliceInterfaceType));
  out.byKey = fn(
    [keyPairs],
    mapOf(stringType, mapOf(stringType, ptrTo(opaque('dependency.KeyPair')))),
    () => new Value(mapOf(stringType, mapOf(stringType, ptrTo(opaque('dependency.KeyPair')))), new GoMap()),
  );
  out.explode = fn([keyPairs], mapStringInterfaceType, () => new Value(mapStringInterfaceType, new GoMap()));
  out.byMeta = fn([S, healthServices], mapOf(stringType, healthServices), () => new Value(mapOf(stringType, healthServices), new GoMap()));
  return out;
}
