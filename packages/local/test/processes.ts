// Test helper: the processes below a pid, read from `ps`, to prove that nothing outlives a stop.
import { execFileSync } from 'node:child_process';

export function descendants(root: number): Array<{ pid: number; command: string }> {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)!)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), command: m[3] }));
  const out: Array<{ pid: number; command: string }> = [];
  const walk = (pid: number) => {
    for (const row of rows.filter((r) => r.ppid === pid && r.command !== '' && !r.command.startsWith('ps '))) {
      out.push({ pid: row.pid, command: row.command });
      walk(row.pid);
    }
  };
  walk(root);
  return out;
}

export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
