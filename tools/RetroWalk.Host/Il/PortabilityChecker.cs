using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace RetroWalk.Host.Il;

public enum PortabilityRule
{
    /// <summary>A type or member the nanoFramework API listing lacks.</summary>
    ApiListing,

    /// <summary>A generic definition or instantiation: nanoFramework 1.x has no generics.</summary>
    Generic,

    /// <summary>A float or double: the core is fixed-point only.</summary>
    FloatingPoint,

    /// <summary>
    /// An allocation (newobj, newarr, box, a call that returns a new string or array) or a throw in a [PerSample]
    /// method or a core method it calls.
    /// </summary>
    PerSampleAllocation,
}

/// <summary>One finding: where it is (a method, field or type of the checked assembly) and what is wrong.</summary>
public sealed record Violation(PortabilityRule Rule, string Where, string What)
{
    public override string ToString() => $"[{Rule}] {Where}: {What}";
}

/// <summary>
/// Reads a compiled assembly (the host build of the portable core) and reports what the nanoFramework 1.x build or
/// device would not accept: see <see cref="PortabilityRule"/>.
/// </summary>
public sealed class PortabilityChecker
{
    /// <summary>
    /// Attributes the host compiler emits by itself that the API listing lacks. Each is harmless on the device for
    /// the reason given; anything else missing from the listing is a violation. Only their use as an attribute is
    /// allowed: calling them from code is still reported.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> CompilerEmittedAttributes = new Dictionary<string, string>
    {
        // Roslyn adds [assembly: CompilationRelaxations(8)] and [assembly: RuntimeCompatibility(WrapNonExceptionThrows
        // = true)] only when the corlib defines these types; nanoFramework's mscorlib does not, so the device build
        // leaves them out.
        ["System.Runtime.CompilerServices.CompilationRelaxationsAttribute"] = "emitted only when the corlib has it",
        ["System.Runtime.CompilerServices.RuntimeCompatibilityAttribute"] = "emitted only when the corlib has it",
        // Roslyn marks compiler-generated members (closures, backing fields, <PrivateImplementationDetails>) with it
        // when the corlib defines it and silently omits it otherwise (it is an optional well-known attribute).
        ["System.Runtime.CompilerServices.CompilerGeneratedAttribute"] = "optional: omitted when the corlib lacks it",
        // Emitted for `in` parameters and readonly structs. When the corlib lacks it, Roslyn embeds its own
        // definition in the assembly (an internal type, not a reference), which the device build does.
        ["System.Runtime.CompilerServices.IsReadOnlyAttribute"] = "embedded by the compiler when the corlib lacks it",
        // [module: RefSafetyRules(11)] marks modules compiled under the C# 11 ref-safety rules, which Roslyn applies
        // to LangVersion 11+ or to any LangVersion against a net7+ corlib (the host build). With LangVersion 9 and
        // nanoFramework's mscorlib the device build uses the old rules and does not emit it.
        ["System.Runtime.CompilerServices.RefSafetyRulesAttribute"] = "host corlib only: device build uses the C# 10 rules",
    };

    /// <summary>
    /// Opcodes that compute with floats. The first five are the ones that create a float value; the loads and
    /// stores of float elements and ckfinite cannot appear without one but are listed so a report names every site.
    /// </summary>
    private static readonly HashSet<short> FloatOpCodes =
    [
        OpCodes.Ldc_R4.Value, OpCodes.Ldc_R8.Value, OpCodes.Conv_R4.Value, OpCodes.Conv_R8.Value, OpCodes.Conv_R_Un.Value,
        OpCodes.Ldind_R4.Value, OpCodes.Ldind_R8.Value, OpCodes.Stind_R4.Value, OpCodes.Stind_R8.Value,
        OpCodes.Ldelem_R4.Value, OpCodes.Ldelem_R8.Value, OpCodes.Stelem_R4.Value, OpCodes.Stelem_R8.Value,
        OpCodes.Ckfinite.Value,
    ];

    /// <summary>Opcodes that allocate on the managed heap or raise an exception.</summary>
    private static readonly HashSet<short> PerSampleForbiddenOpCodes =
    [
        OpCodes.Newobj.Value, OpCodes.Newarr.Value, OpCodes.Box.Value, OpCodes.Throw.Value, OpCodes.Rethrow.Value,
    ];

