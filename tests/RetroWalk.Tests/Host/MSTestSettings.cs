using Microsoft.VisualStudio.TestTools.UnitTesting;

// Test methods run side by side (each test builds its own device, tracker, server or browser context; what they share,
// the synthesized sessions, the real-data evaluation and the browser, is computed once behind a lock). More workers
// than the 2 cores: the browser tests mostly wait for emulated time while the others compute. (Starting the soak and
// the browser tests first, with 12 workers, ran all twelve browser tests at once: History downloads then timed out in
// CI runs, so the order is MSTest's own again.) A test that cannot
// share the process with others (one that measures the process-wide heap) is marked [DoNotParallelize] and runs alone
// after the rest.
[assembly: Parallelize(Workers = 6, Scope = ExecutionScope.MethodLevel)]
