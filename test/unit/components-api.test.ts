import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../src/index.js';
import { Ctx } from '../../src/runtime/context.js';
import { createInstance, hasMethod, invokeMethod, loadComponentFile } from '../../src/runtime/components/api.js';

describe('component API for the engine (Application.cfc)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfc-api-'));
  fs.writeFileSync(path.join(dir, 'Application.cfc'), `component {
    this.name = "demo";
    function onRequestStart(required string page) { request.started = page; return true; }
    private function secret() { return "s"; }
  }`);
  fs.writeFileSync(path.join(dir, 'index.cfm'), '<cfoutput>#request.started#</cfoutput>');

  it('loads a component by absolute path, creates an instance and calls methods by name', async () => {
    const engine = new Engine();
    const page = engine.loadTemplate(path.join(dir, 'index.cfm'));
    const ctx = new Ctx(engine, page, {});
    const cls = loadComponentFile(engine, path.join(dir, 'Application.cfc'));
    const app = await createInstance(ctx, cls);
    expect(app.ownKeys()).toEqual(['NAME']);
    expect(app.get('name')).toBe('demo');
    expect(hasMethod(app, 'ONREQUESTSTART')).toBe(true);
    expect(hasMethod(app, 'onSessionStart')).toBe(false);
    expect(await invokeMethod(ctx, app, 'onRequestStart', ['/index.cfm'])).toBe(true);
    expect(ctx.request.get('started')).toBe('/index.cfm');
    expect(await invokeMethod(ctx, app, 'onRequestStart', { page: '/named.cfm' })).toBe(true);
    expect(ctx.request.get('started')).toBe('/named.cfm');
    expect(await invokeMethod(ctx, app, 'secret')).toBe('s');
    expect(() => invokeMethod(ctx, app, 'nothing')).toThrow(/has no accessible Member with name \[NOTHING\]/);
    // cached by path and mtime
    expect(loadComponentFile(engine, path.join(dir, 'Application.cfc'))).toBe(cls);
  });

  it('resolves through EngineOptions.mappings after the caller\'s directory and the application root', async () => {
    const lib = fs.mkdtempSync(path.join(os.tmpdir(), 'cfc-lib-'));
    fs.mkdirSync(path.join(lib, 'util'));
    fs.writeFileSync(path.join(lib, 'util', 'Greeter.cfc'), 'component { function hi(n) { return "hi " & n; } }');
    const page = path.join(dir, 'mapped.cfm');
    fs.writeFileSync(page, '<cfoutput>#new lib.util.Greeter().hi("Ada")# #getMetadata(new lib.util.Greeter()).name#</cfoutput>');
    expect(await new Engine({ mappings: { '/lib': lib } }).renderFile(page)).toBe('hi Ada lib.util.Greeter');
    const err = await new Engine().renderFile(page).catch((e: Error) => e);
    expect(String((err as Error).message)).toContain("can't find component [lib.util.Greeter]");
    expect((err as { detail: string }).detail).toContain(dir);
  });
});
