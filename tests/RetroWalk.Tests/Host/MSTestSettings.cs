using Microsoft.VisualStudio.TestTools.UnitTesting;

// Classes run side by side; more workers than cores, because the browser tests mostly wait for emulated time while the
// others compute. A class whose tests cannot share the process with others is marked [DoNotParallelize].
[assembly: Parallelize(Workers = 4, Scope = ExecutionScope.ClassLevel)]
