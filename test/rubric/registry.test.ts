import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../../src/rubric/validate.js';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DIR, RubricRegistry, rubricSources, type RubricSource } from '../../src/rubric/registry.js';
import { mergeRaw } from '../../src/rubric/resolve.js';
import { errorOf } from './error-of.js';

const dir = (name: string) => fileURLToPath(new URL(`../fixtures/rubrics/${name}`, import.meta.url));
const src = (name: string, origin: RubricSource['origin'] = '--rubrics-dir'): RubricSource => ({ dir: dir(name), origin });

describe('extends and overlays', () => {
  const registry = new RubricRegistry([src('overlay', 'built-in')]);
  const child = registry.get('fixture-child');
  const parent = registry.get('fixture-parent');

  it('inherits what the child does not say', () => {
    expect(child.weights).toEqual(parent.weights);
    expect(child.expectations.pillars).toEqual({ min: 2, max: 3 });
    expect(child.star.result.hint).toBe('Say how it ended.');
  });

  it('a plain key replaces the parent list; a mapping merges key by key', () => {
    expect(child.hedges).toEqual(['kind of']);
    expect(child.expectations.metric).toBe('recommended');
  });

  it('key+ adds, replacing an item with the same id; key- removes by id or value', () => {
    expect(child.pillars.map((p) => p.id)).toEqual(['ownership', 'listening', 'sharing']);
    expect(child.pillars.find((p) => p.id === 'listening')!.name).toBe('Active listening');
    expect(child.jargon.map((j) => j.phrase)).toEqual(['synergy']);
    expect(child.fillers).toEqual(['um', 'uh', 'you know']);
  });

  it('applies overlays inside nested mappings', () => {
    expect(child.star.result.cues).toEqual(['in the end', 'since then']);
  });

  it('leaves the parent as it was', () => {
    expect(parent.pillars.map((p) => p.id)).toEqual(['listening', 'ownership', 'candour']);
    expect(parent.jargon).toHaveLength(2);
  });

  it('notes a removal that matches nothing', () => {
    const warnings: Problem[] = [];
    const entry = registry.entry('fixture-child')!;
    registry.resolveEntry(entry, warnings);
    // at the file and key that asked for it
    expect(warnings).toEqual([{ file: entry.file, line: 9, column: 1, message: 'jargon- "leverage" removes nothing: the parent has no such item' }]);
  });

  it('applies overlay keys even where the parent has no such mapping', () => {
    expect(mergeRaw({}, { star: { result: { 'cues+': ['x'] } } })).toEqual({ star: { result: { cues: ['x'] } } });
  });
});

describe('extends cycles', () => {
  it('names every rubric in the loop, at the extends line', () => {
    const registry = new RubricRegistry([src('cycle')]);
    const e = errorOf(() => registry.get('cycle-a'));
    expect(e.problems).toEqual([{ file: join(dir('cycle'), 'a.yaml'), line: 3, column: 10, message: 'extends cycle: cycle-a → cycle-b → cycle-c → cycle-a' }]);
  });

  it('reports a rubric that extends itself with nothing to shadow as a cycle', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ac-self-'));
    writeFileSync(join(tmp, 'self.yaml'), 'id: self\ntitle: Self\nextends: self\n');
    expect(errorOf(() => new RubricRegistry([tmp]).get('self')).message).toMatch(/self\.yaml:3:10: extends its own id "self", but no earlier rubric/);
  });

  it('names an unknown parent at the extends line', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ac-orphan-'));
    writeFileSync(join(tmp, 'orphan.yaml'), '# no parent\nid: orphan\ntitle: Orphan\nextends: nowhere\n');
    expect(errorOf(() => new RubricRegistry([tmp]).get('orphan')).problems[0]).toMatchObject({ line: 4, column: 10, message: expect.stringMatching(/^extends unknown rubric "nowhere"/) });
  });
});

