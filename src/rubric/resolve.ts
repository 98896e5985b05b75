import { fieldOf, RUBRIC_SCHEMA, REQUIRED_RESOLVED, type FieldSpec } from './schema.js';
import { RubricError, type JargonRule, type Rubric } from './types.js';
import { didYouMean } from './validate.js';

type Raw = Record<string, unknown>;

const isRaw = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);

const keyOf = (item: unknown, key?: string): string =>
  String(key && item && typeof item === 'object' ? (item as Raw)[key] : item).toLowerCase();

/**
 * Applies a child rubric's keys over its parent's, following the schema for each key: a key
 * replaces the parent's, a mapping merges key by key, `key+` adds to the parent's list (an item
 * with the same id replaces the parent's) and `key-` removes items by value or id. Removals that
 * match nothing are noted in `warnings`, so a typo does not pass silently.
 */
export function mergeRaw(parent: Raw, child: Raw, fields: Record<string, FieldSpec> = RUBRIC_SCHEMA, warnings?: string[], path = ''): Raw {
  // no prototype: a key named `__proto__` is a key like any other, never the object's prototype
  const out: Raw = Object.assign(Object.create(null) as Raw, parent);
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
  for (const [rawKey, value] of Object.entries(child)) {
    const overlay = rawKey.endsWith('+') || rawKey.endsWith('-') ? rawKey.at(-1) : '';
    const name = overlay ? rawKey.slice(0, -1) : rawKey;
    const spec = fieldOf(fields, name);
    const key = spec?.type === 'list' ? spec.key : undefined;
    const inherited = out[name];
    if (overlay === '+') {
      // an item with the parent's id is merged over the parent's item, so a child can change a
      // pillar's weight (or add to its phrases with `phrases+`) without copying the rest
      const parents = new Map(key ? list(inherited).map((item) => [keyOf(item, key), item] as const) : []);
      const added = list(value).map((v) => {
        const p = key ? parents.get(keyOf(v, key)) : undefined;
        return spec?.type === 'list' && isRaw(p) && isRaw(v) ? mergeRaw(p, v, spec.item, warnings, `${path}${name}.`) : v;
      });
      const replaced = new Set(key ? added.map((v) => keyOf(v, key)) : []);
      out[name] = [...list(inherited).filter((item) => !replaced.has(keyOf(item, key))), ...added];
    } else if (overlay === '-') {
      const drop = list(value).map((v) => keyOf(v, typeof v === 'object' ? key : undefined));
      const before = list(inherited);
      out[name] = before.filter((item) => !drop.includes(keyOf(item, key)));
      const have = new Set(before.map((item) => keyOf(item, key)));
      for (const d of drop) if (!have.has(d)) warnings?.push(`${path}${rawKey} "${d}" removes nothing: the parent has no such item${didYouMean(d, [...have])}`);
    } else if (spec?.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
      // merge even when the parent has no such mapping, so overlay keys inside it are applied
      const base = inherited && typeof inherited === 'object' && !Array.isArray(inherited) ? (inherited as Raw) : {};
      out[name] = mergeRaw(base, value as Raw, spec.fields, warnings, `${path}${name}.`);
    } else {
      out[name] = value;
    }
  }
  return out;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
const obj = (v: unknown): Raw => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : Object.create(null));
const num = (v: unknown, dflt: number) => (typeof v === 'number' ? v : dflt);

/** Turns a merged raw rubric into a complete `Rubric`, with defaults for optional keys. */
export function finalizeRubric(raw: Raw, source: string): Rubric {
  const missing = REQUIRED_RESOLVED.filter((k) => raw[k] === undefined);
  if (missing.length) throw new RubricError([{ file: source, message: `missing ${missing.map((k) => `"${k}"`).join(', ')} (give it here or in the rubric it extends)` }]);
  // `key+` items may name only their key; the merged item must still be complete
  for (const [name, spec] of Object.entries(RUBRIC_SCHEMA)) {
    if (spec.type !== 'list' || !Array.isArray(raw[name])) continue;
    for (const item of raw[name] as unknown[]) {
      const lacking = spec.required.filter((k) => !isRaw(item) || item[k] === undefined);
      if (lacking.length) throw new RubricError([{ file: source, message: `${name} "${keyOf(item, spec.key)}" has no ${lacking.map((k) => `"${k}"`).join(', ')} (give it here or in the rubric it extends)` }]);
    }
  }
  const star = obj(raw.star);
  const part = (name: string) => {
    const p = obj(star[name]);
    return { hint: String(p.hint ?? ''), example: p.example === undefined ? undefined : String(p.example), headings: strings(p.headings), cues: strings(p.cues) };
  };
  const metric = obj(raw.metric);
  const exp = obj(raw.expectations);
  const weights = obj(raw.weights);
  const pillarsExp = obj(exp.pillars);
  const words = obj(exp.words);
  const balance = obj(exp.balance);
  return {
    id: String(raw.id),
    title: String(raw.title),
    source,
    questions: strings(raw.questions),
    opening: (Array.isArray(raw.opening) ? raw.opening : []).map((t: Raw) => ({ id: String(t.id), name: String(t.name), hint: String(t.hint ?? ''), phrases: strings(t.phrases) })),
    star: {
      situation: part('situation'),
      task: part('task'),
      action: part('action'),
      result: part('result'),
      hypothetical: strings(star.hypothetical),
      habit: strings(star.habit),
      'unknown-outcome': strings(star['unknown-outcome']),
      reflection: strings(star.reflection),
      'customer-side': strings(star['customer-side']),
      'server-side': strings(star['server-side']),
      'opening-headings': strings(star['opening-headings']),
    },
    pillars: (Array.isArray(raw.pillars) ? raw.pillars : []).map((p) => ({ id: String(p.id), name: String(p.name), hint: String(p.hint ?? ''), phrases: strings(p.phrases), qualities: strings(p.qualities), outcomes: strings(p.outcomes), noticed: strings(p.noticed), weight: num(p.weight, 1) })),
    metric: {
      'count-nouns': strings(metric['count-nouns']),
      'rating-words': strings(metric['rating-words']),
      'outcome-phrases': strings(metric['outcome-phrases']),
      'not-metrics': strings(metric['not-metrics']),
      turnarounds: strings(metric.turnarounds),
      'resolution-words': strings(metric['resolution-words']),
      'change-words': strings(metric['change-words']),
    },
    jargon: (Array.isArray(raw.jargon) ? raw.jargon : []).map((j: Raw) => ({ phrase: String(j.phrase), suggestion: String(j.suggestion), ...(typeof j.pos === 'string' ? { pos: j.pos as JargonRule['pos'] } : {}), ...(typeof j.claims === 'string' ? { claims: j.claims } : {}) })),
    fillers: strings(raw.fillers),
    hedges: strings(raw.hedges),
    expectations: {
      pillars: { min: num(pillarsExp.min, 2), max: num(pillarsExp.max, 4) },
      metric: (exp.metric as Rubric['expectations']['metric']) ?? 'required',
      words: { min: num(words.min, 150), max: num(words.max, 300) },
      'words-per-minute': num(exp['words-per-minute'], 150),
      balance: { 'setup-max': num(balance['setup-max'], 0.35), 'result-min': num(balance['result-min'], 0.1) },
      'we-share-max': num(exp['we-share-max'], 0.5),
    },
    weights: {
      star: num(weights.star, 35),
      pillars: num(weights.pillars, 20),
      metric: num(weights.metric, 20),
      jargon: num(weights.jargon, 10),
      delivery: num(weights.delivery, 10),
      opening: num(weights.opening, 5),
    },
  };
}
