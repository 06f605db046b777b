#!/usr/bin/env node
// The command line runs the same TypeScript core as the extension, through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
