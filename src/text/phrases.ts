import { isDigitCode } from './chars.js';
import { FACT_NUMBER, stem, tokenize, wordFact, type Token } from './tokens.js';

/**
 * Rubric phrases, compiled. A phrase is words separated by spaces; each word matches a token
 * that is the same word, an inflection of it ("leverage" matches "leveraging", "circle back"
 * matches "circled back") or a form with the same dictionary form ("go" matches "went").
 * `word*` matches any word starting so ("empath*"), `a|b` either word, `_` any one word, `_?` one
 * word or none, `#` a number (digits or a number word). There are no regular expressions, so a
 * rubric cannot make matching slow.
 */
// Every matcher has the same fields (one object shape keeps the hot loop monomorphic).
interface WordMatcher {
  kind: 'word' | 'prefix' | 'any' | 'number' | 'alt';
  /** The word (kind word) or the prefix (kind prefix). */
  text: string;
  /** Porter stem of a word. */
  stem: string;
  /** The choices of `a|b`. */
  options: WordMatcher[];
  /** The word as written in the rubric: phrases that begin with the same words share a path. */
  source: string;
}

const matcher = (source: string, kind: WordMatcher['kind'], text = '', options: WordMatcher[] = []): WordMatcher => ({ kind, text, stem: kind === 'word' ? stem(text) : '', options, source });

export interface CompiledPhrase {
  source: string;
  index: number;
  words: WordMatcher[];
  /** Which of two phrases matching at one place wins: longer first, then a plain-word start. */
  rank: number;
}

export interface PhraseMatch {
  phrase: CompiledPhrase;
  /** Index of the first and one-past-last token in the token list searched. */
  first: number;
  last: number;
  start: number;
  end: number;
}

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
  ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18],
  ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100], ['thousand', 1000], ['million', 1e6], ['dozen', 12], ['half', 0.5], ['twice', 2], ['double', 2], ['triple', 3],
]);

const isNumberWord = (norm: string) => isDigitCode(norm.charCodeAt(0)) || NUMBER_WORDS.has(norm);
/** A token that is a number: it starts with a digit (0-9), or is a number word. */
export const isNumberToken = (t: Token) => wordFact(t, FACT_NUMBER, isNumberWord);

function compileWord(raw: string): WordMatcher {
  if (raw.includes('|')) return matcher(raw, 'alt', '', raw.split('|').filter(Boolean).map(compileWord));
  if (raw === '_') return matcher(raw, 'any');
  if (raw === '#') return matcher(raw, 'number');
  if (raw.endsWith('*') && raw.length > 1) return matcher(raw, 'prefix', raw.slice(0, -1));
  return matcher(raw, 'word', raw);
}

/** Splits a phrase the way answer text is tokenized, keeping the special forms whole. */
function phraseWords(phrase: string): string[] {
  const out: string[] = [];
  for (const part of phrase.toLowerCase().replace(/’/g, "'").trim().split(/\s+/)) {
    if (part === '_' || part === '#' || part.includes('|') || part.endsWith('*')) out.push(part);
    else out.push(...tokenize(part).map((t) => t.norm));
  }
  return out;
}

// Checks build some phrase lists per answer (filtered or mapped from the rubric), so a phrase's
// words are compiled once per source text, not once per list.
const compiledWords = new Map<string, WordMatcher[]>();

export function compilePhrase(source: string, index = 0): CompiledPhrase {
  let words = compiledWords.get(source);
  if (!words) {
    words = phraseWords(source).map(compileWord);
    if (compiledWords.size > 20_000) compiledWords.clear();
    compiledWords.set(source, words);
  }
  return { source, index, words, rank: words.length * 2 + (words[0]?.kind === 'word' ? 1 : 0) };
}

/**
 * Where a phrase whose first word is `m` can start: token stems, the first two letters of a
 * token, or a number. Undefined when it can start anywhere (`_`, or a one-letter prefix).
 */
function startKeys(m: WordMatcher, keys: StartKeys): boolean {
  switch (m.kind) {
    case 'word':
      keys.stems.push(m.stem);
      return true;
    case 'prefix':
      if (m.text.length < 2) return false;
      keys.prefixes.push(m.text);
      return true;
    case 'number':
      keys.number = true;
      return true;
    case 'any':
      return false;
    case 'alt':
      return m.options.every((o) => startKeys(o, keys));
  }
}

/** The first two UTF-16 units of a word as one number (no string is made per token). */
const headKey = (word: string) => word.charCodeAt(0) * 65536 + (word.length > 1 ? word.charCodeAt(1) : 0);

const tokenStem = (t: Token) => t.lexeme?.stem ?? stem(t.norm);

