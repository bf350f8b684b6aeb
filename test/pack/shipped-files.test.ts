import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listShippedFiles } from '../../server/build/shipped-files';

let appDir: string;

async function put(...paths: string[]): Promise<void> {
  for (const path of paths) {
    await mkdir(dirname(join(appDir, path)), { recursive: true });
    await writeFile(join(appDir, path), 'x');
  }
}

const required = [
  'widget.html',
  'overview.html',
  'list.html',
  'js/list.js',
  'js/overview.js',
  'js/texts/list-en.json',
  'js/texts/overview-en.json',
  'js/texts/widget-en.json',
  'js/widget.js',
  'css/list.css',
  'css/overview.css',
  'css/widget.css',
  'translations/en.json',
];

beforeEach(async () => {
  appDir = await mkdtemp(join(tmpdir(), 'record-lock-app-'));
});

afterEach(async () => {
  await rm(appDir, { recursive: true, force: true });
});

describe('listShippedFiles', () => {
  it('ships the pages, every script and chunk, their texts, the stylesheets, every translation and every image', async () => {
    await put(...required, 'js/chunks/reason-form-AB12CD34.js', 'js/texts/widget-de.json', 'translations/de.json', 'img/icon.svg', 'img/states/locked.png');
    expect(await listShippedFiles(appDir)).toEqual([
      'widget.html',
      'overview.html',
      'list.html',
      'js/chunks/reason-form-AB12CD34.js',
      'js/list.js',
      'js/overview.js',
      'js/texts/list-en.json',
      'js/texts/overview-en.json',
      'js/texts/widget-de.json',
      'js/texts/widget-en.json',
      'js/widget.js',
      'css/list.css',
      'css/overview.css',
      'css/widget.css',
      'translations/de.json',
      'translations/en.json',
      'img/icon.svg',
      'img/states/locked.png',
    ]);
  });

  it('leaves behind source maps, stray build files and non-JSON files beside the translations', async () => {
    await put(...required, 'js/widget.js.map', 'js/widget.js.LICENSE.txt', 'js/chunks/x.js.map', 'css/widget.css.map', 'translations/notes.txt', 'notes.md');
    expect(await listShippedFiles(appDir)).toEqual(required);
  });

  it.each(required)('refuses to pack without app/%s', async (missing) => {
    await put(...required.filter((path) => path !== missing));
    await expect(listShippedFiles(appDir)).rejects.toThrow(`app/${missing}`);
  });
});
