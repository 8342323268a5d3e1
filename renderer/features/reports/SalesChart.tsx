import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { SalesBucket } from '../../../shared/api/methods/reports';
import { periodLabel } from './periodLabel';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Sales per period as bars; amounts arrive in minor units and are labelled with the shop's money and date formats. */
export const SalesChart = ({ buckets, money, label, groupBy, locale }: { buckets: SalesBucket[]; money(minor: number): string; label: string; groupBy: 'day' | 'week' | 'month'; locale: string }) => {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: buckets.map((b) => periodLabel(b.period, groupBy, locale)), datasets: [{ label, data: buckets.map((b) => b.revenue / 100), backgroundColor: '#b0305a', borderRadius: 4 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { tooltip: { callbacks: { label: (item) => money(Math.round(Number(item.raw) * 100)) } } },
        scales: { y: { beginAtZero: true, ticks: { callback: (value) => money(Number(value) * 100) } } },
      },
    });
    return () => chart.destroy();
  }, [buckets, money, label, groupBy, locale]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
};
