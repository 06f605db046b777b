// The demo server is plain JavaScript; this wrapper gives it types for the tests.
import { startDemoServer as start } from '../../demo/server.js';

export type Demo = { url: string; close(): Promise<void> };
export const startDemoServer = start as (options?: { port?: number; studio?: boolean }) => Promise<Demo>;
