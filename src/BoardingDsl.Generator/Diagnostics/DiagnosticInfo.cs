using BoardingDsl.Generator.Common;
using Microsoft.CodeAnalysis;

namespace BoardingDsl.Generator.Diagnostics;

/// <summary>A diagnostic as plain data (ID, place, message arguments), safe to keep in the incremental pipeline.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = DiagnosticCatalogue.Get(Id);
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
