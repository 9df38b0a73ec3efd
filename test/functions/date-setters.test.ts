/** Date member setters (in place, lenient as Java's Calendar), d.part(), lsDayOfWeek by the locale's first weekday. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const render = (src: string) => new Engine({ logger: () => {} }).renderString(`<cfscript>${src}</cfscript>`);
const fmt = (v: string) => `dateTimeFormat(${v}, "yyyy-mm-dd HH:nn:ss") & "." & millisecond(${v})`;

describe('date setters', () => {
  it('change the date itself and return it', async () => {
    const out = await render(`d = createDateTime(2015, 3, 9, 10, 20, 30); r = d.setYear(2021); d.setMonth(11); d.setDay(4); d.setHour(7); d.setMinute(5); d.setSecond(6); d.setMillisecond(250);
      writeOutput(${fmt('d')} & "|" & (r === d));`);
    expect(out).toBe('2021-11-04 07:05:06.250|true');
  });
  it('carry a value past its range into the next field, as a lenient calendar', async () => {
    expect(await render(`d = createDateTime(2015, 12, 31, 23, 0, 0); d.setMinutes(90); writeOutput(${fmt('d')});`)).toBe('2016-01-01 00:30:00.0');
    expect(await render(`d = createDate(2015, 1, 31); d.setMonth(2); writeOutput(${fmt('d')});`)).toBe('2015-03-03 00:00:00.0');
    expect(await render(`d = createDate(2015, 5, 10); d.setDay(0); writeOutput(${fmt('d')});`)).toBe('2015-04-30 00:00:00.0');
  });
  it('set the wall clock of the time zone given', async () => {
    const out = await render(`d = createDateTime(2020, 6, 1, 12, 0, 0, 0, "UTC"); d.setHour(9, "Asia/Tokyo");
      writeOutput(dateTimeFormat(d, "yyyy-mm-dd HH:nn", "UTC") & "|" & dateTimeFormat(d, "HH:nn", "Asia/Tokyo"));`);
    expect(out).toBe('2020-06-01 00:00|09:00');
  });
});

describe('d.part and lsDayOfWeek', () => {
  it('d.part(datePart) is datePart(datePart, d)', async () => {
    expect(await render(`d = createDateTime(2011, 8, 19, 14, 45, 3); writeOutput(d.part("m") & d.part("yyyy") & d.part("n") & d.part("w"));`)).toBe('82011456');
  });
  it('counts the day of the week from the first day of the locale', async () => {
    // 2024-03-03 is a Sunday, 2024-03-04 a Monday
    const sun = 'createDateTime(2024, 3, 3, 12, 0, 0, 0, "UTC")';
    const mon = 'createDateTime(2024, 3, 4, 12, 0, 0, 0, "UTC")';
    const out = await render(`writeOutput(lsDayOfWeek(${sun}, "en_US", "UTC") & lsDayOfWeek(${sun}, "de_DE", "UTC") & lsDayOfWeek(${mon}, "en_US", "UTC") & lsDayOfWeek(${mon}, "fr_FR", "UTC"));`);
    expect(out).toBe('1721');
  });
});
