import { describe, expect, it } from 'vitest';
import { trimFieldValue } from './field-value.js';

describe('trimFieldValue', () => {
  it('drops spaces and tabs around a value, keeping those inside and a no-break space', () => {
    expect(trimFieldValue(' \ta b\t ')).toBe('a b');
    expect(trimFieldValue('\u00a0x\u00a0')).toBe('\u00a0x\u00a0');
    expect(trimFieldValue('plain')).toBe('plain');
    expect(trimFieldValue('')).toBe('');
    expect(trimFieldValue('   ')).toBe('');
  });
});
