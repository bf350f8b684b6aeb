import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

export type ZetCommand = 'validate' | 'pack';

export interface ZetRun {
  /** The project folder: holds plugin-manifest.json and app/. The zip lands in its dist/. */
  projectDir: string;
  /** Where the toolkit may keep its own settings, instead of the developer's home folder. */
  configDir: string;
}

const ANSI = /\u001b\[[0-9;]*m/g;

function zetEntryPoint(): string {
  return createRequire(import.meta.url).resolve('zoho-extension-toolkit');
}

/**
 * Runs one Zoho Extension Toolkit command without a terminal: no prompt can wait for input,
 * and the toolkit's update check (a network call) is switched off. Resolves with the toolkit's
 * output, ANSI colours removed; rejects with that output when it exits with an error.
 */
export function runZet(command: ZetCommand, { projectDir, configDir }: ZetRun): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [zetEntryPoint(), command],
      {
        cwd: projectDir,
        timeout: 120_000,
        env: { ...process.env, NO_UPDATE_NOTIFIER: '1', XDG_CONFIG_HOME: configDir, FORCE_COLOR: '0' },
      },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`.replace(ANSI, '').trim();
        if (error) reject(new Error(`zet ${command} failed (${error.code ?? error.signal ?? error.message}):\n${output}`));
        else resolve(output);
      },
    );
    child.stdin?.end();
  });
}