    private const string MetadataOnly = "(metadata)";

    private readonly IlAssembly _assembly;
    private readonly ApiListing _listing;
    private readonly MetadataReader _metadata;
    private readonly Dictionary<EntityHandle, SortedSet<string>> _users = [];
    private readonly HashSet<EntityHandle> _usedFromCode = [];

    public PortabilityChecker(IlAssembly assembly, ApiListing listing)
    {
        _assembly = assembly;
        _listing = listing;
        _metadata = assembly.Metadata;
        IndexUsers();
    }

    public IReadOnlyList<Violation> Check(PortabilityRule rule) => (rule switch
    {
        PortabilityRule.ApiListing => CheckApiListing(),
        PortabilityRule.Generic => CheckGenerics(),
        PortabilityRule.FloatingPoint => CheckFloatingPoint(),
        PortabilityRule.PerSampleAllocation => CheckPerSampleAllocations(),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    }).Distinct().ToList();

    public IReadOnlyList<Violation> CheckAll() => Enum.GetValues<PortabilityRule>().SelectMany(Check).ToList();

    // ---- a. API listing -------------------------------------------------------------------------------------------

    private IEnumerable<Violation> CheckApiListing()
    {
        var missingTypes = _metadata.TypeReferences
            .Where(IsExternal)
            .Select(handle => (handle, name: MetadataNames.TypeName(_metadata, handle)))
            .Where(t => _listing.FindType(t.name) is null && !IsAllowedAttribute(t.name, t.handle))
            .SelectMany(t => AtUsers(t.handle, PortabilityRule.ApiListing, $"type {t.name} is not in the nanoFramework API listing"));

        // Members of generic instantiations and arrays (TypeSpec parents) are left to the generic rule; members of a
        // missing type were reported with the type.
        var missingMembers = _metadata.MemberReferences
            .Select(handle => (handle, member: _metadata.GetMemberReference(handle)))
            .Where(m => m.member.Parent.Kind == HandleKind.TypeReference)
            .Select(m => (m.handle, m.member, typeName: MetadataNames.TypeName(_metadata, m.member.Parent)))
            .Where(m => _listing.FindType(m.typeName) is not null && !IsAllowedAttribute(m.typeName, m.handle))
            .SelectMany(m => MissingMember(m.member, m.typeName) is { } problem ? AtUsers(m.handle, PortabilityRule.ApiListing, problem) : []);

        // Named arguments ([AttributeUsage(..., AllowMultiple = true)]) set a property or field of the attribute.
        var missingNamedArguments = _metadata.CustomAttributes
            .Select(_metadata.GetCustomAttribute)
            .Select(a => (attribute: a, typeName: _assembly.AttributeTypeName(a)))
            .Where(a => a.attribute.Constructor.Kind == HandleKind.MemberReference && _listing.FindType(a.typeName) is not null)
            .SelectMany(a => a.attribute.DecodeValue(_assembly.Signatures).NamedArguments
                .Where(n => !IsListedNamedArgument(a.typeName, n))
                .Select(n => new Violation(PortabilityRule.ApiListing, $"[attribute on {Describe(a.attribute.Parent)}]",
                    $"{n.Kind.ToString().ToLowerInvariant()} {a.typeName}.{n.Name} is not in the nanoFramework API listing")));

        return missingTypes.Concat(missingMembers).Concat(missingNamedArguments);
    }

    private bool IsListedNamedArgument(string attributeType, CustomAttributeNamedArgument<SigType> argument) =>
        argument.Kind == CustomAttributeNamedArgumentKind.Property
            ? _listing.FindMembers(attributeType, "set_" + argument.Name).Any()
            : _listing.FindMembers(attributeType, argument.Name!).Any(m => m.IsField);

