import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import { fontPath } from './resources.ts';

/** What every agency document prints in its letterhead and footer. */
export interface DocumentMeta {
  agencyName: string;
  country: string;
  title: string;
  serial: string;
  issuedAt: string;
  language: Language;
  /** Printed beside the QR code: what the document is about. */
  subject: string;
  /** Carried by the QR code and printed in short: serial, content hash, journal head. */
  qrText: string;
  contentHash: string;
}

export interface Frame {
  doc: PDFKit.PDFDocument;
  meta: DocumentMeta;
  t: (key: string, params?: Record<string, string | number>) => string;
  left: number;
  width: number;
  /** The y below which content must not go (footer area). */
  bottom: number;
}

const M = { top: 92, bottom: 60, side: 50 };
export const COLORS = { ink: '#1d2733', muted: '#5b6776', rule: '#c9d2dc', accent: '#1f4e79', bad: '#a4262c', warn: '#8a5a00', good: '#2e6b30', band: '#eef2f6' };

/** Formats an ISO date-time as the officer reads it (day month year, UTC). */
export function formatDate(iso: string, lang: Language): string {
  return new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).toLocaleDateString(lang === 'es' ? 'es-GT' : 'en-GB', { day: '2-digit', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function letterhead(f: Frame): void {
  const { doc, meta } = f;
  const saved = { x: doc.x, y: doc.y };
  doc.save();
  doc.rect(0, 0, doc.page.width, 6).fill(COLORS.accent);
  doc.fillColor(COLORS.accent).font('bold').fontSize(11).text(meta.agencyName, M.side, 22, { width: f.width - 150, lineBreak: true, height: 30, ellipsis: true });
  doc.fillColor(COLORS.muted).font('regular').fontSize(8.5)
    .text(`${f.t('documents.pdf.country', { country: meta.country })} · ${meta.title}`, M.side, 50, { width: f.width - 150, height: 12, ellipsis: true });
  doc.fillColor(COLORS.ink).font('bold').fontSize(9).text(meta.serial, M.side + f.width - 150, 24, { width: 150, align: 'right' });
  doc.font('regular').fontSize(8).fillColor(COLORS.muted).text(formatDate(meta.issuedAt, meta.language), M.side + f.width - 150, 37, { width: 150, align: 'right' });
  doc.moveTo(M.side, 70).lineTo(M.side + f.width, 70).lineWidth(0.6).strokeColor(COLORS.rule).stroke();
  doc.restore();
  doc.x = saved.x;
  doc.y = Math.max(saved.y, M.top);
}

/**
 * Starts an agency document: A4, DejaVu fonts embedded (accents in Spanish, Portuguese and
 * French), letterhead on every page, a first-page title block with the QR code. Draw the body
 * on `frame.doc`, then call {@link finishDocument}.
 */
export async function createDocument(meta: DocumentMeta): Promise<Frame> {
  const doc = new PDFDocument({
    size: 'A4', margins: { top: M.top, bottom: M.bottom, left: M.side, right: M.side }, bufferPages: true,
    font: fontPath('DejaVuSans.ttf'), autoFirstPage: false, compress: true,
    info: { Title: `${meta.title} ${meta.serial}`, Author: meta.agencyName, Subject: meta.subject, Creator: 'Centinela', Keywords: `centinela-serial:${meta.serial}` },
    lang: meta.language === 'es' ? 'es' : 'en',
  });
  doc.registerFont('regular', fontPath('DejaVuSans.ttf'));
  doc.registerFont('bold', fontPath('DejaVuSans-Bold.ttf'));
  doc.registerFont('italic', fontPath('DejaVuSans-Oblique.ttf'));
  const f: Frame = {
    doc, meta, t: (key, params) => translate(meta.language, key, params),
    left: M.side, width: 595.28 - 2 * M.side, bottom: 841.89 - M.bottom,
  };
  doc.on('pageAdded', () => letterhead(f));
  doc.addPage();
  const qr = await QRCode.toBuffer(meta.qrText, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const top = doc.y;
  doc.image(qr, f.left + f.width - 86, top, { width: 86, height: 86 });
  doc.fillColor(COLORS.ink).font('bold').fontSize(17).text(meta.title, f.left, top, { width: f.width - 100 });
  doc.moveDown(0.2).font('regular').fontSize(10.5).fillColor(COLORS.ink).text(meta.subject, { width: f.width - 100 });
  doc.moveDown(0.3).fontSize(8).fillColor(COLORS.muted)
    .text(`${f.t('documents.pdf.serial')}: ${meta.serial} · ${f.t('documents.pdf.issued')}: ${formatDate(meta.issuedAt, meta.language)}`, { width: f.width - 100 })
    .text(`${f.t('documents.pdf.contentHash')}: ${meta.contentHash.slice(0, 32)}`, { width: f.width - 100 });
  doc.y = Math.max(doc.y, top + 92);
  doc.fillColor(COLORS.ink);
  return f;
}

/** Page numbers and the verification line on every page; returns the finished (unsigned) PDF. */
export function finishDocument(f: Frame): Promise<{ pdf: Buffer; pages: number }> {
  const { doc } = f;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the footer must not start a new page
    const y = doc.page.height - 40;
    doc.moveTo(f.left, y - 6).lineTo(f.left + f.width, y - 6).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    doc.font('regular').fontSize(7.5).fillColor(COLORS.muted)
      .text(f.t('documents.pdf.footer', { serial: f.meta.serial }), f.left, y, { width: f.width - 90, lineBreak: false })
      .text(f.t('documents.pdf.page', { n: i + 1, total: range.count }), f.left + f.width - 90, y, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve({ pdf: Buffer.concat(chunks), pages: range.count }));
    doc.on('error', reject);
    doc.end();
  });
}

/** Starts a new page when fewer than `needed` points remain. */
export function ensureSpace(f: Frame, needed: number): void {
  if (f.doc.y + needed > f.bottom) f.doc.addPage();
}

export function heading(f: Frame, text: string): void {
  ensureSpace(f, 50);
  f.doc.moveDown(0.6).font('bold').fontSize(12).fillColor(COLORS.accent).text(text, f.left, f.doc.y, { width: f.width });
  f.doc.moveTo(f.left, f.doc.y + 2).lineTo(f.left + f.width, f.doc.y + 2).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  f.doc.moveDown(0.5).fillColor(COLORS.ink).font('regular').fontSize(9.5);
}

/** Label/value pairs in two columns. */
export function facts(f: Frame, pairs: [string, string][]): void {
  const { doc } = f;
  for (const [k, v] of pairs) {
    const h = Math.max(doc.font('regular').fontSize(9.5).heightOfString(v || '—', { width: f.width - 170 }), 12);
    ensureSpace(f, h + 4);
    const y = doc.y;
    doc.font('bold').fontSize(9).fillColor(COLORS.muted).text(k, f.left, y, { width: 160 });
    doc.font('regular').fontSize(9.5).fillColor(COLORS.ink).text(v || '—', f.left + 170, y, { width: f.width - 170 });
    doc.y = y + h + 4;
  }
}

export interface Column { header: string; width: number; align?: 'left' | 'right' | 'center' }
export interface Cell { text: string; color?: string; bold?: boolean }

/** A table that wraps cell text, breaks across pages and repeats its header. */
export function table(f: Frame, cols: Column[], rows: (string | Cell)[][], o: { fontSize?: number; band?: (i: number) => string | null } = {}): void {
  const { doc } = f;
  const fs = o.fontSize ?? 8.5;
  const pad = 3;
  const total = cols.reduce((s, c) => s + c.width, 0);
  const scale = f.width / total;
  const widths = cols.map((c) => c.width * scale);
  const drawHeader = () => {
    const h = Math.max(...cols.map((c, i) => doc.font('bold').fontSize(fs).heightOfString(c.header, { width: widths[i] - 2 * pad }))) + 2 * pad;
    const y = doc.y;
    doc.rect(f.left, y, f.width, h).fill(COLORS.accent);
    let x = f.left;
    cols.forEach((c, i) => {
      doc.fillColor('#ffffff').font('bold').fontSize(fs).text(c.header, x + pad, y + pad, { width: widths[i] - 2 * pad, align: c.align ?? 'left' });
      x += widths[i];
    });
    doc.y = y + h;
  };
  ensureSpace(f, 40);
  drawHeader();
  rows.forEach((r, ri) => {
    const cells = r.map((c) => (typeof c === 'string' ? { text: c } : c));
    const h = Math.max(...cells.map((c, i) => doc.font(c.bold ? 'bold' : 'regular').fontSize(fs).heightOfString(c.text || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
    if (doc.y + h > f.bottom) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    const band = o.band?.(ri) ?? (ri % 2 === 1 ? COLORS.band : null);
    if (band) doc.rect(f.left, y, f.width, h).fill(band);
    let x = f.left;
    cells.forEach((c, i) => {
      doc.fillColor(c.color ?? COLORS.ink).font(c.bold ? 'bold' : 'regular').fontSize(fs).text(c.text, x + pad, y + pad, { width: widths[i] - 2 * pad, align: cols[i].align ?? 'left' });
      x += widths[i];
    });
    doc.moveTo(f.left, y + h).lineTo(f.left + f.width, y + h).lineWidth(0.3).strokeColor(COLORS.rule).stroke();
    doc.y = y + h;
  });
  doc.x = f.left;
  doc.moveDown(0.5);
}

export function paragraph(f: Frame, text: string, o: { color?: string; size?: number; italic?: boolean } = {}): void {
  const { doc } = f;
  const h = doc.font(o.italic ? 'italic' : 'regular').fontSize(o.size ?? 9.5).heightOfString(text, { width: f.width });
  ensureSpace(f, Math.min(h, 60));
  doc.fillColor(o.color ?? COLORS.ink).text(text, f.left, doc.y, { width: f.width });
  doc.moveDown(0.4).fillColor(COLORS.ink).font('regular');
}

/** The closing block: who issued it, that it is digitally signed and how to verify it. */
export function signatureBlock(f: Frame, o: { issuedByName: string; signerSubject: string; fingerprint: string }): void {
  ensureSpace(f, 110);
  const { doc } = f;
  doc.moveDown(1);
  const y = doc.y;
  doc.rect(f.left, y, f.width, 92).lineWidth(0.8).strokeColor(COLORS.accent).stroke();
  doc.font('bold').fontSize(10).fillColor(COLORS.accent).text(f.t('documents.pdf.signedTitle'), f.left + 10, y + 8, { width: f.width - 20 });
  doc.font('regular').fontSize(8.5).fillColor(COLORS.ink)
    .text(f.t('documents.pdf.issuedBy', { name: o.issuedByName }), { width: f.width - 20 })
    .text(f.t('documents.pdf.signer', { subject: o.signerSubject }), { width: f.width - 20 })
    .text(f.t('documents.pdf.fingerprint', { fingerprint: o.fingerprint }), { width: f.width - 20 })
    .fillColor(COLORS.muted).text(f.t('documents.pdf.howToVerify'), { width: f.width - 20 });
  doc.y = y + 100;
}
