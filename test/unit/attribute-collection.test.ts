/**
 * `attributeCollection` on every core tag: each tag runs once with its attributes written out
 * and once with (some of) them passed as a struct, and both must give the expected result.
 * A guard checks that every core tag taking attributes has a case here.
 */
import { describe, it, expect, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine, CfmlError } from '../../src/index.js';
import { coreTags } from '../../src/tags/core/index.js';

const logged: string[] = [];
const engines = [new Engine({ logger: (l) => logged.push(l) }), new Engine({ asyncTags: true, logger: (l) => logged.push(l) })];
afterAll(() => Promise.all(engines.map((e) => e.close())));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfml-ac-'));
fs.writeFileSync(path.join(dir, 'inc.cfm'), '[included]');
fs.writeFileSync(path.join(dir, 'hello.cfm'), '<cfoutput>hello #attributes.who#</cfoutput>');
fs.writeFileSync(path.join(dir, 'outer.cfm'), '<cfif thisTag.executionMode EQ "end"><cfoutput>#arrayLen(thisTag.items)#:#thisTag.items[1].v#</cfoutput></cfif>');
fs.writeFileSync(path.join(dir, 'inner-literal.cfm'), '<cfif thisTag.executionMode EQ "start"><cfassociate basetag="cfmodule" datacollection="items"></cfif>');
fs.writeFileSync(path.join(dir, 'inner-collection.cfm'), '<cfif thisTag.executionMode EQ "start"><cfset c = {basetag: "cfmodule", datacollection: "items"}><cfassociate attributeCollection="#c#"></cfif>');
fs.writeFileSync(path.join(dir, 'err.cfm'), '<cfoutput>handled #error.message#</cfoutput>');
const mod = (f: string) => path.join(dir, f);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Case {
  /** The tag with its attributes written out. */
  literal: string;
  /** The same tag with attributeCollection (a struct literal `c` is set before it). */
  collection: string;
  /** What the page prints (and, for response tags, the status/headers it records). */
  output: string;
  meta?: (r: Awaited<ReturnType<Engine['renderStringWithMeta']>>) => void;
}

