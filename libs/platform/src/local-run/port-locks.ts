import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Shared by every process on the machine, whichever clone it runs from. */
const LOCK_DIR = join(tmpdir(), 'aip-port-locks');
/** `<pid>-<token>`: the token tells one holding of a pid's apart from a later one. */
const OWNER = /^(\d+)-[0-9a-f]+$/;

const held = new Map<number, string>();
let unlocksOnExit = false;

/**
 * Takes the machine-wide lock on a port, or says it is held. A lock whose pid has died is
 * taken over; one that is unreadable or belongs to a live pid is left alone.
 */
export function lockPort(port: number): boolean {
  const path = lockFile(port);
  const owner = `${process.pid}-${randomBytes(8).toString('hex')}`;
  const stale = readOwner(path);
  const taken =
    stale === undefined ? createOwned(path, owner) : isStale(stale) && takeOver(path, stale, owner);
  if (!taken) return false;
  held.set(port, owner);
  if (!unlocksOnExit) process.once('exit', unlockAll);
  unlocksOnExit = true;
  return true;
}

export function unlockPort(port: number): void {
  const owner = held.get(port);
  if (owner === undefined) return;
  held.delete(port);
  if (readOwner(lockFile(port)) === owner) rmSync(lockFile(port), { force: true });
}

// Under jest the sandboxed `process` never emits 'exit': test helpers unlock explicitly, and
// what a killed process leaves behind is taken over as stale.
function unlockAll(): void {
  for (const port of [...held.keys()]) unlockPort(port);
}

function lockFile(port: number): string {
  // Sticky and world-writable like /tmp itself, so runs of other users can lock ports too.
  if (mkdirSync(LOCK_DIR, { recursive: true }) !== undefined) chmodSync(LOCK_DIR, 0o1777);
  return join(LOCK_DIR, String(port));
}

/**
 * Creates `path` holding `owner`, atomically and only if it does not exist: a hard link of a
 * complete file, so no reader ever sees a lock without its owner.
 */
function createOwned(path: string, owner: string): boolean {
  const draft = `${path}.${owner}.draft`;
  writeFileSync(draft, owner);
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Replaces a dead owner's lock. Only one process may reap a given holding (the `.reap` file),
 * and it reaps only if the lock still names that holding, so a fresh lock is never removed.
 * A reaper that dies halfway leaves the port unused, never held twice.
 */
function takeOver(path: string, stale: string, owner: string): boolean {
  const reaper = `${path}.reap-${stale}`;
  if (!createOwned(reaper, owner)) return false;
  try {
    if (readOwner(path) !== stale) return false;
    rmSync(path);
    return createOwned(path, owner);
  } catch (error) {
    // Another user's lock in the sticky folder cannot be removed: that port stays theirs.
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return false;
    throw error;
  } finally {
    rmSync(reaper, { force: true });
  }
}

function readOwner(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isStale(owner: string): boolean {
  const match = OWNER.exec(owner);
  if (match === null) return false;
  try {
    process.kill(Number(match[1]), 0);
    return false;
  } catch (error) {
    // EPERM: the pid lives, under another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
