using RetroWalk.Core.Safety;

namespace RetroWalk.Core.Indication
{
    /// <summary>
    /// Buzzer and LED patterns, by priority: a latched fall alarm (loud, until acknowledged; after two minutes the
    /// buzzer drops to a chirp every 5 s to save the battery while the LED keeps flashing), a tilt warning (a short chirp
    /// every 2 s), the confirmation beep of a reset or a new bond, the pairing cue (three 100 ms chirps 100 ms apart:
    /// the pairing window opened; no alarm, confirmation, identify or coach cue has two single-tick chirps a tick
    /// apart), identify (3 s of beeps), otherwise silent and dark. Phases are counted from the start of each pattern;
    /// the loop samples them every ~100 ms.
    /// </summary>
    public sealed class AlarmPattern
    {
        public const int FallAlarmLoudMs = 120000;
        public const int IdentifyMs = 3000;
        public const int ConfirmBeepMs = 400;

        /// <summary>The pairing cue: <see cref="PairingChirps"/> chirps of one loop tick, one tick apart.</summary>
        public const int PairingChirpMs = 100;
        public const int PairingChirps = 3;
        public const int PairingCueMs = (2 * PairingChirps - 1) * PairingChirpMs;

        private AlarmLevel _level;
        private long _levelStartMs;
        private long _identifyUntilMs = long.MinValue;
        private long _identifyStartMs;
        private long _confirmUntilMs = long.MinValue;
        private long _pairingCueStartMs;
        private long _pairingCueUntilMs = long.MinValue;

        public bool Buzzer { get; private set; }

        public bool Led { get; private set; }

        public void StartIdentify(long nowMs)
        {
            _identifyStartMs = nowMs;
            _identifyUntilMs = nowMs + IdentifyMs;
        }

        public void StartConfirmBeep(long nowMs)
        {
            _confirmUntilMs = nowMs + ConfirmBeepMs;
        }

        /// <summary>The pairing window opened (docs/ble.md, Pairing).</summary>
        public void StartPairingCue(long nowMs)
        {
            _pairingCueStartMs = nowMs;
            _pairingCueUntilMs = nowMs + PairingCueMs;
        }

        /// <summary>Computes the outputs for <paramref name="nowMs"/>; true when either changed.</summary>
        public bool Update(AlarmLevel level, long nowMs)
        {
            if (level != _level)
            {
                _level = level;
                _levelStartMs = nowMs;
            }

            long phase = nowMs - _levelStartMs;
            bool buzzer;
            bool led;
            if (level == AlarmLevel.FallAlarm)
            {
                buzzer = phase < FallAlarmLoudMs ? phase % 1000 < 600 : phase % 5000 < 200;
                led = phase % 200 < 100;
            }
            else if (level == AlarmLevel.TiltWarning)
            {
                buzzer = phase % 2000 < 100;
                led = phase % 1000 < 500;
            }
            else if (nowMs < _confirmUntilMs)
            {
                buzzer = true;
                led = true;
            }
            else if (nowMs < _pairingCueUntilMs && nowMs >= _pairingCueStartMs)
            {
                buzzer = (nowMs - _pairingCueStartMs) % (2 * PairingChirpMs) < PairingChirpMs;
                led = buzzer;
            }
            else if (nowMs < _identifyUntilMs)
            {
                buzzer = (nowMs - _identifyStartMs) % 500 < 250;
                led = buzzer;
            }
            else
            {
                buzzer = false;
                led = false;
            }

            bool changed = buzzer != Buzzer || led != Led;
            Buzzer = buzzer;
            Led = led;
            return changed;
        }
    }
}
