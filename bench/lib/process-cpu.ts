// CPU time of processes from /proc (Linux): utime + stime of /proc/<pid>/stat, in clock ticks, turned into
// cores used over a window. Processes that appear during the window count from zero; ones that end are lost.
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';

/** USER_HZ: 100 on every Linux the benches run on (getconf CLK_TCK) */
const TICKS_PER_SECOND = 100;

/** utime + stime of a process (all its threads), in ticks; null once it is gone. */
export function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name may hold spaces and parentheses: the fields start after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Pids whose command name (comm) is `name`, and whose command line contains `cmdlineIncludes` if given. */
export function pidsByName(name: string, cmdlineIncludes?: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (readText(`/proc/${entry}/comm`)?.trim() !== name) continue;
    if (cmdlineIncludes && !(readText(`/proc/${entry}/cmdline`) ?? '').includes(cmdlineIncludes)) continue;
    pids.push(Number(entry));
  }
  return pids;
}

/** Busy and total ticks of the whole machine (/proc/stat's first line; idle + iowait are not busy). */
function machineTicks(): { busy: number; total: number } {
  const line = (readText('/proc/stat') ?? '').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = line.reduce((s, v) => s + v, 0);
  return { busy: total - (line[3] ?? 0) - (line[4] ?? 0), total };
}

export const machineCores = (): number => cpus().length;

export type CpuGroups = Record<string, () => number[]>;

export interface CpuWindow {
  /** cores used by each group over the window (1.0 = one core busy all the time) */
  stop(): { seconds: number; cores: Record<string, number>; machineBusyCores: number };
}

/** Starts a window over groups of pids (each group re-listed at the end, so new processes count). */
export function startCpuWindow(groups: CpuGroups): CpuWindow {
  const started = performance.now();
  const machine0 = machineTicks();
  const self0 = process.cpuUsage();
  const before = new Map<number, number>();
  for (const list of Object.values(groups)) for (const pid of list()) before.set(pid, cpuTicks(pid) ?? 0);
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const cores: Record<string, number> = {};
      for (const [group, list] of Object.entries(groups)) {
        let ticks = 0;
        for (const pid of list()) {
          const now = cpuTicks(pid);
          if (now != null) ticks += now - (before.get(pid) ?? 0);
        }
        cores[group] = ticks / TICKS_PER_SECOND / seconds;
      }
      const self = process.cpuUsage(self0);
      cores['load generator'] = (self.user + self.system) / 1e6 / seconds;
      const machine1 = machineTicks();
      const share = (machine1.busy - machine0.busy) / Math.max(1, machine1.total - machine0.total);
      return { seconds, cores, machineBusyCores: share * machineCores() };
    },
  };
}
