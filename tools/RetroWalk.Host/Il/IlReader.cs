using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace RetroWalk.Host.Il;

/// <summary>One decoded IL instruction: its offset, opcode and raw operand (a token, an integer, a branch delta...).</summary>
public readonly record struct IlInstruction(int Offset, OpCode OpCode, long Operand)
{
    /// <summary>The metadata token of a field, method, type or <c>ldtoken</c> operand; null for other operands.</summary>
    public EntityHandle? Token => OpCode.OperandType is OperandType.InlineField or OperandType.InlineMethod
        or OperandType.InlineType or OperandType.InlineTok
        ? MetadataTokens.EntityHandle((int)Operand)
        : null;

    public override string ToString() => $"IL_{Offset:x4}: {OpCode.Name}";
}

/// <summary>
/// Decodes a method body into instructions. The opcode table comes from <see cref="OpCodes"/>, so every ECMA-335
/// opcode and its operand size is known without a hand-written table.
/// </summary>
public static class IlReader
{
    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(opCode => unchecked((ushort)opCode.Value));

    private const byte TwoByteOpCodePrefix = 0xFE;

    public static IReadOnlyList<IlInstruction> Decode(MethodBodyBlock body)
    {
        var reader = body.GetILReader();
        var instructions = new List<IlInstruction>();
        while (reader.RemainingBytes > 0)
        {
            int offset = reader.Offset;
            ushort value = reader.ReadByte();
            if (value == TwoByteOpCodePrefix)
            {
                value = (ushort)((value << 8) | reader.ReadByte());
            }
            if (!OpCodesByValue.TryGetValue(value, out var opCode))
            {
                throw new BadImageFormatException($"unknown IL opcode 0x{value:x} at offset {offset}");
            }
            instructions.Add(new IlInstruction(offset, opCode, ReadOperand(ref reader, opCode.OperandType)));
        }
        return instructions;
    }

    private static long ReadOperand(ref BlobReader reader, OperandType operandType)
    {
        switch (operandType)
        {
            case OperandType.InlineNone:
                return 0;
            case OperandType.ShortInlineBrTarget:
            case OperandType.ShortInlineI:
                return reader.ReadSByte();
            case OperandType.ShortInlineVar:
                return reader.ReadByte();
            case OperandType.InlineVar:
                return reader.ReadUInt16();
            case OperandType.InlineI8:
            case OperandType.InlineR:
                return reader.ReadInt64();
            case OperandType.InlineSwitch:
                // The operand is the target count; the targets themselves are skipped.
                int count = reader.ReadInt32();
                reader.Offset += 4 * count;
                return count;
            default:
                // Tokens, 32-bit integers, branch targets and float32 bits: 4 bytes.
                return reader.ReadInt32();
        }
    }
}
