namespace BoardingDsl.Generator.Diagnostics;

/// <summary>
/// The rule IDs, and the diagnostic properties the code fixes read, with one owner. This file is compiled into the
/// generator and linked as source into <c>BoardingDsl.CodeFixes</c>, which does not reference the generator assembly
/// so that either can be loaded alone.
/// </summary>
internal static class DiagnosticIds
{
    public const string MissingRequired = "BDSL0001";
    public const string NotHttps = "BDSL0002";
    public const string UndocumentedEnumValue = "BDSL0003";
    public const string IgnoredWithoutSibling = "BDSL0004";
    public const string DuplicateValue = "BDSL0005";
    public const string InvalidJson = "BDSL1001";
    public const string UnsupportedType = "BDSL1002";
    public const string UnresolvedRef = "BDSL1003";
    public const string NameCollision = "BDSL1004";
    public const string RootNotObject = "BDSL1005";
    public const string UnsupportedKeyword = "BDSL1006";
    public const string KeywordWrongType = "BDSL1007";
    public const string DuplicateTypeName = "BDSL1008";
    public const string InvalidEndpoint = "BDSL1009";
    public const string NoIdentifier = "BDSL1010";
    public const string RefCycle = "BDSL1011";
    public const string UnknownRequired = "BDSL1012";
    public const string InvalidPattern = "BDSL1013";
    public const string InternalError = "BDSL1014";
    public const string DependencyFailed = "BDSL1015";
    public const string UnsupportedFormat = "BDSL1016";
    public const string InvalidOption = "BDSL1017";
    public const string NotReached = "BDSL1018";
    public const string UnenforcedRule = "BDSL1019";
    public const string OverridesPrecompiled = "BDSL1020";
    public const string DuplicateId = "BDSL1021";
    public const string DuplicateEntry = "BDSL1022";
    public const string NamespaceIsType = "BDSL1023";
    public const string UnknownType = "BDSL1024";
    public const string UnsupportedComposition = "BDSL1025";
    public const string NonStringEnum = "BDSL1026";
    public const string UnsupportedArrayElement = "BDSL1027";

    /// <summary>Diagnostic property of BDSL0001: the <c>With…</c> calls its fix inserts, as C# (separated by newlines).</summary>
    public const string MissingCallsProperty = "MissingCalls";

    /// <summary>Diagnostic property of BDSL0003: the documented values of the enum, separated by newlines.</summary>
    public const string DocumentedValuesProperty = "DocumentedValues";
}
