using System.Reflection;
using System.Reflection.Emit;

namespace RetroWalk.Host.Il;

/// <summary>
/// Counts the IL instructions the device would execute: a small interpreter for the integer IL subset the portable core
/// uses, running on the real objects (fields read and written through reflection), so every branch goes the way it
/// goes on the ESP32. nanoFramework interprets IL, so this count is the device's cost measure. Calls into the core are
/// interpreted and counted; calls outside it run natively and count as one instruction. Anything outside the subset
/// throws <see cref="NotSupportedException"/> naming the opcode, so a figure is never silently wrong.
/// </summary>
public sealed class IlStepCounter
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly Assembly _core;
    private readonly Dictionary<MethodBase, Decoded> _decoded = new();

    public IlStepCounter(Assembly core)
    {
        _core = core;
    }

    /// <summary>IL instructions executed so far.</summary>
    public long Executed { get; private set; }

    /// <summary>Instructions executed in each method itself (not its callees), by "Type.Method".</summary>
    public Dictionary<string, long> SelfCounts { get; } = new();

    /// <summary>Runs <paramref name="method"/> on <paramref name="target"/>, counting every instruction it executes.</summary>
    public object? Invoke(MethodBase method, object? target, params object?[] args)
    {
        var all = new object?[(method.IsStatic ? 0 : 1) + args.Length];
        if (!method.IsStatic)
        {
            all[0] = target;
        }
        for (int i = 0; i < args.Length; i++)
        {
            all[i + (method.IsStatic ? 0 : 1)] = Normalize(args[i]);
        }
        return Run(method, all);
    }

    private sealed record Decoded(OpCode[] Ops, object?[] Operands, int[] Offsets, Dictionary<int, int> IndexOfOffset, MethodBody Body, Module Module);

    private Decoded Decode(MethodBase method)
    {
        if (_decoded.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var body = method.GetMethodBody() ?? throw new NotSupportedException($"{method} has no IL body");
        byte[] il = body.GetILAsByteArray()!;
        var ops = new List<OpCode>();
        var operands = new List<object?>();
        var offsets = new List<int>();
        int pos = 0;
        while (pos < il.Length)
        {
            offsets.Add(pos);
            short value = il[pos++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[pos++]);
            }
            OpCode op = OpCodesByValue[value];
            object? operand = null;
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget: operand = pos + 1 + (sbyte)il[pos]; pos += 1; break;
                case OperandType.ShortInlineI: operand = (int)(sbyte)il[pos]; pos += 1; break;
                case OperandType.ShortInlineVar: operand = (int)il[pos]; pos += 1; break;
                case OperandType.InlineBrTarget: operand = pos + 4 + BitConverter.ToInt32(il, pos); pos += 4; break;
                case OperandType.InlineI: operand = BitConverter.ToInt32(il, pos); pos += 4; break;
                case OperandType.InlineI8: operand = BitConverter.ToInt64(il, pos); pos += 8; break;
                case OperandType.InlineVar: operand = (int)BitConverter.ToUInt16(il, pos); pos += 2; break;
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                case OperandType.InlineString:
                case OperandType.InlineSig:
                    operand = BitConverter.ToInt32(il, pos); pos += 4; break;
                case OperandType.InlineSwitch:
                    int n = BitConverter.ToInt32(il, pos); pos += 4;
                    var targets = new int[n];
                    int end = pos + 4 * n;
                    for (int i = 0; i < n; i++) targets[i] = end + BitConverter.ToInt32(il, pos + 4 * i);
                    pos = end;
                    operand = targets;
                    break;
                default: throw new NotSupportedException($"operand type {op.OperandType} of {op.Name} in {method}");
            }
            ops.Add(op);
            operands.Add(operand);
        }

        var index = new Dictionary<int, int>();
        for (int i = 0; i < offsets.Count; i++) index[offsets[i]] = i;
        var decoded = new Decoded(ops.ToArray(), operands.ToArray(), offsets.ToArray(), index, body, method.Module);
        _decoded[method] = decoded;
        return decoded;
    }

    private object? Run(MethodBase method, object?[] args)
    {
        var d = Decode(method);
        var locals = new object?[d.Body.LocalVariables.Count];
        for (int i = 0; i < locals.Length; i++)
        {
            locals[i] = Default(d.Body.LocalVariables[i].LocalType);
        }
        var stack = new Stack<object?>();
        var pending = new Stack<Queue<int>>(); // the finally blocks (then the target) of each leave under way
        int pc = 0;
        string key = $"{method.DeclaringType?.Name}.{method.Name}";
        long start = Executed, calleeInstructions = 0;
        Type[] typeArgs = method.DeclaringType?.GetGenericArguments() ?? Type.EmptyTypes;
        while (true)
        {
            Executed++;
            OpCode op = d.Ops[pc];
            object? operand = d.Operands[pc];
            int next = pc + 1;
            string name = op.Name!;
            switch (name)
            {
                case "nop": break;
                case "ldarg.0": stack.Push(args[0]); break;
                case "ldarg.1": stack.Push(args[1]); break;
                case "ldarg.2": stack.Push(args[2]); break;
                case "ldarg.3": stack.Push(args[3]); break;
                case "ldarg.s": case "ldarg": stack.Push(args[(int)operand!]); break;
                case "starg.s": case "starg": args[(int)operand!] = stack.Pop(); break;
                case "ldloc.0": stack.Push(locals[0]); break;
                case "ldloc.1": stack.Push(locals[1]); break;
                case "ldloc.2": stack.Push(locals[2]); break;
                case "ldloc.3": stack.Push(locals[3]); break;
                case "ldloc.s": case "ldloc": stack.Push(locals[(int)operand!]); break;
                case "stloc.0": locals[0] = stack.Pop(); break;
                case "stloc.1": locals[1] = stack.Pop(); break;
                case "stloc.2": locals[2] = stack.Pop(); break;
                case "stloc.3": locals[3] = stack.Pop(); break;
                case "stloc.s": case "stloc": locals[(int)operand!] = stack.Pop(); break;
                case "ldnull": stack.Push(null); break;
                case "ldc.i4.m1": stack.Push(-1); break;
                case "ldc.i4.0": stack.Push(0); break;
                case "ldc.i4.1": stack.Push(1); break;
                case "ldc.i4.2": stack.Push(2); break;
                case "ldc.i4.3": stack.Push(3); break;
                case "ldc.i4.4": stack.Push(4); break;
                case "ldc.i4.5": stack.Push(5); break;
                case "ldc.i4.6": stack.Push(6); break;
                case "ldc.i4.7": stack.Push(7); break;
                case "ldc.i4.8": stack.Push(8); break;
                case "ldc.i4.s": case "ldc.i4": stack.Push((int)operand!); break;
                case "ldc.i8": stack.Push((long)operand!); break;
                case "dup": stack.Push(stack.Peek()); break;
                case "pop": stack.Pop(); break;
                case "ldfld":
                {
                    var field = d.Module.ResolveField((int)operand!)!;
                    stack.Push(Normalize(field.GetValue(stack.Pop())));
                    break;
                }
                case "stfld":
                {
                    var field = d.Module.ResolveField((int)operand!)!;
                    object? value = stack.Pop();
                    object? target = stack.Pop();
                    field.SetValue(target, To(field.FieldType, value));
                    break;
                }
                case "ldloca.s": case "ldloca": stack.Push(new Slot(locals, (int)operand!)); break;
                case "ldarga.s": case "ldarga": stack.Push(new Slot(args, (int)operand!)); break;
                case "ldflda":
                {
                    var field = d.Module.ResolveField((int)operand!)!;
                    stack.Push(new FieldSlot(stack.Pop(), field));
                    break;
                }
                case "ldelema":
                {
                    int i = (int)stack.Pop()!;
                    stack.Push(new ElementSlot((Array)stack.Pop()!, i));
                    break;
                }
                case "ldind.i1": stack.Push((int)(sbyte)AsLong(((IRef)stack.Pop()!).Get())); break;
                case "ldind.u1": stack.Push((int)(byte)AsLong(((IRef)stack.Pop()!).Get())); break;
                case "ldind.i2": stack.Push((int)(short)AsLong(((IRef)stack.Pop()!).Get())); break;
                case "ldind.u2": stack.Push((int)(ushort)AsLong(((IRef)stack.Pop()!).Get())); break;
                case "ldind.i4": case "ldind.u4": stack.Push(unchecked((int)AsLong(((IRef)stack.Pop()!).Get()))); break;
                case "ldind.i8": stack.Push(AsLong(((IRef)stack.Pop()!).Get())); break;
                case "ldind.ref": stack.Push(((IRef)stack.Pop()!).Get()); break;
                case "stind.i1": case "stind.i2": case "stind.i4": case "stind.i8": case "stind.ref":
                {
                    object? value = stack.Pop();
                    var slot = (IRef)stack.Pop()!;
                    slot.Set(name switch
                    {
                        "stind.i1" => (int)(sbyte)AsLong(value),
                        "stind.i2" => (int)(short)AsLong(value),
                        "stind.i4" => unchecked((int)AsLong(value)),
                        "stind.i8" => AsLong(value),
                        _ => value,
                    });
                    break;
                }
                case "ldsfld": stack.Push(Normalize(d.Module.ResolveField((int)operand!)!.GetValue(null))); break;
                case "stsfld":
                {
                    var field = d.Module.ResolveField((int)operand!)!;
                    field.SetValue(null, To(field.FieldType, stack.Pop()));
                    break;
                }
                case "ldlen": stack.Push(((Array)stack.Pop()!).Length); break;
                case "ldelem.i1": case "ldelem.u1": case "ldelem.i2": case "ldelem.u2": case "ldelem.i4": case "ldelem.u4": case "ldelem.i8": case "ldelem.ref":
                {
                    int i = (int)stack.Pop()!;
                    stack.Push(Normalize(((Array)stack.Pop()!).GetValue(i)));
                    break;
                }
                case "stelem.i1": case "stelem.i2": case "stelem.i4": case "stelem.i8": case "stelem.ref":
                {
                    object? value = stack.Pop();
                    int i = (int)stack.Pop()!;
                    var array = (Array)stack.Pop()!;
                    array.SetValue(To(array.GetType().GetElementType()!, value), i);
                    break;
                }
                case "add": case "sub": case "mul": case "div": case "rem": case "and": case "or": case "xor":
                case "div.un": case "rem.un":
                {
                    object? b = stack.Pop(), a = stack.Pop();
                    stack.Push(Arith(name, a!, b!));
                    break;
                }
                case "shl": case "shr": case "shr.un":
                {
                    int n = (int)stack.Pop()!;
                    object a = stack.Pop()!;
                    // Each branch boxed on its own: a conditional would widen the int results to long.
                    if (a is long l)
                    {
                        stack.Push(name == "shl" ? l << n : name == "shr" ? l >> n : (long)((ulong)l >> n));
                    }
                    else
                    {
                        int i = (int)a;
                        stack.Push(name == "shl" ? i << n : name == "shr" ? i >> n : (int)((uint)i >> n));
                    }
                    break;
                }
                case "neg": { object a = stack.Pop()!; stack.Push(a is long l ? (object)(-l) : unchecked(-(int)a)); break; }
                case "not": { object a = stack.Pop()!; stack.Push(a is long l ? (object)(~l) : ~(int)a); break; }
                case "conv.i1": stack.Push((int)(sbyte)AsLong(stack.Pop())); break;
                case "conv.u1": stack.Push((int)(byte)AsLong(stack.Pop())); break;
                case "conv.i2": stack.Push((int)(short)AsLong(stack.Pop())); break;
                case "conv.u2": stack.Push((int)(ushort)AsLong(stack.Pop())); break;
                case "conv.i4": case "conv.u4": stack.Push(unchecked((int)AsLong(stack.Pop()))); break;
                case "conv.i8": stack.Push(AsLong(stack.Pop())); break;
                case "conv.u8": { object a = stack.Pop()!; stack.Push(a is int i ? (long)(uint)i : (long)a); break; }
                case "conv.i": case "conv.u": throw new NotSupportedException("native int");
                case "ceq": { object? b = stack.Pop(), a = stack.Pop(); stack.Push(Same(a, b) ? 1 : 0); break; }
                case "cgt": { object? b = stack.Pop(), a = stack.Pop(); stack.Push(AsLong(a) > AsLong(b) ? 1 : 0); break; }
                case "clt": { object? b = stack.Pop(), a = stack.Pop(); stack.Push(AsLong(a) < AsLong(b) ? 1 : 0); break; }
                case "cgt.un":
                {
                    object? b = stack.Pop(), a = stack.Pop();
                    stack.Push(a is null || b is null || !IsNumber(a) ? (a != null && b == null ? 1 : 0) : (Unsigned(a) > Unsigned(b) ? 1 : 0));
                    break;
                }
                case "clt.un": { object? b = stack.Pop(), a = stack.Pop(); stack.Push(Unsigned(a!) < Unsigned(b!) ? 1 : 0); break; }
                case "br": case "br.s": next = d.IndexOfOffset[(int)operand!]; break;
                case "brtrue": case "brtrue.s": if (Truthy(stack.Pop())) next = d.IndexOfOffset[(int)operand!]; break;
                case "brfalse": case "brfalse.s": if (!Truthy(stack.Pop())) next = d.IndexOfOffset[(int)operand!]; break;
                case "beq": case "beq.s": case "bne.un": case "bne.un.s":
                case "bge": case "bge.s": case "bgt": case "bgt.s": case "ble": case "ble.s": case "blt": case "blt.s":
                case "bge.un": case "bge.un.s": case "bgt.un": case "bgt.un.s": case "ble.un": case "ble.un.s": case "blt.un": case "blt.un.s":
                {
                    object? b = stack.Pop(), a = stack.Pop();
                    if (Compare(name.Replace(".s", ""), a!, b!)) next = d.IndexOfOffset[(int)operand!];
                    break;
                }
                case "switch":
                {
                    var targets = (int[])operand!;
                    int i = (int)stack.Pop()!;
                    if (i >= 0 && i < targets.Length) next = d.IndexOfOffset[targets[i]];
                    break;
                }
                case "call": case "callvirt":
                {
                    var callee = d.Module.ResolveMethod((int)operand!, typeArgs, null)!;
                    var parameters = callee.GetParameters();
                    int count = parameters.Length + (callee.IsStatic ? 0 : 1);
                    var callArgs = new object?[count];
                    for (int i = count - 1; i >= 0; i--) callArgs[i] = stack.Pop();
                    object? result;
                    long beforeCall = Executed;
                    if (name == "callvirt" && !callee.IsStatic && callee.IsVirtual && callArgs[0] is { } receiver && receiver.GetType() != callee.DeclaringType)
                    {
                        callee = Implementation((MethodInfo)callee, receiver.GetType());
                    }

                    if (callee.Module.Assembly == _core && callee.GetMethodBody() is not null)
                    {
                        result = Run(callee, callArgs);
                    }
                    else
                    {
                        var native = callArgs.Skip(callee.IsStatic ? 0 : 1)
                            .Select((a, i) => a is IRef r ? To(parameters[i].ParameterType.GetElementType()!, r.Get()) : To(parameters[i].ParameterType, a)).ToArray();
                        result = Normalize(callee.Invoke(callee.IsStatic ? null : callArgs[0] is IRef self ? self.Get() : callArgs[0], native));
                        for (int i = 0; i < native.Length; i++)
                        {
                            if (callArgs[i + (callee.IsStatic ? 0 : 1)] is IRef written)
                            {
                                written.Set(Normalize(native[i])); // out and ref parameters of a native call
                            }
                        }
                    }
                    calleeInstructions += Executed - beforeCall;
                    if (callee is MethodInfo info && info.ReturnType != typeof(void))
                    {
                        stack.Push(result);
                    }
                    break;
                }
                case "leave": case "leave.s":
                {
                    // Leaving a protected region without an exception: the finally blocks it leaves run first,
                    // innermost first, then execution continues at the target (the evaluation stack is emptied).
                    stack.Clear();
                    int from = d.Offsets[pc], to = (int)operand!;
                    var finallies = d.Body.ExceptionHandlingClauses
                        .Where(c => c.Flags == ExceptionHandlingClauseOptions.Finally
                                    && from >= c.TryOffset && from < c.TryOffset + c.TryLength
                                    && (to < c.TryOffset || to >= c.TryOffset + c.TryLength))
                        .OrderBy(c => c.TryLength).Select(c => d.IndexOfOffset[c.HandlerOffset]).ToList();
                    finallies.Add(d.IndexOfOffset[to]);
                    pending.Push(new Queue<int>(finallies));
                    next = pending.Peek().Dequeue();
                    if (pending.Peek().Count == 0) pending.Pop();
                    break;
                }
                case "endfinally":
                {
                    if (pending.Count == 0) throw new NotSupportedException($"endfinally without a leave in {method.DeclaringType?.Name}.{method.Name}");
                    next = pending.Peek().Dequeue();
                    if (pending.Peek().Count == 0) pending.Pop();
                    break;
                }
                case "ret":
                    SelfCounts[key] = SelfCounts.GetValueOrDefault(key) + (Executed - start - calleeInstructions);
                    return stack.Count > 0 ? stack.Pop() : null;
                default:
                    throw new NotSupportedException($"IL opcode {name} in {method.DeclaringType?.Name}.{method.Name} is outside the counted subset");
            }
            pc = next;
        }
    }

    /// <summary>The method a virtual or interface call on <paramref name="receiver"/> runs (the interface map for an interface).</summary>
    private static MethodBase Implementation(MethodInfo callee, Type receiver)
    {
        if (callee.DeclaringType is { IsInterface: true } contract)
        {
            var map = receiver.GetInterfaceMap(contract);
            int at = Array.IndexOf(map.InterfaceMethods, callee);
            return at >= 0 ? map.TargetMethods[at] : callee;
        }

        return receiver.GetMethod(callee.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance,
            callee.GetParameters().Select(p => p.ParameterType).ToArray()) ?? callee;
    }

    /// <summary>A managed pointer (ldloca, ldarga, ldflda, ldelema): what ldind/stind and by-ref parameters go through.</summary>
    private interface IRef
    {
        object? Get();
        void Set(object? value);
    }

    private sealed record Slot(object?[] Array, int Index) : IRef
    {
        public object? Get() => Array[Index];
        public void Set(object? value) => Array[Index] = Normalize(value);
    }

    private sealed record FieldSlot(object? Target, FieldInfo Field) : IRef
    {
        public object? Get() => Normalize(Field.GetValue(Target is IRef r ? r.Get() : Target));
        public void Set(object? value) => Field.SetValue(Target is IRef r ? r.Get() : Target, To(Field.FieldType, value));
    }

    private sealed record ElementSlot(Array Array, int Index) : IRef
    {
        public object? Get() => Normalize(Array.GetValue(Index));
        public void Set(object? value) => Array.SetValue(To(Array.GetType().GetElementType()!, value), Index);
    }

    private static object? Default(Type type) => type.IsValueType ? Normalize(Activator.CreateInstance(type)) : null;

    /// <summary>Evaluation-stack form: every integer of 32 bits or less as int, 64-bit as long, references as they are.</summary>
    private static object? Normalize(object? value) => value switch
    {
        null => null,
        bool b => b ? 1 : 0,
        sbyte v => (int)v,
        byte v => (int)v,
        short v => (int)v,
        ushort v => (int)v,
        char v => (int)v,
        uint v => unchecked((int)v),
        ulong v => unchecked((long)v),
        Enum e => Convert.ToInt32(e),
        _ => value,
    };

    private static object? To(Type type, object? value)
    {
        if (value is null || !type.IsValueType) return value;
        if (type.IsEnum) return Enum.ToObject(type, Convert.ToInt64(value));
        long v = AsLong(value);
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => v != 0,
            TypeCode.SByte => (sbyte)v,
            TypeCode.Byte => (byte)v,
            TypeCode.Int16 => (short)v,
            TypeCode.UInt16 => (ushort)v,
            TypeCode.Int32 => unchecked((int)v),
            TypeCode.UInt32 => unchecked((uint)v),
            TypeCode.Int64 => v,
            TypeCode.UInt64 => unchecked((ulong)v),
            _ => value,
        };
    }

    private static bool IsNumber(object o) => o is int or long;

    private static long AsLong(object? o) => o switch { int i => i, long l => l, _ => throw new NotSupportedException($"not an integer on the stack: {o}") };

    private static ulong Unsigned(object o) => o is int i ? (uint)i : (ulong)(long)o;

    private static bool Truthy(object? o) => o switch { null => false, int i => i != 0, long l => l != 0, _ => true };

    private static bool Same(object? a, object? b) => a is null || b is null ? ReferenceEquals(a, b) : IsNumber(a) ? AsLong(a) == AsLong(b) : ReferenceEquals(a, b);

    private static object Arith(string op, object a, object b)
    {
        if (a is long || b is long)
        {
            long x = AsLong(a), y = AsLong(b);
            return op switch
            {
                "add" => x + y, "sub" => x - y, "mul" => x * y, "div" => x / y, "rem" => x % y,
                "and" => x & y, "or" => x | y, "xor" => x ^ y,
                "div.un" => (long)((ulong)x / (ulong)y), "rem.un" => (long)((ulong)x % (ulong)y),
                _ => throw new NotSupportedException(op),
            };
        }

        int p = (int)a, q = (int)b;
        return op switch
        {
            "add" => unchecked(p + q), "sub" => unchecked(p - q), "mul" => unchecked(p * q), "div" => p / q, "rem" => p % q,
            "and" => p & q, "or" => p | q, "xor" => p ^ q,
            "div.un" => (int)((uint)p / (uint)q), "rem.un" => (int)((uint)p % (uint)q),
            _ => throw new NotSupportedException(op),
        };
    }

    private static bool Compare(string op, object a, object b)
    {
        if (op is "beq") return Same(a, b);
        if (op is "bne.un") return !Same(a, b);
        if (op.EndsWith(".un"))
        {
            ulong x = Unsigned(a), y = Unsigned(b);
            return op switch { "bge.un" => x >= y, "bgt.un" => x > y, "ble.un" => x <= y, _ => x < y };
        }

        long p = AsLong(a), q = AsLong(b);
        return op switch { "bge" => p >= q, "bgt" => p > q, "ble" => p <= q, _ => p < q };
    }
}
