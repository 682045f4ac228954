using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>
/// The generated builders and enums a compilation can see, read from what the generator wrote onto them
/// (<c>[BoardingBuilder]</c>, <c>[BoardingMember]</c>, <c>[BoardingEnumValue]</c>): builders from the package, from a
/// referenced library and from the compilation itself are checked the same way, in the IDE and in the build, without
/// reading a schema. One catalogue per compilation, shared by the five rule analyzers; each type is read once, when
/// first met, and each <c>Build()</c> call's flow once (two rules need it).
/// </summary>
internal sealed class BuilderCatalog
{
    private const string Namespace = "BoardingDsl.Serialization.";

    private readonly INamedTypeSymbol _builderAttribute;
    private readonly INamedTypeSymbol _memberAttribute;
    private readonly INamedTypeSymbol? _enumValueAttribute;
    private readonly ConcurrentDictionary<ITypeSymbol, BuilderInfo?> _builders = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, EnumInfo?> _enums = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxNode, Lazy<BuilderState?>> _flows = new();

    // Keyed by the compilation, so the catalogue lives exactly as long as the compilation it describes (the IDE makes a
    // new compilation per edit). A compilation without the runtime maps to a null catalogue.
    private static readonly ConditionalWeakTable<Compilation, StrongBox<BuilderCatalog?>> Catalogues = new();

    private BuilderCatalog(INamedTypeSymbol builderAttribute, INamedTypeSymbol memberAttribute, INamedTypeSymbol? enumValueAttribute)
    {
        _builderAttribute = builderAttribute;
        _memberAttribute = memberAttribute;
        _enumValueAttribute = enumValueAttribute;
    }

    /// <summary>The catalogue of <paramref name="compilation"/>, or null when it does not reference the BoardingDsl runtime (no builder can exist).</summary>
    public static BuilderCatalog? For(Compilation compilation) =>
        Catalogues.GetValue(compilation, c => new StrongBox<BuilderCatalog?>(Create(c))).Value;

    /// <summary>
    /// What the builder that <paramref name="build"/> is called on holds at that call, read once per call (both
    /// BDSL0001 and BDSL0004 need it); null when it cannot be known.
    /// </summary>
    public BuilderState? FlowAt(IInvocationOperation build) =>
        _flows.GetOrAdd(build.Syntax, _ => new Lazy<BuilderState?>(() => new BuilderFlow(this).Read(build.Instance!))).Value;

    private static BuilderCatalog? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(Namespace + "BoardingBuilderAttribute") is { } builder &&
        compilation.GetTypeByMetadataName(Namespace + "BoardingMemberAttribute") is { } member
            ? new BuilderCatalog(builder, member, compilation.GetTypeByMetadataName(Namespace + "BoardingEnumValueAttribute"))
            : null;

    // TryGetValue first: GetOrAdd with a method group allocates a delegate on every call, and this runs for every
    // invocation in the compilation.
    public BuilderInfo? Builder(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class } named)
        {
            return null;
        }

        var definition = named.OriginalDefinition;
        return _builders.TryGetValue(definition, out var known) ? known : _builders.GetOrAdd(definition, ReadBuilder(definition));
    }

    public EnumInfo? Enum(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } named)
        {
            return null;
        }

        return _enums.TryGetValue(named, out var known) ? known : _enums.GetOrAdd(named, ReadEnum(named));
    }

    private BuilderInfo? ReadBuilder(ITypeSymbol type)
    {
        var marker = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _builderAttribute));
        if (marker is null || marker.ConstructorArguments.Length != 2)
        {
            return null;
        }

        var members = new List<MemberInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            // Every overload of a With… method carries the same attribute: the first one read stands for all.
            if (seen.Contains(method.Name))
            {
                continue;
            }

            var attribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _memberAttribute));
            if (attribute is not null && ReadMember(method.Name, attribute) is { } member)
            {
                seen.Add(method.Name);
                members.Add(member);
            }
        }

        return new BuilderInfo(marker.ConstructorArguments[0].Value as string ?? type.Name, marker.ConstructorArguments[1].Value as string ?? string.Empty, members);
    }

    private static MemberInfo? ReadMember(string method, AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 2 ||
            attribute.ConstructorArguments[0].Value is not string jsonName ||
            attribute.ConstructorArguments[1].Value is not ITypeSymbol valueType)
        {
            return null;
        }

        bool required = false, warnOnDuplicates = false;
        string? httpsPattern = null, ignoredUnlessSet = null;
        INamedTypeSymbol? nested = null;
        IReadOnlyCollection<string> extraRequired = Array.Empty<string>();
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Required":
                    required = named.Value.Value is true;
                    break;
                case "WarnOnDuplicates":
                    warnOnDuplicates = named.Value.Value is true;
                    break;
                case "HttpsPattern":
                    httpsPattern = named.Value.Value as string;
                    break;
                case "IgnoredUnlessSet":
                    ignoredUnlessSet = named.Value.Value as string;
                    break;
                case "Builder":
                    nested = named.Value.Value as INamedTypeSymbol;
                    break;
                case "ExtraRequired" when named.Value.Kind == TypedConstantKind.Array:
                    extraRequired = named.Value.Values.Select(v => v.Value as string).Where(v => v is not null).Select(v => v!).ToList();
                    break;
            }
        }

        return new MemberInfo(jsonName, method, valueType, required, httpsPattern, ignoredUnlessSet, warnOnDuplicates, nested, extraRequired);
    }

    private EnumInfo? ReadEnum(ITypeSymbol type)
    {
        if (_enumValueAttribute is null)
        {
            return null;
        }

        var members = new List<(string, string)>();
        var byNumber = new Dictionary<long, string>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            // The first member of a value names it, as the compiler shows it.
            if (field.HasConstantValue && ToNumber(field.ConstantValue) is var number && !byNumber.ContainsKey(number))
            {
                byNumber.Add(number, field.Name);
            }

            var attribute = field.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _enumValueAttribute));
            if (attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is string json)
            {
                members.Add((field.Name, json));
            }
        }

        return members.Count == 0 ? null : new EnumInfo(type.Name, members, byNumber);
    }

    /// <summary>An enum constant as a number (enums of any underlying type).</summary>
    public static long ToNumber(object? constant) => Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture);
}
