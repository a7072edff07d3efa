// The machine a run happened on, for the report's first table.
import { cpus, loadavg, release, totalmem } from 'node:os';

/** Facts about the machine. */
export interface Machine {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  node: string;
  kernel: string;
  /** The 1-minute load average when the run started: above ~0.3 per core, other work was running. */
  loadAverage: number;
}

/** Reads the machine facts now. */
export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryBytes: totalmem(),
    node: process.version,
    kernel: `Linux ${release()}`,
    loadAverage: loadavg()[0] ?? 0,
  };
}

/**
 * Whether the machine was too busy for the numbers to be trusted: a 1-minute load average above 0.5 per
 * core at the start means other processes were competing for the cores being measured.
 *
 * @example
 * wasBusy({ loadAverage: 3.2, cores: 2 }); // true
 */
export function wasBusy(machine: Pick<Machine, 'loadAverage' | 'cores'>): boolean {
  return machine.loadAverage > 0.5 * machine.cores;
}