/**
 * Stems of the word with an inflection taken off, where they differ from its own stem: Porter
 * stems "exceed" to "exce" but "exceeding" to "exceed", so the inflected word is also looked up
 * by the stem of "exceed". Worked out once per word.
 */
function otherStems(t: Token): readonly string[] {
  const lexeme = t.lexeme;
  if (lexeme?.otherStems) return lexeme.otherStems;
  const w = t.norm;
  const own = tokenStem(t);
  const out: string[] = [];
  const add = (base: string) => {
    if (base.length < 3) return;
    const s = stem(base);
    if (s !== own && !out.includes(s)) out.push(s);
  };
  for (const ending of ['ing', 'ed', 'es', 's', 'd']) {
    if (!w.endsWith(ending) || w.length - ending.length < 3) continue;
    const base = w.slice(0, -ending.length);
    add(base);
    add(`${base}e`);
    if (base.length > 3 && base.at(-1) === base.at(-2)) add(base.slice(0, -1)); // stopped → stop
  }
  if (w.endsWith('ies') || w.endsWith('ied')) add(`${w.slice(0, -3)}y`);
  if (lexeme) lexeme.otherStems = out;
  return out;
}

const INFLECTIONS = new Set(['', 's', 'es', 'ed', 'd', 'ing', "'s", 'ies', 'ied', 'e', 'y']);

/** True when `other` is `word` with an inflectional ending (leverage → leveraging, reply → replied, stop → stopped). */
function isInflection(word: string, other: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  const base = word.length > 3 && (last === 101 || last === 121) ? word.slice(0, -1) : word; // drop a final e or y
  if (!other.startsWith(base)) return false;
  const rest = other.slice(base.length);
  if (INFLECTIONS.has(rest)) return true;
  // doubled final consonant: stop → stopped, chat → chatting
  return rest.length > 2 && rest[0] === base.at(-1) && INFLECTIONS.has(rest.slice(1));
}

/** A word the tagger reads as a noun or an adjective: a verb form of a phrase does not match it (verbFormOnNoun). */
const isBare = (t: Token) => t.pos === 'NOUN' || t.pos === 'ADJ';

/**
 * A phrase word written as a verb form ("stepped in", "tested", "doubled") does not match the bare
 * word the tagger reads as a noun or an adjective ("every manual step in the process", "a test
 * account", "a double charge"): the rubric spelled out the verb. The word itself, and its other
 * verb forms, still match.
 */
function verbFormOnNoun(word: string, t: Token): boolean {
  if (!isBare(t)) return false;
  const ending = word.endsWith('ing') ? 3 : word.endsWith('ed') && !word.endsWith('eed') ? 2 : 0;
  if (!ending || word.length - ending < 3) return false;
  let base = word.slice(0, -ending);
  if (base.length > 3 && base.at(-1) === base.at(-2)) base = base.slice(0, -1); // stepped → step
  const w = t.norm;
  return w === base || w === `${base}s` || w === `${base}e` || w === `${base}es`;
}

function wordMatches(m: WordMatcher, t: Token): boolean {
  switch (m.kind) {
    case 'word':
      if (t.norm === m.text) return true;
      // inflection fallback: the same Porter stem, and the words differ only by an inflectional
      // ending — Porter also merges derivations ("personal"/"person", "customer"/"custom")
      // (tokens carry their stem, so the stem test is one comparison and fails first for most)
      if (m.text.length >= 3 && (tokenStem(t) === m.stem || otherStems(t).includes(m.stem)) && (isInflection(m.text, t.norm) || isInflection(t.norm, m.text))) return !verbFormOnNoun(m.text, t);
      // an irregular form the tagger knows: "went" is "go", "bought" is "buy"
      return t.lemma !== undefined && t.lemma === m.text && t.lemma !== t.norm;
    case 'prefix':
      return t.norm.startsWith(m.text);
    case 'any':
      return true;
    case 'number':
      return isNumberToken(t);
    case 'alt':
      for (let k = 0; k < m.options.length; k++) if (wordMatches(m.options[k], t)) return true;
      return false;
  }
}

/**
 * Phrases as a trie of words: phrases that begin alike ("I had to", "I needed to", "I was asked
 * to") share their first steps, and at each step the next token is tried only against the words
 * that could match it, looked up by stem, two leading letters or number. One trie holds the
 * phrases of every set (each set has a slot; a node lists, per slot, the phrase that ends there),
 * so one walk over a sentence finds the matches of every set at once.
 */
interface Edge {
  matcher: WordMatcher;
  node: TrieNode;
}

/** A phrase of the set in `slot` that ends at a node. */
interface End {
  slot: number;
  phrase: CompiledPhrase;
}

