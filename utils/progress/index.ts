/** Progress feature core: the client interface, its two implementations, and the page-side rules. */
export * from './errors.ts';
export * from './guide.ts';
export * from './page-fields.ts';
export * from './public-config.ts';
export * from './remote.ts';
export * from './restore.ts';
export * from './service.ts';
export * from './types.ts';
