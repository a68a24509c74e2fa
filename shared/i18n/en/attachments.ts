import type { attachments as es } from '../es/attachments.ts';

/** Attachments: documents and photos kept encrypted in the workspace. */
export const attachments: Record<keyof typeof es, string> = {
  'errors.attachmentNotFound': 'The attachment was not found.',
  'errors.attachmentOwnerNotFound': 'The record to attach the file to was not found.',
  'errors.attachmentCorrupt': 'The file “{file}” is damaged: its checksum no longer matches.',
  'validation.fileEmpty': 'The file is empty.',
  'validation.fileTooLarge': 'The file is too large (at most {max} MB).',
  'validation.fileType': '“{file}” is not a PDF or a PNG, JPEG or WebP image.',
  'attachments.title': 'Documents',
  'attachments.add': 'Attach file',
  'attachments.none': 'No documents attached.',
  'attachments.kind': 'Document type',
  'attachments.filename': 'File',
  'attachments.size': 'Size',
  'attachments.documentDate': 'Document date',
  'attachments.addedAt': 'Attached',
  'attachments.checksum': 'SHA-256',
  'attachments.view': 'View',
  'attachments.download': 'Download',
  'attachments.close': 'Close',
};
