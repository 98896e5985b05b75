import { describe, expect, it } from 'vitest';
import { decodeAnswer } from '../../src/batch/read-answer.js';

describe('decodeAnswer', () => {
  it('decodes each file on its own: a bad or cut-off file before it changes nothing', () => {
    const good = Buffer.from(' I called the customer back — “same day”.\n', 'utf8');
    const alone = decodeAnswer(good);
    expect(alone.text).toBe(good.toString('utf8'));
    // invalid UTF-8, then a file that ends inside a character, then the good one again
    expect(decodeAnswer(Buffer.from([0x49, 0x20, 0xe9, 0x74, 0xe9]))).toEqual({ problem: 'not valid UTF-8 text (save the file as UTF-8)' });
    expect(decodeAnswer(Buffer.concat([Buffer.from('I said '), Buffer.from('“', 'utf8').subarray(0, 2)])).problem).toMatch(/not valid UTF-8/);
    expect(decodeAnswer(good)).toEqual(alone);
    // a byte-order mark is no part of the text (the decoder drops it)
    expect(decodeAnswer(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Hi there.')])).text).toBe('Hi there.');
  });
});
