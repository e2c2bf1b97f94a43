// scratch (template/scratch.go): per-execution key/value storage with methods.

import {
  indirectInterface,
  type GoType,
  GoError,
  GoMap,
  Value,
  boolType,
  boolValue,
  box,
  errorType,
  interfaceType,
  invalid,
  mapStringInterfaceType,
  namedType,
  ptrTo,
  sliceInterfaceType,
  stringType,
  stringValue,
  structOf,
} from '../../value/index.js';
import { compareStrings } from '../../go/strings/index.js';
import { quote } from '../../go/strconv/index.js';
import { inRender } from './context.js';
import { fnNoErr } from './sig.js';

/** The Scratch's `values` map (its only field); values are interface{} Values. */
class Store {
  constructor(private readonly m: GoMap) {}

  has(k: string): boolean {
    return this.m.get(stringValue(k)) !== undefined;
  }

  get(k: string): Value | undefined {
    return this.m.get(stringValue(k));
  }

  set(k: string, v: Value): void {
    this.m.set(stringValue(k), v);
  }
}

function storeOf(recv: Value): Store {
  const target = recv.kind === 'ptr' ? recv.elem() : recv;
  return new Store(target.field('values').map() as GoMap);
}

const sig = (params: GoType[], results: GoType[]) => ({ params, variadic: false, results });
const empty = stringValue('');

function mapSet(s: Store, k: string, mk: string, v: Value, overwrite: boolean): Value {
  if (!s.has(k)) s.set(k, box(new Value(mapStringInterfaceType, new GoMap())));
  const stored = s.get(k);
  const typed = stored && indirectInterface(stored);
  if (!typed || typed.type !== mapStringInterfaceType) throw new GoError(`${quote(k)} is not a map`);
  const m = typed.map() as GoMap;
  if (overwrite || m.get(stringValue(mk)) === undefined) m.set(stringValue(mk), v);
  return empty;
}

/** template.Scratch; its methods have pointer receivers, so only *Scratch has them. */
const scratchStruct: GoType = namedType({
  str: 'template.Scratch',
  underlying: structOf([{ name: 'values', type: mapStringInterfaceType }]),
  pointerMethods: [
    { name: 'Key', sig: sig([stringType], [boolType]), call: (r, [k]) => boolValue(storeOf(r).has(k.str())) },
    { name: 'Get', sig: sig([stringType], [interfaceType]), call: (r, [k]) => storeOf(r).get(k.str()) ?? box(invalid) },
    {
      name: 'Set',
      sig: sig([stringType, interfaceType], [stringType]),
      call: (r, [k, v]) => {
        storeOf(r).set(k.str(), v);
        return empty;
      },
    },
    {
      name: 'SetX',
      sig: sig([stringType, interfaceType], [stringType]),
      call: (r, [k, v]) => {
        const s = storeOf(r);
        if (!s.has(k.str())) s.set(k.str(), v);
        return empty;
      },
    },
    {
      name: 'MapSet',
      sig: sig([stringType, stringType, interfaceType], [stringType, errorType]),
      call: (r, [k, mk, v]) => mapSet(storeOf(r), k.str(), mk.str(), v, true),
    },
    {
      name: 'MapSetX',
      sig: sig([stringType, stringType, interfaceType], [stringType, errorType]),
      call: (r, [k, mk, v]) => mapSet(storeOf(r), k.str(), mk.str(), v, false),
    },
    {
      name: 'MapValues',
      sig: sig([stringType], [sliceInterfaceType, errorType]),
      call: (r, [k]) => {
        const stored = storeOf(r).get(k.str());
        const typed = stored && indirectInterface(stored);
        if (!typed || typed.type !== mapStringInterfaceType) return new Value(sliceInterfaceType, null);
        // A nil map passes Go's type assertion too: its values are an empty, non-nil slice.
        const entries = [...(typed.map()?.entries.values() ?? [])].sort((a, b) => compareStrings(a.key.str(), b.key.str()));
        return new Value(
          sliceInterfaceType,
          entries.map((e) => e.value),
        );
      },
    },
  ],
});

/** `scratch`: func() *Scratch, the same Scratch for the whole execution (render pass). */
export const scratchFunc: Value = fnNoErr(
  [],
  ptrTo(scratchStruct),
  inRender('scratch', (ctx) => {
    ctx.scratch ??= new Value(ptrTo(scratchStruct), new Value(scratchStruct, [new Value(mapStringInterfaceType, new GoMap())]));
    return ctx.scratch;
  }),
);
