// Time-zone arithmetic in the account's zone: day and week bounds, and the wall-clock strings
// that the date pickers edit, converted to and from the API's UTC instants.
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/ru';
import i18n from 'i18next';

dayjs.extend(utc);
dayjs.extend(timezone);
// Month and weekday names of the date pickers follow the UI language.
dayjs.locale(i18n.language === 'ru' ? 'ru' : 'en');
i18n.on('languageChanged', (lang) => dayjs.locale(lang === 'ru' ? 'ru' : 'en'));

export const WALL_CLOCK = 'YYYY-MM-DD HH:mm:ss';

export const inZone = (iso: string | Date, tz: string): Dayjs => dayjs(iso).tz(tz);
export const nowInZone = (tz: string): Dayjs => dayjs().tz(tz);

/** "2026-11-27 09:00:00" as the account's local time -> UTC ISO instant. */
export const wallClockToIso = (wallClock: string, tz: string): string => dayjs.tz(wallClock, tz).toISOString();
export const isoToWallClock = (iso: string, tz: string): string => inZone(iso, tz).format(WALL_CLOCK);

export function dayRange(day: Dayjs): { from: string; to: string } {
  return { from: day.startOf('day').toISOString(), to: day.endOf('day').toISOString() };
}

/** Monday-based week containing `day`, as seven local days. */
export function weekDays(day: Dayjs): Dayjs[] {
  const monday = day.startOf('day').subtract((day.day() + 6) % 7, 'day');
  return Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));
}

/** Same local time of day on another local date. */
export function moveToDay(iso: string, targetDay: Dayjs, tz: string): string {
  const t = inZone(iso, tz);
  return dayjs.tz(`${targetDay.format('YYYY-MM-DD')} ${t.format('HH:mm:ss')}`, tz).toISOString();
}

/** Next full hour in the zone: the default due time of a new task. */
export const nextHourWallClock = (tz: string): string => nowInZone(tz).add(1, 'hour').startOf('hour').format(WALL_CLOCK);

/** The weeks (Monday first) that hold the month of `day`, as local days: a month calendar's grid. */
export function monthGrid(day: Dayjs): Dayjs[] {
  const first = weekDays(day.startOf('month'))[0]!;
  const last = weekDays(day.endOf('month').startOf('day'))[6]!;
  const count = last.diff(first, 'day') + 1;
  return Array.from({ length: count }, (_, i) => first.add(i, 'day'));
}
