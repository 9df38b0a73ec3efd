import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine, type UploadedFiles } from '../../src/index.js';

let dir: string;
const engine = new Engine();
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-cffile-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Renders a page that lives in the temp dir, so relative paths resolve there. */
async function page(src: string, files?: UploadedFiles, form?: Record<string, unknown>): Promise<string> {
  const file = path.join(dir, `p${Math.random().toString(36).slice(2)}.cfm`);
  fs.writeFileSync(file, src);
  return (await engine.renderFile(file, { files, form })).trim();
}

describe('<cffile>', () => {
  it('write then read (relative to the template, addNewLine by default, charset)', async () => {
    const out = await page(`<cffile action="write" file="w1.txt" output="héllo">` +
      `<cffile action="append" file="w1.txt" output="more" addnewline="no">` +
      `<cffile action="read" file="w1.txt" variable="t"><cfoutput>[#t#]</cfoutput>`);
    expect(out).toBe('[héllo\nmore]');
    expect(fs.readFileSync(path.join(dir, 'w1.txt'), 'utf8')).toBe('héllo\nmore');
    await page(`<cffile action="write" file="w2.txt" output="é" charset="iso-8859-1" addnewline="false">`);
    expect([...fs.readFileSync(path.join(dir, 'w2.txt'))]).toEqual([0xe9]);
    expect(await page(`<cffile action="read" file="w2.txt" variable="t" charset="iso-8859-1"><cfoutput>#t#</cfoutput>`)).toBe('é');
  });

  it('write takes its body when there is no output attribute; readBinary gives bytes', async () => {
    await page(`<cfset n = 3><cffile action="write" file="body.txt" addnewline="false"><cfoutput>n=#n#</cfoutput></cffile>`);
    expect(fs.readFileSync(path.join(dir, 'body.txt'), 'utf8')).toBe('n=3');
    expect(await page(`<cffile action="readBinary" file="body.txt" variable="b"><cfoutput>#arrayLen(b)# #isBinary(b)#</cfoutput>`)).toBe('3 true');
  });

  it('copy, move, rename, delete, and nameConflict', async () => {
    fs.writeFileSync(path.join(dir, 'c.txt'), 'C');
    fs.mkdirSync(path.join(dir, 'cdir'));
    await page(`<cffile action="copy" source="c.txt" destination="cdir">` +
      `<cffile action="copy" source="c.txt" destination="cdir" nameconflict="makeunique">` +
      `<cffile action="copy" source="c.txt" destination="cdir/c.txt" nameconflict="skip">`);
    expect(fs.readdirSync(path.join(dir, 'cdir')).sort()).toEqual(['c.txt', 'c1.txt']);
    const err = await page(`<cftry><cffile action="copy" source="c.txt" destination="cdir" nameconflict="error"><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>`);
    expect(err).toContain(path.join(dir, 'cdir', 'c.txt'));
    await page(`<cffile action="move" source="cdir/c1.txt" destination="moved.txt"><cffile action="rename" source="moved.txt" destination="renamed.txt"><cffile action="delete" file="cdir/c.txt">`);
    expect(fs.existsSync(path.join(dir, 'renamed.txt'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'moved.txt'))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'cdir'))).toEqual([]);
  });

  it('mode sets the permissions; errors name the path and are catchable', async () => {
    await page(`<cffile action="write" file="m.txt" output="x" mode="600">`);
    expect(fs.statSync(path.join(dir, 'm.txt')).mode & 0o777).toBe(0o600);
    const msg = await page(`<cftry><cffile action="read" file="missing/none.txt" variable="x"><cfcatch><cfoutput>#cfcatch.type#: #cfcatch.message#</cfoutput></cfcatch></cftry>`);
    expect(msg).toBe(`Application: cffile action [read]: [${path.join(dir, 'missing', 'none.txt')}] does not exist`);
    await expect(page(`<cffile action="read" file="x.txt">`)).rejects.toThrow(/Attribute \[variable\] is required/);
    await expect(page(`<cffile action="explode" file="x.txt">`)).rejects.toThrow(/Invalid value \[explode\] for attribute \[action\]/);
  });

  describe('upload', () => {
    const tmpUpload = (name: string, content: string) => {
      const p = path.join(dir, 'uploads-tmp-' + Math.random().toString(36).slice(2));
      fs.writeFileSync(p, content);
      return { path: p, clientFile: name, contentType: 'text/plain', size: Buffer.byteLength(content) };
    };

    it('saves the file under its client name and fills cffile', async () => {
      fs.mkdirSync(path.join(dir, 'up1'));
      const f = tmpUpload('report.txt', 'data!');
      const out = await page(
        `<cffile action="upload" filefield="doc" destination="up1" nameconflict="makeunique">` +
          `<cfoutput>#cffile.serverFile#|#cffile.clientFile#|#cffile.clientFileExt#|#cffile.fileWasSaved#|#cffile.fileSize#|#cffile.contentType#/#cffile.contentSubType#|#form.doc eq cffile.attemptedServerFile#</cfoutput>`,
        { doc: [f] },
        { doc: f.path },
      );
      expect(out).toBe('report.txt|report.txt|txt|true|5|text/plain|false');
      expect(fs.readFileSync(path.join(dir, 'up1', 'report.txt'), 'utf8')).toBe('data!');
      // the temp file belongs to the server: it stays
      expect(fs.existsSync(f.path)).toBe(true);
      const again = await page(`<cffile action="upload" filefield="DOC" destination="up1" nameconflict="makeunique" result="r"><cfoutput>#r.serverFile# #r.fileWasRenamed# #r.fileExisted#</cfoutput>`, { doc: [f] });
      expect(again).toBe('report1.txt true true');
      const clash = await page(`<cftry><cffile action="upload" filefield="doc" destination="up1"><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>`, { doc: [f] });
      expect(clash).toContain('already exists');
    });

    it('a hostile client file name lands inside the destination, sanitised and never as code', async () => {
      fs.mkdirSync(path.join(dir, 'up2'));
      const f = tmpUpload('../../etc/evil.cfm', 'x');
      const out = await page(`<cffile action="upload" filefield="f" destination="up2"><cfoutput>#cffile.serverFile#</cfoutput>`, { f: [f] });
      expect(out).toBe('evil_cfm.txt');
      expect(fs.readdirSync(path.join(dir, 'up2'))).toEqual(['evil_cfm.txt']);
    });

    it('accept refuses other types; uploadAll saves every file into an array', async () => {
      fs.mkdirSync(path.join(dir, 'up3'));
      const a = tmpUpload('a.txt', 'A');
      const b = tmpUpload('b.txt', 'BB');
      const refused = await page(`<cftry><cffile action="upload" filefield="f" destination="up3" accept="image/*,.png"><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>`, { f: [a] });
      expect(refused).toContain('was not accepted');
      expect(fs.readdirSync(path.join(dir, 'up3'))).toEqual([]);
      const all = await page(`<cffile action="uploadAll" destination="up3" accept="text/plain" result="rs"><cfoutput>#arrayLen(rs)# #rs[1].serverFile# #rs[2].serverFile#</cfoutput>`, { f: [a], g: [b] });
      expect(all).toBe('2 a.txt b.txt');
      const none = await page(`<cftry><cffile action="upload" filefield="nope" destination="up3"><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>`, {});
      expect(none).toContain('[nope] did not contain a file');
    });
  });
});

