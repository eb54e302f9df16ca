/**
 * PGlite has no postmaster: two processes opening one data directory both write to it and corrupt
 * it (seen in practice: the first process aborts). A lock file beside the directory, holding the
 * owner's pid, refuses a second opener with a clear message. A lock left by a process that died is
 * taken over, since a crash must not keep the platform from starting again.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  const lockFile = `${path.resolve(dataDir)}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  if (!tryCreate(lockFile)) {
    const owner = Number(readOwner(lockFile));
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new Error(
        `数据目录 ${dataDir} 正被进程 ${owner} 使用：一个 PGlite 数据目录只能由一个进程打开。` +
          `请先停止该进程；多个进程共用数据时请改用 PostgreSQL（--db postgres://…）。` +
          `若确认该进程已不存在，可删除锁文件 ${lockFile}。`,
      );
    }
    // Stale lock of a dead process: replace it. Two starters racing here both pass the check, but
    // only one wins the exclusive create below; the other reports the directory in use.
    rmSync(lockFile, { force: true });
    if (!tryCreate(lockFile)) throw new Error(`数据目录 ${dataDir} 正被另一个进程同时打开，请稍后重试。`);
  }
  return { release: () => rmSync(lockFile, { force: true }) };
}

function tryCreate(lockFile: string): boolean {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function readOwner(lockFile: string): string {
  try {
    return readFileSync(lockFile, "utf8").trim();
  } catch {
    return "";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
