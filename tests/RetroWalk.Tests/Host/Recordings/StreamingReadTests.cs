using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RetroWalk.Core.Config;
using RetroWalk.Host.Evaluation;
using RetroWalk.Host.Recordings;
using RetroWalk.Host.Synthesis;

namespace RetroWalk.Tests.Host.Recordings
{
    /// <summary>
    /// Readers stream (issue 11): a recording of any length is read and evaluated in memory that does not grow with its
    /// length; what spills to disk reads back exactly, forward and backward.
    /// </summary>
    [TestClass]
    public class StreamingReadTests
    {
        private static RawSample Pattern(int i) =>
            new RawSample((short)(4096 + i % 1500), (short)(i % 777 - 300), (short)(i % 331), (short)(i % 97), (short)-(i % 50), (short)(i % 7));

        private static string WriteLong(TempFolder folder, string name, int samples)
        {
            var path = Path.Combine(folder.Path, name);
            RetroWalkCsv.Write(path, RetroWalkCsvHeader.For(new TrackerConfig()), Enumerable.Range(0, samples).Select(Pattern));
            return path;
        }

        /// <summary>Managed bytes still reachable while the recording is held (nothing else runs: DoNotParallelize).</summary>
        private static long RetainedBytes(string path, out Recording recording)
        {
            long before = GC.GetTotalMemory(forceFullCollection: true);
            recording = RetroWalkCsv.Read(path, Path.GetFileName(path));
            long after = GC.GetTotalMemory(forceFullCollection: true);
            return after - before;
        }

        [TestMethod]
        [DoNotParallelize]
        public void AHeldRecordingDoesNotGrowWithItsLength()
        {
            using var folder = new TempFolder();
            const int shortSamples = 150_000, longSamples = 600_000;
            var shortPath = WriteLong(folder, "short.csv", shortSamples);
            var longPath = WriteLong(folder, "long.csv", longSamples);
            long shortBytes = RetainedBytes(shortPath, out var shortRecording);
            long longBytes = RetainedBytes(longPath, out var longRecording);
            Assert.AreEqual(shortSamples, shortRecording.Samples.Count);
            Assert.AreEqual(longSamples, longRecording.Samples.Count);
            // Held as an array, the 450,000 extra samples would retain 450,000 × 56 bytes = 25 MB more.
            long growthInMemory = (longSamples - shortSamples) * 56L;
            Assert.IsLessThan(growthInMemory / 4, longBytes - shortBytes,
                $"retained {shortBytes / 1e6:0.0} MB for {shortSamples} samples, {longBytes / 1e6:0.0} MB for {longSamples}");
            var last = longRecording.Samples[longSamples - 1];
            Assert.AreEqual((longSamples - 1) / 100.0, last.TimeS, 1e-9, "the last sample reads back from the spill file");
            GC.KeepAlive(shortRecording);
        }

        [TestMethod]
        public void SpilledSamplesReadBackExactlyForwardBackwardAndAtRandom()
        {
            using var store = new SampleStore();
            int n = SampleStore.ChunkSamples * (SampleStore.InMemoryChunks + 3) + 123;
            for (var i = 0; i < n; i++)
            {
                store.Add(new MotionSample(i * 0.01, i, -i, i * 0.5, 1e-3 * i, 7, -7));
            }
            Assert.AreEqual(n, store.Count);
            var j = 0;
            foreach (var s in store)
            {
                Assert.AreEqual((double)j++, s.Ax);
            }
            Assert.AreEqual(n, j);
            for (var i = n - 1; i >= 0; i -= 997)
            {
                Assert.AreEqual((double)-i, store[i].Ay);
            }
            var random = new Random(5);
            for (var k = 0; k < 2000; k++)
            {
                var i = random.Next(n);
                Assert.AreEqual(i * 0.5, store[i].Az);
            }
            Assert.IsLessThanOrEqualTo((long)(SampleStore.InMemoryChunks + 1 + SampleStore.CachedChunks) * SampleStore.ChunkSamples * 56, store.ResidentBytes);
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => store[n]);
        }

