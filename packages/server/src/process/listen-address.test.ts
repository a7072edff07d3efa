import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createConfig } from '../config/resolve-config.js';
import { claimAddress } from './listen-address.js';
import { PROCESS_MESSAGES } from './messages.js';

describe('claimAddress', () => {
  it('turns port 0 into a free port every worker can share', async () => {
    const { port } = await claimAddress(createConfig({ port: 0 }));
    expect(port).toBeGreaterThan(0);
  });

  it('names the address and the reason when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      await expect(claimAddress(createConfig({ port }))).rejects.toThrow(PROCESS_MESSAGES.cannotListen(`127.0.0.1:${port}`, 'EADDRINUSE'));
    } finally {
      taken.close();
    }
  });
});
