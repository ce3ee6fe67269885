using Microsoft.VisualStudio.TestTools.UnitTesting;

// Test methods run side by side (each test builds its own device, tracker, server or browser context; what they share,
// the synthesized sessions, the real-data evaluation and the browser, is computed once behind a lock). More workers
// than the 2 cores: the soak and the browser tests start first (RetroWalk.Tests.csproj) and hold a worker each, the
// browser tests mostly waiting for emulated time, so that the rest keep computing beside them. A test that cannot
// share the process with others (one that measures the process-wide heap) is marked [DoNotParallelize] and runs alone
// after the rest.
[assembly: Parallelize(Workers = 12, Scope = ExecutionScope.MethodLevel)]
