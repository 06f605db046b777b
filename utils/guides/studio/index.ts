/** The guide studio's core: a draft guide, what the recorder proposes, advice, export, picking. */
export * from './draft.ts';
export * from './draft-store.ts';
export * from './editing.ts';
export * from './export.ts';
export * from './picker.ts';
export * from './plain.ts';
export * from './propose.ts';