    /// <summary>Null when the listing has the member with matching parameter and return types; else why not.</summary>
    private string? MissingMember(MemberReference member, string typeName)
    {
        string name = _metadata.GetString(member.Name);
        if (member.GetKind() == MemberReferenceKind.Field)
        {
            var fieldType = member.DecodeFieldSignature(_assembly.Signatures, null);
            // The same source binds to a property of that name where nanoFramework has one (BitConverter.IsLittleEndian).
            var fields = _listing.FindMembers(typeName, name).Where(m => m.IsField)
                .Concat(_listing.FindMembers(typeName, "get_" + name).Where(m => m.ParameterTypes.Count == 0));
            return fields.Any(f => TypeMatches(f.ReturnType, fieldType))
                ? null
                : $"field {fieldType} {typeName}.{name} is not in the nanoFramework API listing";
        }

        var signature = member.DecodeMethodSignature(_assembly.Signatures, null);
        string described = $"{typeName}.{name}({string.Join(", ", signature.ParameterTypes)})";
        var overloads = _listing.FindMembers(typeName, name).Where(m => !m.IsField).ToList();
        if (overloads.Count == 0 && signature.ParameterTypes.Length == 0 && name.StartsWith("get_", StringComparison.Ordinal))
        {
            // ...and a property getter to a field where nanoFramework has a field (Exception.HResult).
            overloads = _listing.FindMembers(typeName, name["get_".Length..]).Where(m => m.IsField).ToList();
        }
        if (overloads.Count == 0)
        {
            return $"{described} is not in the nanoFramework API listing";
        }
        bool matches = overloads.Any(o => TypeMatches(o.ReturnType, signature.ReturnType)
                                          && o.ParameterTypes.Count == signature.ParameterTypes.Length
                                          && o.ParameterTypes.Zip(signature.ParameterTypes).All(p => TypeMatches(p.First, p.Second)));
        return matches
            ? null
            : $"{signature.ReturnType} {described} has no matching overload in the nanoFramework API listing (listed: {string.Join("; ", overloads)})";
    }

    /// <summary>Listed type names are namespace-qualified; a bare name (T, TEventArgs) is a generic parameter.</summary>
    private static bool TypeMatches(string listed, SigType actual) =>
        actual.IsGenericParameter || !listed.Contains('.') || listed == actual.Name;

    private bool IsExternal(TypeReferenceHandle handle)
    {
        var scope = _metadata.GetTypeReference(handle).ResolutionScope;
        return scope.Kind == HandleKind.TypeReference ? IsExternal((TypeReferenceHandle)scope) : scope.Kind == HandleKind.AssemblyReference;
    }

    private bool IsAllowedAttribute(string typeName, EntityHandle handle) =>
        CompilerEmittedAttributes.ContainsKey(typeName) && !_usedFromCode.Contains(handle);

    // ---- b. generics ----------------------------------------------------------------------------------------------

    private IEnumerable<Violation> CheckGenerics()
    {
        const PortabilityRule rule = PortabilityRule.Generic;
        var typeDefinitions = _metadata.TypeDefinitions
            .Where(h => _metadata.GetTypeDefinition(h).GetGenericParameters().Count > 0)
            .Select(h => new Violation(rule, MetadataNames.TypeName(_metadata, h), "generic type definition"));
        var methodDefinitions = _assembly.Methods
            .Where(h => _metadata.GetMethodDefinition(h).GetGenericParameters().Count > 0)
            .Select(h => new Violation(rule, _assembly.Name(h), "generic method definition"));
        // A generic parameter in a signature belongs to a generic definition, reported above.
        var inSignatures = DeclaredTypes()
            .Where(t => t.Type.HasGeneric && !t.Type.IsGenericParameter)
            .Select(t => new Violation(rule, t.Where, $"generic type {t.Type} in its signature"));
        var instantiations = _metadata.TypeSpecifications()
            .Select(h => (handle: h, type: SpecType(h)))
            .Where(t => t.type.HasGeneric)
            .SelectMany(t => AtUsers(t.handle, rule, $"generic instantiation {t.type}"));
        var membersOfInstantiations = _metadata.MemberReferences
            .Where(h => _metadata.GetMemberReference(h).Parent is { Kind: HandleKind.TypeSpecification } parent && SpecType(parent).HasGeneric)
            .SelectMany(h => AtUsers(h, rule, $"member of a generic instantiation: {MetadataNames.MemberRefName(_metadata, h)}"));
        var methodInstantiations = _metadata.MethodSpecifications()
            .SelectMany(h => AtUsers(h, rule, $"generic method instantiation {Describe(h)}"));
        return typeDefinitions.Concat(methodDefinitions).Concat(inSignatures).Concat(instantiations)
            .Concat(membersOfInstantiations).Concat(methodInstantiations);
    }

