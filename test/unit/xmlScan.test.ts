import { describe, expect, it } from 'vitest';
import { attrOf, XmlScan } from '../../electron/services/returns/read/xmlScan.ts';

/** The scanner's events as a list, with the document fed in pieces of the given lengths (cycled). */
function events(xml: string, cuts: number[] = [xml.length]): string[] {
  const out: string[] = [];
  const scan = new XmlScan({
    open: (name, attrs, self) => out.push(`<${name}${attrs.trim() ? ` ${attrs.trim()}` : ''}${self ? '/' : ''}>`),
    text: (s) => { if (out.length && out[out.length - 1].startsWith('"')) out[out.length - 1] = `${out[out.length - 1].slice(0, -1)}${s}"`; else out.push(`"${s}"`); },
    close: (name) => out.push(`</${name}>`),
  }, 1000);
  let at = 0;
  for (let k = 0; at < xml.length; k++) {
    const len = Math.max(1, cuts[k % cuts.length]);
    scan.feed(xml.slice(at, at + len));
    at += len;
  }
  scan.end();
  return out;
}

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!-- made by hand -->
<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>P&#233;rez &amp; Hijos &lt;S.A.&gt;</t></is></c></row>
<x:row r='2'><x:c r="C2" s="3" t="str"><x:f>A1&amp;"x"</x:f><x:v><![CDATA[a<b]]></x:v></x:c><c r="D2"/></x:row></sheetData></worksheet>`;

describe('the spreadsheet XML scanner', () => {
  const expected = events(SHEET);

  it('reads elements, prefixes, entities, comments, CDATA and self-closing tags', () => {
    const tagsAndText = expected.filter((e) => e.trim() !== '"\n"');
    expect(tagsAndText).toEqual([
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      '<sheetData>', '<row r="1">', '<c r="A1" t="s">', '<v>', '"0"', '</v>', '</c>',
      '<c r="B1" t="inlineStr">', '<is>', '<t>', '"Pérez & Hijos <S.A.>"', '</t>', '</is>', '</c>', '</row>',
      "<x:row r='2'>", '<x:c r="C2" s="3" t="str">', '<x:f>', '"A1&"x""', '</x:f>', '<x:v>', '"a<b"', '</x:v>', '</x:c>', '<c r="D2"/>', '</c>', '</x:row>',
      '</sheetData>', '</worksheet>',
    ]);
  });

  it('gives the same events however the text is cut', () => {
    for (const cuts of [[1], [2], [3], [7, 1], [64], [5, 13, 2]]) expect(events(SHEET, cuts)).toEqual(expected);
  });

  it('reads attributes quoted either way, with ">" and entities inside', () => {
    const got: string[] = [];
    new XmlScan({ open: (_n, a) => got.push(attrOf(a, 'name') ?? '-', attrOf(a, 'r:id') ?? '-', attrOf(a, 'id') ?? '-'), text: () => {}, close: () => {} }, 1000)
      .feed(`<sheet name='Armas > 2026 &amp; más' r:id="rId3"/>`);
    expect(got).toEqual(['Armas > 2026 & más', 'rId3', '-']);
  });

  it('refuses a document type declaration, a runaway tag and a document cut short', () => {
    expect(() => events('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toThrow('markup declarations');
    expect(() => events(`<c r="${'A'.repeat(2000)}`, [100])).toThrow('too long');
    expect(() => events('<row><c r="A1"')).toThrow('ends inside');
  });
});