const cases: Record<string, Case> = {
  transaction: {
    // no query inside, so no datasource is needed: the isolation level is checked all the same
    literal: '<cftransaction isolation="serializable">in</cftransaction><cftry><cftransaction isolation="chaos"></cftransaction><cfcatch>bad</cfcatch></cftry>',
    collection: '<cfset c = {isolation: "serializable"}><cftransaction attributeCollection="#c#">in</cftransaction><cfset c = {isolation: "chaos"}><cftry><cftransaction attributeCollection="#c#"></cftransaction><cfcatch>bad</cfcatch></cftry>',
    output: 'inbad',
  },
  param: {
    literal: '<cfparam name="x" default="hi"><cfoutput>#x#</cfoutput>',
    collection: '<cfset c = {name: "x", default: "hi"}><cfparam attributeCollection="#c#"><cfoutput>#x#</cfoutput>',
    output: 'hi',
  },
  timer: {
    literal: '<cftimer variable="t" type="debug" unit="milli">x</cftimer><cftry><cftimer type="loud">y</cftimer><cfcatch>bad</cfcatch></cftry><cfoutput>#isNumeric(t)#</cfoutput>',
    collection: '<cfset c = {variable: "t", type: "debug", unit: "milli"}><cftimer attributeCollection="#c#">x</cftimer><cfset c = {type: "loud"}><cftry><cftimer attributeCollection="#c#">y</cftimer><cfcatch>bad</cfcatch></cftry><cfoutput>#isNumeric(t)#</cfoutput>',
    output: 'xbadtrue',
  },
  stopwatch: {
    literal: '<cfstopwatch variable="w">x</cfstopwatch><cfoutput>#isNumeric(w)#</cfoutput>',
    collection: '<cfset c = {variable: "w"}><cfstopwatch attributeCollection="#c#">x</cfstopwatch><cfoutput>#isNumeric(w)#</cfoutput>',
    output: 'xtrue',
  },
  timeout: {
    literal: '<cftimeout timespan="5">in</cftimeout><cftry><cftimeout timespan="0.02"><cfset sleep(2000)></cftimeout><cfcatch>late</cfcatch></cftry>',
    collection: '<cfset c = {timespan: 5}><cftimeout attributeCollection="#c#">in</cftimeout><cfset c = {timespan: 0.02}><cftry><cftimeout attributeCollection="#c#"><cfset sleep(2000)></cftimeout><cfcatch>late</cfcatch></cftry>',
    output: 'inlate',
  },
  savecontent: {
    literal: '<cfsavecontent variable="s" trim="true"> body </cfsavecontent><cfoutput>[#s#]</cfoutput>',
    collection: '<cfset c = {variable: "s", trim: true}><cfsavecontent attributeCollection="#c#"> body </cfsavecontent><cfoutput>[#s#]</cfoutput>',
    output: '[body]',
  },
  setting: {
    literal: '<cfsetting enablecfoutputonly="true">hidden<cfoutput>shown</cfoutput><cfsetting enablecfoutputonly="false">',
    collection: '<cfset c = {enablecfoutputonly: true}><cfsetting attributeCollection="#c#">hidden<cfoutput>shown</cfoutput><cfsetting enablecfoutputonly="false">',
    output: 'shown',
  },
  processingdirective: {
    literal: '<cfprocessingdirective suppresswhitespace="true">a    b</cfprocessingdirective>',
    collection: '<cfset c = {suppresswhitespace: true}><cfprocessingdirective attributeCollection="#c#">a    b</cfprocessingdirective>',
    output: 'a b',
  },
  abort: {
    literal: '<cftry><cfabort showerror="stop here"><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>',
    collection: '<cfset c = {showerror: "stop here"}><cftry><cfabort attributeCollection="#c#"><cfcatch><cfoutput>#cfcatch.message#</cfoutput></cfcatch></cftry>',
    output: 'stop here',
  },
  exit: {
    literal: 'a<cfexit method="exitTemplate">b',
    collection: '<cfset c = {method: "exitTemplate"}>a<cfexit attributeCollection="#c#">b',
    output: 'a',
  },
  lock: {
    literal: '<cflock name="n" timeout="5" type="exclusive">locked</cflock>',
    collection: '<cfset c = {name: "n", timeout: 5, type: "exclusive"}><cflock attributeCollection="#c#">locked</cflock>',
    output: 'locked',
  },
  include: {
    literal: `<cfinclude template="${path.join(dir, 'inc.cfm')}">`,
    collection: `<cfset c = {template: "${path.join(dir, 'inc.cfm')}"}><cfinclude attributeCollection="#c#">`,
    output: '[included]',
  },
  loop: {
    literal: '<cfloop from="1" to="3" index="i"><cfoutput>#i#</cfoutput></cfloop><cfloop array="#[4, 5]#" item="v"><cfoutput>#v#</cfoutput></cfloop>',
    collection: '<cfset c = {from: 1, to: 3, index: "i"}><cfloop attributeCollection="#c#"><cfoutput>#i#</cfoutput></cfloop><cfset d = {array: [4, 5], item: "v"}><cfloop attributeCollection="#d#"><cfoutput>#v#</cfoutput></cfloop>',
    output: '12345',
  },
  while: {
    literal: '<cfset i = 0><cfwhile condition="i LT 3"><cfset i++><cfoutput>#i#</cfoutput></cfwhile>',
    collection: '<cfset i = 0><cfset c = {condition: "i LT 3"}><cfwhile attributeCollection="#c#"><cfset i++><cfoutput>#i#</cfoutput></cfwhile>',
    output: '123',
  },
  break: {
    literal: '<cfloop from="1" to="2" index="o" label="outer"><cfloop from="1" to="3" index="i"><cfif i EQ 2><cfbreak label="outer"></cfif><cfoutput>#o##i#,</cfoutput></cfloop></cfloop>',
    collection: '<cfset c = {label: "outer"}><cfloop from="1" to="2" index="o" label="outer"><cfloop from="1" to="3" index="i"><cfif i EQ 2><cfbreak attributeCollection="#c#"></cfif><cfoutput>#o##i#,</cfoutput></cfloop></cfloop>',
    output: '11,',
  },
  continue: {
    literal: '<cfloop from="1" to="2" index="o" label="outer"><cfloop from="1" to="3" index="i"><cfif i EQ 2><cfcontinue label="outer"></cfif><cfoutput>#o##i#,</cfoutput></cfloop></cfloop>',
    collection: '<cfset c = {label: "outer"}><cfloop from="1" to="2" index="o" label="outer"><cfloop from="1" to="3" index="i"><cfif i EQ 2><cfcontinue attributeCollection="#c#"></cfif><cfoutput>#o##i#,</cfoutput></cfloop></cfloop>',
    output: '11,21,',
  },
  output: {
    literal: '<cfset q = queryNew("a", "varchar", [["x"], ["y"], ["z"]])><cfoutput query="q" startrow="2">#a#</cfoutput>',
    collection: '<cfset q = queryNew("a", "varchar", [["x"], ["y"], ["z"]])><cfset c = {query: "q", startrow: 2}><cfoutput attributeCollection="#c#">#a#</cfoutput>',
    output: 'yz',
  },
  query: {
    literal: '<cfset t = queryNew("n", "integer", [[1], [2], [3]])><cfquery name="r" dbtype="query">SELECT n FROM t WHERE n > 1</cfquery><cfoutput>#r.recordCount#</cfoutput>',
    collection: '<cfset t = queryNew("n", "integer", [[1], [2], [3]])><cfset c = {name: "r", dbtype: "query"}><cfquery attributeCollection="#c#">SELECT n FROM t WHERE n > 1</cfquery><cfoutput>#r.recordCount#</cfoutput>',
    output: '2',
  },
  queryparam: {
    literal: '<cfset t = queryNew("n", "integer", [[1], [2], [3]])><cfquery name="r" dbtype="query">SELECT n FROM t WHERE n = <cfqueryparam value="2" cfsqltype="cf_sql_integer"></cfquery><cfoutput>#r.n#</cfoutput>',
    collection: '<cfset t = queryNew("n", "integer", [[1], [2], [3]])><cfset c = {value: 2, cfsqltype: "cf_sql_integer"}><cfquery name="r" dbtype="query">SELECT n FROM t WHERE n = <cfqueryparam attributeCollection="#c#"></cfquery><cfoutput>#r.n#</cfoutput>',
    output: '2',
  },
  location: {
    literal: 'a<cflocation url="/next.cfm" statuscode="301">b',
    collection: '<cfset c = {url: "/next.cfm", statuscode: 301}>a<cflocation attributeCollection="#c#">b',
    output: 'a',
    meta: (r) => expect(r).toMatchObject({ status: 301, location: '/next.cfm' }),
  },
  header: {
    literal: '<cfheader name="X-Test" value="yes">ok',
    collection: '<cfset c = {name: "X-Test", value: "yes"}><cfheader attributeCollection="#c#">ok',
    output: 'ok',
    meta: (r) => expect(r.headers['X-Test']).toBe('yes'),
  },
  content: {
    literal: 'dropped<cfcontent type="text/plain" reset="true">kept',
    collection: '<cfset c = {type: "text/plain", reset: true}>dropped<cfcontent attributeCollection="#c#">kept',
    output: 'kept',
    meta: (r) => expect(r.contentType).toBe('text/plain'),
  },
  log: {
    literal: '<cflog text="logged-literal" type="warning">',
    collection: '<cfset c = {text: "logged-collection", type: "warning"}><cflog attributeCollection="#c#">',
    output: '',
  },
  dump: {
    literal: '<cfdump var="#[1, 2]#" format="text">',
    collection: '<cfset c = {var: [1, 2], format: "text"}><cfdump attributeCollection="#c#">',
    output: 'Array (2)\n  1: 1\n  2: 2\n',
  },
  switch: {
    literal: '<cfswitch expression="b"><cfcase value="a">A</cfcase><cfcase value="b">B</cfcase></cfswitch>',
    collection: '<cfset c = {expression: "b"}><cfswitch attributeCollection="#c#"><cfcase value="a">A</cfcase><cfcase value="b">B</cfcase></cfswitch>',
    output: 'B',
  },
  throw: {
    literal: '<cftry><cfthrow message="boom" type="My.Type" detail="d"><cfcatch type="My.Type"><cfoutput>#cfcatch.message#/#cfcatch.detail#</cfoutput></cfcatch></cftry>',
    collection: '<cfset c = {message: "boom", type: "My.Type", detail: "d"}><cftry><cfthrow attributeCollection="#c#"><cfcatch type="My.Type"><cfoutput>#cfcatch.message#/#cfcatch.detail#</cfoutput></cfcatch></cftry>',
    output: 'boom/d',
  },
  module: {
    literal: `<cfmodule template="${mod('hello.cfm')}" who="you">`,
    collection: `<cfset c = {template: "${mod('hello.cfm')}", who: "you"}><cfmodule attributeCollection="#c#">`,
    output: 'hello you',
  },
  associate: {
    literal: `<cfmodule template="${mod('outer.cfm')}"><cfmodule template="${mod('inner-literal.cfm')}" v="x"/></cfmodule>`,
    collection: `<cfmodule template="${mod('outer.cfm')}"><cfmodule template="${mod('inner-collection.cfm')}" v="x"/></cfmodule>`,
    output: '1:x',
  },
  application: {
    literal: '<cfapplication name="acApp"><cfoutput>#application.applicationName#</cfoutput>',
    collection: '<cfset c = {name: "acApp"}><cfapplication attributeCollection="#c#"><cfoutput>#application.applicationName#</cfoutput>',
    output: 'acApp',
  },
  cookie: {
    literal: '<cfcookie name="k" value="v"><cfoutput>#cookie.k#</cfoutput>',
    collection: '<cfset c = {name: "k", value: "v"}><cfcookie attributeCollection="#c#"><cfoutput>#cookie.k#</cfoutput>',
    output: 'v',
    meta: (r) => expect(r.cookies).toEqual(['K=v; Path=/']),
  },
  error: {
    literal: `<cferror type="request" template="${mod('err.cfm')}"><cfthrow message="m">`,
    collection: `<cfset c = {type: "request", template: "${mod('err.cfm')}"}><cferror attributeCollection="#c#"><cfthrow message="m">`,
    output: 'handled m',
    meta: (r) => expect(r.status).toBe(500),
  },
  flush: {
    // no streaming host here (renderString): the interval is still checked, the output comes at the end
    literal: '<cftry><cfflush interval="0"><cfcatch>bad</cfcatch></cftry><cfflush interval="100">ok',
    collection: '<cfset c = {interval: 0}><cftry><cfflush attributeCollection="#c#"><cfcatch>bad</cfcatch></cftry><cfset c = {interval: 100}><cfflush attributeCollection="#c#">ok',
    output: 'badok',
  },
  xml: {
    literal: '<cfxml variable="doc"><a><b>t</b></a></cfxml><cfoutput>#doc.a.b.xmlText#</cfoutput>',
    collection: '<cfset c = {variable: "doc"}><cfxml attributeCollection="#c#"><a><b>t</b></a></cfxml><cfoutput>#doc.a.b.xmlText#</cfoutput>',
    output: 't',
  },
};

