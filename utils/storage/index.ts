/** Progress storage: the one entry point for the panel, the extension and the widget. */
export * from './autosave.ts';
export * from './data-key.ts';
export * from './db.ts';
export * from './errors.ts';
export * from './field-identity.ts';
export * from './handover.ts';
export * from './key-files.ts';
export { message, storageCatalogs } from './messages.ts';
export * from './progress.ts';
export * from './vault.ts';
