namespace RetroWalk.Dashboard;

/// <summary>The answer to one GATT request: the value read (if any), or the ATT error code (0 = success).</summary>
public readonly record struct GattResult(byte AttError, byte[]? Value = null)
{
    public static GattResult Ok(byte[]? value = null) => new(0, value);

    public bool Success => AttError == 0;
}
