import { DateTime } from 'luxon';

/** The next day (from tomorrow) that is one of the shop's delivery days; tomorrow when none are set. */
export const nextDeliveryDay = (now: number, timeZone: string, deliveryDays: number[]): string => {
  const today = DateTime.fromMillis(now, { zone: timeZone }).startOf('day');
  for (let offset = 1; offset <= 7; offset += 1) {
    const day = today.plus({ days: offset });
    if (deliveryDays.length === 0 || deliveryDays.includes(day.weekday)) return day.toISODate() ?? '';
  }
  return today.plus({ days: 1 }).toISODate() ?? '';
};
