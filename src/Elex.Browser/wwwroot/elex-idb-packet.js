// The packed buffer .NET and elex-idb.js exchange (IdbPacket.cs is the .NET side), which is also the
// value of every chunk record: little-endian; a sequence of sections, each an int32 row count and
// its rows; a row is key, subKey (strings: int32 UTF-8 length, -1 for none, then the bytes) and a
// payload (int32 length, then the bytes). Rows read here are views into the packet they came from,
// so merging rows from two buffers copies each byte once, on write.
import { failure } from './elex-idb-errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// A row's key and subKey as UTF-8 bytes and its payload, views into the buffer it was read from.
// The strings are decoded only when asked for: loads sort and filter by them, writes never need them.
class Row {
  constructor(keyBytes, subKeyBytes, payload) {
    this.keyBytes = keyBytes;
    this.subKeyBytes = subKeyBytes;
    this.payload = payload;
  }

  get key() {
    return (this.decodedKey ??= decoder.decode(this.keyBytes));
  }

  get subKey() {
    return this.subKeyBytes && (this.decodedSubKey ??= decoder.decode(this.subKeyBytes));
  }
}

/** A row built from strings (a record of the schema 1 stores, a test). */
export function row(key, subKey, payload) {
  return new Row(encoder.encode(key), subKey == null ? null : encoder.encode(subKey), payload);
}

/** The UTF-8 bytes of a string. */
export const utf8 = (text) => encoder.encode(text);

/**
 * Reads `sections` sections of `packet` (a Uint8Array) as arrays of rows; with `exact`, bytes left
 * over after them are damage too. Throws [elex-idb:FAILED] naming `what` when lengths do not add up.
 */
export function readPacket(packet, sections, what = 'a packet', exact = false) {
  if (!(packet instanceof Uint8Array)) throw failure('FAILED', `${what} is not a byte array`);
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  let at = 0;
  const take = (length) => {
    if (length < 0 || at + length > packet.byteLength) throw failure('FAILED', `${what} is cut short: ${length} bytes wanted at offset ${at} of ${packet.byteLength}`);
    const start = at;
    at += length;
    return start;
  };
  const int = () => view.getInt32(take(4), true);
  const bytes = (length) => {
    const start = take(length);
    return packet.subarray(start, start + length);
  };
  const result = [];
  for (let s = 0; s < sections; s++) {
    const count = int();
    if (count < 0) throw failure('FAILED', `${what} announces ${count} rows`);
    const rows = [];
    for (let i = 0; i < count; i++) {
      const keyBytes = bytes(int());
      const subKeyLength = int();
      const subKeyBytes = subKeyLength === -1 ? null : bytes(subKeyLength);
      rows.push(new Row(keyBytes, subKeyBytes, bytes(int())));
    }
    result.push(rows);
  }
  if (exact && at !== packet.byteLength) throw failure('FAILED', `${what} has ${packet.byteLength - at} bytes after its ${sections} sections`);
  return result;
}

/** Packs sections of rows into one new buffer. */
export function writePacket(sections) {
  let size = 0;
  for (const rows of sections) {
    size += 4;
    for (const r of rows) size += 12 + r.keyBytes.byteLength + (r.subKeyBytes ? r.subKeyBytes.byteLength : 0) + r.payload.byteLength;
  }
  const packet = new Uint8Array(size);
  const view = new DataView(packet.buffer);
  let at = 0;
  const int = (value) => { view.setInt32(at, value, true); at += 4; };
  const bytes = (value) => { int(value.byteLength); packet.set(value, at); at += value.byteLength; };
  for (const rows of sections) {
    int(rows.length);
    for (const r of rows) {
      bytes(r.keyBytes);
      if (r.subKeyBytes) bytes(r.subKeyBytes); else int(-1);
      bytes(r.payload);
    }
  }
  return packet;
}

/** Rows in the order IndexedDB keys sort them: by key, then subKey (UTF-16 code units, as IndexedDB compares strings). */
export function byKey(a, b) {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  const x = a.subKey ?? '';
  const y = b.subKey ?? '';
  return x === y ? 0 : x < y ? -1 : 1;
}
