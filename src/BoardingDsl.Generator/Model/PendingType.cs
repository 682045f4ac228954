using BoardingDsl.Generator.Schema;

namespace BoardingDsl.Generator.Model;

/// <summary>A type that has its name (and so its place in the registry) but whose model may not be built yet.</summary>
internal sealed class PendingType
{
    public PendingType(SchemaDocument document, SchemaNode node, string name, string fullName, bool isEnum)
    {
        Document = document;
        Node = node;
        Name = name;
        FullName = fullName;
        IsEnum = isEnum;
    }

    public SchemaDocument Document { get; }

    public SchemaNode Node { get; }

    public string Name { get; }

    public string FullName { get; }

    public bool IsEnum { get; }

    public EndpointInfo? Entry { get; set; }

    public PendingType? ResponseType { get; set; }

    public TypeModel? Model { get; set; }
}
