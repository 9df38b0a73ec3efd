/**
 * The calls a mail list page makes on a cfimap-like query, through a real Engine render
 * (queries built with queryNew instead of a server).
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const page = `<cfscript>
mails = queryNew("subject,date,attachments", "varchar,date,varchar", [
  ["Re: <b>Q3</b> & plans", createDateTime(2024, 3, 5, 14, 30, 0), "a.pdf" & chr(9) & "b.png"],
  ["Hello", createDateTime(2023, 12, 25, 8, 0, 0), ""]
]);
folders = queryNew("name", "varchar", [["INBOX"], ["Sent"], ["Trash"]]);
headerDate = "Tue, 5 Mar 2024 14:30:00 +0000 (UTC)";
</cfscript>
<cfoutput query="mails">#dateFormat(mails.date, "mmm d, yyyy")#|#listLen(mails.attachments, chr(9))#|#htmlEditFormat(mails.subject)#
</cfoutput>
<cfoutput>#valueList(folders.name)#
#dateTimeFormat(parseDateTime(headerDate, "pop"), "yyyy-mm-dd HH:nn:ss")#
#dateFormat(parseDateTime("Sun, 31 Dec 2023 23:59:59 -0500", "pop"), "mmm d, yyyy")#</cfoutput>`;

describe('mail page calls', () => {
  it('renders dates, attachment counts, escaped subjects and folder lists', async () => {
    const out = await new Engine().renderString(page);
    const lines = out.trim().split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expect(lines[0]).toBe('Mar 5, 2024|2|Re: &lt;b&gt;Q3&lt;/b&gt; &amp; plans');
    // An empty list has no elements.
    expect(lines[1]).toBe('Dec 25, 2023|0|Hello');
    expect(lines[2]).toBe('INBOX,Sent,Trash');
    // pop dates are RFC 822: the offset is applied, the result shown in the engine's zone.
    const expected = new Date(Date.UTC(2024, 2, 5, 14, 30, 0));
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(lines[3]).toBe(
      `${expected.getFullYear()}-${pad(expected.getMonth() + 1)}-${pad(expected.getDate())} ${pad(expected.getHours())}:${pad(expected.getMinutes())}:00`,
    );
    const d2 = new Date(Date.UTC(2024, 0, 1, 4, 59, 59));
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    expect(lines[4]).toBe(`${months[d2.getMonth()]} ${d2.getDate()}, ${d2.getFullYear()}`);
  });

  it('gives CFML errors for bad input', async () => {
    await expect(new Engine().renderString('<cfoutput>#parseDateTime("not a date", "pop")#</cfoutput>')).rejects.toThrow(/can't cast \[not a date\] to date/);
    await expect(new Engine().renderString('<cfset q = queryNew("a")><cfoutput>#valueList(q.nope)#</cfoutput>')).rejects.toThrow(/nope/);
  });
});