        [TestMethod]
        public void AReversedCopyOfASpilledRecordingIsTheRecordingBackwards()
        {
            using var store = new SampleStore();
            int n = SampleStore.ChunkSamples * (SampleStore.InMemoryChunks + 1) + 5;
            for (var i = 0; i < n; i++)
            {
                store.Add(new MotionSample(i * 0.005, i, 0, 0, i, 0, 0));
            }
            var info = new RecordingInfo { Dataset = SisFallReader.DatasetName, File = "x", Reversed = false };
            var reversed = new Recording(info, store, hasGyro: true).TimeReversed();
            Assert.AreEqual(n, reversed.Samples.Count);
            var k = 0;
            foreach (var s in reversed.Samples)
            {
                Assert.AreEqual((double)(n - 1 - k), s.Ax);
                Assert.AreEqual(-(double)(n - 1 - k), s.Gx);
                Assert.AreEqual(k * 0.005, s.TimeS, 1e-9);
                k++;
            }
        }

        [TestMethod]
        public void AStreamedEvaluationCountsWhatAnInMemoryOneCounts()
        {
            using var folder = new TempFolder();
            var config = new TrackerConfig();
            // A synthesized walk repeated past the in-memory chunks, so part of it is read back from the spill file.
            var walk = SessionSynthesizer.Plan("short", config.Sensor, 3).Samples().ToArray();
            int repeats = SampleStore.ChunkSamples * (SampleStore.InMemoryChunks + 1) / walk.Length + 1;
            var path = Path.Combine(folder.Path, "walks.csv");
            RetroWalkCsv.Write(path, RetroWalkCsvHeader.For(config), Enumerable.Repeat(walk, repeats).SelectMany(w => w));
            var streamed = RetroWalkCsv.Read(path, "walks.csv");
            Assert.IsInstanceOfType<SampleStore>(streamed.Samples);
            var inMemory = new Recording(streamed.Info, streamed.Samples.ToArray(), streamed.HasGyro);
            var a = Evaluator.Run(streamed, config);
            var b = Evaluator.Run(inMemory, config);
            Assert.AreEqual(walk.Length * repeats, a.DeviceSamples);
            Assert.AreEqual(b.ForwardSteps, a.ForwardSteps);
            Assert.AreEqual(b.BackwardSteps, a.BackwardSteps);
            Assert.IsGreaterThan(100 * repeats, a.ForwardSteps + a.BackwardSteps, "the walks are counted");
        }

        [TestMethod]
        public void ConversionIsLazy()
        {
            var source = new CountingSamples(10_000_000, 400);
            var recording = new Recording(new RecordingInfo { Dataset = "x", File = "x" }, source, hasGyro: true);
            var first = DeviceConverter.StreamRaw(recording, new SensorConfig()).Take(100).ToArray();
            Assert.HasCount(100, first);
            Assert.IsLessThan(2_000, source.MaxIndexRead, "only the start of the source is read for the first 100 device samples");
        }

        /// <summary>A long source computed on demand, remembering how far it was read.</summary>
        private sealed class CountingSamples : System.Collections.Generic.IReadOnlyList<MotionSample>
        {
            private readonly double _rateHz;

            public CountingSamples(int count, double rateHz)
            {
                Count = count;
                _rateHz = rateHz;
            }

            public int Count { get; }
            public int MaxIndexRead { get; private set; }

            public MotionSample this[int index]
            {
                get
                {
                    if (index < Count - 1)
                    {
                        MaxIndexRead = Math.Max(MaxIndexRead, index);
                    }
                    return new MotionSample(index / _rateHz, 1, 0, 0, 0, 0, 0);
                }
            }

            public System.Collections.Generic.IEnumerator<MotionSample> GetEnumerator()
            {
                for (var i = 0; i < Count; i++)
                {
                    yield return this[i];
                }
            }

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
