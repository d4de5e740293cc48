// @requires __mcScratch
// @exports
// Helpers shared by the overlays (this file sorts first). Private names start with `__mc`.

/** Writes `s` then `extra` as bytes into the scratch buffer; false (nothing usable written) when a character is not
 * ASCII or the two are longer than 96 characters together. */
function __mcWriteAscii(s, extra) {
  const n = s.length;
  const total = n + extra.length;
  if (total > 96) return false;
  const ptr = wasm.__mcScratch(total);
  const mem = getUint8ArrayMemory0();
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return false;
    mem[ptr + i] = c;
  }
  for (let i = 0; i < extra.length; i++) {
    const c = extra.charCodeAt(i);
    if (c > 0x7f) return false;
    mem[ptr + n + i] = c;
  }
  return true;
}
