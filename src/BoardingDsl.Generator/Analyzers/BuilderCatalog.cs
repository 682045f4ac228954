using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Generator.Model;
using Microsoft.CodeAnalysis;

namespace BoardingDsl.Generator.Analyzers;

/// <summary>The generated builder and enum types of a compilation, matched to their schema model.</summary>
internal sealed class BuilderCatalog
{
    private readonly Dictionary<INamedTypeSymbol, TypeModel> _builders = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, TypeModel> _enums = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<string, TypeModel> _byFullName = new();

    public BuilderCatalog(Compilation compilation, GenerationModel model)
    {
        foreach (var type in model.Types)
        {
            _byFullName[type.FullName] = type;
            var metadataName = type.Namespace + "." + (type.Kind == TypeKinds.Enum ? type.Name : type.BuilderName);
            if (compilation.GetTypeByMetadataName(metadataName) is not { } symbol)
            {
                continue;
            }

            (type.Kind == TypeKinds.Enum ? _enums : _builders)[symbol] = type;
        }
    }

    public bool IsEmpty => _builders.Count == 0;

    public TypeModel? Builder(ITypeSymbol? type) => type is INamedTypeSymbol named && _builders.TryGetValue(named, out var model) ? model : null;

    public TypeModel? Enum(ITypeSymbol? type) => type is INamedTypeSymbol named && _enums.TryGetValue(named, out var model) ? model : null;

    public TypeModel? ByFullName(string? fullName) => fullName is not null && _byFullName.TryGetValue(fullName, out var model) ? model : null;

    public static PropertyModel? Property(TypeModel builder, string methodName) =>
        builder.Properties.FirstOrDefault(p => p.Method == methodName);
}
