#!/usr/bin/env node
// The harness is written in TypeScript and run as such: tsx registers the loader, then the CLI runs.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
