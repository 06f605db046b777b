/** "Mes informations" (say it once): the one entry point for the tab, the page work and tests. */
export * from './check.ts';
export * from './handover.ts';
export * from './kinds.ts';
export * from './match.ts';
export * from './messages.ts';
export * from './store.ts';
