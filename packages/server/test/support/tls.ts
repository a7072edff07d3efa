// A throwaway self-signed certificate for 127.0.0.1, made with the system's openssl.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM files on disk (for the CLI) and their contents (for clients). */
export interface TestCertificate {
  keyfile: string;
  certfile: string;
  cert: Buffer;
  remove(): void;
}

/** Generates an EC P-256 certificate valid for 127.0.0.1 and localhost, for one day. */
export function createTestCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'tsgi-tls-'));
  const keyfile = join(dir, 'key.pem');
  const certfile = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyfile, '-out', certfile, '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ], { stdio: 'ignore' });
  return { keyfile, certfile, cert: readFileSync(certfile), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
