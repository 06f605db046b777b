/** The guide plugin core: format, validation, matching, targets, runs, signatures, catalogs. */
export * from './canonical.ts';
export * from './catalog.ts';
export * from './match.ts';
export { guideCatalogs, guideMessage, message as guideProblemMessage } from './messages.ts';
export * from './route-watch.ts';
export * from './run.ts';
export * from './schema.ts';
export * from './signature.ts';
export * from './target.ts';
export * from './target-wait.ts';
export { normalizeText } from './text.ts';
