import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { SalesBucket } from '../../../shared/api/methods/reports';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** "2026-03-02" or "2026-03" as the shop writes dates: "2 mar" for a day or a week, "mar 2026" for a month. */
export const periodLabel = (period: string, groupBy: 'day' | 'week' | 'month', locale: string): string => {
  const date = new Date(`${period.length === 7 ? `${period}-01` : period}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return period;
  const options: Intl.DateTimeFormatOptions = groupBy === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
};

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
