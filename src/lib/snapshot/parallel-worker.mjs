/**
 * Ingest worker thread (see parallel.ts): registers tsx so the TypeScript
 * parser loads without a build step, then answers { id, file } messages
 * with { id, result } (parallel-task.ts) until the port closes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./parallel-task.ts');
const { IngestCache } = await import('./cache.ts');
const cache = workerData.cacheDir
	? await IngestCache.open(workerData.cacheDir, workerData.fingerprint)
	: null;

parentPort.on('message', async (msg) => {
	try {
		const result = await runTask(msg.file, cache);
		parentPort.postMessage({ id: msg.id, result });
	} catch (e) {
		parentPort.postMessage({
			id: msg.id,
			error: e instanceof Error ? (e.stack ?? e.message) : String(e)
		});
	}
});
parentPort.postMessage({ ready: true });
