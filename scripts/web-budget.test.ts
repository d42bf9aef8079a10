import { describe, expect, it } from 'vitest';
import { buildWeb, isWebBuildStale } from './build-web';
import { DASHBOARD_ROUTES, measureBundle } from './web-budget';

const KB = 1024;

describe('the web app bundle budget (issue 12)', () => {
  it('keeps the dashboard first load within 200 KB and each lazy chunk within 150 KB of gzipped JS', {
    timeout: 240_000,
  }, async () => {
    if (isWebBuildStale()) await buildWeb({ quiet: true });
    const report = measureBundle();
    expect(report.dashboardFirstLoad).toBeLessThanOrEqual(200 * KB);
    // The dashboard's route chunks exist (a renamed route would otherwise pass unmeasured).
    const names = report.lazyChunks.map((c) => c.name);
    for (const route of DASHBOARD_ROUTES) expect(names).toContain(route);
    for (const chunk of [...report.lazyChunks, ...report.sharedChunks])
      expect(chunk.gzip, chunk.name).toBeLessThanOrEqual(150 * KB);
    // The entry must not swallow the lazy routes (a barrel import would pull them in).
    expect(report.lazyChunks.length).toBeGreaterThanOrEqual(6);
  });
});
