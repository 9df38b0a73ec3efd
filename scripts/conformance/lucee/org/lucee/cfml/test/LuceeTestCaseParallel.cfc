/**
 * Base of Lucee's parallel specs (written for this project): `parallel(title, body, threadCount,
 * repetitition)` is a spec whose body runs threadCount * repetitition times, one run after the
 * other (the engine has no threads), failing on the first run that fails.
 */
component extends="LuceeTestCase" {

	public any function parallel(required string title, required any body, numeric threadCount = 1, numeric repetitition = 1, any labels = "", any skip = false, struct data = {}) {
		var runs = max(1, int(arguments.threadCount)) * max(1, int(arguments.repetitition));
		var inner = arguments.body;
		return it(title = arguments.title, labels = arguments.labels, skip = arguments.skip, data = arguments.data, body = function(currentSpec) {
			for (var i = 1; i <= runs; i++) inner(currentSpec);
		});
	}
}
