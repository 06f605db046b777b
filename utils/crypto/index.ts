export * from './aead.ts';
export * from './bytes.ts';
export * from './kdf.ts';
export * from './pin-kdf.ts';
