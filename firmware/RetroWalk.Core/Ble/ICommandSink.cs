namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Takes decoded Control Point commands from the BLE side (another thread on the device) and hands them to the
    /// device loop, which applies them between sample batches. Returns a <see cref="ControlStatus"/> code.
    /// </summary>
    public interface ICommandSink
    {
        byte Submit(byte op, uint argument);
    }
}
