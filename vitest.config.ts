import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // @inquirer's packages must be inlined, or @inquirer/testing cannot replace the terminal
    server: { deps: { inline: [/@inquirer\//] } },
    testTimeout: 20_000,
  },
});
