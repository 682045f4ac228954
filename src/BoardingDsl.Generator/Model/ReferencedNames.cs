using System;
using System.Collections.Generic;

namespace BoardingDsl.Generator.Model;

/// <summary>
/// The namespaces and types of BoardingDsl.Runtime and BoardingDsl.Client that the generated code names with
/// <c>global::BoardingDsl…</c> (the templates and <c>Emit/*.cs</c>). A generated type with one of these full names would
/// shadow it (CS0436/CS0437) and break every such reference. <c>NameClashTests</c> checks the lists against the templates.
/// </summary>
internal static class ReferencedNames
{
    public static readonly HashSet<string> Namespaces = new(StringComparer.Ordinal)
    {
        "BoardingDsl",
        "BoardingDsl.Client",
        "BoardingDsl.Serialization",
    };

    public static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "BoardingDsl.BoardingPlaceholder",
        "BoardingDsl.BoardingValidationException",
        "BoardingDsl.Client.BoardingApiException",
        "BoardingDsl.Client.BoardingApiResponse",
        "BoardingDsl.Client.BoardingClient",
        "BoardingDsl.Client.IBoardingClient",
        "BoardingDsl.Client.BoardingEndpoint",
        "BoardingDsl.Serialization.BoardingJson",
        "BoardingDsl.Serialization.BoardingRules",
        "BoardingDsl.Serialization.BoardingSchemaAttribute",
        "BoardingDsl.Serialization.BoardingBuilderAttribute",
        "BoardingDsl.Serialization.BoardingMemberAttribute",
        "BoardingDsl.Serialization.BoardingEnumValueAttribute",
        "BoardingDsl.Serialization.IBoardingModel",
        "BoardingDsl.Serialization.ValidationContext",
    };

    /// <summary>Whether a type with this full name (no <c>global::</c>) would shadow something the generated code names.</summary>
    public static bool IsTaken(string fullName) => Namespaces.Contains(fullName) || Types.Contains(fullName);
}
