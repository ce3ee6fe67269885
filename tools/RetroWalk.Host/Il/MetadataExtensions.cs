using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace RetroWalk.Host.Il;

/// <summary>Small queries System.Reflection.Metadata lacks.</summary>
public static class MetadataExtensions
{
    /// <summary>The base type (if any) and the implemented interfaces of a type definition, as written in metadata.</summary>
    public static IEnumerable<EntityHandle> Supertypes(this MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        var interfaces = type.GetInterfaceImplementations().Select(i => metadata.GetInterfaceImplementation(i).Interface);
        return type.BaseType.IsNil ? interfaces : interfaces.Append(type.BaseType);
    }

    // MetadataReader enumerates neither the TypeSpec nor the MethodSpec table, so walk their rows.
    public static IEnumerable<TypeSpecificationHandle> TypeSpecifications(this MetadataReader metadata) =>
        Enumerable.Range(1, metadata.GetTableRowCount(TableIndex.TypeSpec)).Select(MetadataTokens.TypeSpecificationHandle);

    public static IEnumerable<MethodSpecificationHandle> MethodSpecifications(this MetadataReader metadata) =>
        Enumerable.Range(1, metadata.GetTableRowCount(TableIndex.MethodSpec)).Select(MetadataTokens.MethodSpecificationHandle);

    /// <summary>A member reference's field type, or its method's return and parameter types.</summary>
    public static IReadOnlyList<SigType> SignatureTypes(this MemberReference member, SigTypeProvider provider)
    {
        if (member.GetKind() == MemberReferenceKind.Field)
        {
            return [member.DecodeFieldSignature(provider, null)];
        }
        var signature = member.DecodeMethodSignature(provider, null);
        return [signature.ReturnType, .. signature.ParameterTypes];
    }
}
