// Time for the agent runtime, injectable so that a lifecycle of hours (leases, renewals,
// backoffs) is tested in milliseconds: the runtime reads `now()` and sets timers only
// through a Clock.

export interface Timer {
  cancel(): void;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `fn` once, `ms` from now. */
  setTimer(ms: number, fn: () => void): Timer;
}

/** Real time (Date.now and setTimeout; timers do not keep the process alive on their own). */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const t = setTimeout(fn, Math.max(0, ms));
    return { cancel: () => clearTimeout(t) };
  },
};

interface Pending {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/**
 * A clock that moves only when told to. `advanceTo` fires due timers in time order (ties in
 * the order they were set), moving `now()` to each timer's time as it fires.
 */
export class ManualClock implements Clock {
  private t: number;
  private seq = 0;
  private pending: Pending[] = [];

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimer(ms: number, fn: () => void): Timer {
    const p: Pending = { at: this.t + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.pending.push(p);
    return {
      cancel: () => {
        p.cancelled = true;
      },
    };
  }

  /** When the earliest live timer is due, or undefined when none is set. */
  nextAt(): number | undefined {
    this.pending = this.pending.filter((p) => !p.cancelled);
    let min: Pending | undefined;
    for (const p of this.pending) if (!min || p.at < min.at || (p.at === min.at && p.seq < min.seq)) min = p;
    return min?.at;
  }

  /** Fires the earliest due timer (at or before `limit`); false when there is none. */
  fireNext(limit: number): boolean {
    const at = this.nextAt();
    if (at === undefined || at > limit) return false;
    const p = this.pending.filter((x) => x.at === at).sort((a, b) => a.seq - b.seq)[0] as Pending;
    this.pending = this.pending.filter((x) => x !== p);
    this.t = Math.max(this.t, at);
    p.fn();
    return true;
  }

  /** Moves time to `t` without firing anything (after the due timers have been fired). */
  setNow(t: number): void {
    this.t = Math.max(this.t, t);
  }

  /** How many live timers are set (a leak check for long runs). */
  get size(): number {
    this.nextAt();
    return this.pending.length;
  }
}
