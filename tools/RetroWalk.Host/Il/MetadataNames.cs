using System.Reflection.Metadata;

namespace RetroWalk.Host.Il;

/// <summary>Readable names for metadata entities, in the form the nanoFramework API listings use.</summary>
public static class MetadataNames
{
    public static string TypeName(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil
            ? Qualify(metadata.GetString(type.Namespace), metadata.GetString(type.Name))
            : TypeName(metadata, declaring) + "." + metadata.GetString(type.Name);
    }

    public static string TypeName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? TypeName(metadata, (TypeReferenceHandle)type.ResolutionScope) + "." + metadata.GetString(type.Name)
            : Qualify(metadata.GetString(type.Namespace), metadata.GetString(type.Name));
    }

    /// <summary>The name of a TypeDef, TypeRef or TypeSpec handle.</summary>
    public static string TypeName(MetadataReader metadata, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => TypeName(metadata, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => TypeName(metadata, (TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => metadata.GetTypeSpecification((TypeSpecificationHandle)handle)
            .DecodeSignature(new SigTypeProvider(metadata), null).Name,
        _ => handle.Kind.ToString(),
    };

    /// <summary><c>Namespace.Type.Method(ParamType, ...)</c> for a method defined in the assembly.</summary>
    public static string MethodName(MetadataReader metadata, MethodDefinitionHandle handle)
    {
        var method = metadata.GetMethodDefinition(handle);
        var signature = method.DecodeSignature(new SigTypeProvider(metadata), null);
        return $"{TypeName(metadata, method.GetDeclaringType())}.{metadata.GetString(method.Name)}({string.Join(", ", signature.ParameterTypes)})";
    }

    public static string FieldName(MetadataReader metadata, FieldDefinitionHandle handle)
    {
        var field = metadata.GetFieldDefinition(handle);
        return $"{TypeName(metadata, field.GetDeclaringType())}.{metadata.GetString(field.Name)}";
    }

    /// <summary>The declaring type of a member reference, method definition or method specification, as a handle.</summary>
    public static EntityHandle DeclaringType(MetadataReader metadata, EntityHandle member) => member.Kind switch
    {
        HandleKind.MemberReference => metadata.GetMemberReference((MemberReferenceHandle)member).Parent,
        HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)member).GetDeclaringType(),
        HandleKind.MethodSpecification => DeclaringType(metadata, metadata.GetMethodSpecification((MethodSpecificationHandle)member).Method),
        _ => default,
    };

    /// <summary>The name of a member reference's declaring type and member: <c>System.String.Format</c>.</summary>
    public static string MemberRefName(MetadataReader metadata, MemberReferenceHandle handle)
    {
        var member = metadata.GetMemberReference(handle);
        var parent = member.Parent.Kind == HandleKind.MethodDefinition
            ? MethodName(metadata, (MethodDefinitionHandle)member.Parent)
            : member.Parent.Kind == HandleKind.ModuleReference ? "<module>" : TypeName(metadata, member.Parent);
        return $"{parent}.{metadata.GetString(member.Name)}";
    }

    private static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
}
