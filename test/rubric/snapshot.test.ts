import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { parseAnswer } from '../../src/answer/index.js';
import { BUILT_IN_DIR, RubricRegistry, writeRubricSnapshot } from '../../src/rubric/registry.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { errorOf } from './error-of.js';

/** A copy of the built-in rubrics and a snapshot of it, as `npm run build` makes for the real folder. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), 'answer-coach-snapshot-'));
  const dir = join(root, 'rubrics');
  cpSync(BUILT_IN_DIR, dir, { recursive: true });
  const file = join(root, 'built-in-rubrics.json');
  const written = writeRubricSnapshot(dir, file);
  const open = () => new RubricRegistry([dir], { snapshot: { dir, file } });
  const fromYaml = () => new RubricRegistry([dir], { snapshot: null });
  /** Changes what the snapshot says customer-service's title is, leaving the file it was made from as it is. */
  const tamper = (title: string) => {
    const snap = JSON.parse(readFileSync(file, 'utf8'));
    snap.files.find((f: { id: string }) => f.id === 'customer-service').raw.title = title;
    writeFileSync(file, JSON.stringify(snap));
  };
  return { dir, file, written, open, fromYaml, tamper };
}


describe('built-in rubric snapshot', () => {
  it('gives the same rubrics and the same reports as parsing the YAML', () => {
    const { open, fromYaml, written } = setup();
    expect(written).toEqual({ files: 5, problems: [] });
    const snap = open();
    const yaml = fromYaml();
    expect(snap.ids()).toEqual(yaml.ids());
    for (const id of yaml.ids()) {
      expect(snap.get(id)).toEqual(yaml.get(id));
      expect(snap.entry(id)).toEqual(yaml.entry(id));
    }
    const answer = parseAnswer(readFileSync(new URL('../../examples/customer-service-strong.txt', import.meta.url), 'utf8'), 'text');
    expect(analyze(answer, snap.get('customer-service'))).toEqual(analyze(answer, yaml.get('customer-service')));
  });

  it("carries the stems of the rubrics' words, exactly as natural's Porter stemmer gives them", () => {
    const { file } = setup();
    const snap = JSON.parse(readFileSync(file, 'utf8')) as { stems: Record<string, string>; naturalVersion: string };
    expect(Object.keys(snap.stems).length).toBeGreaterThan(500);
    expect(snap.stems['listened']).toBe('listen');
    for (const [word, stem] of Object.entries(snap.stems)) expect(stem, word).toBe(PorterStemmer.stem(word.replace(/'s$/, '')));
    expect(snap.naturalVersion).toMatch(/^\d+\.\d+/);
  });

  it('is used while the rubric files are unchanged', () => {
    const { open, tamper } = setup();
    tamper('From the snapshot');
    expect(open().get('customer-service').title).toBe('From the snapshot');
  });

  it('is ignored for a rubric whose file was edited after the build, and only for that one', () => {
    const { dir, open, fromYaml, tamper } = setup();
    tamper('From the snapshot');
    const file = join(dir, 'customer-service.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited by hand'));
    const registry = open();
    expect(registry.get('customer-service').title).toBe('Edited by hand');
    expect(registry.get('behavioral')).toEqual(fromYaml().get('behavioral'));
    // even an edit that changes nothing the rubric says (a comment) is read from the file
    appendFileSync(join(dir, 'base.yaml'), '\n# a note\n');
    expect(open().get('customer-service').title).toBe('Edited by hand');
  });

  it('an edited rubric that is now invalid is reported at its file:line:col, as without a snapshot', () => {
    const { dir, open, fromYaml } = setup();
    appendFileSync(join(dir, 'behavioral.yaml'), '\npilars: []\n');
    const withSnapshot = errorOf(open).problems;
    expect(withSnapshot).toEqual(errorOf(fromYaml).problems);
    expect(withSnapshot).toEqual([expect.objectContaining({ file: join(dir, 'behavioral.yaml'), line: expect.any(Number), column: 1, message: expect.stringContaining('unknown key "pilars"') })]);
  });

  it('is ignored when another validator made it', () => {
    const { file, open, tamper } = setup();
    tamper('From the snapshot');
    const snap = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...snap, code: `${snap.code} (older)` }));
    expect(open().get('customer-service').title).not.toBe('From the snapshot');
  });

  it('still applies when the YAML parser was installed somewhere other than where the build found it', () => {
    const { file, open, tamper } = setup();
    tamper('From the snapshot');
    const snap = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...snap, yamlPackage: 'moved/yaml/package.json' }));
    expect(open().get('customer-service').title).toBe('From the snapshot');
  });

  it('applies only to the folder it was made for', () => {
    const { file, tamper } = setup();
    tamper('From the snapshot');
    const other = setup();
    expect(new RubricRegistry([other.dir], { snapshot: { dir: join(other.dir, '..', 'elsewhere'), file } }).get('customer-service').title).not.toBe('From the snapshot');
  });

  it('is not written when a rubric is invalid, and an old one is removed', () => {
    const { dir, file } = setup();
    expect(existsSync(file)).toBe(true);
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\ntitle: [\n');
    const { files, problems } = writeRubricSnapshot(dir, file);
    expect(files).toBe(0);
    expect(problems[0]).toMatchObject({ file: join(dir, 'broken.yaml'), line: expect.any(Number) });
    expect(existsSync(file)).toBe(false);
  });
});
