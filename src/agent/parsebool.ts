// parseutil.ParseBool, which vault-k8s uses for most boolean annotation values
// (agent-inject itself uses strconv.ParseBool).

import { parseBool } from '../go/strconv/index.js';

/**
 * hashicorp/go-secure-stdlib parseutil.ParseBool on a string: mapstructure.WeakDecode,
 * which uses strconv.ParseBool but maps "" to false.
 */
export function parseutilParseBool(s: string): boolean {
  if (s === '') return false;
  try {
    return parseBool(s);
  } catch (e) {
    throw new Error(`cannot parse '' as bool: ${(e as Error).message}`);
  }
}
