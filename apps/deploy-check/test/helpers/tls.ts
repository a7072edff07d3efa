// A throwaway self-signed certificate for 127.0.0.1, made with openssl (CI installs it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectSuccess, run } from './processes.js';

/** Paths of the key and certificate, and the certificate itself for clients to trust. */
export interface Certificate {
  keyFile: string;
  certFile: string;
  cert: Buffer;
}

/** Writes key.pem and cert.pem (P-256, valid one day, SAN IP:127.0.0.1) into `dir`. */
export async function selfSigned(dir: string): Promise<Certificate> {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'];
  expectSuccess('openssl req', await run('openssl', args, { cwd: dir, timeoutMs: 20_000 }));
  return { keyFile, certFile, cert: readFileSync(certFile) };
}
