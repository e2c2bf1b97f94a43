// The two boolean parsers vault-k8s uses for annotation values.

/** Go strconv.ParseBool; throws with Go's error text. */
export function goParseBool(s: string): boolean {
  switch (s) {
    case '1': case 't': case 'T': case 'TRUE': case 'true': case 'True':
      return true;
    case '0': case 'f': case 'F': case 'FALSE': case 'false': case 'False':
      return false;
    default:
      throw new Error(`strconv.ParseBool: parsing ${JSON.stringify(s)}: invalid syntax`);
  }
}

/**
 * hashicorp/go-secure-stdlib parseutil.ParseBool on a string: mapstructure.WeakDecode,
 * which uses strconv.ParseBool but maps "" to false.
 */
export function parseutilParseBool(s: string): boolean {
  if (s === '') return false;
  try {
    return goParseBool(s);
  } catch (e) {
    throw new Error(`cannot parse '' as bool: ${(e as Error).message}`);
  }
}
