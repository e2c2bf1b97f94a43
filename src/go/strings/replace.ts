// strings.NewReplacer (strings/replace.go) in one linear pass.
//
// Go's semantics: the text is scanned from the left; at each position the old string
// that matches there with the highest priority (the earliest in the argument list; of
// repeated olds, the first) is replaced and the scan continues after it; where nothing
// matches, one character is copied. An empty old matches everywhere, but not twice in a
// row at the same position (genericReplacer's prevMatchEmpty).
//
// Go's genericReplacer walks its trie at every position, which costs the text length
// times the longest partial match. Here, two observations make the pass linear:
// - if an old A is a prefix of an old B and A comes first, B can never be chosen (where
//   B matches, A matches too); dropping such Bs leaves olds whose priority grows with
//   their length along every chain of prefixes, so at each position the winner is the
//   longest old that starts there;
// - "the longest old starting at i" is "the longest reversed old ending at i" in the
//   reversed text, which one Aho-Corasick pass over the reversed text yields for every
//   position at once.
// Matching is on UTF-16 code units where Go matches bytes; both are the same for olds
// that are whole strings of characters (UTF-8 and UTF-16 are self-synchronising).

import { joined } from '../unicode/utf8/index.js';

interface Key {
  old: string;
  new: string;
}

export class Replacer {
  /** The new string of the empty old, when one is given (it competes at every position). */
  private readonly empty: { new: string; priority: number } | undefined;
  /** Non-empty olds that can win somewhere, with their priority (higher wins). */
  private readonly keys: { key: Key; priority: number }[];
  private automaton: ReversedAutomaton | undefined;

  /** NewReplacer(oldnew...): pairs of old and new strings. */
  constructor(oldnew: readonly string[]) {
    if (oldnew.length % 2 === 1) throw new Error('strings.NewReplacer: odd argument count');
    const firsts = new Map<string, { key: Key; priority: number }>();
    let empty: Replacer['empty'];
    for (let i = 0; i < oldnew.length; i += 2) {
      const priority = oldnew.length - i;
      if (oldnew[i] === '') empty ??= { new: oldnew[i + 1], priority };
      else if (!firsts.has(oldnew[i])) firsts.set(oldnew[i], { key: { old: oldnew[i], new: oldnew[i + 1] }, priority });
    }
    this.empty = empty;
    this.keys = undominated([...firsts.values()]);
  }

  /** Replace(s). */
  replace(s: string): string {
    if (this.keys.length === 0 && this.empty === undefined) return s;
    this.automaton ??= new ReversedAutomaton(this.keys.map((k) => k.key.old));
    const best = this.automaton.longestStartingAt(s);
    const out: string[] = [];
    let last = 0;
    let prevMatchEmpty = false;
    for (let i = 0; i <= s.length; ) {
      const k = i < s.length ? best[i] : -1;
      const key = k >= 0 ? this.keys[k] : undefined;
      // The empty old wins where it outranks whatever else matches, but not twice in a row.
      if (this.empty !== undefined && !prevMatchEmpty && (key === undefined || this.empty.priority > key.priority)) {
        out.push(s.slice(last, i), this.empty.new);
        last = i;
        prevMatchEmpty = true;
        continue;
      }
      prevMatchEmpty = false;
      if (key !== undefined) {
        out.push(s.slice(last, i), key.key.new);
        i += key.key.old.length;
        last = i;
        continue;
      }
      i++;
    }
    out.push(s.slice(last));
    return joined(out.join(''));
  }
}

/**
 * Drops every old that has an earlier old as a prefix: where it matches, that one does
 * too and wins. What is left gains priority with length along each prefix chain.
 */
function undominated<T extends { key: Key; priority: number }>(keys: T[]): T[] {
  // Sorted by old, each old follows its prefixes, with only its extensions between.
  const sorted = [...keys].sort((a, b) => (a.key.old < b.key.old ? -1 : a.key.old > b.key.old ? 1 : 0));
  const kept: T[] = [];
  const chain: T[] = []; // kept olds that are prefixes of the current one, shortest first
  for (const k of sorted) {
    while (chain.length > 0 && !k.key.old.startsWith(chain[chain.length - 1].key.old)) chain.pop();
    const top = chain[chain.length - 1];
    if (top !== undefined && top.priority > k.priority) continue;
    chain.push(k);
    kept.push(k);
  }
  return kept;
}

/**
 * An Aho-Corasick automaton over the reversed olds. Run over the reversed text, its
 * state after reading text[i] names the longest reversed old ending there: the longest
 * old starting at i.
 */
class ReversedAutomaton {
  // State s's transition on code unit c is goto.get(s * 0x10000 + c).
  private readonly goto = new Map<number, number>();
  private readonly fail: number[] = [0];
  /** Index of the longest old that is a suffix of the state's string, or -1. */
  private readonly longest: number[] = [-1];

  constructor(olds: readonly string[]) {
    const depth: number[] = [0];
    olds.forEach((old, index) => {
      let state = 0;
      for (let j = old.length - 1; j >= 0; j--) {
        const edge = state * 0x10000 + old.charCodeAt(j);
        let next = this.goto.get(edge);
        if (next === undefined) {
          next = this.fail.length;
          this.fail.push(0);
          this.longest.push(-1);
          depth.push(depth[state] + 1);
          this.goto.set(edge, next);
        }
        state = next;
      }
      this.longest[state] = index;
    });
    // Breadth first, so a state's failure target (shorter) is complete before it.
    const children = new Map<number, [number, number][]>();
    for (const [edge, to] of this.goto) {
      const from = Math.floor(edge / 0x10000);
      let list = children.get(from);
      if (list === undefined) {
        list = [];
        children.set(from, list);
      }
      list.push([edge % 0x10000, to]);
    }
    const queue: number[] = [0];
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q];
      for (const [c, child] of children.get(state) ?? []) {
        queue.push(child);
        if (state !== 0) this.fail[child] = this.step(this.fail[state], c);
        if (this.longest[child] === -1) this.longest[child] = this.longest[this.fail[child]];
      }
    }
  }

  /** The state after reading c in state, following failure links. */
  private step(state: number, c: number): number {
    for (;;) {
      const next = this.goto.get(state * 0x10000 + c);
      if (next !== undefined) return next;
      if (state === 0) return 0;
      state = this.fail[state];
    }
  }

  /** For each position of s, the index of the longest old starting there, or -1. */
  longestStartingAt(s: string): Int32Array {
    const best = new Int32Array(s.length);
    let state = 0;
    for (let i = s.length - 1; i >= 0; i--) {
      state = this.step(state, s.charCodeAt(i));
      best[i] = this.longest[state];
    }
    return best;
  }
}
