using System;
using System.Collections.Generic;
using System.Linq;
using BoardingDsl.Generator.Common;
using BoardingDsl.Generator.Schema;
using D = BoardingDsl.Generator.Diagnostics.DiagnosticCatalogue;

namespace BoardingDsl.Generator.Model;

/// <summary>
/// The rules an entry-point schema (one with <c>x-boarding-endpoint</c>) must keep beyond being a valid schema: a response
/// describes an object, and so does the response schema a request names; the entry point <c>Boarding.&lt;Name&gt;()</c>,
/// the client operation and its parameters make valid C# names that are distinct in their namespace. A broken endpoint is
/// BDSL1009 (or BDSL1010/BDSL1008 for its names) and its schema is not generated: a client method cannot be half made.
/// Also the names of the classes endpoints add to a namespace, which no schema type may take.
/// </summary>
internal sealed class EndpointRules
{
    /// <summary>Types the generator writes besides the schema types, per namespace: the entry class and the client class.</summary>
    public static readonly HashSet<string> ReservedTypeNames = new(StringComparer.Ordinal) { "Boarding", "BoardingClientOperations" };

    /// <summary>Names an entry point <c>Boarding.&lt;Name&gt;()</c> cannot have.</summary>
    private static readonly HashSet<string> ReservedEntryNames = new(StringComparer.Ordinal)
    {
        "Boarding", "ToString", "GetType", "Equals", "GetHashCode", "ReferenceEquals", "MemberwiseClone", "Finalize",
    };

    private readonly Dictionary<string, SchemaDocument> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaDocument> _operations = new(StringComparer.Ordinal);

    private readonly ModelContext _context;

    public EndpointRules(ModelContext context) => _context = context;

    /// <summary>The entry point, the client operation and its parameters must make valid, distinct C# names.</summary>
    public bool CheckEntry(SchemaDocument doc)
    {
        var endpoint = doc.Endpoint!;
        var ok = true;
        if (endpoint.Role == "response" && !DescribesObject(doc.Root))
        {
            _context.Report(doc, D.InvalidEndpointAt(endpoint.Location, "a response schema must describe an object"));
            ok = false;
        }

        if (endpoint.Role == "request")
        {
            var entry = TypeNamer.EntryName(doc);
            if (entry.Length == 0 || ReservedEntryNames.Contains(entry))
            {
                _context.Report(doc, D.NoIdentifierAt(doc.Root.Location, "Boarding." + (entry.Length == 0 ? doc.FileName : entry) + "()"));
                ok = false;
            }
            else if (_entries.TryGetValue(doc.Namespace + "." + entry, out var other))
            {
                _context.Report(doc, D.DuplicateEntryAt(doc.Root.Location, doc.Namespace + ".Boarding." + entry + "()", other.Path, doc.Path));
                ok = false;
            }
            else
            {
                _entries[doc.Namespace + "." + entry] = doc;
            }
        }

        if (_operations.TryGetValue(doc.Namespace + "." + endpoint.Operation, out var same))
        {
            _context.Report(doc, D.InvalidEndpointAt(endpoint.Location, $"the operation '{endpoint.Operation}' is also the operation of '{same.FileName}'"));
            ok = false;
        }
        else
        {
            _operations[doc.Namespace + "." + endpoint.Operation] = doc;
        }

        var parameters = new HashSet<string>(StringComparer.Ordinal) { "client", "request", "cancellationToken", "path" };
        foreach (var parameter in endpoint.Parameters)
        {
            var param = Identifiers.ParameterName(parameter);
            if (param.Length == 0 || !parameters.Add(param))
            {
                _context.Report(doc, D.InvalidEndpointAt(endpoint.Location, $"the parameter '{parameter}' does not make a distinct C# parameter name"));
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>
    /// The document a request's <c>response</c> names, when it is there and describes an object (its type is the
    /// operation's answer); otherwise null, after BDSL1009 at the endpoint.
    /// </summary>
    public SchemaDocument? FindResponse(SchemaDocument doc, EndpointInfo entry, string response)
    {
        var target = _context.Set.FindDocument(doc, response);
        if (target is null)
        {
            _context.Report(doc, D.InvalidEndpointAt(entry.Location, $"the response schema '{response}' is not found"));
            return null;
        }

        if (!DescribesObject(target.Root))
        {
            _context.Report(doc, D.InvalidEndpointAt(entry.Location, $"the response schema '{response}' must describe an object"));
            return null;
        }

        return target;
    }

    /// <summary>What a response is read into: an object with members, so not an enum, and with properties or type <c>object</c>.</summary>
    private static bool DescribesObject(SchemaNode root) => !root.HasEnum && (root.HasProperties || root.Types.Contains("object"));
}