// Most nodes are leaves (the last word of a phrase): their indexes stay the shared empty ones, so
// building a rubric's few thousand nodes allocates little (it is part of every cold start).
const NO_EDGES: Edge[] = [];
const NO_ENDS: End[] = [];
const NO_STEMS = new Map<string, Edge[]>();
const NO_HEADS = new Map<number, Edge[]>();
/**
 * The edges a word matches from a node, remembered in one table for every node of every trie,
 * keyed by the node's id, the word's id and the trie's generation (open addressing, linear
 * probes), so a word that has taken a step once takes it again for the cost of a probe or two.
 * The table starts small (the startup snapshot keeps it) and doubles as it fills, up to
 * 2^MAX_STEP_BITS entries, a bound on memory that holds a batch's few tens of thousands of
 * (node, word) pairs; full at that size, it starts afresh.
 */
const MIN_STEP_BITS = 10;
const MAX_STEP_BITS = 16;
let stepMask = (1 << MIN_STEP_BITS) - 1;
let stepNode = new Int32Array(1 << MIN_STEP_BITS).fill(-1);
let stepWord = new Int32Array(1 << MIN_STEP_BITS);
let stepGeneration = new Int32Array(1 << MIN_STEP_BITS);
let stepEdges: (readonly Edge[])[] = new Array(1 << MIN_STEP_BITS).fill(NO_EDGES);
let steps = 0;

const stepSlot = (node: number, word: number) => {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(word, 0x85ebca77);
  return (h ^ (h >>> 15)) & stepMask;
};

/** Makes room for one more step: the table twice the size with every step moved over, or at the largest size, empty. */
function roomForStep(): void {
  if (steps < (stepMask + 1) * 0.75) return;
  const size = stepMask + 1;
  if (size >= 1 << MAX_STEP_BITS) {
    stepNode.fill(-1);
    stepEdges.fill(NO_EDGES);
    steps = 0;
    return;
  }
  const [node, word, generation, edges] = [stepNode, stepWord, stepGeneration, stepEdges];
  stepMask = size * 2 - 1;
  stepNode = new Int32Array(size * 2).fill(-1);
  stepWord = new Int32Array(size * 2);
  stepGeneration = new Int32Array(size * 2);
  stepEdges = new Array(size * 2).fill(NO_EDGES);
  for (let k = 0; k < size; k++) {
    if (node[k] === -1) continue;
    let slot = stepSlot(node[k], word[k]);
    while (stepNode[slot] !== -1) slot = (slot + 1) & stepMask;
    stepNode[slot] = node[k];
    stepWord[slot] = word[k];
    stepGeneration[slot] = generation[k];
    stepEdges[slot] = edges[k];
  }
}
let nodeIds = 0;

/** Slots per trie: which sets have a phrase at or below a node is kept as bits, in four small integers of 30 (stored unboxed). */
const BITS = 30;
const MAX_SLOTS = 4 * BITS;

class TrieNode {
  /** The phrases that end here: per set, the first listed when several have the same words. */
  ends = NO_ENDS;
  byStem = NO_STEMS;
  byHead = NO_HEADS;
  numbers = NO_EDGES;
  /** Words that can match any token (`_`, one-letter prefixes), tried every time. */
  others = NO_EDGES;
  /** Sets with a phrase ending here or below (bits by slot). */
  m0 = 0;
  m1 = 0;
  m2 = 0;
  m3 = 0;
  private edges: Map<string, Edge> | undefined = undefined;
  /** Its key in the table of steps taken (and in the automaton's states). */
  readonly id = nodeIds++ & 0x3fffffff;
  /** Words from the root to here: a phrase that ends here is this long. */
  depth = 0;

  /**
   * The edges from here that match the token: looked up by its stems, head and number, each tried
   * on it, and remembered for the word in the table of steps (the same words follow the same nodes
   * in answer after answer).
   */
  next(w: PhraseStarts, t: Token, generation: number): readonly Edge[] {
    if (this.edges === undefined) return NO_EDGES;
    // only a word's own cached keys are a stable key (a token without a lexeme gets new ones each time)
    if (w.id < 0) return this.matchingEdges(w, t);
    const id = this.id;
    const word = w.id;
    for (let slot = stepSlot(id, word), node = stepNode[slot]; node !== -1; node = stepNode[slot]) {
      if (node === id && stepWord[slot] === word) {
        if (stepGeneration[slot] === generation) return stepEdges[slot];
        // a set joined the trie since: worked out again in place
        const edges = this.matchingEdges(w, t);
        stepGeneration[slot] = generation;
        stepEdges[slot] = edges;
        return edges;
      }
      slot = (slot + 1) & stepMask;
    }
    const edges = this.matchingEdges(w, t);
    roomForStep();
    let slot = stepSlot(id, word);
    while (stepNode[slot] !== -1) slot = (slot + 1) & stepMask;
    stepNode[slot] = id;
    stepWord[slot] = word;
    stepGeneration[slot] = generation;
    stepEdges[slot] = edges;
    steps++;
    return edges;
  }