    private SigType SpecType(EntityHandle typeSpec) =>
        _metadata.GetTypeSpecification((TypeSpecificationHandle)typeSpec).DecodeSignature(_assembly.Signatures, null);

    // ---- c. floating point ----------------------------------------------------------------------------------------

    private IEnumerable<Violation> CheckFloatingPoint()
    {
        const PortabilityRule rule = PortabilityRule.FloatingPoint;
        var inSignatures = DeclaredTypes()
            .Where(t => t.Type.HasFloat)
            .Select(t => new Violation(rule, t.Where, $"floating-point type {t.Type} in its signature"));
        var opcodes = _assembly.Methods.SelectMany(method => _assembly.Instructions(method)
            .Where(i => FloatOpCodes.Contains(i.OpCode.Value))
            .Select(i => new Violation(rule, _assembly.Name(method), $"floating-point opcode {i}")));
        var externalMembers = _metadata.MemberReferences
            .Where(h => _metadata.GetMemberReference(h).SignatureTypes(_assembly.Signatures).Any(t => t.HasFloat))
            .SelectMany(h => AtUsers(h, rule, $"uses {MetadataNames.MemberRefName(_metadata, h)}, whose signature has a float or double"));
        return inSignatures.Concat(opcodes).Concat(externalMembers);
    }

    // ---- d. allocations on the per-sample path --------------------------------------------------------------------

    private IEnumerable<Violation> CheckPerSampleAllocations()
    {
        foreach (var root in _assembly.PerSampleMethods)
        {
            string rootName = _assembly.Name(root);
            foreach (var method in _assembly.HotPath(root))
            {
                string via = method == root ? "in a [PerSample] method" : $"on the per-sample path of {rootName}";
                foreach (var instruction in _assembly.Instructions(method).Where(i => PerSampleForbiddenOpCodes.Contains(i.OpCode.Value) || BuildsStringOrArray(i)))
                {
                    string operand = instruction.Token is { } token ? " " + Describe(token) : "";
                    yield return new(PortabilityRule.PerSampleAllocation, _assembly.Name(method), $"{instruction}{operand} {via}");
                }
            }
        }
    }

    /// <summary>
    /// A call to another assembly's method that returns a string or an array: in mscorlib those build a new one on
    /// every call (ToString, Concat, Substring, GetBytes, ToCharArray...). Calls into the core are followed instead.
    /// </summary>
    private bool BuildsStringOrArray(IlInstruction instruction)
    {
        if (instruction.OpCode.FlowControl != FlowControl.Call || instruction.Token is not { Kind: HandleKind.MemberReference } token)
        {
            return false;
        }
        var member = _metadata.GetMemberReference((MemberReferenceHandle)token);
        if (member.GetKind() != MemberReferenceKind.Method)
        {
            return false;
        }
        var returnType = member.DecodeMethodSignature(_assembly.Signatures, null).ReturnType.Name;
        return returnType == "System.String" || returnType.EndsWith("[]", StringComparison.Ordinal);
    }

    // ---- shared ---------------------------------------------------------------------------------------------------

    /// <summary>Every field type, method return and parameter type, and local variable type, with its owner.</summary>
    private IEnumerable<(string Where, SigType Type)> DeclaredTypes() => DeclaredTypes(_ => _assembly.Signatures);

    private IEnumerable<(string Where, SigType Type)> DeclaredTypes(Func<string, SigTypeProvider> providerFor)
    {
        foreach (var handle in _metadata.FieldDefinitions)
        {
            string name = MetadataNames.FieldName(_metadata, handle);
            yield return (name, _metadata.GetFieldDefinition(handle).DecodeSignature(providerFor(name), null));
        }
        foreach (var handle in _assembly.Methods)
        {
            string name = _assembly.Name(handle);
            var signature = _metadata.GetMethodDefinition(handle).DecodeSignature(providerFor(name), null);
            foreach (var type in signature.ParameterTypes.Prepend(signature.ReturnType))
            {
                yield return (name, type);
            }
            if (_assembly.Body(handle) is { LocalSignature.IsNil: false } body)
            {
                var locals = _metadata.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(providerFor(name), null);
                foreach (var local in locals)
                {
                    yield return (name + " (local)", local);
                }
            }
        }
        foreach (var handle in _metadata.TypeDefinitions)
        {
            string name = MetadataNames.TypeName(_metadata, handle);
            foreach (var supertype in _metadata.Supertypes(handle).Where(s => s.Kind == HandleKind.TypeSpecification))
            {
                yield return (name, _metadata.GetTypeSpecification((TypeSpecificationHandle)supertype).DecodeSignature(providerFor(name), null));
            }
        }
    }

