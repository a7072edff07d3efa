import { describe, expect, it } from 'vitest';
import { renderTable } from './markdown-table.js';

describe('renderTable', () => {
  it('aligns the first column left and the rest right by default', () => {
    expect(renderTable(['server', 'req/s'], [['node:http', '50,000']])).toBe(
      '| server | req/s |\n| :--- | ---: |\n| node:http | 50,000 |',
    );
  });

  it('escapes pipes and newlines inside cells', () => {
    expect(renderTable(['a'], [['x|y\nz']], ['left'])).toBe('| a |\n| :--- |\n| x\\|y z |');
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() => renderTable(['a', 'b'], [['only one']])).toThrow(/1 cells, the header has 2/);
  });
});
