// GitHub-flavoured Markdown tables.

/** Column alignment: left for names, right for numbers. */
export type Align = 'left' | 'right';

/**
 * Escapes a cell so a `|` or a newline in it cannot break the table.
 *
 * @example
 * escapeCell('a|b'); // 'a\\|b'
 */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Renders a table; `align` defaults to left for the first column and right for the rest.
 *
 * @example
 * renderTable(['server', 'req/s'], [['node:http', '50,000']]);
 * // '| server | req/s |\n| :--- | ---: |\n| node:http | 50,000 |'
 */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align?: readonly Align[]): string {
  const aligns = headers.map((_, index) => align?.[index] ?? (index === 0 ? 'left' : 'right'));
  for (const row of rows) {
    if (row.length !== headers.length) {
      throw new RangeError(`table row has ${row.length} cells, the header has ${headers.length}: ${row.join(' | ')}`);
    }
  }
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [
    line(headers),
    `| ${aligns.map((a) => (a === 'left' ? ':---' : '---:')).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}
