// The consumer contract, then its verification against the target: one file, so that one worker
// runs the two in this order and in the same shard, and the verification waits for no other check
// (as a project depending on the consumer's, it waited for every project of the first phase). In
// order even where a run spreads every other file's checks over the workers (--fully-parallel).
import { test } from '@playwright/test';

test.describe.configure({ mode: 'default' });
await import('./consumer.ts');
await import('./provider.ts');
