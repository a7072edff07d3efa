// Throwaway self-signed certificates made with the system's openssl: a server one for 127.0.0.1 and
// a client one whose subject has a multi-valued RDN (to check RFC 4514 rendering).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A key and certificate in PEM. */
export interface KeyPair {
  key: Buffer;
  cert: Buffer;
}

/** Generates an EC P-256 key and a one-day self-signed certificate for `subject`. */
export function createKeyPair(subject: string, extensions: string[] = []): KeyPair {
  const dir = mkdtempSync(join(tmpdir(), 'tsgi-node-tls-'));
  try {
    const keyfile = join(dir, 'key.pem');
    const certfile = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyfile, '-out', certfile, '-days', '1', '-subj', subject, ...extensions.flatMap((extension) => ['-addext', extension])],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyfile), cert: readFileSync(certfile) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The server's certificate, valid for 127.0.0.1 and localhost. */
export const createServerKeyPair = (): KeyPair => createKeyPair('/CN=localhost', ['subjectAltName=IP:127.0.0.1,DNS:localhost']);

/** A client certificate: subject CN=client one, then O=Org + OU=Unit in one RDN. */
export const createClientKeyPair = (): KeyPair => createKeyPair('/CN=client one/O=Org+OU=Unit');
