/**
 * Attachments: what may own one, what files are accepted. Each area that keeps documents
 * or photos adds its owner type here and registers the owner's table and permissions in
 * `electron/services/attachments/owners.ts`.
 */
export const ATTACHMENT_OWNER_TYPES = [
  'company',
  'person',
  'licence',
  'inspection',
  'finding',
] as const;
export type AttachmentOwnerType = (typeof ATTACHMENT_OWNER_TYPES)[number];

/** Accepted files, checked against the file's own first bytes, not its name. */
export const ATTACHMENT_MIMES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

/** 20 MiB: a scanned multi-page PDF or a phone photo, not a video. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** What the file's first bytes say it is, or null when it is none of the accepted kinds. */
export function sniffMime(head: Uint8Array): AttachmentMime | null {
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50) return 'image/webp';
  return null;
}
