/**
 * The user's day in their own time zone. Cards in review are due by the day (a card due at 23:00
 * is shown in the morning of that day), and the new-card limit counts per day, so both need the
 * instants at which the local day starts and ends, which a fixed UTC offset cannot give across
 * daylight-saving changes.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local calendar fields of an instant in a time zone. */
function localParts(ms: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { y: out.year!, m: out.month!, d: out.day!, h: out.hour! % 24, min: out.minute!, s: out.second! };
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant of local midnight starting calendar day (y, m, d) in the zone. */
function midnight(y: number, m: number, d: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d);
  // Two passes settle the offset when midnight falls near a daylight-saving change.
  let t = guess - offsetAt(guess, timeZone);
  t = guess - offsetAt(t, timeZone);
  return t;
}

export interface LocalDay {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** First instant of the day (ms since the epoch). */
  start: number;
  /** First instant of the next day. */
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day that holds `now` in `timeZone` (an IANA name such as Asia/Shanghai). */
export function localDay(now: Date, timeZone: string): LocalDay {
  const p = localParts(now.getTime(), timeZone);
  const next = new Date(Date.UTC(p.y, p.m - 1, p.d + 1));
  return {
    date: `${p.y}-${pad(p.m)}-${pad(p.d)}`,
    start: midnight(p.y, p.m, p.d, timeZone),
    end: midnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone),
  };
}

/** The local date (YYYY-MM-DD) of an instant. */
export function localDate(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** The zone's name, or UTC for a name the runtime does not know. */
export function validTimeZone(name: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return 'UTC';
  }
}
