/** Reusable form controls: labelled inputs with hint/error wiring, and the command-error banner. */
export { Field, TextInput, PathInput, PasswordInput, Select, FormError, useFieldErrors } from './Form.tsx';
export type { FieldProps, TextInputProps, SelectProps, SelectOption } from './Form.tsx';
export { NewPasswordFields, newPasswordReady } from './NewPasswordFields.tsx';
export { ConfirmDialog, Dialog } from './Dialog.tsx';
export { TextArea } from './TextArea.tsx';