  private matchingEdges(w: PhraseStarts, t: Token): readonly Edge[] {
    let out: Edge[] | undefined;
    if (this.byStem !== NO_STEMS) for (const st of w.stems) out = matching(this.byStem.get(st), t, out);
    if (this.byHead !== NO_HEADS) out = matching(this.byHead.get(w.head), t, out);
    if (w.number) out = matching(this.numbers, t, out);
    out = matching(this.others, t, out);
    return out ?? NO_EDGES;
  }

  /**
   * The edge for a word, made and indexed the first time. `index` takes the keys of a new edge
   * instead of this node (the root's words are looked up through the trie's own index).
   */
  edge(m: WordMatcher, index?: (keys: StartKeys, e: Edge) => void): Edge {
    let e = this.edges?.get(m.source);
    if (e) return e;
    e = { matcher: m, node: new TrieNode() };
    e.node.depth = this.depth + 1;
    (this.edges ??= new Map()).set(m.source, e);
    const keys: StartKeys = { stems: [], prefixes: [], number: false };
    const keyed = startKeys(m, keys);
    if (index) {
      index(keyed ? keys : { stems: [], prefixes: [], number: false, anywhere: true }, e);
      return e;
    }
    if (!keyed) {
      if (this.others === NO_EDGES) this.others = [];
      this.others.push(e);
      return e;
    }
    if (keys.stems.length && this.byStem === NO_STEMS) this.byStem = new Map();
    if (keys.prefixes.length && this.byHead === NO_HEADS) this.byHead = new Map();
    for (const k of new Set(keys.stems)) push(this.byStem, k, e);
    for (const k of new Set(keys.prefixes.map(headKey))) push(this.byHead, k, e);
    if (keys.number) {
      if (this.numbers === NO_EDGES) this.numbers = [];
      this.numbers.push(e);
    }
    return e;
  }

  mark(slot: number): void {
    const bit = 1 << slot % BITS;
    if (slot < BITS) this.m0 |= bit;
    else if (slot < 2 * BITS) this.m1 |= bit;
    else if (slot < 3 * BITS) this.m2 |= bit;
    else this.m3 |= bit;
  }

  has(slot: number): boolean {
    const bit = 1 << slot % BITS;
    if (slot < BITS) return (this.m0 & bit) !== 0;
    if (slot < 2 * BITS) return (this.m1 & bit) !== 0;
    if (slot < 3 * BITS) return (this.m2 & bit) !== 0;
    return (this.m3 & bit) !== 0;
  }
}

/**
 * `out` with the edges of `edges` that match the token and are not in it yet, in order (a new list
 * only once there is a first one): a plain function, where a closure per lookup was made on every
 * step of a walk a word had not taken before.
 */
function matching(edges: readonly Edge[] | undefined, t: Token, out: Edge[] | undefined): Edge[] | undefined {
  if (edges === undefined) return out;
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k];
    if ((out === undefined || !out.includes(e)) && wordMatches(e.matcher, t)) (out ??= []).push(e);
  }
  return out;
}

