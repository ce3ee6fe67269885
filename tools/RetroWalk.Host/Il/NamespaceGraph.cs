using System.Reflection.Metadata;

namespace RetroWalk.Host.Il;

/// <summary>
/// Which namespaces of an assembly use which others, read from its compiled metadata: base types and interfaces,
/// field, method and local-variable signatures, and every type, field and method token in the method bodies. A
/// reference to the parent namespace counts (C# resolves it without a <c>using</c>), so the graph sees what the
/// compiler bound, not what the files declare.
/// </summary>
public sealed class NamespaceGraph
{
    private readonly SortedDictionary<string, SortedSet<string>> _edges = new(StringComparer.Ordinal);

    public NamespaceGraph(IlAssembly assembly, string namespacePrefix)
    {
        var metadata = assembly.Metadata;
        var namespaceOfType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            string ns = OutermostNamespace(metadata, handle);
            if (ns.StartsWith(namespacePrefix, StringComparison.Ordinal))
            {
                namespaceOfType[MetadataNames.TypeName(metadata, handle)] = ns;
                Node(ns);
            }
        }

        var provider = new SigTypeProvider(metadata);
        foreach (var handle in metadata.TypeDefinitions)
        {
            string from = OutermostNamespace(metadata, handle);
            if (!namespaceOfType.ContainsValue(from))
            {
                continue;
            }

            void Use(string typeName)
            {
                string name = typeName.TrimEnd('[', ']', '&', '*', ',');
                if (namespaceOfType.TryGetValue(name, out var to) && to != from)
                {
                    Node(from).Add(to);
                }
            }

            void UseHandle(EntityHandle h)
            {
                if (!h.IsNil && h.Kind is HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification)
                {
                    Use(MetadataNames.TypeName(metadata, h));
                }
            }

            var type = metadata.GetTypeDefinition(handle);
            foreach (var super in metadata.Supertypes(handle))
            {
                UseHandle(super);
            }

            foreach (var fieldHandle in type.GetFields())
            {
                Use(metadata.GetFieldDefinition(fieldHandle).DecodeSignature(provider, null).Name);
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                var signature = method.DecodeSignature(provider, null);
                Use(signature.ReturnType.Name);
                foreach (var parameter in signature.ParameterTypes)
                {
                    Use(parameter.Name);
                }

                var body = assembly.Body(methodHandle);
                if (body == null)
                {
                    continue;
                }

                if (!body.LocalSignature.IsNil)
                {
                    foreach (var local in metadata.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null))
                    {
                        Use(local.Name);
                    }
                }

                foreach (var instruction in assembly.Instructions(methodHandle))
                {
                    if (instruction.Token is not { } token)
                    {
                        continue;
                    }

                    switch (token.Kind)
                    {
                        case HandleKind.TypeDefinition:
                        case HandleKind.TypeReference:
                        case HandleKind.TypeSpecification:
                            UseHandle(token);
                            break;
                        case HandleKind.FieldDefinition:
                            UseHandle(metadata.GetFieldDefinition((FieldDefinitionHandle)token).GetDeclaringType());
                            break;
                        case HandleKind.MethodDefinition:
                        case HandleKind.MemberReference:
                        case HandleKind.MethodSpecification:
                            UseHandle(MetadataNames.DeclaringType(metadata, token));
                            break;
                    }
                }
            }
        }
    }

    /// <summary>Namespace to the namespaces it uses (itself excluded).</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Edges => _edges;

    /// <summary>One cycle as its namespaces in order (first repeated at the end), or null when the graph is a DAG.</summary>
    public IReadOnlyList<string>? FindCycle() => FindCycle(_edges);

    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, SortedSet<string>> edges)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the stack, 2 done
        var stack = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            if (edges.TryGetValue(node, out var targets))
            {
                foreach (var next in targets)
                {
                    state.TryGetValue(next, out int s);
                    if (s == 1)
                    {
                        var cycle = stack.Skip(stack.IndexOf(next)).ToList();
                        cycle.Add(next);
                        return cycle;
                    }

                    if (s == 0 && Visit(next) is { } found)
                    {
                        return found;
                    }
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in edges.Keys)
        {
            if (!state.ContainsKey(node) && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private SortedSet<string> Node(string ns)
    {
        if (!_edges.TryGetValue(ns, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            _edges[ns] = set;
        }

        return set;
    }

    private static string OutermostNamespace(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        while (!type.GetDeclaringType().IsNil)
        {
            type = metadata.GetTypeDefinition(type.GetDeclaringType());
        }

        return metadata.GetString(type.Namespace);
    }
}
