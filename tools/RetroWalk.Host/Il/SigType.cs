using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace RetroWalk.Host.Il;

/// <summary>
/// A type as it appears in a signature, reduced to what the portability rules need: a readable full name (nested types
/// joined with '.', as in the nanoFramework API listings) and whether it holds a generic or a floating-point type.
/// </summary>
public sealed record SigType(string Name, bool HasGeneric = false, bool HasFloat = false, bool IsGenericParameter = false)
{
    public override string ToString() => Name;
}

/// <summary>
/// Decodes signature blobs into <see cref="SigType"/>. <paramref name="onTypeReference"/>, when given, hears every
/// type reference met while decoding (to learn which members use a referenced type only in their signatures).
/// </summary>
public sealed class SigTypeProvider(MetadataReader metadata, Action<TypeReferenceHandle>? onTypeReference = null)
    : ISignatureTypeProvider<SigType, object?>, ICustomAttributeTypeProvider<SigType>
{
    public SigType GetPrimitiveType(PrimitiveTypeCode typeCode) =>
        // PrimitiveTypeCode's names are the System type names (Int32, Single, Double, String...).
        new($"System.{typeCode}", HasFloat: typeCode is PrimitiveTypeCode.Single or PrimitiveTypeCode.Double);

    public SigType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        new(MetadataNames.TypeName(metadata, handle));

    public SigType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        onTypeReference?.Invoke(handle);
        return new(MetadataNames.TypeName(metadata, handle));
    }

    public SigType GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
        metadata.GetTypeSpecification(handle).DecodeSignature(this, context);

    public SigType GetSZArrayType(SigType elementType) => elementType with { Name = elementType.Name + "[]", IsGenericParameter = false };

    public SigType GetArrayType(SigType elementType, ArrayShape shape) =>
        elementType with { Name = $"{elementType.Name}[{new string(',', shape.Rank - 1)}]", IsGenericParameter = false };

    public SigType GetByReferenceType(SigType elementType) => elementType with { Name = elementType.Name + "&", IsGenericParameter = false };

    public SigType GetPointerType(SigType elementType) => elementType with { Name = elementType.Name + "*", IsGenericParameter = false };

    public SigType GetPinnedType(SigType elementType) => elementType;

    public SigType GetModifiedType(SigType modifier, SigType unmodifiedType, bool isRequired) => unmodifiedType;

    public SigType GetGenericInstantiation(SigType genericType, ImmutableArray<SigType> typeArguments) =>
        new($"{genericType.Name}<{string.Join(", ", typeArguments)}>", HasGeneric: true,
            HasFloat: typeArguments.Any(argument => argument.HasFloat));

    public SigType GetGenericTypeParameter(object? context, int index) => new($"!{index}", HasGeneric: true, IsGenericParameter: true);

    public SigType GetGenericMethodParameter(object? context, int index) => new($"!!{index}", HasGeneric: true, IsGenericParameter: true);

    public SigType GetFunctionPointerType(MethodSignature<SigType> signature) =>
        new($"method {signature.ReturnType}({string.Join(", ", signature.ParameterTypes)})",
            signature.ParameterTypes.Any(p => p.HasGeneric) || signature.ReturnType.HasGeneric,
            signature.ParameterTypes.Any(p => p.HasFloat) || signature.ReturnType.HasFloat);

    // Custom attribute values (for their named arguments).

    public SigType GetSystemType() => new("System.Type");

    public bool IsSystemType(SigType type) => type.Name == "System.Type";

    public SigType GetTypeFromSerializedName(string name) => new(name.Split(',')[0]);

    /// <summary>
    /// An enum of this assembly has its value__ field's type. An enum of another assembly cannot be resolved here;
    /// every enum that mscorlib's attributes take (AttributeTargets, DebuggingModes, LayoutKind...) is Int32.
    /// </summary>
    public PrimitiveTypeCode GetUnderlyingEnumType(SigType type)
    {
        var definition = metadata.TypeDefinitions.FirstOrDefault(h => MetadataNames.TypeName(metadata, h) == type.Name);
        if (definition.IsNil)
        {
            return PrimitiveTypeCode.Int32;
        }
        var valueField = metadata.GetTypeDefinition(definition).GetFields().Select(metadata.GetFieldDefinition)
            .First(f => (f.Attributes & System.Reflection.FieldAttributes.Static) == 0);
        return valueField.DecodeSignature(this, null).Name switch
        {
            "System.Byte" => PrimitiveTypeCode.Byte,
            "System.SByte" => PrimitiveTypeCode.SByte,
            "System.Int16" => PrimitiveTypeCode.Int16,
            "System.UInt16" => PrimitiveTypeCode.UInt16,
            "System.UInt32" => PrimitiveTypeCode.UInt32,
            "System.Int64" => PrimitiveTypeCode.Int64,
            "System.UInt64" => PrimitiveTypeCode.UInt64,
            _ => PrimitiveTypeCode.Int32,
        };
    }
}