/**
 * Tags whose attributes shape the compiled program refuse attributeCollection at parse time
 * (TagDef.staticAttrs); custom tags are tested in test/golden/customtags; cfimap and cfimapfilter are tested against Dovecot (test/imap).
 */
// component, interface and property are declarations read when a .cfc loads (test/golden/components)
// component, interface and property are declarations read when a .cfc loads (test/golden/components)
const elsewhere = new Set(['function', 'argument', 'catch', 'case', 'import', 'imap', 'imapfilter', 'component', 'interface', 'property', 'invoke', 'invokeargument', 'object']);

describe('attributeCollection on every core tag', () => {
  it('every core tag that takes attributes has a case', () => {
    const withAttrs = coreTags.filter((t) => t.attrs?.length && !t.expression).map((t) => t.name);
    expect(withAttrs.filter((n) => !cases[n] && !elsewhere.has(n))).toEqual([]);
    for (const t of coreTags.filter((d) => d.staticAttrs)) expect(elsewhere.has(t.name)).toBe(true);
  });

  for (const [name, k] of Object.entries(cases)) {
    it(`cf${name}`, async () => {
      for (const engine of engines) {
        for (const src of [k.literal, k.collection]) {
          const r = await engine.renderStringWithMeta(src);
          expect(r.output, src).toBe(k.output);
          k.meta?.(r);
        }
      }
    });
  }

  it('cflog wrote both lines', () => {
    expect(logged.some((l) => l.includes('logged-literal'))).toBe(true);
    expect(logged.some((l) => l.includes('logged-collection'))).toBe(true);
  });
});

