import { parentPort, workerData } from "node:worker_threads";
import { Prober, type ProberWorkerData, type ProberWorkerMessage } from "./prober.ts";

/**
 * Worker-thread side of WorkerProber: runs the timetable here, where no crawl parsing can hold up
 * the timers, and posts every record to the parent as soon as it is complete.
 */
const data = workerData as ProberWorkerData;
const port = parentPort!;
const post = (message: ProberWorkerMessage): void => port.postMessage(message);

const prober = new Prober({
  targets: data.targets,
  ...(data.intervalMs !== undefined ? { intervalMs: data.intervalMs } : {}),
  ...(data.count !== undefined ? { count: data.count } : {}),
  ...(data.startAtMs !== undefined ? { startAt: new Date(data.startAtMs) } : {}),
  ...(data.probeOptions ? { probeOptions: data.probeOptions } : {}),
  onResult: (record) => post({ type: "result", record }),
  onError: (error, url) => post({ type: "error", url, message: (error as Error).message ?? String(error) }),
});

port.on("message", (message: { type: string }) => {
  if (message.type === "stop") void prober.stop();
});
prober.start();
await prober.finished;
post({ type: "finished", stats: prober.stats() });
// The listening port would keep this thread alive; with the timetable done there is nothing to wait for.
port.unref();
