import { describe, expect, it } from 'vitest';
import { parseCliOptions } from '../../server/dev/cli-options';
import { parseEmulatorCliOptions } from '../../server/emulator/cli-options';
import { limitsOf } from '../../server/emulator/limit-options';

const parsers = [
  ['npm start', (argv: string[]) => parseCliOptions(argv, {})],
  ['npm run emulator', (argv: string[]) => parseEmulatorCliOptions(argv)],
] as const;

describe.each(parsers)('the API-limit options of %s', (_name, parse) => {
  it('reads --credits and --concurrency into the emulator’s limits', () => {
    expect(limitsOf(parse(['--credits', '500', '--concurrency', '3']))).toEqual({ credits: 500, concurrency: 3 });
  });

  it('leaves the limits to the emulator’s defaults when not given', () => {
    expect(limitsOf(parse([]))).toEqual({});
  });

  it('takes --credits 0, an org whose every call is refused', () => {
    expect(limitsOf(parse(['--credits', '0']))).toEqual({ credits: 0 });
  });

  it.each([
    [['--credits', 'lots'], 'credits'],
    [['--credits=-1'], 'credits'],
    [['--credits', '2.5'], 'credits'],
    [['--concurrency', '0'], 'concurrency'],
  ])('refuses %j with a message naming the option', (argv, option) => {
    expect(() => parse(argv)).toThrow(new RegExp(`Invalid options:[\\s\\S]*${option}`));
  });
});