describe('discovery and shadowing', () => {
  it('reads built-in, then user config, then ANSWER_COACH_RUBRICS, then the project config, then --rubrics-dir', () => {
    const sources = rubricSources({ env: { XDG_CONFIG_HOME: '/xdg', ANSWER_COACH_RUBRICS: ['/env1', '/env2'].join(delimiter) }, projectDirs: ['/proj'], rubricsDirs: ['/flag'] });
    expect(sources.map((s) => [s.origin, s.dir])).toEqual([
      ['built-in', BUILT_IN_DIR],
      ['user config', join('/xdg', 'answer-coach', 'rubrics')],
      ['ANSWER_COACH_RUBRICS', '/env1'],
      ['ANSWER_COACH_RUBRICS', '/env2'],
      ['project config', '/proj'],
      ['--rubrics-dir', '/flag'],
    ]);
  });

  it('uses ~/.config when XDG_CONFIG_HOME is unset', () => {
    expect(rubricSources({ env: { HOME: '/home/pat' } })[1].dir).toBe(join('/home/pat', '.config', 'answer-coach', 'rubrics'));
  });

  it('a later folder shadows by id, and a rubric that extends its own id builds on the one it shadows', () => {
    const registry = new RubricRegistry([src('overlay', 'built-in'), src('user-a', 'user config'), src('user-b')]);
    const top = registry.entry('fixture-parent')!;
    expect(top.file).toBe(join(dir('user-b'), 'fixture-parent.yaml'));
    expect(top.shadows!.file).toBe(join(dir('user-a'), 'fixture-parent.yaml'));
    expect(top.shadows!.shadows!.origin).toBe('built-in');
    const rubric = registry.get('fixture-parent');
    expect(rubric.title).toBe('What does teamwork mean to you? (team B)');
    expect(rubric.jargon.map((j) => j.phrase)).toEqual(['bandwidth']); // team A removed synergy
    expect(rubric.fillers).toEqual(['um', 'uh', 'like']); // team B added like
    // a rubric elsewhere that extends fixture-parent gets the one in use
    expect(registry.get('only-a').fillers).toEqual(['um', 'uh', 'like']);
  });

  it('--rubric PATH with its own id builds on the rubric of that id', () => {
    const registry = new RubricRegistry([src('overlay', 'built-in')]);
    const loaded = registry.load(join(dir('user-a'), 'fixture-parent.yaml'));
    expect(loaded.title).toMatch(/team A/);
    expect(loaded.jargon.map((j) => j.phrase)).toEqual(['bandwidth']);
    expect(loaded.pillars).toHaveLength(3);
    expect(registry.get('fixture-parent').jargon).toHaveLength(2); // the registry's own is untouched
  });

  it('in the other order, the other folder wins', () => {
    const registry = new RubricRegistry([src('overlay', 'built-in'), src('user-b'), src('user-a')]);
    expect(registry.get('fixture-parent').title).toMatch(/team A/);
  });

  it('skips folders that do not exist, and collects broken files instead of throwing when asked', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ac-broken-'));
    mkdirSync(join(tmp, 'r'));
    writeFileSync(join(tmp, 'r', 'bad.yaml'), 'id: bad\ntitle: Bad\nfilers: [um]\n');
    writeFileSync(join(tmp, 'r', 'twin.yaml'), 'id: fixture-child\ntitle: Twin\n');
    writeFileSync(join(tmp, 'r', 'twin2.yaml'), 'id: fixture-child\ntitle: Twin again\n');
    const sources = [src('overlay', 'built-in'), { dir: join(tmp, 'missing'), origin: '--rubrics-dir' as const }, { dir: join(tmp, 'r'), origin: '--rubrics-dir' as const }];
    expect(() => new RubricRegistry(sources)).toThrow(/bad\.yaml:3:1: unknown key "filers" \(did you mean "fillers"\?\)/);
    const lenient = new RubricRegistry(sources, { strict: false });
    expect(lenient.problems.map((p) => p.message)).toEqual(['unknown key "filers" (did you mean "fillers"?)', expect.stringMatching(/id "fixture-child" is also used by .*twin\.yaml in the same folder/)]);
    expect(lenient.entry('fixture-child')!.shadows).toBeDefined();
  });
});
