using RetroWalk.Core.Bytes;


namespace RetroWalk.Core.Ble
{
    /// <summary>
    /// Control Point requests and responses (docs/ble.md, "Control Point"). A request is an op code followed by
    /// exactly the parameters that op takes; the device answers every write with a notification
    /// <c>0x80 | request op | status</c> (<see cref="ControlStatus"/>), as the FTMS Fitness Machine Control Point answers (response op 0x80; not RSC's 0x10, our Request History op).
    /// </summary>
    public static class ControlPointCodec
    {
        public const byte ResponseCode = 0x80;
        public const int ResponseLength = 3;

        /// <summary>Longest request: op + u32 epoch (Request History).</summary>
        public const int MaxRequestLength = 5;

        /// <summary>
        /// Decodes a request. Returns <see cref="ControlStatus.Ok"/> with the op and its argument (0 if it takes
        /// none); <see cref="ControlStatus.Unsupported"/> for an unknown op; <see cref="ControlStatus.BadParameter"/>
        /// for an empty write or a parameter length that does not match the op. <paramref name="op"/> is the first
        /// byte whenever there is one, so the response can echo it.
        /// </summary>
        public static byte DecodeRequest(byte[] src, int offset, int length, out byte op, out uint argument)
        {
            op = 0;
            argument = 0;
            if (length < 1 || !StatusCodec.Fits(src, offset, length))
            {
                return ControlStatus.BadParameter;
            }

            op = src[offset];
            int expected = RequestLength(op);
            if (expected == 0)
            {
                return ControlStatus.Unsupported;
            }

            if (length != expected)
            {
                return ControlStatus.BadParameter;
            }

            if (expected == 5)
            {
                argument = LittleEndian.GetU32(src, offset + 1);
            }

            return ControlStatus.Ok;
        }

        /// <summary>Total request length for <paramref name="op"/>, or 0 if the op is unknown.</summary>
        public static int RequestLength(byte op)
        {
            switch (op)
            {
                case ControlOp.ResetCounts:
                case ControlOp.AcknowledgeAlarm:
                case ControlOp.Identify:
                case ControlOp.RecaptureUpright:
                case ControlOp.StartRecording:
                case ControlOp.StopRecording:
                    return 1;
                case ControlOp.RequestHistory:
                case ControlOp.RequestSessions:
                    return 5;
                default:
                    return 0;
            }
        }

        /// <summary>Encodes a request as a phone writes it (the argument is sent only for ops that take one).</summary>
        public static int EncodeRequest(byte op, uint argument, byte[] dst, int offset)
        {
            int length = RequestLength(op);
            if (length == 0 || !StatusCodec.Fits(dst, offset, length))
            {
                return 0;
            }

            dst[offset] = op;
            if (length == 5)
            {
                LittleEndian.PutU32(dst, offset + 1, argument);
            }

            return length;
        }

        public static int EncodeResponse(byte op, byte status, byte[] dst, int offset)
        {
            if (!StatusCodec.Fits(dst, offset, ResponseLength))
            {
                return 0;
            }

            dst[offset] = ResponseCode;
            dst[offset + 1] = op;
            dst[offset + 2] = status;
            return ResponseLength;
        }

        /// <summary>Decodes a response as a phone does: 3 bytes, the first 0x80, a known status code.</summary>
        public static byte DecodeResponse(byte[] src, int offset, int length, out byte op, out byte status)
        {
            op = 0;
            status = 0;
            if (!StatusCodec.Exact(src, offset, length, ResponseLength))
            {
                return CodecStatus.BadLength;
            }

            byte code = src[offset + 2];
            if (src[offset] != ResponseCode || code < ControlStatus.Ok || code > ControlStatus.Failed)
            {
                return CodecStatus.OutOfRange;
            }

            op = src[offset + 1];
            status = code;
            return CodecStatus.Ok;
        }
    }
}
