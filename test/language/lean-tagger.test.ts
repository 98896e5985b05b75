// wink-nlp's tagger (wink-eng-lite-web-model 1.8, in a fresh process) read these texts so; the lean
// tagger, which runs its rules over a lexicon generated from its model, must read them alike.
import { describe, expect, it } from 'vitest';
import { tagText } from '../../src/language/tagger.js';

const WINK: { text: string; words: string; sentences: [number, number][] }[] = [
  {
    "text": "I didn't think we'd finish, but I'm glad we did. Mr. Lee said it's the company's best month.",
    "words": "I/PRON/i did/AUX/do n't/PART/not think/VERB/think we/PRON/we 'd/AUX/would finish/VERB/finish ,/PUNCT/, but/CCONJ/but I'm/PROPN/i'm glad/ADJ/glad we/PRON/we did/AUX/do ./PUNCT/. Mr./PROPN/mr. Lee/PROPN/lee said/VERB/say it/PRON/it 's/AUX/be the/DET/the company/NOUN/company 's/PART/'s best/ADJ/good month/NOUN/month ./PUNCT/.",
    "sentences": [
      [
        0,
        48
      ],
      [
        49,
        92
      ]
    ]
  },
  {
    "text": "We cannot wait: the follow-up e-mail went out at 9am on May 5th, and 80% of U.S. customers replied.",
    "words": "We/PRON/we can/AUX/can not/PART/not wait/VERB/wait :/PUNCT/: the/DET/the follow/VERB/follow -/PUNCT/- up/ADP/up e-mail/NOUN/e-mail went/VERB/go out/ADP/out at/ADP/at 9am/SYM/9am on/ADP/on May/NOUN/may 5th/ADJ/5th ,/PUNCT/, and/CCONJ/and 80/NUM/80 %/SYM/% of/ADP/of U.S./PROPN/u.s. customers/NOUN/customer replied/VERB/reply ./PUNCT/.",
    "sentences": [
      [
        0,
        99
      ]
    ]
  },
  {
    "text": "Getting there wasn't easy. Canada's office (the one in New York) re-opened in the '90s... I led it!",
    "words": "Getting/VERB/get there/PRON/there was/AUX/be n't/PART/not easy/ADJ/easy ./PUNCT/. Canada/PROPN/Canada 's/PART/'s office/NOUN/office (/PUNCT/( the/DET/the one/NUM/one in/ADP/in New/PROPN/new York/PROPN/York )/PUNCT/) re-opened/VERB/re-opened in/ADP/in the/DET/the '90s/NOUN/'90s .../PUNCT/... I/PRON/i led/VERB/lead it/PRON/it !/PUNCT/!",
    "sentences": [
      [
        0,
        26
      ],
      [
        27,
        99
      ]
    ]
  },
  {
    "text": "\"Can you help?\" she asked.\nI said yes — and I worked late.",
    "words": "\"/PUNCT/\" Can/AUX/can you/PRON/you help/VERB/help ?/PUNCT/? \"/PUNCT/\" she/PRON/she asked/VERB/ask ./PUNCT/. I/PRON/i said/VERB/say yes/INTJ/yes —/PUNCT/— and/CCONJ/and I/PRON/i worked/VERB/work late/ADJ/late ./PUNCT/.",
    "sentences": [
      [
        0,
        15
      ],
      [
        16,
        26
      ],
      [
        27,
        58
      ]
    ]
  }
];

describe('the lean tagger reads as wink does', () => {
  for (const { text, words, sentences } of WINK) {
    it(JSON.stringify(text.slice(0, 40)), () => {
      const r = tagText(text);
      expect(r.starts.map((s, i) => `${text.slice(s, r.ends[i])}/${r.pos[i]}/${r.lemmas[i]}`).join(' ')).toBe(words);
      expect(r.sentences).toEqual(sentences);
    });
  }
});

describe('the generated lexicon', () => {
  it('is the one the installed model gives (scripts/gen-lexicon.mjs --check)', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['scripts/gen-lexicon.mjs', '--check'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('gen-lexicon: up to date');
  }, 30_000);
});
