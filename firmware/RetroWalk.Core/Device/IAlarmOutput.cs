namespace RetroWalk.Core.Device
{
    /// <summary>The buzzer and the alarm LED. The loop decides the patterns and calls this only when a state changes.</summary>
    public interface IAlarmOutput
    {
        void Set(bool buzzerOn, bool ledOn);
    }
}