interface StartKeys {
  stems: string[];
  /** Prefixes of two letters or more. */
  prefixes: string[];
  number: boolean;
  /** A word that may match any token. */
  anywhere?: boolean;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What phrase matching needs of a word, worked out once per distinct word (and dictionary form):
 * the keys it is looked up by at every step of a walk, and the first words of the shared trie it
 * matches. Cached on the word's lexeme.
 */
export interface PhraseStarts {
  /** The trie generation `edges` was worked out for. */
  generation: number;
  /** First words (edges from the root) that match the word. */
  edges: readonly Edge[];
  /** Its stems: its own, without an inflection, of its dictionary form (no repeats). */
  stems: readonly string[];
  head: number;
  number: boolean;
  /** A number for the word (and dictionary form) while its keys are cached, -1 for keys made for one use. */
  id: number;
}

/** The stem of a token's dictionary form when it differs from the word ("went" → "go"), else undefined. */
const lemmaStem = (t: Token) => (t.lemma !== undefined && t.lemma !== t.norm ? stem(t.lemma) : undefined);

function wordKeys(t: Token): PhraseStarts {
  const stems = [tokenStem(t)];
  for (const other of otherStems(t)) if (!stems.includes(other)) stems.push(other);
  const ls = lemmaStem(t);
  if (ls !== undefined && !stems.includes(ls)) stems.push(ls);
  return { generation: -1, edges: NO_EDGES, stems, head: headKey(t.norm), number: isNumberToken(t), id: -1 };
}

/**
 * The keys of a word, cached on its lexeme: the same words recur within and across answers. A
 * word whose dictionary form differs here ("left" as "leave") has its own entry for that form.
 */
function keysFor(t: Token): PhraseStarts {
  const lexeme = t.lexeme;
  if (lexeme === undefined) return wordKeys(t);
  const byLemma = t.lemma !== undefined && t.lemma !== t.norm;
  // a word read as a noun or an adjective has entries of its own: a verb form of a phrase does not match it (verbFormOnNoun)
  const noun = isBare(t);
  let s = byLemma ? (noun ? lexeme.nounLemmaStarts : lexeme.lemmaStarts)?.get(t.lemma!) : noun ? lexeme.nounStarts : lexeme.starts;
  if (s === undefined) {
    s = wordKeys(t);
    s.id = wordIds++ & 0x3fffffff;
    if (byLemma) (noun ? (lexeme.nounLemmaStarts ??= new Map()) : (lexeme.lemmaStarts ??= new Map())).set(t.lemma!, s);
    else if (noun) lexeme.nounStarts = s;
    else lexeme.starts = s;
  }
  return s;
}

let wordIds = 0;

/** Grows with every set added to any trie: the words' cached first edges are looked up again. */
let generations = 0;

// Scratch for a walk (a walk never starts inside another): per slot, the best phrase so far at
// the position, its rank, and where the set's last match ended; the slots reached; each token's keys.
let bestPhrase: (CompiledPhrase | undefined)[] = [];
const bestRank = new Int32Array(MAX_SLOTS);
const nextFree = new Int32Array(MAX_SLOTS);
const reached = new Int32Array(MAX_SLOTS);
let reachedCount = 0;

/**
 * The phrases of up to MAX_SLOTS sets in one trie. The first words are indexed by every key a
 * token can be looked up by: its stems (its own, without an inflection, of its dictionary form),
 * its first two to PREFIX_KEY letters, being a number, or none (`_`).
 */
const PREFIX_KEY = 6;

/**
 * A state of the automaton a sentence is matched with: the trie nodes reached after the words so
 * far, from every position at once (each node is as deep as the words it took, so it says where
 * its phrases start), with the phrases that end at them. Made the first time a sequence of words
 * reaches that set of nodes; the next state by a word is remembered in the trie's table.
 */
interface State {
  id: number;
  /** By id. */
  nodes: TrieNode[];
  /** The phrases ending at the nodes: their set, the phrase and its length in words. */
  endSlots: number[];
  endPhrases: CompiledPhrase[];
  endDepths: number[];
}

/** States kept per trie before its automaton starts afresh (a bound on memory: a batch reaches a few thousand). */
const MAX_STATES = 1 << 16;
const MAX_MOVE_BITS = 17;

// Scratch for matchAll: the phrases found at each end, bucketed by start position (a list per start).
let candidateAt = new Int32Array(256);
let candidateNext = new Int32Array(1024);
let candidateSlot = new Int32Array(1024);
let candidatePhrase: CompiledPhrase[] = [];

class PhraseTrie {
  readonly root = new TrieNode();
  slots = 0;
  generation = ++generations;
  private readonly byStem = new Map<string, Edge[]>();
  private readonly byPrefix = new Map<string, Edge[]>();
  private readonly numbers: Edge[] = [];
  private readonly anywhere: Edge[] = [];
  // the automaton: its states by their nodes' ids, and the moves taken, (state id, word id) → state
  // in an open-addressing table that doubles as it fills (MAX_MOVE_BITS)
  private automatonFor = -1;
  private states = new Map<string, State>();
  private stateList: State[] = [];
  private moveMask = 0;
  private moveState = new Int32Array(0);
  private moveWord = new Int32Array(0);
  private moveTo = new Int32Array(0);
  private moves = 0;

  /** Adds a set's phrases; returns its slot. */
  add(phrases: readonly CompiledPhrase[]): number {
    const slot = this.slots++;
    this.generation = ++generations;
    const index = (keys: StartKeys, e: Edge) => {
      for (const k of new Set(keys.stems)) push(this.byStem, k, e);
      for (const k of new Set(keys.prefixes.map((p) => p.slice(0, PREFIX_KEY)))) push(this.byPrefix, k, e);
      if (keys.number) this.numbers.push(e);
      if (keys.anywhere) this.anywhere.push(e);
    };
    for (const p of phrases) {
      let node = this.root.edge(p.words[0], index).node;
      node.mark(slot);
      for (let k = 1; k < p.words.length; k++) {
        node = node.edge(p.words[k]).node;
        node.mark(slot);
      }
      const at = node.ends.findIndex((e) => e.slot === slot);
      if (at < 0) {
        if (node.ends === NO_ENDS) node.ends = [];
        node.ends.push({ slot, phrase: p });
      } else if (p.index < node.ends[at].phrase.index) node.ends[at] = { slot, phrase: p };
    }
    if (this.slots > bestPhrase.length) bestPhrase = new Array(MAX_SLOTS).fill(undefined);
    return slot;
  }

