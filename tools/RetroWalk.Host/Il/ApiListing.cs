using System.Text.RegularExpressions;

namespace RetroWalk.Host.Il;

/// <summary>A member as the listing declares it; properties and events appear as their accessor methods.</summary>
public sealed record ListedMember(string Name, string ReturnType, IReadOnlyList<string> ParameterTypes, bool IsField)
{
    public override string ToString() => IsField ? $"{ReturnType} {Name}" : $"{ReturnType} {Name}({string.Join(", ", ParameterTypes)})";
}

public sealed record ListedType(string FullName, string Kind, IReadOnlyList<string> Supertypes, List<ListedMember> Members);

/// <summary>
/// A nanoFramework public API listing (../shared/nanoframework/api/*.txt; format in its README.md): a type line
/// (<c>sealed class System.String : System.IComparable</c>) followed by indented member lines.
/// </summary>
public sealed partial class ApiListing
{
    private readonly Dictionary<string, ListedType> _types = new(StringComparer.Ordinal);

    public static ApiListing Load(params string[] paths)
    {
        var listing = new ApiListing();
        foreach (var path in paths)
        {
            listing.Parse(File.ReadAllLines(path), System.IO.Path.GetFileName(path));
        }
        return listing;
    }

    public IReadOnlyCollection<ListedType> Types => _types.Values;

    public ListedType? FindType(string fullName) => _types.GetValueOrDefault(fullName);

    /// <summary>
    /// Members of that name on the type and on every listed supertype (a call the device compiler would bind to an
    /// inherited member). Structs, enums and classes get their implicit bases.
    /// </summary>
    public IEnumerable<ListedMember> FindMembers(string typeFullName, string memberName)
    {
        var visited = new HashSet<string>();
        var pending = new Queue<string>([typeFullName]);
        while (pending.TryDequeue(out var name))
        {
            if (!visited.Add(name) || FindType(name) is not { } type)
            {
                continue;
            }
            foreach (var member in type.Members.Where(m => m.Name == memberName))
            {
                yield return member;
            }
            foreach (var supertype in type.Supertypes)
            {
                pending.Enqueue(supertype);
            }
        }
    }

    private void Parse(string[] lines, string source)
    {
        ListedType? current = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (!char.IsWhiteSpace(line[0]))
            {
                current = ParseType(line);
                _types[current.FullName] = current;
            }
            else if (current is null || ParseMember(line.Trim(), current) is not { } members)
            {
                throw new FormatException($"{source}:{i + 1}: cannot read '{line.Trim()}'");
            }
            else
            {
                current.Members.AddRange(members);
            }
        }
    }

    private static ListedType ParseType(string line)
    {
        string[] declarationAndBases = line.Split(" : ", 2);
        string[] words = declarationAndBases[0].Split(' ');
        string kind = words[^2];
        string fullName = words[^1];
        var supertypes = declarationAndBases.Length > 1
            ? declarationAndBases[1].Split(", ").ToList()
            : [];
        string? implicitBase = kind switch
        {
            "struct" => "System.ValueType",
            "enum" => "System.Enum",
            "class" when fullName != "System.Object" => "System.Object",
            _ => null,
        };
        if (implicitBase is not null)
        {
            supertypes.Add(implicitBase);
        }
        return new ListedType(fullName, kind, supertypes, []);
    }

    [GeneratedRegex(@"^ctor\((?<params>.*)\)$")]
    private static partial Regex CtorLine();

    [GeneratedRegex(@"^method (?:(?:static|virtual|abstract) )*(?<ret>\S+) (?<name>[^\s(]+)\((?<params>.*)\)$")]
    private static partial Regex MethodLine();

    [GeneratedRegex(@"^property (?:(?:static|virtual|abstract) )*(?<type>\S+) (?<name>[^\s\[]+)(?:\[(?<params>[^\]]*)\])? \{(?<accessors>[^}]*)\}$")]
    private static partial Regex PropertyLine();

    [GeneratedRegex(@"^field (?:(?:static|const|readonly) )*(?<type>\S+) (?<name>\S+)(?: = .*)?$")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^event (?:static )*(?<type>\S+) (?<name>\S+)$")]
    private static partial Regex EventLine();

    [GeneratedRegex(@"^(?<name>\w+) = ")]
    private static partial Regex EnumValueLine();

    private static IEnumerable<ListedMember>? ParseMember(string line, ListedType type)
    {
        const string Void = "System.Void";
        if (CtorLine().Match(line) is { Success: true } ctor)
        {
            return [new(".ctor", Void, ParameterTypes(ctor.Groups["params"].Value), false)];
        }
        if (MethodLine().Match(line) is { Success: true } method)
        {
            return [new(method.Groups["name"].Value, method.Groups["ret"].Value, ParameterTypes(method.Groups["params"].Value), false)];
        }
        if (PropertyLine().Match(line) is { Success: true } property)
        {
            string propertyType = property.Groups["type"].Value, name = property.Groups["name"].Value;
            var index = ParameterTypes(property.Groups["params"].Value);
            string accessors = property.Groups["accessors"].Value;
            var members = new List<ListedMember>();
            if (accessors.Contains("get;"))
            {
                members.Add(new("get_" + name, propertyType, index, false));
            }
            if (accessors.Contains("set;"))
            {
                members.Add(new("set_" + name, Void, [.. index, propertyType], false));
            }
            return members;
        }
        if (FieldLine().Match(line) is { Success: true } field)
        {
            return [new(field.Groups["name"].Value, field.Groups["type"].Value, [], true)];
        }
        if (EventLine().Match(line) is { Success: true } e)
        {
            string handler = e.Groups["type"].Value, name = e.Groups["name"].Value;
            return [new("add_" + name, Void, [handler], false), new("remove_" + name, Void, [handler], false)];
        }
        if (type.Kind == "enum" && EnumValueLine().Match(line) is { Success: true } value)
        {
            return [new(value.Groups["name"].Value, type.FullName, [], true)];
        }
        return null;
    }

    /// <summary>"System.String s, System.Int32 n" → ["System.String", "System.Int32"]; indexers list bare types.</summary>
    private static IReadOnlyList<string> ParameterTypes(string parameters) =>
        parameters.Length == 0
            ? []
            : parameters.Split(", ").Select(p => p.Contains(' ') ? p[..p.LastIndexOf(' ')] : p).ToList();
}
