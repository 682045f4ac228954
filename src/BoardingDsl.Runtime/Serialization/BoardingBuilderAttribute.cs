using System;
using System.ComponentModel;

namespace BoardingDsl.Serialization;

/// <summary>
/// Marks a generated builder for the BoardingDsl analyzers, which read the rules they check (BDSL0001–0005) from
/// these attributes and the <see cref="BoardingMemberAttribute"/>s on its <c>With…</c> methods, never from schema
/// files: a builder from the package, from a referenced library or from the current project is checked the same way.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BoardingBuilderAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    /// <param name="typeName">The name of the type the builder builds, as the analyzers' messages show it.</param>
    /// <param name="schemaFile">The schema file the builder was generated from, as the messages show it.</param>
    public BoardingBuilderAttribute(string typeName, string schemaFile)
    {
        TypeName = typeName;
        SchemaFile = schemaFile;
    }

    /// <summary>The name of the type the builder builds.</summary>
    public string TypeName { get; }

    /// <summary>The schema file the builder was generated from.</summary>
    public string SchemaFile { get; }
}