  /** The word's keys, with the first words (edges from the root) of this trie that match it. */
  wordOf(t: Token): PhraseStarts {
    const keys = keysFor(t);
    if (this !== shared || t.lexeme === undefined) return { ...keys, edges: this.matchingFirst(t, keys) };
    if (keys.generation !== this.generation) {
      keys.edges = this.matchingFirst(t, keys);
      keys.generation = this.generation;
    }
    return keys;
  }

  private matchingFirst(t: Token, keys: PhraseStarts): readonly Edge[] {
    let out: Edge[] | undefined;
    for (const st of keys.stems) out = matching(this.byStem.get(st), t, out);
    for (let n = 2; n <= Math.min(PREFIX_KEY, t.norm.length); n++) out = matching(this.byPrefix.get(t.norm.slice(0, n)), t, out);
    if (keys.number) out = matching(this.numbers, t, out);
    out = matching(this.anywhere, t, out);
    return out ?? NO_EDGES;
  }

  /** The automaton afresh: the empty state (no node reached) alone, no move known. */
  private resetAutomaton(): void {
    this.automatonFor = this.generation;
    this.states = new Map();
    this.stateList = [];
    this.stateOf([]);
    this.moveMask = (1 << 10) - 1;
    this.moveState = new Int32Array(1 << 10).fill(-1);
    this.moveWord = new Int32Array(1 << 10);
    this.moveTo = new Int32Array(1 << 10);
    this.moves = 0;
  }

  /** The state of a set of nodes (sorted by id here), made the first time. */
  private stateOf(nodes: TrieNode[]): State {
    if (nodes.length > 1) nodes.sort((a, b) => a.id - b.id);
    let key = '';
    for (let k = 0; k < nodes.length; k++) key += (k ? ',' : '') + nodes[k].id;
    let state = this.states.get(key);
    if (state !== undefined) return state;
    state = { id: this.stateList.length, nodes, endSlots: [], endPhrases: [], endDepths: [] };
    for (const node of nodes) {
      for (const end of node.ends) {
        state.endSlots.push(end.slot);
        state.endPhrases.push(end.phrase);
        state.endDepths.push(node.depth);
      }
    }
    this.states.set(key, state);
    this.stateList.push(state);
    return state;
  }

  /** The state after `state` and the token: its nodes' edges that match it, and the first words it matches. */
  private move(state: State, w: PhraseStarts, t: Token): State {
    const word = w.id;
    if (word >= 0) {
      const mask = this.moveMask;
      let h = Math.imul(state.id, 0x9e3779b1) ^ Math.imul(word, 0x85ebca77);
      for (let slot = (h ^ (h >>> 15)) & mask; this.moveState[slot] !== -1; slot = (slot + 1) & mask) {
        if (this.moveState[slot] === state.id && this.moveWord[slot] === word) return this.stateList[this.moveTo[slot]];
      }
    }
    const nodes: TrieNode[] = [];
    for (const node of state.nodes) {
      const next = node.next(w, t, this.generation);
      for (let e = 0; e < next.length; e++) nodes.push(next[e].node);
    }
    const first = w.edges;
    for (let e = 0; e < first.length; e++) nodes.push(first[e].node);
    const to = this.stateOf(nodes);
    if (word >= 0) this.keepMove(state.id, word, to.id);
    return to;
  }

  private keepMove(from: number, word: number, to: number): void {
    if (this.moves >= (this.moveMask + 1) * 0.75) {
      const size = this.moveMask + 1;
      if (size >= 1 << MAX_MOVE_BITS) {
        this.moveState.fill(-1);
        this.moves = 0;
      } else {
        const [states, words, tos] = [this.moveState, this.moveWord, this.moveTo];
        this.moveMask = size * 2 - 1;
        this.moveState = new Int32Array(size * 2).fill(-1);
        this.moveWord = new Int32Array(size * 2);
        this.moveTo = new Int32Array(size * 2);
        this.moves = 0;
        for (let k = 0; k < size; k++) if (states[k] !== -1) this.keepMove(states[k], words[k], tos[k]);
      }
    }
    const h = Math.imul(from, 0x9e3779b1) ^ Math.imul(word, 0x85ebca77);
    let slot = (h ^ (h >>> 15)) & this.moveMask;
    while (this.moveState[slot] !== -1) slot = (slot + 1) & this.moveMask;
    this.moveState[slot] = from;
    this.moveWord[slot] = word;
    this.moveTo[slot] = to;
    this.moves++;
  }

