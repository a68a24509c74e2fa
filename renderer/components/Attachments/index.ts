/** Documents and photos of a record: list, add, view PDFs and images in the app. */
export { Attachments } from './Attachments.tsx';
export type { AttachmentsProps } from './Attachments.tsx';
export { AttachmentViewer } from './AttachmentViewer.tsx';
export { useAttachments, fileToBase64, base64ToObjectUrl } from './useAttachments.ts';
