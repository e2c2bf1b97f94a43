// dependency.PemEncoded, what pkiCert gives the template (consul-template dependency/vault_pki.go).

import { type GoType, Value, boolType, boolValue, namedType, sliceStringType, stringType, stringValue, structOf } from '../../value/index.js';

export interface PemEncoded {
  cert: string;
  key: string;
  ca: string;
  caChain: string[];
}

const pemFields = structOf([
  { name: 'Cert', type: stringType },
  { name: 'Key', type: stringType },
  { name: 'CA', type: stringType },
  { name: 'CAChain', type: sliceStringType },
]);

function pemOf(v: Value): PemEncoded {
  return {
    cert: v.field('Cert').str(),
    key: v.field('Key').str(),
    ca: v.field('CA').str(),
    caChain: v
      .field('CAChain')
      .items()
      .map((x) => x.str()),
  };
}

export const pemEncodedType: GoType = namedType({
  str: 'dependency.PemEncoded',
  underlying: pemFields,
  methods: [
    // "a wrapper to mimic v2 secrets Data wrapper": .Data returns the value itself.
    { name: 'Data', sig: { params: [], variadic: false, results: [] }, call: (recv) => recv },
    {
      name: 'CaChainContains',
      sig: { params: [stringType], variadic: false, results: [boolType] },
      call: (recv, [item]) => boolValue(pemOf(recv).caChain.includes(item.str())),
    },
  ],
});

// The Data method's result type is the type itself, known only once declared.
const dataMethod = pemEncodedType.methods.get('Data');
if (dataMethod) (dataMethod.sig.results as GoType[]).push(pemEncodedType);

export function pemValue(p: PemEncoded): Value {
  return new Value(pemEncodedType, [
    stringValue(p.cert),
    stringValue(p.key),
    stringValue(p.ca),
    new Value(sliceStringType, p.caChain.length === 0 ? null : p.caChain.map((s) => stringValue(s))),
  ]);
}
