/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or — when the bytes are not valid
 * UTF-8 — GB18030, which Excel on Chinese Windows uses for "CSV" and which covers GBK.
 */
export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data.subarray(2));
  try {
    // TextDecoder drops a UTF-8 BOM by default.
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return new TextDecoder("gb18030").decode(data);
  }
}
