/** Misbehaving local TCP peers for the IMAP error tests (127.0.0.1 only). */
import * as net from 'node:net';

export interface LocalServer {
  port: number;
  close(): Promise<void>;
}

/** Accepts connections and never says anything (no IMAP greeting). */
export async function silentServer(): Promise<LocalServer> {
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  };
}

/** A port that was free a moment ago and has nothing listening on it. */
export async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export interface CuttingProxy extends LocalServer {
  /** Cut the next connection that sends a FETCH after this many bytes of server answer. */
  armCut(afterBytes: number): void;
  /** Like armCut, but keep the sockets open and silently stop forwarding (a stalled server). */
  armStall(afterBytes: number): void;
  /** How many connections were cut so far. */
  cuts: number;
}

/**
 * A TCP proxy in front of an IMAP server. When armed, it destroys both sockets once the
 * server has sent `afterBytes` bytes following a FETCH command of the client.
 */
export async function cuttingProxy(targetPort: number): Promise<CuttingProxy> {
  const sockets = new Set<net.Socket>();
  let armed: number | undefined;
  let armedMode: 'cut' | 'stall' = 'cut';
  const state = { cuts: 0 };
  const srv = net.createServer((client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    sockets.add(client);
    sockets.add(upstream);
    client.on('error', () => {});
    upstream.on('error', () => {});
    let fetchSeen = false;
    let counted = 0;
    let cutAt: number | undefined;
    let mode: 'cut' | 'stall' = 'cut';
    let stalled = false;
    client.on('data', (d: Buffer) => {
      if (armed !== undefined && / (UID )?FETCH /i.test(d.toString('latin1'))) {
        fetchSeen = true;
        cutAt = armed;
        mode = armedMode;
        armed = undefined;
      }
      if (!stalled) upstream.write(d);
    });
    upstream.on('data', (d: Buffer) => {
      if (stalled) return;
      if (fetchSeen && cutAt !== undefined) {
        const room = cutAt - counted;
        if (d.length >= room) {
          client.write(d.subarray(0, Math.max(0, room)));
          state.cuts++;
          if (mode === 'stall') {
            stalled = true;
            upstream.pause();
            return;
          }
          client.destroy();
          upstream.destroy();
          return;
        }
        counted += d.length;
      }
      client.write(d);
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  return {
    port,
    armCut(afterBytes: number) {
      armed = afterBytes;
      armedMode = 'cut';
    },
    armStall(afterBytes: number) {
      armed = afterBytes;
      armedMode = 'stall';
    },
    get cuts() {
      return state.cuts;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  };
}
