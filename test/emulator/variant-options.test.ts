import { describe, expect, it } from 'vitest';
import { parseCliOptions } from '../../server/dev/cli-options';
import { parseEmulatorCliOptions } from '../../server/emulator/cli-options';
import { variantOptionsOf } from '../../server/emulator/variant-options';
import { VARIANTS } from '../../server/emulator/variants';

const parsers = [
  ['npm start', (argv: string[]) => parseCliOptions(argv, {})],
  ['npm run emulator', (argv: string[]) => parseEmulatorCliOptions(argv)],
] as const;

describe.each(parsers)('the variant options of %s', (_name, parse) => {
  it('reads --variant repeated and comma-separated, each name once', () => {
    const args = parse(['--variant', 'minimal-lock-answer,notes-unsorted', '--variant', 'task-picklists', '--variant=notes-unsorted']);
    expect(variantOptionsOf(args)).toEqual({ variants: ['minimal-lock-answer', 'notes-unsorted', 'task-picklists'] });
  });

  it('reads --search-lag in seconds', () => {
    expect(variantOptionsOf(parse(['--variant', 'locked-search-lag', '--search-lag', '5']))).toEqual({
      variants: ['locked-search-lag'],
      searchLagSeconds: 5,
    });
  });

  it('keeps --no-locked-search as the older name of locked-search-refused', () => {
    expect(variantOptionsOf(parse(['--no-locked-search']))).toEqual({ variants: ['locked-search-refused'] });
  });

  it('gives no variant when none is named', () => {
    expect(variantOptionsOf(parse([]))).toEqual({ variants: [] });
  });

  it('refuses an unknown variant, naming it and listing every variant', () => {
    expect(() => parse(['--variant', 'notes-unsorted,notes-shuffled'])).toThrow(
      `Unknown emulator variant notes-shuffled; the variants are ${VARIANTS.join(', ')}`,
    );
  });

  it.each([[['--search-lag', 'soon']], [['--search-lag=-1']]])('refuses %j', (argv) => {
    expect(() => parse(argv)).toThrow(/Invalid options:[\s\S]*search-lag/);
  });
});
