export * from './aead.ts';
export * from './bytes.ts';
export * from './kdf.ts';
