using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>A generated builder as the analyzers see it: read from its <c>[BoardingBuilder]</c> and <c>[BoardingMember]</c> attributes.</summary>
internal sealed class BuilderInfo
{
    private readonly Dictionary<string, MemberInfo> _byMethod;

    public BuilderInfo(string typeName, string schemaFile, IReadOnlyList<MemberInfo> members)
    {
        TypeName = typeName;
        SchemaFile = schemaFile;
        Members = members;
        _byMethod = members.ToDictionary(m => m.Method, System.StringComparer.Ordinal);
    }

    /// <summary>The name of the type the builder builds (messages).</summary>
    public string TypeName { get; }

    /// <summary>The schema file it was generated from (messages).</summary>
    public string SchemaFile { get; }

    /// <summary>One entry per member with <c>With…</c> methods, in schema order.</summary>
    public IReadOnlyList<MemberInfo> Members { get; }

    /// <summary>The member a <c>With…</c> method of this name sets, or null (Build, IsSet, …).</summary>
    public MemberInfo? Member(string methodName) => _byMethod.TryGetValue(methodName, out var member) ? member : null;
}

/// <summary>One member of a builder and the rules the analyzers check on it.</summary>
internal sealed class MemberInfo
{
    public MemberInfo(string jsonName, string method, ITypeSymbol valueType, bool isRequired, string? httpsPattern, string? ignoredUnlessSet,
        bool warnOnDuplicates, INamedTypeSymbol? nestedBuilder, IReadOnlyCollection<string> extraRequired)
    {
        JsonName = jsonName;
        Method = method;
        ValueType = valueType;
        IsRequired = isRequired;
        HttpsPattern = httpsPattern;
        IgnoredUnlessSet = ignoredUnlessSet;
        WarnOnDuplicates = warnOnDuplicates;
        NestedBuilder = nestedBuilder;
        ExtraRequired = extraRequired;
        IsArray = valueType is IArrayTypeSymbol;
        ElementType = valueType is IArrayTypeSymbol array ? array.ElementType : valueType;
    }

    public string JsonName { get; }

    /// <summary>The name of its <c>With…</c> methods.</summary>
    public string Method { get; }

    /// <summary>The C# type of its value (an array type for an array).</summary>
    public ITypeSymbol ValueType { get; }

    /// <summary>The type of one value (the element type of an array).</summary>
    public ITypeSymbol ElementType { get; }

    public bool IsArray { get; }

    public bool IsRequired { get; }

    /// <summary>The pattern that states the https rule (BDSL0002), or null.</summary>
    public string? HttpsPattern { get; }

    /// <summary>The JSON name of the sibling without which CCV ignores it (BDSL0004), or null.</summary>
    public string? IgnoredUnlessSet { get; }

    /// <summary>A value listed twice is reported (BDSL0005).</summary>
    public bool WarnOnDuplicates { get; }

    /// <summary>The builder of an object member (or of an array's object elements), or null.</summary>
    public INamedTypeSymbol? NestedBuilder { get; }

    /// <summary>Members the enclosing schema requires of the nested object beyond its own (<c>allOf</c>).</summary>
    public IReadOnlyCollection<string> ExtraRequired { get; }
}

/// <summary>A generated enum: its name and the JSON string of each member, from <c>[BoardingEnumValue]</c>.</summary>
internal sealed class EnumInfo
{
    private readonly IReadOnlyDictionary<long, string> _memberByNumber;
    private readonly Dictionary<string, string> _jsonByMember;

    public EnumInfo(string name, IReadOnlyList<(string Member, string JsonValue)> members, IReadOnlyDictionary<long, string> memberByNumber)
    {
        Name = name;
        Members = members;
        _memberByNumber = memberByNumber;
        _jsonByMember = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var (member, json) in members)
        {
            _jsonByMember[member] = json;
        }
    }

    /// <summary>The C# member with constant <paramref name="number"/>, or null (a cast such as <c>(OrderStatus)99</c>).</summary>
    public string? MemberFor(long number) => _memberByNumber.TryGetValue(number, out var member) ? member : null;

    /// <summary>The JSON value of C# member <paramref name="member"/>, or null when it is not a documented value.</summary>
    public string? JsonFor(string member) => _jsonByMember.TryGetValue(member, out var json) ? json : null;

    public string Name { get; }

    /// <summary>Each member's C# name and JSON string, in declaration (schema) order.</summary>
    public IReadOnlyList<(string Member, string JsonValue)> Members { get; }
}
