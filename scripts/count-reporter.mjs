// Ends the browser test run with one plain line, "N passed, N failed", and fails a run in
// which no test ran at all (a broken glob must never look like a green build).
export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const count = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        suite.suites.forEach(count);
      };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        // A file that failed to load has errors but no results: count it as a failure.
        else if (session.errors?.length) failed += 1;
      }
      console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
      if (passed + failed === 0) {
        console.error('No test ran: failing the run.');
        process.exit(1);
      }
    },
  };
}