  /**
   * Every set's matches in the tokens: at each position the longest of each set's phrases, and a
   * set's matches never overlap (after a match, that set goes on after its last word). One walk of
   * the automaton over the sentence, one move per token, finds the phrases of every set that end
   * at each token; they are then taken by where they start, as a walk from each position would.
   * Only the sets with a match have a list (a sentence matches a few of a trie's sets), kept by
   * slot so that each set's findAll reads its own in one step, without a search.
   */
  matchAll(tokens: readonly Token[]): Found {
    const found: Found = { trie: this, slots: this.slots, bySlot: undefined, others: undefined };
    if (this.automatonFor !== this.generation || this.stateList.length >= MAX_STATES) this.resetAutomaton();
    const n = tokens.length;
    if (candidateAt.length < n) candidateAt = new Int32Array(Math.max(n, candidateAt.length * 2));
    candidateAt.fill(-1, 0, n);
    let candidates = 0;
    let state = this.stateList[0];
    for (let j = 0; j < n; j++) {
      state = this.move(state, this.wordOf(tokens[j]), tokens[j]);
      const ends = state.endPhrases;
      for (let k = 0; k < ends.length; k++) {
        if (candidates >= candidateNext.length) {
          const more = candidates * 2;
          const next = new Int32Array(more);
          next.set(candidateNext);
          candidateNext = next;
          const slots = new Int32Array(more);
          slots.set(candidateSlot);
          candidateSlot = slots;
        }
        const start = j - state.endDepths[k] + 1;
        candidateSlot[candidates] = state.endSlots[k];
        candidatePhrase[candidates] = ends[k];
        candidateNext[candidates] = candidateAt[start];
        candidateAt[start] = candidates++;
      }
    }
    nextFree.fill(0, 0, this.slots);
    for (let i = 0; i < n; i++) {
      if (candidateAt[i] < 0) continue;
      reachedCount = 0;
      for (let c = candidateAt[i]; c >= 0; c = candidateNext[c]) {
        const slot = candidateSlot[c];
        const phrase = candidatePhrase[c];
        const best = bestPhrase[slot];
        // longer first, then plain-word starts, then list order
        if (best === undefined) {
          reached[reachedCount++] = slot;
          bestPhrase[slot] = phrase;
          bestRank[slot] = phrase.rank;
        } else if (phrase.rank > bestRank[slot] || (phrase.rank === bestRank[slot] && phrase.index < best.index)) {
          bestPhrase[slot] = phrase;
          bestRank[slot] = phrase.rank;
        }
      }
      for (let r = 0; r < reachedCount; r++) {
        const slot = reached[r];
        const p = bestPhrase[slot]!;
        bestPhrase[slot] = undefined;
        if (i < nextFree[slot]) continue;
        const last = i + p.words.length;
        const bySlot = (found.bySlot ??= new Array(this.slots).fill(undefined));
        (bySlot[slot] ??= []).push({ phrase: p, first: i, last, start: tokens[i].start, end: tokens[last - 1].end });
        nextFree[slot] = last;
      }
    }
    // (a length set is a call into the runtime even when it changes nothing)
    if (candidatePhrase.length > 4096) candidatePhrase.length = 4096;
    return found;
  }

  /** One set's matches, longest first at each position, without overlaps. */
  scanOne(slot: number, tokens: readonly Token[]): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < tokens.length; ) {
      const best = this.longestAt(slot, tokens, i);
      if (best) {
        out.push(best);
        i = best.last;
      } else i++;
    }
    return out;
  }

  private one: CompiledPhrase | undefined;
  private oneRank = 0;

  /** The longest of one set's phrases that starts at token i. */
  longestAt(slot: number, tokens: readonly Token[], i: number): PhraseMatch | undefined {
    if (i >= tokens.length) return undefined;
    this.one = undefined;
    this.oneRank = 0;
    const first = this.wordOf(tokens[i]).edges;
    for (let e = 0; e < first.length; e++) if (first[e].node.has(slot)) this.walkOne(slot, first[e].node, tokens, i + 1);
    const best = this.one as CompiledPhrase | undefined;
    if (!best) return undefined;
    const last = i + best.words.length;
    return { phrase: best, first: i, last, start: tokens[i].start, end: tokens[last - 1].end };
  }

  private walkOne(slot: number, node: TrieNode, tokens: readonly Token[], j: number): void {
    const ends = node.ends;
    for (let k = 0; k < ends.length; k++) {
      if (ends[k].slot !== slot) continue;
      const p = ends[k].phrase;
      if (this.one === undefined || p.rank > this.oneRank || (p.rank === this.oneRank && p.index < this.one.index)) {
        this.one = p;
        this.oneRank = p.rank;
      }
    }
    if (j >= tokens.length) return;
    const next = node.next(keysFor(tokens[j]), tokens[j], this.generation);
    for (let e = 0; e < next.length; e++) if (next[e].node.has(slot)) this.walkOne(slot, next[e].node, tokens, j + 1);
  }
}