describe('<cfdirectory>', () => {
  it('list gives a query with Lucee\'s columns; filter, sort, type, recurse, listInfo', async () => {
    const root = path.join(dir, 'ls');
    fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(root, 'b.txt'), 'bb');
    fs.writeFileSync(path.join(root, 'a.log'), 'a');
    fs.writeFileSync(path.join(root, 'sub', 'c.txt'), 'ccc');
    const out = await page(
      `<cfdirectory action="list" directory="ls" name="q" sort="name asc">` +
        `<cfoutput>#q.columnList#|<cfloop query="q">#q.name#:#q.type#:#q.size#:#q.directory eq expandPath('ls')#:#isDate(q.dateLastModified)#;</cfloop></cfoutput>`,
    );
    expect(out).toBe('NAME,SIZE,TYPE,DATELASTMODIFIED,ATTRIBUTES,MODE,DIRECTORY|a.log:File:1:true:true;b.txt:File:2:true:true;sub:Dir:0:true:true;');
    const filtered = await page(`<cfdirectory directory="ls" name="q" filter="*.txt" recurse="true" type="file" sort="size desc"><cfoutput>#valueList(q.name)#</cfoutput>`);
    expect(filtered).toBe('c.txt,b.txt');
    const names = await page(`<cfdirectory directory="ls" name="q" listinfo="name" recurse="true"><cfoutput>#q.columnList# #valueList(q.name)#</cfoutput>`);
    expect(names).toBe('NAME a.log,b.txt,sub,sub/c.txt');
  });

  it('create, rename, delete (recurse); errors name the directory', async () => {
    await page(`<cfdirectory action="create" directory="made/deep">`);
    expect(fs.statSync(path.join(dir, 'made', 'deep')).isDirectory()).toBe(true);
    await page(`<cfdirectory action="rename" directory="made/deep" newdirectory="deeper">`);
    expect(fs.existsSync(path.join(dir, 'made', 'deeper'))).toBe(true);
    const notEmpty = await page(`<cftry><cfdirectory action="delete" directory="made"><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>`);
    expect(notEmpty).toBe(`cfdirectory action [delete]: the directory [${path.join(dir, 'made')}] is not empty`);
    await page(`<cfdirectory action="delete" directory="made" recurse="true">`);
    expect(fs.existsSync(path.join(dir, 'made'))).toBe(false);
    const missing = await page(`<cftry><cfdirectory action="list" directory="nowhere" name="q"><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>`);
    expect(missing).toContain(path.join(dir, 'nowhere'));
  });
});
