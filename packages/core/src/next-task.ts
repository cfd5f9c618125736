/**
 * Runs `callback` in a task of its own after the current one, through a message channel rather
 * than `setTimeout(…, 0)`: a timeout set from within nested timeouts (a library's settle timer
 * that inserted the elements, say) is clamped to at least 4 ms, and a session's request should
 * not wait for that.
 */
export function nextTask(callback: () => void): void {
  queue.push(callback);
  if (queue.length > 1) return;
  channel ??= new MessageChannel();
  channel.port1.onmessage = run;
  channel.port2.postMessage(null);
}

let channel: MessageChannel | undefined;
const queue: Array<() => void> = [];

function run(): void {
  for (const callback of queue.splice(0)) callback();
}
