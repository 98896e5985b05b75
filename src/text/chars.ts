// Character tests by code, for loops that run over every character of an answer: the same sets
// as the regular expressions they stand for, without a string or a match made per character.

/** Whitespace as /\s/ has it. */
export const isSpaceCode = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** An ASCII digit, 0-9. */
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
