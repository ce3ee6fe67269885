using Microsoft.VisualStudio.TestTools.UnitTesting;

// Test methods run side by side (each test builds its own device, tracker, server or browser context; what they share,
// the synthesized sessions, the real-data evaluation and the browser, is computed once behind a lock). More workers
// than the 2 cores: the browser tests mostly wait for emulated time while the others compute. The order is MSTest's
// own: started first with 12 workers, all twelve browser tests ran at once and their History downloads timed out.
// A test that cannot
// share the process with others (one that measures the process-wide heap) is marked [DoNotParallelize] and runs alone
// after the rest.
[assembly: Parallelize(Workers = 6, Scope = ExecutionScope.MethodLevel)]
