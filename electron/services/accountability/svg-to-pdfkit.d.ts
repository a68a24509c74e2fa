declare module 'svg-to-pdfkit' {
  /** Draws an SVG string into a pdfkit document at (x, y). */
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: {
    width?: number; height?: number; assumePt?: boolean; preserveAspectRatio?: string;
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
  }): void;
  export default SVGtoPDF;
}
