// The rest of sprig v3.3.0's HermeticTxtFuncMap: defined (so templates using them parse,
// as in Go) but failing clearly when called.

import { GoError, type Value, interfaceType, sliceInterfaceType } from '../../value/index.js';
import { fn } from '../funcs/sig.js';

const names = `ago bcrypt buildCustomCert encryptAES genCA genCAWithKey
genPrivateKey genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey htpasswd
randInt shuffle`.split(/\s+/);

export function unimplementedSprigFuncs(): Record<string, Value> {
 const out: Record<string, Value> = {};
 for (const name of names) {
  out[name] = fn([sliceInterfaceType], interfaceType, () => {
   throw new GoError(`sprig_${name}: not implemented by vtpl`);
  }, true);
 }
 return out;
}
