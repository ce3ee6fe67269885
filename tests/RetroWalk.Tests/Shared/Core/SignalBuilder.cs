using RetroWalk.Core;
using RetroWalk.Core.Dsp;

namespace RetroWalk.Tests.Core
{
    /// <summary>
    /// Builds raw MPU6050 samples for the core tests without floating point (the device build has no System.Math):
    /// gravity along device +X (upright on the default belt clip), +Z forward, 4096 counts per g, 100 Hz.
    /// </summary>
    public static class SignalBuilder
    {
        public const int G = 4096;
        public const int Rate = 100;

        private static uint _noise = 12345;

        /// <summary>sin of an angle in thousandths of a degree, in Q14, from the core's cosine table (linear interpolation).</summary>
        public static int SinQ14(int milliDeg)
        {
            return CosQ14(milliDeg - 90000);
        }

        public static int CosQ14(int milliDeg)
        {
            int m = milliDeg % 360000;
            if (m < 0)
            {
                m += 360000;
            }

            if (m > 180000)
            {
                m = 360000 - m;
            }

            int whole = m / 1000;
            int frac = m % 1000;
            int a = AngleTable.CosDegQ14(whole);
            int b = AngleTable.CosDegQ14(whole + 1);
            return a + (b - a) * frac / 1000;
        }

        /// <summary>Small deterministic noise in counts (about ±8 mg).</summary>
        public static int Noise()
        {
            _noise = _noise * 1664525u + 1013904223u;
            return (int)((_noise >> 16) & 63) - 32;
        }

        public static void Still(Tracker t, int samples)
        {
            Lean(t, samples, 0, 0);
        }

        /// <summary>
        /// Standing with the trunk tilted by <paramref name="degrees"/>: towards the back when <paramref name="sideways"/>
        /// is 0 (the measured "up" gains a forward component), to the side when it is 1.
        /// </summary>
        public static void Lean(Tracker t, int samples, int degrees, int sideways)
        {
            Tilted(t, samples, degrees, sideways, 1000);
        }

        /// <summary>
        /// Turns the trunk from <paramref name="fromDeg"/> towards <paramref name="toDeg"/> in steps of
        /// <paramref name="stepDeg"/>, <paramref name="samplesPerStep"/> samples at each angle (a movement, not a fall: 1 g).
        /// </summary>
        public static void Turn(Tracker t, int fromDeg, int toDeg, int stepDeg, int samplesPerStep, int sideways)
        {
            for (int d = fromDeg; d <= toDeg; d += stepDeg)
            {
                Lean(t, samplesPerStep, d, sideways);
            }
        }

        /// <summary>
        /// Like <see cref="Lean"/> with the measured acceleration scaled to <paramref name="milliG"/>: below 1000 the
        /// body is losing support (falling), above it is being pushed up or hit.
        /// </summary>
        public static void Tilted(Tracker t, int samples, int degrees, int sideways, int milliG)
        {
            int c = AngleTable.CosDegQ14(degrees);
            int s = AngleTable.CosDegQ14(90 - degrees);
            int magnitude = G * milliG / 1000;
            for (int i = 0; i < samples; i++)
            {
                int up = (magnitude * c) >> 14;
                int tilt = (magnitude * s) >> 14;
                Feed(t, up + Noise(), sideways == 1 ? tilt : Noise(), sideways == 1 ? Noise() : tilt);
            }
        }

        /// <summary>
        /// Walking at <paramref name="stepsPerMinute"/>: vertical acceleration swings once per step with amplitude
        /// <paramref name="verticalMilliG"/> (starting and ending at zero, so n periods are n steps); the forward
        /// acceleration is a quarter period away (inverted pendulum: slowing while rising,
        /// <paramref name="travel"/> = +1 forward, -1 backward; for running pass the opposite sign, spring-mass).
        /// Optionally leaning back by <paramref name="leanDeg"/>.
        /// </summary>
        public static void Walk(Tracker t, int steps, int stepsPerMinute, int verticalMilliG, int travel, int leanDeg)
        {
            int samplesPerStep = 60 * Rate / stepsPerMinute;
            int amplitude = verticalMilliG * G / 1000;
            int forwardAmplitude = amplitude / 2;
            int c = AngleTable.CosDegQ14(leanDeg);
            int s = AngleTable.CosDegQ14(90 - leanDeg);
            for (int i = 0; i < steps * samplesPerStep; i++)
            {
                int phase = (int)((long)i * 360000 / samplesPerStep);
                int vertical = (amplitude * SinQ14(phase)) >> 14;
                int forward = travel * ((forwardAmplitude * CosQ14(phase)) >> 14);
                int up = G + vertical;
                // Rotate the body-frame (up, forward) pair by the lean into the device frame.
                int x = (up * c - forward * s) >> 14;
                int z = (up * s + forward * c) >> 14;
                Feed(t, x + Noise(), Noise(), z + Noise());
            }
        }

        /// <summary>A short jolt of <paramref name="milliG"/> along +X lasting <paramref name="samples"/>.</summary>
        public static void Jolt(Tracker t, int milliG, int samples)
        {
            for (int i = 0; i < samples; i++)
            {
                Feed(t, ClampShort(milliG * G / 1000), Noise(), Noise());
            }
        }

        public static void Feed(Tracker t, int ax, int ay, int az)
        {
            t.Process(ClampShort(ax), ClampShort(ay), ClampShort(az), 0, 0, 0);
        }

        public static short ClampShort(int v)
        {
            return (short)(v > 32767 ? 32767 : (v < -32768 ? -32768 : v));
        }
    }
}
