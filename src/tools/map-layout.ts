/**
 * Where everything goes on the flow map: a layered drawing with no DOM (text widths come from
 * the caller's `measure`), so it can be tested and timed on its own.
 *
 * Steps are layered by the longest path from the start. Between two layers of steps sits a
 * layer of edge labels, so a label is placed like a small step and never lands on another.
 * Edges that span several layers pass through a point in each layer between. Within a layer,
 * the order follows the average position of the neighbours (a few sweeps down and up), which
 * removes most crossings. Edges back to an earlier step run up a lane on the left; edges to the
 * urgent help step, which is reached from everywhere, run up a lane on the right to it.
 */
import type { Edge, FlowGraph, MapStep } from '../engine/graph.js';

/** The width of a text in pixels, at the map's font size (bold for step titles). */
export type Measure = (text: string, bold: boolean) => number;

export interface Box {
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
}

export interface PlacedStep extends Box {
  step: MapStep;
  /** What kind of step and its id, in words: "Question: age". */
  title: string;
  /** The question or title, wrapped; then notes such as "Starts here". */
  lines: string[];
}

export interface PlacedEdge {
  edge: Edge;
  /** Where it starts and bends, ending at the step it leads to (the arrowhead). */
  points: Array<[number, number]>;
  /** The label box, when the edge has a label. */
  label?: Box & { lines: string[] };
  /** It leads back to a step at or above its own: the flow can go round. */
  back: boolean;
}

export interface MapLayout {
  width: number;
  height: number;
  steps: PlacedStep[];
  edges: PlacedEdge[];
}

export const FONT_SIZE = 13;
export const LINE_HEIGHT = 16;
const PAD = 8;
const STEP_TEXT_WIDTH = 210;
const LABEL_TEXT_WIDTH = 170;
const MAX_STEP_LINES = 3;
const MAX_LABEL_LINES = 3;
const ROW_GAP = 22;
const STEP_GAP = 28;
const POINT_GAP = 12;
const LANE_GAP = 14;
const MARGIN = 24;
const SWEEPS = 4;

export const KIND_WORDS: Record<MapStep['kind'], string> = {
  question: 'Question',
  info: 'Information',
  outcome: 'Results',
  urgent: 'Urgent help',
};

