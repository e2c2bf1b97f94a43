// The capacity Sdump prints for a slice. vtpl does not track capacities, so we assume
// where the slice came from: a []interface{} from JSON (Vault responses, parseJSON),
// which encoding/json builds by appending one element at a time to make([]any, 0),
// so its capacity follows Go's append growth (runtime/slice.go, msize.go); any other
// slice is taken to have capacity == length.

// internal/runtime/gc SizeClassToSize.
const sizeClasses = [
  0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024,
  1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568,
  14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
];
const maxSmallSize = 32768;
const mallocHeaderSize = 8;
const minSizeForMallocHeader = 512;
const pageSize = 8192;
/** sizeof(interface{}) on amd64. */
const ifaceSize = 16;

/** runtime.roundupsize(size, noscan=false): interfaces hold pointers. */
function roundupsize(size: number): number {
  if (size <= maxSmallSize - mallocHeaderSize) {
    const req = size > minSizeForMallocHeader ? size + mallocHeaderSize : size;
    const cls = sizeClasses.find((c) => c >= req) ?? maxSmallSize;
    return cls - (req - size);
  }
  return Math.ceil(size / pageSize) * pageSize;
}

/** runtime.nextslicecap. */
function nextslicecap(newLen: number, oldCap: number): number {
  let newcap = oldCap;
  const doublecap = newcap + newcap;
  if (newLen > doublecap) return newLen;
  const threshold = 256;
  if (oldCap < threshold) return doublecap;
  while (newcap < newLen) newcap += (newcap + 3 * threshold) >> 2;
  return newcap;
}

/** The capacity of a []interface{} of length n built by appending to an empty slice. */
export function appendedCap(n: number): number {
  let cap = 0;
  for (let len = 1; len <= n; len++) {
    if (len > cap) cap = Math.floor(roundupsize(nextslicecap(len, cap) * ifaceSize) / ifaceSize);
  }
  return cap;
}
