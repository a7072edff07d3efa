import { describe, expect, it } from 'vitest';
import type { Driver } from './driver.js';
import { MESSAGES, isDriverConfigError } from './errors.js';
import { planConformance } from './plan.js';
import { listUnsupported } from './unsupported.js';

const driver = (unsupported: Driver['unsupported']): Driver => ({
  name: 'fake',
  start: () => Promise.reject(new Error('never started in these tests')),
  ...(unsupported === undefined ? {} : { unsupported }),
});

describe('planConformance', () => {
  it('titles a skipped case with its id and the reason', () => {
    const [group] = planConformance(driver({ 'http.response.trailers': 'no trailers over API Gateway' }), ['async']);
    const test = group?.tests.find((t) => t.case.id === 'http.response.trailers');
    expect(test?.skip).toBe('no trailers over API Gateway');
    expect(test?.title).toMatch(/^http\.response\.trailers \[unsupported: no trailers over API Gateway\]: /);
  });

  it('runs every other case, titled with its id and description', () => {
    const [group] = planConformance(driver({ 'http.response.trailers': 'no' }), ['async']);
    const running = group?.tests.filter((t) => t.skip === undefined) ?? [];
    expect(running.length).toBe((group?.tests.length ?? 0) - 1);
    for (const t of running) expect(t.title).toBe(`${t.case.id}: ${t.case.description}`);
  });

  it('plans only the cases of each interface, one group per interface in the order given', () => {
    const groups = planConformance(driver(undefined), ['sync', 'async']);
    expect(groups.map((g) => g.title)).toEqual(['sync interface', 'async interface']);
    expect(groups[0]?.tests.some((t) => t.case.id.startsWith('ws.'))).toBe(false);
    expect(groups[1]?.tests.some((t) => t.case.id === 'http.response.write')).toBe(false);
  });

  it('marks a group whose cases are all unsupported, so no probe is served for it', () => {
    const [group] = planConformance(driver({ 'http.response.write': 'x', 'http.response.close': 'y' }), ['sync']);
    expect(group?.allSkipped).toBe(false);
    const everything = Object.fromEntries(planConformance(driver(undefined), ['sync'])[0]!.tests.map((t) => [t.case.id, 'none']));
    expect(planConformance(driver(everything), ['sync'])[0]?.allSkipped).toBe(true);
  });
});

describe('listUnsupported', () => {
  it('lists the declared cases in suite order with their reasons and descriptions', () => {
    const list = listUnsupported(driver({ 'ws.echo.text': 'no WebSocket', 'http.body.large': 'a 6 MB payload limit' }));
    expect(list.map((u) => [u.id, u.reason])).toEqual([
      ['http.body.large', 'a 6 MB payload limit'],
      ['ws.echo.text', 'no WebSocket'],
    ]);
    expect(list[0]?.description).toMatch(/8 MiB/);
    expect(list[1]?.interfaces).toEqual(['async']);
  });

  it('refuses an unknown case id, naming it', () => {
    const bad = driver({ 'http.nope': 'typo' } as Driver['unsupported']);
    expect(() => listUnsupported(bad)).toThrow(MESSAGES.unknownCase('fake', 'http.nope'));
    try {
      listUnsupported(bad);
    } catch (error) {
      expect(isDriverConfigError(error)).toBe(true);
    }
  });

  it('refuses an empty reason', () => {
    expect(() => listUnsupported(driver({ 'ws.scope': ' ' }))).toThrow(MESSAGES.emptyReason('fake', 'ws.scope'));
  });
});