/**
 * The trie every set joins (a few dozen per rubric, cached by the analyzer). Past MAX_SLOTS it
 * starts afresh; sets from before keep their own (uncached lookups, still correct).
 */
let shared = new PhraseTrie();

/** A phrase's variants with each `_?` taken as a word and as none ("exceed _? expectations" → two). */
function withOptionals(source: string): string[] {
  if (!source.includes('_?')) return [source];
  let variants = [''];
  for (const word of source.trim().split(/\s+/)) variants = word === '_?' ? variants.flatMap((v) => [v, `${v} _`]) : variants.map((v) => `${v} ${word}`);
  return variants.map((v) => v.trim()).filter(Boolean);
}

/**
 * Matches already found, by token list: a token list is a sentence's, read by many checks with
 * many sets. The first time any set looks at it, one walk finds the matches of every set in the
 * shared trie; a set that joined later, or that belongs to an older trie, is matched apart and kept
 * in `others`.
 */
interface Found {
  trie: PhraseTrie;
  /** The slots the walk covered. */
  slots: number;
  /** Each set's matches by its slot (a list only for a set with a match), or undefined when no set matched. */
  bySlot: (PhraseMatch[] | undefined)[] | undefined;
  others: Map<PhraseSet, readonly PhraseMatch[]> | undefined;
}
// kept on the token list itself under a symbol (invisible to iteration, keys and JSON): a
// property read where a WeakMap lookup cost more than the rest of a cached findAll
const FOUND = Symbol('phrase matches');
type Searched = readonly Token[] & { [FOUND]?: Found };
const NO_MATCHES: readonly PhraseMatch[] = Object.freeze([]) as readonly PhraseMatch[];

/** A set of phrases to find in token lists: longest match first, no overlaps. */
export class PhraseSet {
  readonly phrases: CompiledPhrase[];
  private readonly trie: PhraseTrie;
  private readonly slot: number;
  private readonly alone: boolean;

  /**
   * `alone`: a set used once or on a few words (a rubric check, a config's accept list) gets a trie
   * of its own, so it does not add to the walk of every sentence.
   */
  constructor(sources: readonly string[], { alone = false }: { alone?: boolean } = {}) {
    this.phrases = sources.flatMap((s, i) => withOptionals(s).map((v) => compilePhrase(v, i))).filter((p) => p.words.length > 0);
    this.alone = alone;
    if (alone) this.trie = new PhraseTrie();
    else {
      if (shared.slots >= MAX_SLOTS) shared = new PhraseTrie();
      this.trie = shared;
    }
    this.slot = this.trie.add(this.phrases);
  }

  get size(): number {
    return this.phrases.length;
  }

  /**
   * Every match in the tokens, longest first at each position, without overlaps. A sentence's
   * tokens are read by many checks with the same sets, so the matches are kept with them.
   */
  findAll(tokens: readonly Token[]): readonly PhraseMatch[] {
    if (this.alone) return this.trie.scanOne(this.slot, tokens);
    let seen = (tokens as Searched)[FOUND];
    if (seen === undefined || seen.trie !== shared) {
      seen = shared.matchAll(tokens);
      (tokens as Searched & { [FOUND]?: Found })[FOUND] = seen;
    }
    if (this.trie === shared && this.slot < seen.slots) {
      return seen.bySlot?.[this.slot] ?? NO_MATCHES;
    }
    let out = seen.others?.get(this);
    if (out === undefined) (seen.others ??= new Map()).set(this, (out = this.trie.scanOne(this.slot, tokens)));
    return out;
  }

  /** True when any phrase matches anywhere in the tokens. */
  test(tokens: readonly Token[]): boolean {
    return this.findAll(tokens).length > 0;
  }

  /**
   * The longest phrase that starts at token i, if any. Among equally long ones, a phrase starting
   * with a plain word wins, then the one listed first.
   */
  longestAt(tokens: readonly Token[], i: number): PhraseMatch | undefined {
    return this.trie.longestAt(this.slot, tokens, i);
  }
}
