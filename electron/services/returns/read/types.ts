/** A cell as a reader hands it over: text, a number, a date, or a formula with its cached result. */
export type Cell = string | number | Date | null | { formula: string; result: string | number | Date | null };

/** Receives a file's tables row by row, so a 600,000-row file never sits in memory twice. */
export interface TableSink {
  startSheet(name: string | null): void;
  /** `n` is the row number the company sees (1-based, physical row for spreadsheets, record for CSV). */
  row(n: number, cells: Cell[]): void;
  endSheet(): void;
}

/** What was detected while reading, shown to the officer ("Windows-1252, semicolon, header on row 4"). */
export interface ReadInfo {
  format: 'csv' | 'xlsx' | 'ods';
  encoding: string | null;
  delimiter: string | null;
}
