/**
 * A CSV tokenizer fed text a piece at a time, so a file is never decoded into one string: a
 * 65 MB Latin-1 return became a 130 MB string (two bytes a character as soon as one "—" or "€"
 * appears), and every cell kept from it was a slice that held all of it in memory.
 *
 * RFC 4180, read leniently the way spreadsheet programs do: a field that starts with a quote runs
 * to the closing quote ("" inside is one quote) and may hold delimiters and line breaks; text
 * after a closing quote is kept as written; quotes inside an unquoted field are ordinary
 * characters; records end at CRLF, LF or CR. An empty line is a record with one empty field.
 */
export interface CsvLimits { cellChars: number; columns: number; tooBig: () => never }

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvTokens {
  private row: string[] = [];
  private field = '';
  /**
   * start: at a field's first character; plain: in unquoted text (or text after a closing quote);
   * quoted: inside quotes; quote: a quote inside quotes ended the last piece (closing, or the
   * first of ""); cr: a CR ended the last piece (an LF opening the next belongs to it).
   */
  private state: 'start' | 'plain' | 'quoted' | 'quote' | 'cr' = 'start';
  private readonly d: number;
  private readonly onRow: (cells: string[]) => void;
  private readonly limits: CsvLimits;

  constructor(delimiter: string, onRow: (cells: string[]) => void, limits: CsvLimits) {
    this.d = delimiter.charCodeAt(0);
    this.onRow = onRow;
    this.limits = limits;
  }

  feed(text: string): void {
    const n = text.length;
    let i = 0;
    if (n === 0) return;
    if (this.state === 'cr') {
      this.state = 'start';
      if (text.charCodeAt(0) === LF) i = 1;
    } else if (this.state === 'quote') {
      if (text.charCodeAt(0) === QUOTE) { this.field += '"'; this.state = 'quoted'; i = 1; } else this.state = 'plain';
    }
    while (i < n) {
      if (this.state === 'quoted') {
        const q = text.indexOf('"', i);
        if (q < 0) { this.append(text, i, n); return; }
        this.append(text, i, q);
        if (q + 1 === n) { this.state = 'quote'; return; }
        if (text.charCodeAt(q + 1) === QUOTE) { this.field += '"'; i = q + 2; continue; }
        this.state = 'plain'; // closed: what follows up to the delimiter is kept as written
        i = q + 1;
        continue;
      }
      if (this.state === 'start' && text.charCodeAt(i) === QUOTE) { this.state = 'quoted'; i++; continue; }
      let j = i;
      let c = 0;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === this.d || c === LF || c === CR) break;
        j++;
      }
      this.append(text, i, j);
      if (j === n) { this.state = 'plain'; return; }
      this.endField();
      i = j + 1;
      if (c === this.d) continue;
      this.endRow();
      if (c === CR) {
        if (i === n) { this.state = 'cr'; return; }
        if (text.charCodeAt(i) === LF) i++;
      }
    }
  }

  /** The end of the text: a last record without a line break is still a record. */
  end(): void {
    if ((this.state === 'start' || this.state === 'cr') && this.row.length === 0) return;
    this.endField();
    this.endRow();
  }

  private append(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.field += text.slice(from, to);
    if (this.field.length > this.limits.cellChars) this.limits.tooBig();
  }

  private endField(): void {
    this.row.push(own(this.field));
    if (this.row.length > this.limits.columns) this.limits.tooBig();
    this.field = '';
    this.state = 'start';
  }

  private endRow(): void {
    const cells = this.row;
    this.row = [];
    this.state = 'start';
    this.onRow(cells);
  }
}

/**
 * A copy that owns its characters: V8 makes a slice of 13 characters or more a view into its
 * parent, so a cell kept for a problem message or a header would keep the whole piece alive.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
