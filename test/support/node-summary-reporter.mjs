/**
 * A `node --test` reporter that prints one line when the run ends, beside the `dot` reporter:
 * `Node: N passed, N failed, N skipped` (the counts of the runner's own summary).
 */
export default async function* nodeSummaryReporter(source) {
  const summary = {};
  for await (const event of source) {
    if (event.type !== 'test:diagnostic' || event.data.nesting !== 0) continue;
    const [name, value] = event.data.message.split(' ');
    summary[name] = Number(value);
  }
  if (summary.tests === undefined) return;
  const skipped = (summary.skipped ?? 0) + (summary.todo ?? 0);
  yield `\nNode: ${summary.pass} passed, ${summary.fail} failed, ${skipped} skipped\n`;
}
