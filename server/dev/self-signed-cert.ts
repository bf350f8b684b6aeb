import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Certificate {
  key: Buffer;
  cert: Buffer;
  certPath: string;
  /** true when this call made it (first run). */
  created: boolean;
}

/**
 * A self-signed certificate for https://127.0.0.1 and https://localhost, made once with openssl in
 * `dir` (.data/ is git-ignored) and reused afterwards. Browsers still ask to trust it once.
 */
export function ensureSelfSignedCertificate(dir: string): Certificate {
  const keyPath = join(dir, 'dev-key.pem');
  const certPath = join(dir, 'dev-cert.pem');
  let created = false;
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    mkdirSync(dir, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '825',
        '-keyout', keyPath, '-out', certPath,
        '-subj', '/CN=127.0.0.1',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    created = true;
  }
  return { key: readFileSync(keyPath), cert: readFileSync(certPath), certPath, created };
}
