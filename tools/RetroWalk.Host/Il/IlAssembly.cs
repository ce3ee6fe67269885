using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RetroWalk.Core.Diagnostics;

namespace RetroWalk.Host.Il;

/// <summary>
/// A compiled assembly opened for static reading: its metadata, decoded method bodies, the methods marked
/// <see cref="PerSampleAttribute"/> (matched by full name, so a test fixture can carry its own copy) and the core
/// methods they reach. Shared by the portability tests and the benchmark's device-cost figures.
/// </summary>
public sealed class IlAssembly : IDisposable
{
    public static readonly string PerSampleAttributeName = typeof(PerSampleAttribute).FullName!;

    private readonly PEReader _peReader;
    private readonly ConcurrentDictionary<MethodDefinitionHandle, IReadOnlyList<IlInstruction>> _instructions = new();

    public IlAssembly(string path)
    {
        Path = path;
        // Read into memory so the file is not held open or locked while the build may replace it.
        _peReader = new PEReader(File.ReadAllBytes(path).ToImmutableArray());
        Metadata = _peReader.GetMetadataReader();
        Signatures = new SigTypeProvider(Metadata);
    }

    public string Path { get; }

    public MetadataReader Metadata { get; }

    public SigTypeProvider Signatures { get; }

    public IEnumerable<MethodDefinitionHandle> Methods => Metadata.MethodDefinitions;

    public string Name(MethodDefinitionHandle method) => MetadataNames.MethodName(Metadata, method);

    /// <summary>The decoded body of a method; empty for abstract, interface and extern methods.</summary>
    public IReadOnlyList<IlInstruction> Instructions(MethodDefinitionHandle handle) => _instructions.GetOrAdd(handle, h =>
    {
        int rva = Metadata.GetMethodDefinition(h).RelativeVirtualAddress;
        return rva == 0 ? [] : IlReader.Decode(_peReader.GetMethodBody(rva));
    });

    public MethodBodyBlock? Body(MethodDefinitionHandle handle)
    {
        int rva = Metadata.GetMethodDefinition(handle).RelativeVirtualAddress;
        return rva == 0 ? null : _peReader.GetMethodBody(rva);
    }

    /// <summary>The full name of the type whose constructor a custom attribute calls.</summary>
    public string AttributeTypeName(CustomAttribute attribute) =>
        MetadataNames.TypeName(Metadata, MetadataNames.DeclaringType(Metadata, attribute.Constructor));

    public IReadOnlyList<MethodDefinitionHandle> PerSampleMethods => Methods
        .Where(m => Metadata.GetMethodDefinition(m).GetCustomAttributes()
            .Any(a => AttributeTypeName(Metadata.GetCustomAttribute(a)) == PerSampleAttributeName))
        .ToList();

    /// <summary>
    /// The method and every method of this assembly it may call, transitively, in discovery order (the root first).
    /// A call to a virtual or interface method counts every override or implementation in this assembly.
    /// </summary>
    public IReadOnlyList<MethodDefinitionHandle> HotPath(MethodDefinitionHandle root)
    {
        var seen = new HashSet<MethodDefinitionHandle> { root };
        var order = new List<MethodDefinitionHandle> { root };
        for (int i = 0; i < order.Count; i++)
        {
            foreach (var callee in Callees(order[i]).Where(seen.Add))
            {
                order.Add(callee);
            }
        }
        return order;
    }

    private IEnumerable<MethodDefinitionHandle> Callees(MethodDefinitionHandle caller)
    {
        foreach (var instruction in Instructions(caller))
        {
            if (instruction.OpCode.OperandType != OperandType.InlineMethod || instruction.Token is not { } token)
            {
                continue;
            }
            var target = token.Kind == HandleKind.MethodSpecification
                ? Metadata.GetMethodSpecification((MethodSpecificationHandle)token).Method
                : token;
            if (target.Kind != HandleKind.MethodDefinition)
            {
                continue; // a method of another assembly: outside the core
            }
            var method = (MethodDefinitionHandle)target;
            yield return method;
            foreach (var implementation in Overrides(method))
            {
                yield return implementation;
            }
        }
    }

    /// <summary>Methods of this assembly that override or implement a virtual or interface method of this assembly.</summary>
    private IEnumerable<MethodDefinitionHandle> Overrides(MethodDefinitionHandle virtualMethod)
    {
        var definition = Metadata.GetMethodDefinition(virtualMethod);
        if ((definition.Attributes & MethodAttributes.Virtual) == 0)
        {
            yield break;
        }
        var declaringType = definition.GetDeclaringType();
        string signature = Name(virtualMethod)[MetadataNames.TypeName(Metadata, declaringType).Length..];
        foreach (var typeHandle in Metadata.TypeDefinitions.Where(t => t != declaringType && DerivesFrom(t, declaringType)))
        {
            var type = Metadata.GetTypeDefinition(typeHandle);
            string typeName = MetadataNames.TypeName(Metadata, typeHandle);
            foreach (var candidate in type.GetMethods())
            {
                bool isVirtual = (Metadata.GetMethodDefinition(candidate).Attributes & MethodAttributes.Virtual) != 0;
                if (isVirtual && Name(candidate)[typeName.Length..] == signature)
                {
                    yield return candidate;
                }
            }
            foreach (var explicitImplementation in type.GetMethodImplementations()
                         .Select(Metadata.GetMethodImplementation)
                         .Where(impl => impl.MethodDeclaration == virtualMethod && impl.MethodBody.Kind == HandleKind.MethodDefinition))
            {
                yield return (MethodDefinitionHandle)explicitImplementation.MethodBody;
            }
        }
    }

    private bool DerivesFrom(TypeDefinitionHandle type, TypeDefinitionHandle ancestor)
    {
        var supertypes = Metadata.Supertypes(type)
            .Where(h => h.Kind == HandleKind.TypeDefinition)
            .Select(h => (TypeDefinitionHandle)h);
        return supertypes.Any(s => s == ancestor || DerivesFrom(s, ancestor));
    }

    public void Dispose() => _peReader.Dispose();
}
