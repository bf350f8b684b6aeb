import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, e.g. "app/js/widget.js"; folders end with "/". */
  name: string;
  /** Uncompressed size in bytes. */
  bytes: number;
  compressedBytes: number;
  content: Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let offset = zip.length - 22; offset >= earliest; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('not a zip file: no end-of-central-directory record');
}

/**
 * Reads every entry of a zip archive (stored or deflated, no ZIP64), checking each CRC.
 * Sizes come from the central directory, so archives written with data descriptors read fine.
 */
export function readZip(zip: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(zip);
  const entryCount = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < entryCount; index++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`corrupt zip: central directory entry ${index} not found`);
    const method = zip.readUInt16LE(offset + 10);
    const expectedCrc = zip.readUInt32LE(offset + 16);
    const compressedBytes = zip.readUInt32LE(offset + 20);
    const bytes = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (compressedBytes === 0xffffffff || bytes === 0xffffffff) throw new Error(`${name}: ZIP64 entries are not supported`);
    if (zip.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) throw new Error(`corrupt zip: local header of ${name} not found`);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedBytes);
    let content: Buffer;
    if (method === STORED) content = Buffer.from(raw);
    else if (method === DEFLATED) content = inflateRawSync(raw);
    else throw new Error(`${name}: compression method ${method} is not supported`);
    if (content.length !== bytes) throw new Error(`${name}: ${content.length} bytes unpacked, ${bytes} announced`);
    if (crc32(content) !== expectedCrc) throw new Error(`${name}: CRC mismatch`);
    entries.push({ name, bytes, compressedBytes, content });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
