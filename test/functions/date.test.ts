import { describe, expect, it } from 'vitest';
import { fn, member, named } from '../support/fn-harness.js';
import { toStr } from '../../src/runtime/cast.js';
import { dateToNumber } from '../../src/runtime/dates.js';

const dt = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => fn('createDateTime', y, mo, d, h, mi, s, ms) as Date;

describe('date construction', () => {
  it('createDate / createDateTime build local dates and accept numeric strings', () => {
    expect(toStr(fn('createDate', '2015', '12', '09'))).toBe("{ts '2015-12-09 00:00:00'}");
    expect(toStr(dt(2012, 12, 12, 12, 12, 12))).toBe("{ts '2012-12-12 12:12:12'}");
    expect(toStr(fn('createDate', 2024))).toBe("{ts '2024-01-01 00:00:00'}");
  });
  it('rejects impossible dates', () => {
    expect(() => fn('createDate', 2023, 2, 29)).toThrow(/day \[29\]/);
    expect(() => fn('createDate', 2024, 13, 1)).toThrow(/month/);
    expect(() => fn('createDateTime', 2024, 1, 1, 24)).toThrow(/hour/);
    expect(toStr(fn('createDate', 2024, 2, 29))).toBe("{ts '2024-02-29 00:00:00'}");
  });
  it('ODBC forms and createTime print their own literal', () => {
    const d = dt(2012, 12, 12, 12, 12, 12);
    expect(toStr(fn('createODBCDate', d))).toBe("{d '2012-12-12'}");
    expect(toStr(fn('createODBCDateTime', d))).toBe("{ts '2012-12-12 12:12:12'}");
    expect(toStr(fn('createODBCTime', d))).toBe("{t '12:12:12'}");
    expect(toStr(fn('createTime', 10, 5))).toBe("{t '10:05:00'}");
    expect(toStr(member('date', 'createODBCDate', d))).toBe("{d '2012-12-12'}");
  });
  it('createTimeSpan is a number of days', () => {
    expect(fn('createTimeSpan', 0, 6, 0, 0)).toBe(0.25);
    expect(fn('createTimeSpan', 1, 12, 0, 0)).toBe(1.5);
    // date + timespan is day-number arithmetic
    const start = dateToNumber(fn('createDate', 2017, 1, 1) as Date);
    expect(fn('dateFormat', start + (fn('createTimeSpan', 2, 0, 0, 0) as number))).toBe('03-Jan-17');
  });
  it('now is close to the clock', () => {
    expect(Math.abs((fn('now') as Date).getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe('parseDateTime', () => {
  it('parses RFC 822 mail dates with the pop mask to the instant', () => {
    const d = fn('parseDateTime', 'Tue, 05 Mar 2024 14:03:00 +0100 (CET)', 'pop') as Date;
    expect(d.getTime()).toBe(Date.UTC(2024, 2, 5, 13, 3, 0));
    const e = fn('parseDateTime', 'Wed, 6 Mar 2024 08:00:00 EST', 'pop') as Date;
    expect(e.getTime()).toBe(Date.UTC(2024, 2, 6, 13, 0, 0));
    const g = fn('parseDateTime', '5 Mar 2024 14:03:00 GMT', 'pop') as Date;
    expect(g.getTime()).toBe(Date.UTC(2024, 2, 5, 14, 3, 0));
  });
  it('parses the usual date strings and rejects garbage', () => {
    expect(toStr(fn('parseDateTime', '2005/10/01 00:00:00'))).toBe("{ts '2005-10-01 00:00:00'}");
    expect(toStr(fn('parseDateTime', '2005-10-01 13:14'))).toBe("{ts '2005-10-01 13:14:00'}");
    expect(toStr(fn('parseDateTime', 'January 5, 2024'))).toBe("{ts '2024-01-05 00:00:00'}");
    expect(() => fn('parseDateTime', 'not a date')).toThrow(/can't cast/);
  });
  it('parses with a Java-style mask', () => {
    expect(toStr(fn('parseDateTime', '05.03.2024 14:03', 'dd.MM.yyyy HH:mm'))).toBe("{ts '2024-03-05 14:03:00'}");
    expect(toStr(fn('parseDateTime', '5 Mar 24 2:03 PM', 'd MMM yy h:mm a'))).toBe("{ts '2024-03-05 14:03:00'}");
    expect(() => fn('parseDateTime', '31.02.2024', 'dd.MM.yyyy')).toThrow();
  });
});

describe('dateFormat', () => {
  const d = dt(2004, 1, 2, 4, 5, 6);
  it('month, day and year tokens', () => {
    expect(fn('dateFormat', d)).toBe('02-Jan-04');
    expect(fn('dateFormat', d, 'yyyy')).toBe('2004');
    expect(fn('dateFormat', d, 'yy')).toBe('04');
    expect(fn('dateFormat', d, 'y')).toBe('2004');
    expect(fn('dateFormat', d, 'MMMM')).toBe('January');
    expect(fn('dateFormat', d, 'mmm')).toBe('Jan');
    expect(fn('dateFormat', d, 'mm')).toBe('01');
    expect(fn('dateFormat', d, 'm')).toBe('1');
    expect(fn('dateFormat', d, 'dddd')).toBe('Friday');
    expect(fn('dateFormat', d, 'ddd')).toBe('Fri');
    expect(fn('dateFormat', d, 'dd.mm.yyyy')).toBe('02.01.2004');
    expect(fn('dateFormat', d, 'd/m/yy gg')).toBe('2/1/04 AD');
  });
  it('styles', () => {
    expect(fn('dateFormat', '2015-04-11', 'short')).toBe('4/11/15');
    expect(fn('dateFormat', '2015-04-11', 'medium')).toBe('Apr 11, 2015');
    expect(fn('dateFormat', '2015-04-11', 'long')).toBe('April 11, 2015');
    expect(fn('dateFormat', '2015-04-11', 'full')).toBe('Saturday, April 11, 2015');
  });
  it('accepts strings, day numbers and empty strings', () => {
    expect(fn('dateFormat', '')).toBe('');
    expect(fn('dateFormat', 0, 'dd-mm-yyyy')).toBe('30-12-1899');
    expect(fn('dateFormat', 100, 'dd-mm-yyyy')).toBe('09-04-1900');
    expect(fn('dateFormat', '1234', 'dd.mm.yyyy')).toBe('18.05.1903');
    expect(fn('dateFormat', '2005/10/01 00:00:00', 'dd.mm.yyyy')).toBe('01.10.2005');
    expect(() => fn('dateFormat', 'tomorrow-ish')).toThrow(/DateTime/);
  });
  it('member form and named arguments', () => {
    expect(member('date', 'dateFormat', dt(2022, 10, 1), 'mm/dd/yyyy')).toBe('10/01/2022');
    expect(named('dateFormat', { date: dt(2022, 10, 1), mask: 'yyyy' })).toBe('2022');
  });
  it('a time zone argument shifts the wall clock', () => {
    const utc = new Date(Date.UTC(2024, 0, 1, 23, 30));
    expect(fn('dateFormat', utc, 'yyyy-mm-dd', 'UTC')).toBe('2024-01-01');
    expect(fn('dateFormat', utc, 'yyyy-mm-dd', 'Asia/Tokyo')).toBe('2024-01-02');
  });
});

describe('timeFormat', () => {
  it('hours, minutes, seconds, milliseconds and markers', () => {
    const d = dt(2017, 8, 31, 15, 25, 11, 7);
    expect(fn('timeFormat', d)).toBe('03:25 PM');
    expect(fn('timeFormat', d, 'h:mm tt')).toBe('3:25 PM');
    expect(fn('timeFormat', d, 'HH:mm:ss')).toBe('15:25:11');
    expect(fn('timeFormat', d, 'h:m:s t')).toBe('3:25:11 P');
    expect(fn('timeFormat', d, 'HHnnsslll')).toBe('152511007');
    expect(fn('timeFormat', d, 'l')).toBe('7');
    expect(member('date', 'timeFormat', d, 'h:mm tt')).toBe('3:25 PM');
  });
  it('midnight and noon on the 12-hour clock', () => {
    expect(fn('timeFormat', dt(2020, 1, 1, 0, 5), 'hh:mm tt')).toBe('12:05 AM');
    expect(fn('timeFormat', dt(2020, 1, 1, 12, 5), 'h:mm tt')).toBe('12:05 PM');
    expect(fn('timeFormat', 1)).toBe('12:00 AM');
    expect(fn('timeFormat', '')).toBe('');
  });
  it('styles', () => {
    const d = dt(2020, 1, 1, 14, 0);
    expect(fn('timeFormat', d, 'short')).toBe('2:00 PM');
    expect(fn('timeFormat', d, 'medium')).toBe('2:00:00 PM');
    expect(fn('timeFormat', new Date(Date.UTC(2020, 0, 1, 14)), 'long', 'UTC')).toBe('2:00:00 PM UTC');
  });
});

describe('dateTimeFormat', () => {
  const d = dt(2000, 1, 2, 3, 4, 5);
  it('default mask and Java-style tokens with n for minutes', () => {
    expect(fn('dateTimeFormat', d)).toBe('02-Jan-2000 03:04:05');
    expect(fn('dateTimeFormat', d, "EEE, MMM d, ''yy")).toBe("Sun, Jan 2, '00");
    expect(fn('dateTimeFormat', d, 'h:nn a')).toBe('3:04 AM');
    expect(fn('dateTimeFormat', d, "hh 'o''clock' a")).toBe("03 o'clock AM");
    expect(fn('dateTimeFormat', d, 'yyyyy.MMMMM.dd GGG hh:nn aaa')).toBe('02000.January.02 AD 03:04 AM');
    expect(fn('dateTimeFormat', d, 'y.mm.dd hh-nn')).toBe('2000.01.02 03-04');
    expect(fn('dateTimeFormat', d, 'dddd')).toBe('Sunday');
    expect(member('date', 'format', d, 'd MMM yyyy HH:nn:ss')).toBe('2 Jan 2000 03:04:05');
    expect(member('date', 'dateTimeFormat', dt(2022, 10, 1, 9, 30), 'mm/dd/yyyy hh:nn:ss tt')).toBe('10/01/2022 09:30:00 AM');
    expect(fn('dateTimeFormat', '')).toBe('');
  });
  it('styles and ISO', () => {
    const s = '2015-04-11 19:02';
    expect(fn('dateTimeFormat', s, 'short')).toBe('4/11/15 7:02 PM');
    expect(fn('dateTimeFormat', s, 'medium')).toBe('Apr 11, 2015 7:02:00 PM');
    const u = new Date(Date.UTC(2015, 3, 11, 19, 2));
    expect(fn('dateTimeFormat', u, 'long', 'UTC')).toBe('April 11, 2015 7:02:00 PM UTC');
    expect(fn('dateTimeFormat', u, 'full', 'UTC')).toBe('Saturday, April 11, 2015 7:02:00 PM UTC');
    expect(fn('dateTimeFormat', u, 'iso8601', 'UTC')).toBe('2015-04-11T19:02:00+0000');
    expect(fn('dateTimeFormat', u, 'yyMMddHHnnssZ', 'GMT')).toBe('150411190200+0000');
    expect(fn('dateTimeFormat', u, 'HH:nn Z', 'Europe/Berlin')).toBe('21:02 +0200');
    expect(fn('dateTimeFormat', u, 'epoch')).toBe(String(Date.UTC(2015, 3, 11, 19, 2) / 1000));
  });
  it('ls variants use en_US styles by default', () => {
    expect(fn('lsDateFormat', dt(2015, 4, 11))).toBe('Apr 11, 2015');
    expect(fn('lsTimeFormat', dt(2015, 4, 11, 19, 2))).toBe('7:02 PM');
    expect(fn('lsDateFormat', dt(2015, 4, 11), 'long', 'de_DE')).toBe('11. April 2015');
  });
});

describe('dateAdd', () => {
  it('adds every datepart', () => {
    expect(toStr(fn('dateAdd', 'd', 30, '8/3/2014'))).toBe("{ts '2014-09-02 00:00:00'}");
    expect(toStr(fn('dateAdd', 'd', -30, '8/3/2014'))).toBe("{ts '2014-07-04 00:00:00'}");
    expect(toStr(fn('dateAdd', 'ww', 8, '8/3/2014'))).toBe("{ts '2014-09-28 00:00:00'}");
    const d = dt(2024, 1, 31, 10);
    expect(toStr(fn('dateAdd', 'm', 1, d))).toBe("{ts '2024-02-29 10:00:00'}");
    expect(toStr(fn('dateAdd', 'q', 1, d))).toBe("{ts '2024-04-30 10:00:00'}");
    expect(toStr(fn('dateAdd', 'yyyy', 1, dt(2024, 2, 29)))).toBe("{ts '2025-02-28 00:00:00'}");
    expect(toStr(fn('dateAdd', 'y', 1, d))).toBe("{ts '2024-02-01 10:00:00'}");
    expect(toStr(fn('dateAdd', 'h', 15, d))).toBe("{ts '2024-02-01 01:00:00'}");
    expect(toStr(fn('dateAdd', 'n', -61, d))).toBe("{ts '2024-01-31 08:59:00'}");
    expect(toStr(fn('dateAdd', 's', 3600, d))).toBe("{ts '2024-01-31 11:00:00'}");
    expect((fn('dateAdd', 'l', 1500, d) as Date).getTime() - d.getTime()).toBe(1500);
  });
  it('w adds weekdays', () => {
    // 2024-03-01 is a Friday
    expect(toStr(fn('dateAdd', 'w', 1, dt(2024, 3, 1)))).toBe("{ts '2024-03-04 00:00:00'}");
    expect(toStr(fn('dateAdd', 'w', 5, dt(2024, 3, 1)))).toBe("{ts '2024-03-08 00:00:00'}");
    expect(toStr(fn('dateAdd', 'w', -1, dt(2024, 3, 4)))).toBe("{ts '2024-03-01 00:00:00'}");
  });
  it('member form and bad parts', () => {
    expect(toStr(member('date', 'add', fn('createDate', 2022, 10, 1), 'd', 1))).toBe("{ts '2022-10-02 00:00:00'}");
    expect(() => fn('dateAdd', 'x', 1, dt(2024, 1, 1))).toThrow(/datepart/);
  });
});

describe('dateDiff', () => {
  it('counts whole units from date1 to date2', () => {
    expect(fn('dateDiff', 'd', '2013-01-15', '2013-01-25')).toBe(10);
    expect(fn('dateDiff', 'd', '2013-01-25', '2013-01-15')).toBe(-10);
    expect(fn('dateDiff', 'yyyy', dt(1974, 6, 28), dt(1975, 5, 28))).toBe(0);
    expect(fn('dateDiff', 'yyyy', dt(1974, 6, 28, 3, 3, 3), dt(1975, 6, 28, 3, 3, 3))).toBe(1);
    expect(fn('dateDiff', 'yyyy', dt(1974, 6, 28, 3, 3, 3), dt(1975, 6, 28, 3, 3, 2))).toBe(0);
    expect(fn('dateDiff', 'yyyy', dt(1975, 3, 9, 1, 1, 30), dt(1974, 2, 9, 1, 1, 30))).toBe(-1);
    expect(fn('dateDiff', 'yyyy', dt(1975, 1, 9, 1, 1, 30), dt(1974, 1, 9, 1, 1, 31))).toBe(0);
    expect(fn('dateDiff', 'm', dt(2008, 1, 30, 2), dt(2008, 3, 30, 1))).toBe(1);
    expect(fn('dateDiff', 'm', dt(2008, 1, 30, 2), dt(2008, 3, 30, 2))).toBe(2);
    expect(fn('dateDiff', 'm', dt(2024, 1, 31), dt(2024, 2, 29))).toBe(1);
    expect(fn('dateDiff', 'q', dt(2024, 1, 1), dt(2024, 12, 31))).toBe(3);
    expect(fn('dateDiff', 'h', dt(2008, 1, 1, 5, 5, 5), dt(2008, 2, 1, 1))).toBe(739);
    expect(fn('dateDiff', 'n', dt(2024, 1, 1), dt(2024, 1, 1, 1, 1, 59))).toBe(61);
    expect(fn('dateDiff', 's', dt(2024, 1, 1), dt(2024, 1, 1, 0, 1, 1))).toBe(61);
    expect(fn('dateDiff', 'ww', dt(2024, 1, 1), dt(2024, 1, 15))).toBe(2);
    expect(fn('dateDiff', 'w', dt(2024, 1, 1), dt(2024, 1, 14))).toBe(1);
    expect(fn('dateDiff', 'wd', dt(2024, 3, 1), dt(2024, 3, 8))).toBe(5);
    expect(fn('dateDiff', 'd', dt(2024, 1, 1, 2), dt(2024, 1, 3, 1))).toBe(1);
  });
  it('member diff puts the receiver last', () => {
    expect(member('date', 'diff', dt(2024, 1, 11), 'd', dt(2024, 1, 1))).toBe(10);
    expect(() => fn('dateDiff', 'zz', dt(2024, 1, 1), dt(2024, 1, 2))).toThrow(/datepart/);
  });
});

describe('dateCompare and datePart', () => {
  it('compares with a precision', () => {
    expect(fn('dateCompare', '12/30/2015', '12/02/2015', 'yyyy')).toBe(0);
    expect(fn('dateCompare', '12/30/2015', '12/02/2015', 'd')).toBe(1);
    expect(fn('dateCompare', '12/02/2015', '12/30/2015')).toBe(-1);
    expect(fn('dateCompare', dt(2015, 1, 1, 10, 5, 1), dt(2015, 1, 1, 10, 5, 59), 'n')).toBe(0);
    expect(member('date', 'compare', fn('createDate', 2024, 1, 1), fn('createDate', 2024, 2, 14))).toBe(-1);
    expect(() => fn('dateCompare', dt(2015, 1, 1), dt(2015, 1, 1), 'x')).toThrow(/datePart/);
  });
  it('datePart and the accessors', () => {
    const d = dt(2016, 1, 1, 5, 30, 25, 123);
    expect(fn('year', d)).toBe(2016);
    expect(fn('month', d)).toBe(1);
    expect(fn('day', d)).toBe(1);
    expect(fn('hour', d)).toBe(5);
    expect(fn('minute', d)).toBe(30);
    expect(fn('second', d)).toBe(25);
    expect(fn('millisecond', d)).toBe(123);
    expect(fn('quarter', dt(2016, 8, 1))).toBe(3);
    expect(fn('week', d)).toBe(1);
    expect(fn('week', dt(2016, 12, 31))).toBe(53);
    // Lucee's week() keeps late December in its own year (DateTimeUtil.getWeekOfYear): not week 1 of 2020
    expect(fn('week', dt(2019, 12, 31))).toBe(53);
    expect(fn('dayOfWeek', fn('createDate', 2010, 9, 8))).toBe(4);
    expect(fn('dayOfYear', fn('createDate', 2012, 12, 30))).toBe(365);
    expect(fn('daysInMonth', fn('createDate', 2012, 2, 3))).toBe(29);
    expect(fn('daysInMonth', fn('createDate', 2100, 2, 3))).toBe(28);
    expect(fn('daysInYear', fn('createDate', 2023, 6, 18))).toBe(365);
    expect(fn('daysInYear', fn('createDate', 2000, 6, 18))).toBe(366);
    expect(fn('firstDayOfMonth', fn('createDate', 2012, 12, 12))).toBe(336);
    expect(fn('datePart', 'w', d)).toBe(6);
    expect(fn('datePart', 'y', dt(2016, 2, 1))).toBe(32);
    expect(fn('datePart', 'q', d)).toBe(1);
    expect(member('date', 'datePart', d, 'yyyy')).toBe(2016);
    expect(member('date', 'month', fn('createDate', 2022, 10, 1))).toBe(10);
    expect(fn('year', '2024-05-06')).toBe(2024);
    expect(() => fn('year', 'nope')).toThrow(/DateTime/);
  });
});

describe('names, leap years and misc', () => {
  it('names', () => {
    expect(fn('dayOfWeekAsString', 1)).toBe('Sunday');
    expect(fn('dayOfWeekAsString', 7)).toBe('Saturday');
    expect(fn('monthAsString', 11)).toBe('November');
    expect(fn('monthAsString', 6, 'DE')).toBe('Juni');
    expect(fn('dayOfWeekAsString', 2, 'de_DE')).toBe('Montag');
    expect(() => fn('monthAsString', 13)).toThrow(/month/);
    expect(() => fn('dayOfWeekAsString', 0)).toThrow(/day/);
  });
  it('isLeapYear', () => {
    expect(fn('isLeapYear', 2024)).toBe(true);
    expect(fn('isLeapYear', 1900)).toBe(false);
    expect(fn('isLeapYear', 2000)).toBe(true);
    expect(fn('isLeapYear', 2023)).toBe(false);
  });
  it('getHttpTimeString prints GMT', () => {
    expect(fn('getHttpTimeString', new Date(Date.UTC(2017, 7, 8, 14, 12, 10)))).toBe('Tue, 08 Aug 2017 14:12:10 GMT');
    expect(fn('getHttpTimeString')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });
  it('getTickCount is milliseconds', () => {
    const t = fn('getTickCount') as number;
    expect(Math.abs(t - Date.now())).toBeLessThan(1000);
  });
  it('dateConvert round-trips', () => {
    const d = dt(2024, 6, 1, 12);
    const u = fn('dateConvert', 'local2utc', d) as Date;
    expect((fn('dateConvert', 'utc2Local', u) as Date).getTime()).toBe(d.getTime());
    expect(() => fn('dateConvert', 'sideways', d)).toThrow(/conversion/);
  });
  it('getTimeZoneInfo for a fixed zone', () => {
    const s = fn('getTimeZoneInfo', 'UTC') as { get(k: string): unknown };
    expect(s.get('utcTotalOffset')).toBe(0);
    expect(s.get('isDSTOn')).toBe(false);
  });
});
