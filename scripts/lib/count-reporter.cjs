// Mocha reporter: mocha's spec output for people, plus the counts written as JSON to SES_TEST_COUNTS_FILE
// (taken from the runner's events, never parsed from the human summary).
const fs = require('node:fs');
const Mocha = require('mocha');

const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const counts = { passed: 0, failed: 0, pending: 0, finished: false };
    const file = process.env.SES_TEST_COUNTS_FILE;
    const write = () => { if (file) fs.writeFileSync(file, JSON.stringify(counts)); };
    runner.on(EVENT_RUN_BEGIN, write);
    runner.on(EVENT_TEST_PASS, () => { counts.passed++; });
    runner.on(EVENT_TEST_FAIL, () => { counts.failed++; write(); });
    runner.on(EVENT_TEST_PENDING, () => { counts.pending++; });
    runner.once(EVENT_RUN_END, () => { counts.finished = true; write(); });
  }
}

module.exports = CountReporter;
