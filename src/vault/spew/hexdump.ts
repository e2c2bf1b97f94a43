// encoding/hex.Dump: the `hexdump -C` layout go-spew uses for byte slices.

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}

export function hexDump(data: readonly number[]): string {
  let out = '';
  let right = '';
  for (let i = 0; i < data.length; i++) {
    const used = i % 16;
    if (used === 0) out += `${i.toString(16).padStart(8, '0')}  `;
    out += `${hex2(data[i])} ${used === 7 ? ' ' : used === 15 ? ' |' : ''}`;
    right += data[i] < 32 || data[i] > 126 ? '.' : String.fromCharCode(data[i]);
    if (used === 15) {
      out += `${right}|\n`;
      right = '';
    }
  }
  const used = data.length % 16;
  if (used !== 0) {
    // Close: pad the missing byte columns, then the right column.
    for (let u = used; u < 16; u++) out += u === 7 ? '    ' : u === 15 ? '    |' : '   ';
    out += `${right}|\n`;
  }
  return out;
}
