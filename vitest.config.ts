import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The fault tests (200 kills, a killed broadcast, the fuzz) take minutes on one worker; started last,
 * as a clean clone with no timing cache would, they ran alone at the end. Started first, the other
 * worker gets through the rest meanwhile. (A class because vitest asks for a constructor here.)
 */
class FaultTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isFault = (file: TestSpecification) => /[\\/]test[\\/]fault[\\/]/.test(file.moduleId);
    return [...sorted.filter(isFault), ...sorted.filter((file) => !isFault(file))];
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Core tests open real SQLite files; two workers match the CI machine.
    maxWorkers: 2,
    sequence: { sequencer: FaultTestsFirst },
  },
});
