namespace RetroWalk.Core.Storage
{
    /// <summary>Why a stored state record was rejected.</summary>
    public enum StateError : byte
    {
        None = 0,
        Empty = 1,
        ReadFailed = 2,
        WrongSize = 3,
        BadMagic = 4,
        NewerVersion = 5,
        BadChecksum = 6,
        BadValue = 7,
    }
}
