// Money, dates and times in the account's locale, time zone and currency, in the UI's language.
export interface FormatSettings {
  locale: string;
  timeZone: string;
  currency: string;
  language: string;
}

export interface Formatter {
  money(amount: number | null | undefined): string;
  number(n: number): string;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  time(iso: string): string;
  weekday(iso: string): string;
  /** The locale's digit grouping and decimal marks, for number inputs that should read like the page. */
  separators: { thousands: string; decimal: string };
  timeZone: string;
  currency: string;
}

/** The UI language with the account locale's region: ru UI + en-US account -> "ru-US". */
export function formattingLocale(language: string, accountLocale: string): string {
  try {
    const account = new Intl.Locale(accountLocale);
    if (account.language === language) return account.toString();
    return account.region ? `${language}-${account.region}` : language;
  } catch {
    return language;
  }
}

function separatorsOf(format: Intl.NumberFormat): Formatter['separators'] {
  const parts = format.formatToParts(12345.6);
  return {
    thousands: parts.find((p) => p.type === 'group')?.value ?? '',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

export function makeFormatter(s: FormatSettings): Formatter {
  const locale = formattingLocale(s.language, s.locale);
  const timeZone = safeZone(s.timeZone);
  let money: Intl.NumberFormat;
  try {
    money = new Intl.NumberFormat(locale, { style: 'currency', currency: s.currency, maximumFractionDigits: 2, minimumFractionDigits: 0 });
  } catch {
    money = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  }
  const num = new Intl.NumberFormat(locale);
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const timeFmt = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const weekdayFmt = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone });
  const orDash = (f: Intl.DateTimeFormat) => (iso: string | null | undefined) => (iso ? f.format(new Date(iso)) : '—');
  return {
    money: (amount) => money.format(amount ?? 0),
    number: (n) => num.format(n),
    date: orDash(dateFmt),
    dateTime: orDash(dateTimeFmt),
    time: (iso) => timeFmt.format(new Date(iso)),
    weekday: (iso) => weekdayFmt.format(new Date(iso)),
    separators: separatorsOf(num),
    timeZone,
    currency: s.currency,
  };
}
