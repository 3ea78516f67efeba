// The consumer contract, then its verification against the target: one file, so that one worker
// runs the two in this order and in the same shard, and the verification waits for no other check
// (as a project depending on the consumer's, it waited for every project of the first phase).
import './consumer.ts';
import './provider.ts';
