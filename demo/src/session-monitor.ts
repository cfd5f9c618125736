/**
 * Counts the requests the page makes to the host endpoint, from the browser's own resource
 * timing: the kit is not asked, so this shows what really went over the wire (a new request each
 * time Connect refreshes an expiring session).
 */
export function monitorEndpoint(
  endpointPath: string,
  elements: { count: HTMLElement; last: HTMLElement },
): void {
  let count = 0;
  const record = (entries: PerformanceEntryList) => {
    for (const entry of entries) {
      if (new URL(entry.name).pathname !== endpointPath) continue;
      count += 1;
      elements.count.textContent = String(count);
      elements.last.textContent = new Date(
        performance.timeOrigin + entry.startTime,
      ).toLocaleTimeString('en-GB', { hour12: false });
    }
  };
  new PerformanceObserver((list) => record(list.getEntries())).observe({
    type: 'resource',
    buffered: true,
  });
}
