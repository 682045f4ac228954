using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Model;

namespace BoardingDsl.Generator.Emit;

/// <summary>The view model a template renders: one generated type, everything pre-escaped.</summary>
internal sealed class TypeView
{
    public TypeView(TypeModel type, string version)
    {
        Namespace = type.Namespace;
        // The client package carries the shipped schemas' client methods in its own namespace (see GeneratorOptions).
        ClientNamespace = type.IsProvided ? "BoardingDsl.Client" : type.Namespace;
        Name = type.Name;
        Access = type.IsPublic ? "public" : "internal";
        Doc = Identifiers.XmlText(type.Description ?? type.Name + ", generated from " + type.SchemaFile + ".");
        SchemaFile = Identifiers.XmlText(type.SchemaFile);
        SchemaFileLiteral = Identifiers.Literal(type.SchemaFile);
        Unverified = type.IsUnverified;
        IsOpen = type.IsOpen;
        Version = version;
        NameLiteral = Identifiers.Literal(type.Name);
        FullName = type.FullName;
        SchemaId = type.IsPublic && type.SchemaId is not null ? Identifiers.Literal(type.SchemaId) : null;
        // A readOnly member is the server's to set: a request builder (of a type no answer from CCV holds) has no With… for it.
        var names = MemberNames.For(type.Properties);
        Properties = type.Properties.Select((p, i) => new PropertyView(p, i, names[i], hasWith: !(p.IsReadOnly && !type.IsReadModel))).ToList();
        Members = type.Members.Select(m => new EnumMemberView(m)).ToList();
        HasFinal = type.Members.Any(m => m.IsFinal);
        HasOpenValue = type.Kind == TypeKind.Enum && type.HasOpenValue;
        OpenValueName = type.OpenValueName;
        FirstMember = type.Members.Count > 0 ? type.Members[0].Name : string.Empty;
        FinalMembers = string.Join(" or ", type.Members.Where(m => m.IsFinal).Select(m => type.Name + "." + m.Name));
        if (type.Entry is { } e)
        {
            Entry = new EntryView(e, type.FullName);
        }
    }

    public string Namespace { get; }

    /// <summary>Where the type's client method goes: its own namespace, or <c>BoardingDsl.Client</c> for a type a reference holds.</summary>
    public string ClientNamespace { get; }

    public string Name { get; }

    public string NameLiteral { get; }

    public string FullName { get; }

    /// <summary>The schema's <c>$id</c> as a literal, on the root type of a public schema (the assembly marker).</summary>
    public string? SchemaId { get; }

    public string Access { get; }

    public string Doc { get; }

    public string SchemaFile { get; }

    /// <summary>The schema file's name as a C# literal (the builder's <c>[BoardingBuilder]</c>).</summary>
    public string SchemaFileLiteral { get; }

    public bool Unverified { get; }

    public bool IsOpen { get; }

    public string Version { get; }

    public List<PropertyView> Properties { get; }

    public List<EnumMemberView> Members { get; }

    public bool HasFinal { get; }

    public string FinalMembers { get; }

    /// <summary>On an enum: generate its open companion, <see cref="OpenValueName"/>.</summary>
    public bool HasOpenValue { get; }

    public string OpenValueName { get; }

    /// <summary>The first enum member (the enum's <c>default</c>), or empty.</summary>
    public string FirstMember { get; }

    public EntryView? Entry { get; }
}

internal sealed class EnumMemberView
{
    public EnumMemberView(EnumMemberModel m)
    {
        Name = m.Name;
        Literal = Identifiers.Literal(m.JsonValue);
        Utf8 = Identifiers.Utf8Literal(m.JsonValue);
        var description = m.Description ?? "The value '" + m.JsonValue + "'.";
        var saysFinal = description.IndexOf("final", System.StringComparison.OrdinalIgnoreCase) >= 0;
        Doc = Identifiers.XmlText(description + (m.IsFinal && !saysFinal ? " This value is final." : string.Empty));
    }

    public string Name { get; }

    public string Literal { get; }

    public string Utf8 { get; }

    public string Doc { get; }
}

internal sealed class EntryView
{
    public EntryView(EntryModel e, string typeFullName)
    {
        Name = e.Name;
        Operation = e.Operation;
        IsRequest = e.Role == EndpointRole.Request;
        Doc = Identifiers.XmlText(e.Operation + ": " + e.Method + " " + e.Path);
        Undocumented = e.Undocumented is null ? null : Identifiers.XmlText(e.Undocumented);
        MethodExpression = e.Method switch
        {
            "GET" => "global::System.Net.Http.HttpMethod.Get",
            "POST" => "global::System.Net.Http.HttpMethod.Post",
            "PUT" => "global::System.Net.Http.HttpMethod.Put",
            "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
            "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
            _ => "new global::System.Net.Http.HttpMethod(" + Identifiers.Literal(e.Method) + ")",
        };
        OperationLiteral = Identifiers.Literal(e.Operation);
        PathLiteral = Identifiers.Literal(e.Path);
        Responses = e.Responses
            .Where(r => int.TryParse(r.Code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            .Select(r => new ResponseView(r.Code, Identifiers.Literal(r.Description)))
            .ToList();
        ResponseType = IsRequest ? e.ResponseTypeName : typeFullName;
        RequestType = IsRequest ? typeFullName : null;
        Parameters = e.Parameters.Select(p => new ParameterView(Identifiers.Literal(p), Identifiers.Escape(Identifiers.ParameterName(p)))).ToList();
    }

    public string Name { get; }

    public string Operation { get; }

    public string OperationLiteral { get; }

    public string MethodExpression { get; }

    public string PathLiteral { get; }

    public List<ResponseView> Responses { get; }

    /// <summary>The model the answer is read into, or null where the docs do not say what comes back.</summary>
    public string? ResponseType { get; }

    public string? RequestType { get; }

    public List<ParameterView> Parameters { get; }

    public bool IsRequest { get; }

    public string Doc { get; }

    public string? Undocumented { get; }
}

internal sealed record ResponseView(string Code, string Description);

internal sealed record ParameterView(string NameLiteral, string Param);