describe('attributeCollection rules', () => {
  const render = (src: string) => engines[0]!.renderString(src);
  const fails = async (src: string) => {
    try {
      await render(src);
    } catch (e) {
      expect(e).toBeInstanceOf(CfmlError);
      return e as CfmlError;
    }
    throw new Error('the page should fail: ' + src);
  };

  it('literal attributes win over the collection, aliases included', async () => {
    expect(await render('<cfset c = {name: "x", default: "coll"}><cfparam attributeCollection="#c#" default="lit"><cfoutput>#x#</cfoutput>')).toBe('lit');
    expect(await render('<cfset c = {from: 1, to: 5, index: "i"}><cfloop attributeCollection="#c#" to="2"><cfoutput>#i#</cfoutput></cfloop>')).toBe('12');
    expect(await render('<cfset t = queryNew("n", "integer", [[1], [2]])><cfset c = {value: 1, cfsqltype: "cf_sql_varchar"}><cfquery name="r" dbtype="query">SELECT n FROM t WHERE n = <cfqueryparam attributeCollection="#c#" value="2" sqltype="cf_sql_integer"></cfquery><cfoutput>#r.n#</cfoutput>')).toBe('2');
  });

  it('script syntax: tag statements and tag calls', async () => {
    expect(await render('<cfscript>c = {variable: "s"}; savecontent attributeCollection=c { writeOutput("in"); } writeOutput("[" & s & "]");</cfscript>')).toBe('[in]');
    expect(await render('<cfscript>cfparam(attributeCollection = {name: "w", default: 5}, default = 7); writeOutput(w);</cfscript>')).toBe('7');
    expect(await render('<cfscript>param attributeCollection={name: "w", default: 5}; writeOutput(w);</cfscript>')).toBe('5');
    expect(await render('<cfscript>cfloop(attributeCollection = {from: 1, to: 2, index: "i"}) { writeOutput(i); }</cfscript>')).toBe('12');
  });

  it('the same errors as literal attributes, at run time, catchable', async () => {
    const unknown = await fails('<cfset c = {name: "x", nonsense: 1}>\n<cfparam attributeCollection="#c#">');
    expect(unknown.message).toBe('Attribute [NONSENSE] is not allowed for tag [cfparam]');
    expect(unknown.loc).toMatchObject({ line: 2, col: 10 });
    const required = await fails('<cfset c = {default: 1}><cfparam attributeCollection="#c#">');
    expect(required.message).toBe('Attribute [name] is required for tag [cfparam]');
    const value = await fails('<cfset c = {returntype: "nope"}><cfquery attributeCollection="#c#" dbtype="query">select 1</cfquery>');
    expect(value.message).toMatch(/^Invalid value \[nope\] for attribute \[returntype\] of tag \[cfquery\]/i);
    const check = await fails('<cfset c = {from: 1}><cfloop attributeCollection="#c#">x</cfloop>');
    expect(check.message).toBe('Attribute [to] is required for cfloop with [from]');
    const notStruct = await fails('<cfparam attributeCollection="x">');
    expect(notStruct.message).toBe('Attribute [attributeCollection] of tag [cfparam] must be a struct, not a String');
    expect(await render('<cftry><cfset c = {}><cfparam attributeCollection="#c#"><cfcatch type="any"><cfoutput>caught: #cfcatch.message#</cfoutput></cfcatch></cftry>')).toBe('caught: Attribute [name] is required for tag [cfparam]');
  });

  it('each run merges its own collection (values change between runs)', async () => {
    expect(await render('<cfloop from="1" to="3" index="n"><cfset c = {name: "v#n#", default: n * 10}><cfparam attributeCollection="#c#"></cfloop><cfoutput>#v1#,#v2#,#v3#</cfoutput>')).toBe('10,20,30');
  });

  it('tags whose attributes must be literal refuse it when the page is parsed', async () => {
    const e = await fails('<cfset c = {name: "f"}><cffunction attributeCollection="#c#"></cffunction>');
    expect(e.message).toBe('Attribute [attributeCollection] is not allowed for tag [cffunction]: its attributes must be literal');
  });

  it('cfset keeps attributeCollection as an ordinary variable name', async () => {
    expect(await render('<cfset attributeCollection = 3><cfoutput>#attributeCollection#</cfoutput>')).toBe('3');
  });
});
