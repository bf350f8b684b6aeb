import { describe, expect, it } from 'vitest';
import { countedFiles, problemsWithPackage, type PackageFile } from '../../server/build/zoho-package-rules';

const acceptable: PackageFile[] = [
  { path: 'app/widget.html', bytes: 700 },
  { path: 'app/js/widget.js', bytes: 40_000 },
  { path: 'app/css/widget.css', bytes: 3_000 },
  { path: 'app/translations/en.json', bytes: 6_000 },
  { path: 'app/img/icon_$2-x.svg', bytes: 900 },
];

function many(count: number, extension: string): PackageFile[] {
  return Array.from({ length: count }, (_, index) => ({ path: `app/data/file${index}${extension}`, bytes: 1 }));
}

describe('problemsWithPackage', () => {
  it('accepts a package of the kinds of files the widget ships', () => {
    expect(problemsWithPackage(acceptable)).toEqual([]);
  });

  it.each([
    { path: 'app/js/widget.js.map', why: 'source map (silently dropped by the toolkit)', mentions: '.map' },
    { path: 'app/js/widget.mjs', why: 'module extension the toolkit does not know', mentions: '.mjs' },
    { path: 'app/img/icon.webp', why: 'image type Zoho does not accept', mentions: '.webp' },
    { path: 'app/README', why: 'file without extension', mentions: 'no extension' },
    { path: 'app/img/.DS_Store', why: 'dotfile', mentions: 'dot' },
    { path: 'app/lib.v2/x.js', why: 'folder name with a dot (aborts zet)', mentions: 'lib.v2' },
    { path: 'app/my files/x.js', why: 'folder name with a space', mentions: 'my files' },
    { path: 'app/img/logo@2x.png', why: 'file name with @', mentions: 'logo@2x.png' },
    { path: `app/${'a'.repeat(251)}.js`, why: 'file name over 250 characters', mentions: '250' },
  ])('refuses $why', ({ path, mentions }) => {
    const problems = problemsWithPackage([...acceptable, { path, bytes: 10 }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(mentions);
  });

  it('refuses a file over 5,000,000 bytes and accepts one of exactly that size', () => {
    expect(problemsWithPackage([{ path: 'app/a.js', bytes: 5_000_000 }])).toEqual([]);
    expect(problemsWithPackage([{ path: 'app/a.js', bytes: 5_000_001 }])).toEqual([expect.stringContaining('5000000')]);
  });

  it('refuses more than 20,000,000 bytes in all', () => {
    const files = Array.from({ length: 5 }, (_, index) => ({ path: `app/a${index}.js`, bytes: 4_000_001 }));
    expect(problemsWithPackage(files)).toEqual([expect.stringContaining('20000000')]);
  });

  it.each([
    { files: many(250, '.js'), accepted: true },
    { files: many(251, '.js'), accepted: false },
    { files: many(125, '.json'), accepted: true },
    { files: many(126, '.json'), accepted: false },
  ])('counts .json files twice against the 250-file limit ($files.length files, accepted: $accepted)', ({ files, accepted }) => {
    expect(problemsWithPackage(files).length === 0).toBe(accepted);
  });

  it('refuses the same path twice', () => {
    expect(problemsWithPackage([acceptable[0]!, acceptable[0]!])).toEqual(['the same path appears twice']);
  });
});

describe('countedFiles', () => {
  it('counts a .json file as two files and any other file as one', () => {
    expect(countedFiles(acceptable)).toBe(6);
  });
});