/** Breaks text into lines no wider than `width`, at most `max` of them (the last cut with …). */
export function wrap(text: string, width: number, max: number, measure: Measure, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  const pieces = text.split(' ').filter(Boolean);
  for (let i = 0; i < pieces.length; i++) {
    let piece = pieces[i];
    // A word wider than the line is broken where it must be.
    while (measure(piece, bold) > width && piece.length > 1) {
      let cut = piece.length - 1;
      while (cut > 1 && measure(piece.slice(0, cut), bold) > width) cut--;
      if (line) lines.push(line);
      lines.push(piece.slice(0, cut));
      line = '';
      piece = piece.slice(cut);
    }
    const joined = line ? `${line} ${piece}` : piece;
    if (line && measure(joined, bold) > width) {
      lines.push(line);
      line = piece;
    } else {
      line = joined;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = `${kept[max - 1]}…`;
  while (last.length > 1 && measure(last, bold) > width) last = `${last.slice(0, -2)}…`;
  kept[max - 1] = last;
  return kept;
}

/** A thing placed in a layer: a step, an edge's label, or the point an edge passes through. */
interface Slot {
  rank: number;
  width: number;
  height: number;
  x: number;
  /** Position within its layer. */
  order: number;
  above: Slot[];
  below: Slot[];
  step?: PlacedStep;
}

/** What the edge in the map reads as: the words of its label, and that it goes back. */
export function edgeText(edge: Edge, back: boolean): string {
  return back ? `${edge.label || 'next'} (back)` : edge.label;
}

export function layoutMap(graph: FlowGraph, measure: Measure): MapLayout {
  const { steps, startId, urgentId } = graph;
  // The urgent step sits in its own lane; its way on is written in its box, not drawn.
  const edges = graph.edges.filter((edge) => edge.from !== urgentId);
  const wayOn = graph.edges.filter((edge) => edge.from === urgentId).map((edge) => edge.to);
  const index = new Map(steps.map((step, i) => [step.id, i]));
  const laned = (edge: Edge) => edge.to === urgentId;

  // Which edges go back: found by a depth-first walk from the start, then from every step left.
  const out: number[][] = steps.map(() => []);
  edges.forEach((edge, e) => {
    if (!laned(edge)) out[index.get(edge.from)!].push(e);
  });
  const back = new Array<boolean>(edges.length).fill(false);
  const state = new Uint8Array(steps.length); // 0 not seen, 1 on the walk, 2 done
  const finished: number[] = [];
  const roots = [index.get(startId)!, ...steps.map((_, i) => i)];
  for (const root of roots) {
    if (state[root] !== 0) continue;
    const stack: Array<[number, number]> = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [node, next] = top;
      if (next < out[node].length) {
        top[1]++;
        const e = out[node][next];
        const to = index.get(edges[e].to)!;
        if (state[to] === 1) back[e] = true;
        else if (state[to] === 0) {
          state[to] = 1;
          stack.push([to, 0]);
        }
      } else {
        state[node] = 2;
        finished.push(node);
        stack.pop();
      }
    }
  }

  // Longest path from the start, over the edges that go forward (in reverse finishing order).
  const layer = new Array<number>(steps.length).fill(0);
  for (let k = finished.length - 1; k >= 0; k--) {
    const from = finished[k];
    for (const e of out[from]) {
      if (back[e]) continue;
      const to = index.get(edges[e].to)!;
      layer[to] = Math.max(layer[to], layer[from] + 1);
    }
  }

  const urgentIndex = urgentId === undefined ? undefined : index.get(urgentId);
  const placed: PlacedStep[] = steps.map((step) => {
    const notes: string[] = [];
    if (step.id === startId) notes.push('Starts here');
    if (step.id === urgentId) notes.push('“Get help now” on every screen leads here');
    if (step.id === urgentId && wayOn.length > 0) notes.push(`Then, when ready: ${wayOn.join(', ')}`);
    if (!step.reachable) notes.push('Not reachable from the start');
    const title = `${KIND_WORDS[step.kind]}: ${step.id}`;
    const lines = [...wrap(step.label, STEP_TEXT_WIDTH, MAX_STEP_LINES, measure), ...notes.flatMap((n) => wrap(n, STEP_TEXT_WIDTH, 2, measure))];
    const titleLines = wrap(title, STEP_TEXT_WIDTH, 1, measure, true);
    const width = Math.max(110, ...titleLines.map((t) => measure(t, true)), ...lines.map((l) => measure(l, false))) + 2 * PAD + (step.kind === 'urgent' ? 2 * PAD : 0);
    const height = (lines.length + 1) * LINE_HEIGHT + 2 * PAD;
    return { step, title: titleLines[0], lines, x: 0, y: 0, width, height };
  });

  const ranks: Slot[][] = [];
  const add = (slot: Slot) => {
    while (ranks.length <= slot.rank) ranks.push([]);
    slot.order = ranks[slot.rank].length;
    ranks[slot.rank].push(slot);
    return slot;
  };
  const stepSlots: Array<Slot | undefined> = placed.map((p, i) =>
    i === urgentIndex ? undefined : add({ rank: 2 * layer[i], width: p.width, height: p.height, x: 0, order: 0, above: [], below: [], step: p })
  );
  const link = (upper: Slot, lower: Slot) => {
    upper.below.push(lower);
    lower.above.push(upper);
  };

  // Each edge as a chain of slots: its label right below where it starts, then bare points.
  const labelLines = edges.map((edge, e) => (edgeText(edge, back[e]) ? wrap(edgeText(edge, back[e]), LABEL_TEXT_WIDTH, MAX_LABEL_LINES, measure) : []));
  const chains: Slot[][] = edges.map((edge, e) => {
    const from = stepSlots[index.get(edge.from)!]!;
    const lines = labelLines[e];
    const first = add({
      rank: from.rank + 1,
      width: lines.length ? Math.max(...lines.map((l) => measure(l, false))) + 2 * PAD : 0,
      height: lines.length ? lines.length * LINE_HEIGHT + PAD : 0,
      x: 0,
      order: 0,
      above: [],
      below: [],
    });
    link(from, first);
    const chain = [from, first];
    if (!laned(edge) && !back[e]) {
      const to = stepSlots[index.get(edge.to)!]!;
      for (let rank = first.rank + 1; rank < to.rank; rank++) {
        const point = add({ rank, width: 0, height: 0, x: 0, order: 0, above: [], below: [] });
        link(chain[chain.length - 1], point);
        chain.push(point);
      }
      link(chain[chain.length - 1], to);
      chain.push(to);
    }
    return chain;
  });

  // Order within layers: sort by the average position of neighbours, sweeping down then up.
  const sortBy = (rank: Slot[], neighbours: (s: Slot) => Slot[]) => {
    const weight = new Map<Slot, number>();
    for (const slot of rank) {
      const near = neighbours(slot);
      weight.set(slot, near.length ? near.reduce((sum, n) => sum + n.order, 0) / near.length : slot.order);
    }
    rank.sort((a, b) => weight.get(a)! - weight.get(b)!);
    rank.forEach((slot, i) => (slot.order = i));
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let r = 1; r < ranks.length; r++) sortBy(ranks[r], (s) => s.above);
    for (let r = ranks.length - 2; r >= 0; r--) sortBy(ranks[r], (s) => s.below);
  }

  // Across: each slot near the average of its neighbours, with room between neighbours kept.
  const gap = (a: Slot, b: Slot) => (a.width + b.width) / 2 + (a.step || b.step ? STEP_GAP : POINT_GAP);
  for (const rank of ranks) {
    let x = 0;
    rank.forEach((slot, i) => {
      x += i === 0 ? slot.width / 2 : gap(rank[i - 1], slot);
      slot.x = x;
    });
  }
  const settle = (rank: Slot[], neighbours: (s: Slot) => Slot[]) => {
    const wanted = rank.map((s) => {
      const near = neighbours(s);
      return near.length ? near.reduce((sum, n) => sum + n.x, 0) / near.length : s.x;
    });
    const right = [...wanted];
    for (let i = 1; i < rank.length; i++) right[i] = Math.max(right[i], right[i - 1] + gap(rank[i - 1], rank[i]));
    const left = [...wanted];
    for (let i = rank.length - 2; i >= 0; i--) left[i] = Math.min(left[i], left[i + 1] - gap(rank[i], rank[i + 1]));
    // Both keep the gaps, so their average does too.
    rank.forEach((slot, i) => (slot.x = (right[i] + left[i]) / 2));
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let r = 1; r < ranks.length; r++) settle(ranks[r], (s) => s.above);
    for (let r = ranks.length - 2; r >= 0; r--) settle(ranks[r], (s) => s.below);
  }

  // Lanes: one on the left per edge going back, one on the right to urgent help.
  const backCount = back.filter(Boolean).length;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const rank of ranks) {
    for (const slot of rank) {
      minX = Math.min(minX, slot.x - slot.width / 2);
      maxX = Math.max(maxX, slot.x + slot.width / 2);
    }
  }
  if (minX === Infinity) minX = maxX = 0;
  const shift = MARGIN + backCount * LANE_GAP - minX;
  const urgent = urgentIndex === undefined ? undefined : placed[urgentIndex];
  const laneX = maxX + shift + STEP_GAP + (urgent ? urgent.width / 2 : 0);

  // Down: each layer as tall as its tallest slot, the urgent step beside the first.
  const tops: number[] = [];
  const heights = ranks.map((rank, r) => Math.max(0, ...rank.map((s) => s.height), r === 0 && urgent ? urgent.height : 0));
  let y = MARGIN;
  for (let r = 0; r < ranks.length; r++) {
    tops.push(y);
    y += heights[r] + ROW_GAP;
  }
  const bottom = y;
  for (const rank of ranks) {
    for (const slot of rank) {
      slot.x += shift;
      if (slot.step) {
        slot.step.x = slot.x - slot.width / 2;
        slot.step.y = tops[slot.rank] + (heights[slot.rank] - slot.height) / 2;
      }
    }
  }
  if (urgent) {
    urgent.x = laneX - urgent.width / 2;
    urgent.y = tops[0] ?? MARGIN;
  }
  const slotTop = (s: Slot) => tops[s.rank] + (heights[s.rank] - s.height) / 2;
  const slotBottom = (s: Slot) => slotTop(s) + s.height;

  // Where edges meet steps: spread along the bottom and top, in the order of where they go.
  const outPorts = new Map<number, number>();
  const inPorts = new Map<number, number>();
  const spread = (box: Box, list: Array<{ e: number; towards: number }>, into: Map<number, number>) => {
    list.sort((a, b) => a.towards - b.towards);
    list.forEach(({ e }, i) => into.set(e, box.x + (box.width * (i + 1)) / (list.length + 1)));
  };
  const outgoing = new Map<number, Array<{ e: number; towards: number }>>();
  const incoming = new Map<number, Array<{ e: number; towards: number }>>();
  const push = (map: typeof outgoing, key: number, item: { e: number; towards: number }) => map.set(key, [...(map.get(key) ?? []), item]);
  chains.forEach((chain, e) => {
    push(outgoing, index.get(edges[e].from)!, { e, towards: chain[1].x });
    const edge = edges[e];
    if (laned(edge)) return;
    push(incoming, index.get(edge.to)!, { e, towards: back[e] ? -Infinity : chain[chain.length - 2].x });
  });
  for (const [i, list] of outgoing) spread(placed[i], list, outPorts);
  for (const [i, list] of incoming) spread(placed[i], list, inPorts);

  // Horizontal runs to a lane sit in the gap below the label, a little apart when several share it.
  const runsInGap = new Map<number, number>();
  const runY = (rank: number) => {
    const k = runsInGap.get(rank) ?? 0;
    runsInGap.set(rank, k + 1);
    return tops[rank] + heights[rank] + ROW_GAP / 2 + ((k % 3) - 1) * 4;
  };

  let backLane = 0;
  const placedEdges: PlacedEdge[] = edges.map((edge, e) => {
    const chain = chains[e];
    const from = placed[index.get(edge.from)!];
    const points: Array<[number, number]> = [[outPorts.get(e)!, from.y + from.height]];
    for (const slot of chain.slice(1, laned(edge) || back[e] ? 2 : -1)) {
      // A bare point runs straight through its whole layer, clear of the steps beside it.
      points.push([slot.x, slot.height > 0 ? slotTop(slot) : tops[slot.rank]], [slot.x, slot.height > 0 ? slotBottom(slot) : tops[slot.rank] + heights[slot.rank]]);
    }
    const first = chain[1];
    if (laned(edge) && urgent) {
      const run = runY(first.rank);
      points.push([first.x, run], [laneX, run], [laneX, urgent.y + urgent.height]);
    } else if (back[e]) {
      const to = placed[index.get(edge.to)!];
      const toSlot = stepSlots[index.get(edge.to)!]!;
      const lane = MARGIN + (backCount - 1 - backLane++) * LANE_GAP;
      const run = runY(first.rank);
      const above = tops[toSlot.rank] - ROW_GAP / 2;
      const port = inPorts.get(e)!;
      points.push([first.x, run], [lane, run], [lane, above], [port, above], [port, to.y]);
    } else {
      const to = placed[index.get(edge.to)!];
      points.push([inPorts.get(e)!, to.y]);
    }
    const lines = labelLines[e];
    const label = lines.length ? { x: first.x - first.width / 2, y: slotTop(first), width: first.width, height: first.height, lines } : undefined;
    return { edge, points, label, back: back[e] };
  });

  const width = Math.max(laneX + (urgent ? urgent.width / 2 : 0), maxX + shift) + MARGIN;
  return { width: Math.ceil(width), height: Math.ceil(bottom + MARGIN), steps: placed, edges: placedEdges };
}
