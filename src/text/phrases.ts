import { stem, tokenize, type Token } from './tokens.js';

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

export const isNumberToken = (t: Token) => /^\d/.test(t.norm) || NUMBER_WORDS.has(t.norm);

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

function wordMatches(m: WordMatcher, t: Token): boolean {
  switch (m.kind) {
    case 'word':
      if (t.norm === m.text) return true;
      // inflection fallback: the same Porter stem, and the words differ only by an inflectional
      // ending — Porter also merges derivations ("personal"/"person", "customer"/"custom")
      // (tokens carry their stem, so the stem test is one comparison and fails first for most)
      if (m.text.length >= 3 && (tokenStem(t) === m.stem || otherStems(t).includes(m.stem)) && (isInflection(m.text, t.norm) || isInflection(t.norm, m.text))) return true;
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
 * A set's phrases as a trie of words: phrases that begin alike ("I had to", "I needed to", "I was
 * asked to") share their first steps, and at each step the next token is tried only against the
 * words that could match it, looked up by stem, two leading letters or number.
 */
interface Edge {
  matcher: WordMatcher;
  node: TrieNode;
}

// Most nodes are leaves (the last word of a phrase): their indexes stay the shared empty ones, so
// building a rubric's few thousand nodes allocates little (it is part of every cold start).
const NO_EDGES: Edge[] = [];
const NO_STEMS = new Map<string, Edge[]>();
const NO_HEADS = new Map<number, Edge[]>();

class TrieNode {
  /** The phrase that ends here (the first listed, when several have the same words). */
  end: CompiledPhrase | undefined = undefined;
  byStem = NO_STEMS;
  byHead = NO_HEADS;
  numbers = NO_EDGES;
  /** Words that can match any token (`_`, one-letter prefixes), tried every time. */
  others = NO_EDGES;
  private edges: Map<string, Edge> | undefined = undefined;

  /** The edge for a word, made and indexed the first time; `onKeys` hears the keys of a new one. */
  edge(m: WordMatcher, onKeys?: (keys: StartKeys, e: Edge) => void): Edge {
    let e = this.edges?.get(m.source);
    if (e) return e;
    e = { matcher: m, node: new TrieNode() };
    (this.edges ??= new Map()).set(m.source, e);
    const keys: StartKeys = { stems: [], prefixes: [], number: false };
    if (!startKeys(m, keys)) {
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
    onKeys?.(keys, e);
    return e;
  }
}

interface StartKeys {
  stems: string[];
  /** Prefixes of two letters or more. */
  prefixes: string[];
  number: boolean;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** For each set's slot, the first words of that set's phrases that may match a token. */
type Slots = (Edge[] | undefined)[];

/** A key's first words, by set slot; `used` lists the slots that have any. */
interface KeyEntry {
  slots: Slots;
  used: number[];
}

/**
 * Which slots have anything at all for a word, as bits: four small integers of 30 bits (kept
 * small so V8 stores them unboxed), so most (token, set) pairs are dismissed with one test.
 */
interface SlotMask {
  m0: number;
  m1: number;
  m2: number;
  m3: number;
}

/** What may start at one word, for every set at once: cached on the word (its lexeme). */
export interface PhraseStarts extends SlotMask {
  generation: number;
  /** For each set's slot, the first words to try on this token. */
  edges: Slots;
  /** The slots that have any, in no order: a sentence's candidates for every set come from one pass. */
  slots: number[];
}

/**
 * Every set's first words in one index, so that a word's candidates are looked up once however
 * many sets (about 40 per rubric) are run over it, and however often it recurs; each set then
 * reads its own slot. Prefixes (`communicat*`) are keyed by up to their first PREFIX_KEY letters,
 * so a token is tried only against prefixes that share that much with it. The index only grows
 * while sets are made (a few dozen per rubric, cached by the analyzer); past MAX_SLOTS it starts
 * afresh, and sets from before use their own trie's root.
 */
const BITS = 30;
const MAX_SLOTS = 4 * BITS;
const PREFIX_KEY = 6;
const emptyEntry = (): KeyEntry => ({ slots: [], used: [] });
const shared = {
  epoch: 0,
  generation: 0,
  slots: 0,
  byStem: new Map<string, KeyEntry>(),
  byPrefix: new Map<string, KeyEntry>(),
  /** First words that are numbers (`#`), and those that match any word (`_`, `a*`). */
  numbers: emptyEntry(),
  anywhere: emptyEntry(),
};

function addSlot(entry: KeyEntry, slot: number, e: Edge): void {
  const list = entry.slots[slot];
  if (!list) {
    entry.slots[slot] = [e];
    entry.used.push(slot);
  } else if (!list.includes(e)) list.push(e);
}

function addKeyed<K>(map: Map<K, KeyEntry>, key: K, slot: number, e: Edge): void {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = emptyEntry()));
  addSlot(entry, slot, e);
}

/** The stem of a token's dictionary form when it differs from the word ("went" → "go"), else undefined. */
const lemmaStem = (t: Token) => (t.lemma !== undefined && t.lemma !== t.norm ? stem(t.lemma) : undefined);

function startsOf(t: Token): PhraseStarts {
  // cached on the word, not the token: the same words recur within and across answers; a word
  // whose dictionary form differs here ("left" as "leave") has its own entry for that form
  const lexeme = t.lexeme;
  const byLemma = lexeme && t.lemma !== undefined && t.lemma !== t.norm;
  let s = byLemma ? lexeme.lemmaStarts?.get(t.lemma!) : lexeme?.starts;
  if (s === undefined || s.generation !== shared.generation) {
    s = { generation: shared.generation, edges: [], slots: [], m0: 0, m1: 0, m2: 0, m3: 0 };
    const merge = (entry: KeyEntry | undefined) => {
      if (!entry) return;
      for (const slot of entry.used) {
        const from = entry.slots[slot]!;
        const into = s!.edges[slot];
        if (!into) {
          s!.edges[slot] = from;
          s!.slots.push(slot);
          const bit = 1 << slot % BITS;
          if (slot < BITS) s!.m0 |= bit;
          else if (slot < 2 * BITS) s!.m1 |= bit;
          else if (slot < 3 * BITS) s!.m2 |= bit;
          else s!.m3 |= bit;
        } else s!.edges[slot] = [...into, ...from.filter((e) => !into.includes(e))];
      }
    };
    merge(shared.byStem.get(tokenStem(t)));
    for (const other of otherStems(t)) merge(shared.byStem.get(other));
    const ls = lemmaStem(t);
    if (ls !== undefined) merge(shared.byStem.get(ls));
    for (let n = 2; n <= Math.min(PREFIX_KEY, t.norm.length); n++) merge(shared.byPrefix.get(t.norm.slice(0, n)));
    if (isNumberToken(t)) merge(shared.numbers);
    merge(shared.anywhere);
    if (byLemma) (lexeme.lemmaStarts ??= new Map()).set(t.lemma!, s);
    else if (lexeme) lexeme.starts = s;
  }
  return s;
}

/** True unless the word certainly starts none of the phrases of the set in `slot`. */
function mayStart(s: PhraseStarts, slot: number): boolean {
  const bit = 1 << slot % BITS;
  if (slot < BITS) return (s.m0 & bit) !== 0;
  if (slot < 2 * BITS) return (s.m1 & bit) !== 0;
  if (slot < 3 * BITS) return (s.m2 & bit) !== 0;
  return (s.m3 & bit) !== 0;
}

/** A phrase's variants with each `_?` taken as a word and as none ("exceed _? expectations" → two). */
function withOptionals(source: string): string[] {
  if (!source.includes('_?')) return [source];
  let variants = [''];
  for (const word of source.trim().split(/\s+/)) variants = word === '_?' ? variants.flatMap((v) => [v, `${v} _`]) : variants.map((v) => `${v} ${word}`);
  return variants.map((v) => v.trim()).filter(Boolean);
}

/**
 * Matches already found, by token list and set: a token list is a sentence's, read by many checks
 * with the same sets. One pass over its tokens finds where each set may start (the shared index
 * gives every set's first words at once), so a set then tries only those positions.
 */
const found = new WeakMap<readonly Token[], { generation: number; starts: number[][]; bySet: Map<PhraseSet, readonly PhraseMatch[]> }>();

function startPositions(tokens: readonly Token[]): number[][] {
  const starts: number[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const slot of startsOf(tokens[i]).slots) (starts[slot] ??= []).push(i);
  }
  return starts;
}

/** A set of phrases to find in token lists: longest match first, no overlaps. */
export class PhraseSet {
  readonly phrases: CompiledPhrase[];
  private readonly root = new TrieNode();
  private readonly epoch: number;
  private readonly slot: number;

  constructor(sources: readonly string[]) {
    this.phrases = sources.flatMap((s, i) => withOptionals(s).map((v) => compilePhrase(v, i))).filter((p) => p.words.length > 0);
    if (shared.slots >= MAX_SLOTS) Object.assign(shared, { epoch: shared.epoch + 1, slots: 0, byStem: new Map(), byPrefix: new Map(), numbers: emptyEntry(), anywhere: emptyEntry() });
    this.epoch = shared.epoch;
    this.slot = shared.slots++;
    shared.generation++; // tokens' cached lookups may miss this set's first words
    const share = (keys: StartKeys, e: Edge) => {
      for (const k of keys.stems) addKeyed(shared.byStem, k, this.slot, e);
      for (const k of keys.prefixes) addKeyed(shared.byPrefix, k.slice(0, PREFIX_KEY), this.slot, e);
      if (keys.number) addSlot(shared.numbers, this.slot, e);
    };
    for (const p of this.phrases) {
      let node = this.root.edge(p.words[0], share).node;
      for (let k = 1; k < p.words.length; k++) node = node.edge(p.words[k]).node;
      if (!node.end || p.index < node.end.index) node.end = p;
    }
    for (const e of this.root.others) addSlot(shared.anywhere, this.slot, e);
  }

  get size(): number {
    return this.phrases.length;
  }

  /**
   * Every match in the tokens, longest first at each position, without overlaps. A sentence's
   * tokens are read by many checks with the same sets, so each set's matches are kept with them.
   */
  findAll(tokens: readonly Token[]): readonly PhraseMatch[] {
    let seen = found.get(tokens);
    if (!seen || seen.generation !== shared.generation) found.set(tokens, (seen = { generation: shared.generation, starts: startPositions(tokens), bySet: new Map() }));
    let out = seen.bySet.get(this);
    if (!out) seen.bySet.set(this, (out = this.epoch === shared.epoch ? this.scanAt(tokens, seen.starts[this.slot]) : this.scan(tokens)));
    return out;
  }

  /** Matches at the given candidate positions (in order), longest first at each, without overlaps. */
  private scanAt(tokens: readonly Token[], positions: readonly number[] | undefined): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    if (!positions) return out;
    let next = 0;
    for (const i of positions) {
      if (i < next) continue;
      const best = this.longestAt(tokens, i);
      if (best) {
        out.push(best);
        next = best.last;
      }
    }
    return out;
  }

  private scan(tokens: readonly Token[]): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    const indexed = this.epoch === shared.epoch;
    for (let i = 0; i < tokens.length; ) {
      // most tokens start none of this set's phrases: one bit says so
      const best = indexed && !mayStart(startsOf(tokens[i]), this.slot) ? undefined : this.longestAt(tokens, i);
      if (best) {
        out.push(best);
        i = best.last;
      } else i++;
    }
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
    const t = tokens[i];
    this.best = undefined;
    this.bestRank = 0;
    // this runs for every token of every sentence against every set: no allocation on the way
    // the shared index holds this set's first words; a set from before it started afresh walks its own root
    if (this.epoch === shared.epoch) this.follow(startsOf(t).edges[this.slot], tokens, i, i);
    else this.walk(this.root, tokens, i, i);
    const best = this.best as CompiledPhrase | undefined;
    if (!best) return undefined;
    const last = i + best.words.length;
    return { phrase: best, first: i, last, start: t.start, end: tokens[last - 1].end };
  }

  private best: CompiledPhrase | undefined;
  private bestRank = 0;

  /** Tries each edge on token j, and walks on from those that match. */
  private follow(edges: readonly Edge[] | undefined, tokens: readonly Token[], i: number, j: number): void {
    if (edges === undefined) return;
    const t = tokens[j];
    for (let e = 0; e < edges.length; e++) if (wordMatches(edges[e].matcher, t)) this.walk(edges[e].node, tokens, i, j + 1);
  }

  /** At a node reached after token j - 1: note a phrase that ends here, then try token j. */
  private walk(node: TrieNode, tokens: readonly Token[], i: number, j: number): void {
    const p = node.end;
    // longer first, then plain-word starts, then list order
    if (p !== undefined && (this.best === undefined || p.rank > this.bestRank || (p.rank === this.bestRank && p.index < this.best.index))) {
      this.best = p;
      this.bestRank = p.rank;
    }
    if (j >= tokens.length) return;
    const t = tokens[j];
    if (node.byStem.size) {
      this.follow(node.byStem.get(tokenStem(t)), tokens, i, j);
      for (const other of otherStems(t)) this.follow(node.byStem.get(other), tokens, i, j);
      const ls = lemmaStem(t);
      if (ls !== undefined) this.follow(node.byStem.get(ls), tokens, i, j);
    }
    if (node.byHead.size) this.follow(node.byHead.get(headKey(t.norm)), tokens, i, j);
    if (node.numbers.length && isNumberToken(t)) this.follow(node.numbers, tokens, i, j);
    if (node.others.length) this.follow(node.others, tokens, i, j);
  }
}
