import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../server/build/read-zip';

interface FixtureEntry {
  name: string;
  content: string;
  deflate?: boolean;
  /** Local header without sizes, as streaming writers (archiver, zet) emit them. */
  dataDescriptor?: boolean;
  /** Store this CRC instead of the right one. */
  crc?: number;
}

/** Writes a zip the way the format describes it, one entry at a time. */
function zipOf(entries: FixtureEntry[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const raw = Buffer.from(entry.content);
    const data = entry.deflate ? deflateRawSync(raw) : raw;
    const crc = entry.crc ?? crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(entry.dataDescriptor ? 8 : 0, 6);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(entry.dataDescriptor ? 0 : crc, 14);
    local.writeUInt32LE(entry.dataDescriptor ? 0 : data.length, 18);
    local.writeUInt32LE(entry.dataDescriptor ? 0 : raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(entry.dataDescriptor ? 16 : 0);
    if (entry.dataDescriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.dataDescriptor ? 8 : 0, 8);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data, descriptor);
    centrals.push(central, name);
    offset += local.length + name.length + data.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...locals, directory, end, Buffer.from(comment)]);
}

function contents(zip: Buffer): Record<string, string> {
  return Object.fromEntries(readZip(zip).map((entry) => [entry.name, entry.content.toString('utf8')]));
}

describe('readZip', () => {
  it('reads stored and deflated entries with their names and sizes', () => {
    const html = '<!doctype html><title>Record Lock</title>'.repeat(20);
    const entries = readZip(zipOf([
      { name: 'app/widget.html', content: html, deflate: true },
      { name: 'app/translations/en.json', content: '{"a":"b"}' },
    ]));
    expect(entries.map(({ name, bytes }) => ({ name, bytes }))).toEqual([
      { name: 'app/widget.html', bytes: html.length },
      { name: 'app/translations/en.json', bytes: 9 },
    ]);
    expect(entries[0]?.content.toString('utf8')).toBe(html);
    expect(entries[0]?.compressedBytes).toBeLessThan(html.length);
  });

  it('reads entries whose sizes follow the data, as streaming zip writers leave them', () => {
    const zip = zipOf([
      { name: 'app/js/widget.js', content: 'console.log(1)', deflate: true, dataDescriptor: true },
      { name: 'app/css/widget.css', content: 'a{}', dataDescriptor: true },
    ]);
    expect(contents(zip)).toEqual({ 'app/js/widget.js': 'console.log(1)', 'app/css/widget.css': 'a{}' });
  });

  it('finds the directory behind an archive comment', () => {
    expect(contents(zipOf([{ name: 'a.txt', content: 'a' }], 'packed by zet'))).toEqual({ 'a.txt': 'a' });
  });

  it('lists folder entries with a trailing slash', () => {
    expect(readZip(zipOf([{ name: 'app/', content: '' }])).map((entry) => entry.name)).toEqual(['app/']);
  });

  it('refuses an entry whose content does not match its CRC', () => {
    expect(() => readZip(zipOf([{ name: 'app/js/widget.js', content: 'x', crc: 1 }]))).toThrow('app/js/widget.js: CRC mismatch');
  });

  it('refuses what is not a zip', () => {
    expect(() => readZip(Buffer.from('definitely not a zip file, only text'))).toThrow('not a zip file');
  });
});
