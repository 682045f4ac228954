using System;
using System.ComponentModel;

namespace BoardingDsl.Serialization;

/// <summary>
/// Marks an assembly that contains the types generated from a schema, so that the generator in a project
/// referencing it uses those types instead of generating a second copy (CS0436).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class BoardingSchemaAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public BoardingSchemaAttribute(string schemaId, string typeName)
    {
        SchemaId = schemaId;
        TypeName = typeName;
    }

    /// <summary>The schema's <c>$id</c>.</summary>
    public string SchemaId { get; }

    /// <summary>The fully qualified C# type of the schema's root.</summary>
    public string TypeName { get; }
}
