import { BarChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { useEffect, useState, type ReactNode } from "react";
import type { TransitDistribution } from "~/analytics/carrier-performance";

/**
 * Transit-time distribution per carrier service as a Polaris Viz bar chart. Charts measure the browser's layout,
 * so they render after hydration; the server (and a browser without JS) gets the same numbers as a table.
 */
export function TransitChart({ distributions, fallback }: { distributions: TransitDistribution[]; fallback: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return <>{fallback}</>;
  const data = distributions.map((distribution) => ({
    name: distribution.service ? `${distribution.carrier} · ${distribution.service}` : distribution.carrier,
    data: distribution.buckets.map((bucket) => ({ key: `${bucket.days} d`, value: bucket.parcels })),
  }));
  return (
    <PolarisVizProvider>
      <div style={{ height: 280 }}>
        <BarChart data={data} theme="Light" xAxisOptions={{ labelFormatter: (value) => String(value) }} />
      </div>
    </PolarisVizProvider>
  );
}
