import { describe, expect, it } from 'vitest';
import { CASE_IDS } from './case-id.js';
import { cases } from './cases/index.js';

describe('cases', () => {
  it('lists exactly the ids in CASE_IDS, in the same order, each once', () => {
    expect(cases.map((c) => c.id)).toEqual([...CASE_IDS]);
    expect(new Set(CASE_IDS).size).toBe(CASE_IDS.length);
  });

  it('gives every case a one-line sentence, an interface and a feature', () => {
    for (const c of cases) {
      expect(c.description, c.id).toMatch(/^[A-Z'"0-9].*\.$/);
      expect(c.description, c.id).not.toContain('\n');
      expect(c.interfaces.length, c.id).toBeGreaterThan(0);
      expect(c.features.length, c.id).toBeGreaterThan(0);
    }
  });

  it('keeps WebSocket and lifespan cases to the async interface, where they exist', () => {
    for (const c of cases.filter((x) => x.id.startsWith('ws.') || x.id.startsWith('lifespan.'))) {
      expect(c.interfaces, c.id).toEqual(['async']);
    }
  });

  it('tags every ws.* case with the websocket feature and every lifespan.* case with lifespan', () => {
    for (const c of cases) {
      if (c.id.startsWith('ws.')) expect(c.features, c.id).toContain('websocket');
      if (c.id.startsWith('lifespan.')) expect(c.features, c.id).toContain('lifespan');
    }
  });
});
