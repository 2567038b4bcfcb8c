// When a one-time schedule is due: EventBridge Scheduler's `at(yyyy-mm-ddThh:mm:ss)` read as a
// wall-clock time in the schedule's time zone (UTC when none is given).
const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;

export class BadScheduleExpressionError extends Error {}

/** Epoch milliseconds of the moment an `at(...)` expression names. */
export function atExpressionTime(expression: string, timeZone = 'UTC'): number {
  const m = AT.exec(expression.trim());
  if (!m)
    throw new BadScheduleExpressionError(`Only one-time at(yyyy-mm-ddThh:mm:ss) expressions are supported locally, not ${expression}`);
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new BadScheduleExpressionError(`${expression} is not a valid date and time`);
  }
  // The zone's offset at the guessed instant; a second look settles DST transitions.
  const first = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(first, timeZone);
}

/** Milliseconds to add to UTC to get the wall clock in `timeZone` at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(instant));
  } catch {
    throw new BadScheduleExpressionError(`Unknown time zone ${timeZone}`);
  }
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}
