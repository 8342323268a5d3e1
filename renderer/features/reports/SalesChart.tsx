import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { SalesBucket } from '../../../shared/api/methods/reports';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Sales per period as bars; amounts arrive in minor units and are labelled with the shop's money format. */
export const SalesChart = ({ buckets, money, label }: { buckets: SalesBucket[]; money(minor: number): string; label: string }) => {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: buckets.map((b) => b.period), datasets: [{ label, data: buckets.map((b) => b.revenue / 100), backgroundColor: '#b0305a', borderRadius: 4 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { tooltip: { callbacks: { label: (item) => money(Math.round(Number(item.raw) * 100)) } } },
        scales: { y: { beginAtZero: true, ticks: { callback: (value) => money(Number(value) * 100) } } },
      },
    });
    return () => chart.destroy();
  }, [buckets, money, label]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
};