    /// <summary>Records which methods (or attributes, or type declarations) use each metadata entity.</summary>
    private void IndexUsers()
    {
        foreach (var method in _assembly.Methods)
        {
            string name = _assembly.Name(method);
            foreach (var token in _assembly.Instructions(method).Select(i => i.Token).OfType<EntityHandle>())
            {
                AddUser(token, name);
                _usedFromCode.Add(token);
                var declaringType = MetadataNames.DeclaringType(_metadata, token);
                if (!declaringType.IsNil)
                {
                    AddUser(declaringType, name);
                    _usedFromCode.Add(declaringType);
                }
                if (token.Kind == HandleKind.MethodSpecification)
                {
                    AddUser(_metadata.GetMethodSpecification((MethodSpecificationHandle)token).Method, name);
                }
            }
        }
        foreach (var handle in _metadata.CustomAttributes)
        {
            var attribute = _metadata.GetCustomAttribute(handle);
            string where = $"[attribute on {Describe(attribute.Parent)}]";
            AddUser(attribute.Constructor, where);
            AddUser(MetadataNames.DeclaringType(_metadata, attribute.Constructor), where);
        }
        foreach (var handle in _metadata.TypeDefinitions)
        {
            foreach (var supertype in _metadata.Supertypes(handle))
            {
                AddUser(supertype, MetadataNames.TypeName(_metadata, handle));
            }
        }

        // Types referenced only inside signatures: of the core's own members, then of the generic instantiations
        // and external members its code uses (after the code's users above are known).
        _ = DeclaredTypes(where => new SigTypeProvider(_metadata, type => AddUser(type, where))).Count(); // decoding records them
        foreach (var handle in _metadata.TypeSpecifications())
        {
            foreach (var user in UsersOf(handle).ToList())
            {
                _metadata.GetTypeSpecification(handle).DecodeSignature(new SigTypeProvider(_metadata, type => AddUser(type, user)), null);
            }
        }
        foreach (var handle in _metadata.MemberReferences)
        {
            foreach (var user in UsersOf(handle).ToList())
            {
                _metadata.GetMemberReference(handle).SignatureTypes(new SigTypeProvider(_metadata, type => AddUser(type, user)));
            }
        }
    }

    private void AddUser(EntityHandle handle, string user)
    {
        if (handle.IsNil)
        {
            return;
        }
        if (!_users.TryGetValue(handle, out var users))
        {
            _users[handle] = users = [];
        }
        users.Add(user);
    }

    private IEnumerable<Violation> AtUsers(EntityHandle handle, PortabilityRule rule, string what) =>
        UsersOf(handle).Select(user => new Violation(rule, user, what));

    /// <summary>The methods, types or attributes that use an entity; a placeholder when only a signature does.</summary>
    private IEnumerable<string> UsersOf(EntityHandle handle) =>
        _users.TryGetValue(handle, out var users) ? users : [MetadataOnly];

    private string Describe(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.AssemblyDefinition => "the assembly",
        HandleKind.ModuleDefinition => "the module",
        HandleKind.MethodDefinition => _assembly.Name((MethodDefinitionHandle)handle),
        HandleKind.FieldDefinition => MetadataNames.FieldName(_metadata, (FieldDefinitionHandle)handle),
        HandleKind.MemberReference => MetadataNames.MemberRefName(_metadata, (MemberReferenceHandle)handle),
        HandleKind.MethodSpecification => Describe(_metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method) + "<...>",
        HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification => MetadataNames.TypeName(_metadata, handle),
        HandleKind.PropertyDefinition => "property " + _metadata.GetString(_metadata.GetPropertyDefinition((PropertyDefinitionHandle)handle).Name),
        HandleKind.Parameter => "parameter " + _metadata.GetString(_metadata.GetParameter((ParameterHandle)handle).Name),
        _ => handle.Kind.ToString(),
    };
}
