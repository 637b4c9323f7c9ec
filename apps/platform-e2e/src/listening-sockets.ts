import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** A TCP socket in LISTEN state: the address it is bound to and its port. */
export interface Listener {
  address: string;
  port: number;
}

const LISTEN = '0A';

/** /proc/net/tcp{,6} write addresses as 32-bit words in host (little-endian) byte order. */
function decodeAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((word) =>
    (word.match(/../g) ?? []).reverse().map((byte) => parseInt(byte, 16)),
  );
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.every((byte, i) => byte === 0 || (i === 15 && byte === 1)))
    return bytes[15] === 1 ? '::1' : '::';
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return groups.join(':');
}

/** Listening sockets of the machine, by socket inode. */
function listenersByInode(): Map<string, Listener> {
  const found = new Map<string, Listener>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, , state] = fields.slice(1, 4);
      if (state !== LISTEN) continue;
      const [address, port] = local.split(':');
      found.set(fields[9], { address: decodeAddress(address), port: parseInt(port, 16) });
    }
  }
  return found;
}

/** The sockets a process listens on, through the socket inodes among its open files. */
export function listenersOf(pid: number): Listener[] {
  const listeners = listenersByInode();
  return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      return []; // closed since the listing
    }
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    const listener = inode === undefined ? undefined : listeners.get(inode);
    return listener ? [listener] : [];
  });
}

/** The direct children of a process with their command lines (from each process's stat). */
export function childrenOf(parent: number): { pid: number; cmdline: string[] }[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // `pid (comm) state ppid ...`: comm may hold spaces and parentheses.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid !== parent) return [];
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
        return [{ pid: Number(entry), cmdline }];
      } catch {
        return []; // exited since the listing
      }
    });
}

export const isLoopbackAddress = (address: string): boolean =>
  address === '::1' || address.startsWith('127.');
