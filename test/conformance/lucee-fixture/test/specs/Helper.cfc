// not a spec: it does not extend LuceeTestCase, so the runner does not run it
component { function testNothing() { return 1; } }
