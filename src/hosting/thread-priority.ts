import { readlinkSync } from "node:fs";
import os from "node:os";

/**
 * The nice value a background build runs at: below the main thread (nice 0), but not the lowest
 * (19), so that a rebuild on a machine busy to the full still gets about a tenth of a core.
 */
const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's CPU priority, where the system allows it (Linux: a thread is a
 * task with its own nice value, and /proc/thread-self names it); elsewhere does nothing. A
 * worker that rebuilds the index calls it, so that on a busy machine the main thread, which
 * answers, is scheduled first. Returns whether the priority was lowered.
 */
export function lowerThreadPriority(): boolean {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isSafeInteger(tid) || tid <= 0 || tid === process.pid) return false;
    os.setPriority(tid, BACKGROUND_NICE);
    return os.getPriority(tid) === BACKGROUND_NICE;
  } catch {
    return false;
  }
}
