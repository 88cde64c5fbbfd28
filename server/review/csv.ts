import Papa from 'papaparse';

/** Excel reads a file as UTF-8 only when it starts with the byte-order mark; without it "Peña" arrives mangled. */
const BOM = '\uFEFF';

/**
 * A spreadsheet file: the header always (an empty class still names its columns), CRLF
 * lines, and a cell starting with =, +, - or @ quoted and prefixed so no spreadsheet runs
 * a student's name as a formula.
 */
export function toCsv<C extends string>(columns: readonly C[], rows: readonly Record<C, string | number>[]): string {
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((row) => columns.map((column) => row[column])) },
    { newline: '\r\n', escapeFormulae: true },
  );
  return `${BOM}${body}`;
}
