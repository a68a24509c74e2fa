/**
 * A small XML tokenizer for the parts of a spreadsheet package, fed text a piece at a time.
 * Worksheets are machine-written and flat (rows of cells with a value each), so a general SAX
 * parser spent most of an import's reading time on checks that do not matter here; this one
 * finds tags and text with `indexOf` and leaves attributes unparsed until a handler asks.
 *
 * What it accepts: elements (prefixed or not), attributes quoted either way ('>' allowed inside),
 * character and the five predefined entity references, comments, processing instructions and
 * CDATA sections. What it refuses (throws): a document type declaration (no spreadsheet needs
 * one, and they are how entity-expansion attacks come in), and text or a tag left open at the end.
 */
export interface XmlHandlers {
  open(name: string, attrs: string, selfClosing: boolean): void;
  text(s: string): void;
  close(name: string): void;
}

export class XmlError extends Error {}

export class XmlScan {
  private buf = '';
  private readonly h: XmlHandlers;
  private readonly maxPending: number;

  /** `maxPending`: the most characters a single tag or text run may hold before it is refused. */
  constructor(h: XmlHandlers, maxPending: number) {
    this.h = h;
    this.maxPending = maxPending;
  }

  feed(chunk: string): void {
    const b = this.buf.length ? this.buf + chunk : chunk;
    let i = 0;
    const n = b.length;
    while (i < n) {
      const lt = b.indexOf('<', i);
      if (lt < 0) break; // text runs to the next piece: an entity may be cut in two
      if (lt > i) this.h.text(unescapeXml(b.slice(i, lt)));
      i = lt;
      const next = b.charCodeAt(lt + 1);
      if (next === 47 /* / */) {
        const gt = b.indexOf('>', lt + 2);
        if (gt < 0) break;
        this.h.close(b.slice(lt + 2, gt).trim());
        i = gt + 1;
      } else if (next === 63 /* ? */) {
        const end = b.indexOf('?>', lt + 2);
        if (end < 0) break;
        i = end + 2;
      } else if (next === 33 /* ! */) {
        if (b.startsWith('<!--', lt)) {
          const end = b.indexOf('-->', lt + 4);
          if (end < 0) break;
          i = end + 3;
        } else if (b.startsWith('<![CDATA[', lt)) {
          const end = b.indexOf(']]>', lt + 9);
          if (end < 0) break;
          this.h.text(b.slice(lt + 9, end));
          i = end + 3;
        } else if (n - lt >= 9 || b.indexOf('>', lt) >= 0) {
          throw new XmlError('markup declarations are not accepted');
        } else break;
      } else if (lt + 1 >= n) {
        break;
      } else {
        const gt = tagEnd(b, lt + 1);
        if (gt < 0) break;
        const self = b.charCodeAt(gt - 1) === 47;
        const inner = b.slice(lt + 1, self ? gt - 1 : gt);
        let sp = 0;
        while (sp < inner.length && !isSpace(inner.charCodeAt(sp))) sp++;
        if (sp === 0) throw new XmlError('a tag without a name');
        const name = inner.slice(0, sp);
        this.h.open(name, inner.slice(sp), self);
        if (self) this.h.close(name);
        i = gt + 1;
      }
    }
    this.buf = i < n ? b.slice(i) : '';
    if (this.buf.length > this.maxPending) throw new XmlError('a tag or text too long');
  }

  end(): void {
    if (this.buf.trim() !== '') throw new XmlError('the document ends inside a tag or text');
  }
}

/** The `>` closing a start tag that begins at `from`, skipping quoted attribute values; -1 if not in this text. */
function tagEnd(b: string, from: number): number {
  let quote = 0;
  for (let i = from; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (quote) { if (c === quote) quote = 0; } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

const ENTITY = /&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** One attribute's value from a tag's unparsed attribute text (names compared as written). */
export function attrOf(attrs: string, name: string): string | null {
  let at = attrs.indexOf(name);
  while (at >= 0) {
    const before = at === 0 ? 32 : attrs.charCodeAt(at - 1);
    let i = at + name.length;
    while (isSpace(attrs.charCodeAt(i))) i++;
    if (isSpace(before) && attrs.charCodeAt(i) === 61 /* = */) {
      i++;
      while (isSpace(attrs.charCodeAt(i))) i++;
      const q = attrs[i];
      if (q === '"' || q === "'") {
        const end = attrs.indexOf(q, i + 1);
        if (end > i) return unescapeXml(attrs.slice(i + 1, end));
      }
      return null;
    }
    at = attrs.indexOf(name, at + 1);
  }
  return null;
}
