using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace RetroWalk.Tests.Host.Recordings
{
    /// <summary>ipol-gait trials written by the tests: a trunk file in the dataset's layout and its metadata JSON.</summary>
    internal static class IpolGaitFixtures
    {
        public const string Header = "Acquisition frequency: 100 Hz\nPacketCounter\tAcc_X\tAcc_Y\tAcc_Z\tGyr_X\tGyr_Y\tGyr_Z\tMag_X\tMag_Y\tMag_Z\n";

        /// <summary>A trunk file: one row per packet counter given, each with the values <paramref name="row"/> returns (acc m/s², gyro rad/s).</summary>
        public static string Trunk(IEnumerable<int> counters, Func<int, double[]> row)
        {
            var text = new StringBuilder(Header);
            foreach (var c in counters)
            {
                var v = row(c);
                text.Append(((double)c).ToString("0.0", CultureInfo.InvariantCulture));
                foreach (var x in v)
                {
                    text.Append('\t').Append(x.ToString("0.######", CultureInfo.InvariantCulture));
                }
                text.Append("\t-0.29\t0.07\t-0.80\n");
            }
            return text.ToString();
        }

        /// <summary>Standing still: +9.5 m/s² on x (up), +3 on z (the pitch of the lower back), no rotation.</summary>
        public static string StandingTrunk(int samples) =>
            Trunk(Enumerable.Range(0, samples), c => new[] { 9.5, 0.1, 3.0, 0.0, 0.0, 0.0 });

        /// <summary>Metadata with the given footsteps ([toe-off, heel-strike] pairs) of each foot.</summary>
        public static string Metadata(int subject, int trial, int age, int[][] left, int[][] right, int[] walk = null, int[] turn = null)
        {
            static string Pairs(int[][] pairs) => "[" + string.Join(", ", pairs.Select(p => $"[{p[0]}, {p[1]}]")) + "]";
            var text = new StringBuilder();
            text.Append($"{{\"Subject\": {subject}, \"Trial\": {trial}, \"Filename\": \"{subject}-{trial}\", \"Age\": {age}, \"Gender\": \"F\", ");
            text.Append("\"Height\": 170.0, \"Weight\": 70.0, ");
            text.Append($"\"TrialBoundaries\": [{(walk ?? new[] { 10, 190 })[0]}, {(walk ?? new[] { 10, 190 })[1]}], ");
            text.Append($"\"UTurnBoundaries\": [{(turn ?? new[] { 90, 110 })[0]}, {(turn ?? new[] { 90, 110 })[1]}], ");
            text.Append($"\"LeftFootEvents\": {Pairs(left)}, \"RightFootEvents\": {Pairs(right)}}}");
            return text.ToString();
        }

        /// <summary>Three left and two right footsteps, heel strikes at samples 60, 80, 100, 120, 140.</summary>
        public static string FiveStepMetadata(int subject = 7, int trial = 3, int age = 75) => Metadata(subject, trial, age,
            new[] { new[] { 40, 60 }, new[] { 80, 100 }, new[] { 120, 140 } },
            new[] { new[] { 60, 80 }, new[] { 100, 120 } });
    }
}
