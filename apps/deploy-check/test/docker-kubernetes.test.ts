// docs/deploy/docker-kubernetes.md, checked without a container runtime: the Dockerfile's steps are
// performed on a project made by create-tsgi, its CMD is started, probed on the manifest's paths and
// stopped with its STOPSIGNAL within the manifest's budget; the manifest must agree with the image.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaffold } from 'create-tsgi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAll } from 'js-yaml';
import { build, type Image } from './helpers/dockerfile.js';
import { codeBlocks, readDoc } from './helpers/markdown.js';
import { packWorkspacePackages } from './helpers/pack.js';
import { childEnv, expectSuccess, run } from './helpers/processes.js';
import { localArgs, startTsgi } from './helpers/tsgi.js';

interface Probe {
  httpGet: { path: string; port: string | number };
}
interface Container {
  ports: Array<{ name: string; containerPort: number }>;
  readinessProbe: Probe;
  livenessProbe: Probe;
  lifecycle: { preStop: { exec: { command: string[] } } };
}
interface Deployment {
  kind: 'Deployment';
  spec: { template: { spec: { terminationGracePeriodSeconds: number; containers: Container[] } } };
}
interface Service {
  kind: 'Service';
  spec: { ports: Array<{ port: number; targetPort: string | number }> };
}

const page = readDoc('deploy/docker-kubernetes.md');
const [dockerfile = ''] = codeBlocks(page, 'dockerfile');
const manifests = loadAll(codeBlocks(page, 'yaml')[0] ?? '') as Array<Deployment | Service>;
const deployment = manifests.find((m): m is Deployment => m.kind === 'Deployment');
const service = manifests.find((m): m is Service => m.kind === 'Service');
const container = deployment?.spec.template.spec.containers[0];
const grace = deployment?.spec.template.spec.terminationGracePeriodSeconds ?? 0;
const [sleep, seconds] = container?.lifecycle.preStop.exec.command ?? [];
const preStop = sleep === 'sleep' ? Number(seconds) : Number.NaN;

const root = mkdtempSync(join(tmpdir(), 'tsgi-docker-'));
const context = join(root, 'my-app');
const imageRoot = join(root, 'image', 'app');
let image: Image;

const flag = (args: string[], name: string): string | undefined => args[args.indexOf(name) + 1];

beforeAll(async () => {
  const tarballs = join(root, 'tarballs');
  mkdirSync(tarballs);
  await packWorkspacePackages(['sync', 'async', 'router', 'node', 'server'], tarballs);
  scaffold({ directory: context, target: 'server', tsgiTarballs: tarballs });
  // The image needs no dev dependencies. Dropping them keeps vitest's rollup out of the lockfile:
  // the registry mirror CI installs from lacks some of rollup's platform builds, and npm then writes
  // a lockfile that `npm ci` rejects as out of sync.
  const manifestPath = join(context, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { devDependencies?: unknown };
  delete manifest.devDependencies;
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  // The user's project as they would build it: installed once, so package-lock.json exists.
  expectSuccess('npm install', await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: context, env: childEnv(), timeoutMs: 180_000 }));
  image = await build(dockerfile, context, imageRoot);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the Dockerfile (docs/deploy/docker-kubernetes.md)', () => {
  it('installs what serving needs', () => {
    expect(image.from).toMatch(/^node:(20|22|24)\b/);
    expect(existsSync(join(imageRoot, 'node_modules', '@tsgi', 'server', 'package.json'))).toBe(true);
    expect(existsSync(join(imageRoot, 'node_modules', 'tsx'))).toBe(true); // tsgi serve loads .ts with it
    expect(existsSync(join(imageRoot, 'src', 'app.ts'))).toBe(true);
  });

  it('serves the probed paths with its CMD, then drains on STOPSIGNAL within the time left after preStop', async () => {
    const [bin = '', ...args] = image.cmd;
    const server = await startTsgi(localArgs(['tsgi', ...args].join(' '), 'src/app.ts:router'), { bin: join(imageRoot, bin), cwd: imageRoot, env: image.env });
    try {
      for (const probe of [container?.readinessProbe, container?.livenessProbe]) {
        const answer = await fetch(`${server.url}${probe?.httpGet.path ?? '/missing-probe'}`);
        expect(answer.status).toBe(200);
      }
      const stopping = Date.now();
      const exit = await server.kill(image.stopSignal as NodeJS.Signals);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - stopping).toBeLessThan((grace - preStop) * 1000);
    } finally {
      await server.stop();
    }
  });
});

describe('the Kubernetes manifests (docs/deploy/docker-kubernetes.md)', () => {
  it('probe and expose the port the image listens on', () => {
    const port = Number(flag(image.cmd, '--port'));
    const named = container?.ports.find((p) => p.name === 'http');
    expect(named?.containerPort).toBe(port);
    expect(image.exposed).toEqual([port]);
    expect(container?.readinessProbe.httpGet.port).toBe('http');
    expect(container?.livenessProbe.httpGet.port).toBe('http');
    expect(service?.spec.ports[0]?.targetPort).toBe('http');
    expect(flag(image.cmd, '--host')).toBe('0.0.0.0');
  });

  it('give the pod longer than preStop plus the graceful shutdown before SIGKILL', () => {
    const graceful = Number(flag(image.cmd, '--timeout-graceful-shutdown'));
    expect(preStop).toBeGreaterThan(0);
    expect(graceful).toBeGreaterThan(0);
    expect(grace).toBeGreaterThan(preStop + graceful);
  });
});
