/**
 * The Content-Security-Policy for every page of the renderer, whether served by the Electron
 * `app://` protocol (main.ts) or by browser mode (serve.ts). No inline script, no remote origin.
 * `frame-src blob:` lets the attachment viewer show a stored PDF in an `<iframe>` from a blob:
 * URL the renderer made itself from bytes the gate returned; no other origin can be framed.
 */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
