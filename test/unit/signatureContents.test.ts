import { describe, expect, it } from 'vitest';
import { derFromContents } from '../../electron/services/documents/verify.ts';

/** A DER SEQUENCE holding one OCTET STRING with the given body. */
function seq(body: Buffer): Buffer {
  const octet = Buffer.concat([Buffer.from([0x04, 0x82, body.length >> 8, body.length & 0xff]), body]);
  return Buffer.concat([Buffer.from([0x30, 0x82, octet.length >> 8, octet.length & 0xff]), octet]);
}

describe('the CMS blob in a signature placeholder', () => {
  it('keeps trailing zero bytes that belong to the signature and drops only the padding', () => {
    const body = Buffer.alloc(300, 0xab);
    body[298] = 0; body[299] = 0; // a signature whose last bytes happen to be zero
    const der = seq(body);
    const padded = Buffer.concat([der, Buffer.alloc(500)]).toString('hex');
    expect(derFromContents(padded)?.equals(der)).toBe(true);
  });

  it('reads short-form lengths and refuses what is not a complete SEQUENCE', () => {
    expect(derFromContents('3003040100' + '0000')?.toString('hex')).toBe('3003040100');
    expect(derFromContents('')).toBeNull();
    expect(derFromContents('0000')).toBeNull();
    expect(derFromContents('308200ff0401')).toBeNull(); // claims more bytes than there are
    expect(derFromContents('3080')).toBeNull(); // indefinite length: not what a signer writes
    expect(derFromContents('3003040100' + '0001')).toBeNull(); // the padding was written to
  });
});
