namespace BoardingDsl.CodeFixes;

/// <summary>
/// The IDs and diagnostic properties the fixes act on. They mirror <c>DiagnosticCatalogue</c> and
/// <c>BuilderDiagnosticProperties</c> in the generator assembly, which this assembly does not reference so that either
/// can be loaded alone; a test checks the two agree.
/// </summary>
internal static class DiagnosticIds
{
    public const string MissingRequired = "BDSL0001";
    public const string NotHttps = "BDSL0002";
    public const string UndocumentedEnumValue = "BDSL0003";
    public const string DuplicateValue = "BDSL0005";

    public const string MissingCallsProperty = "MissingCalls";
    public const string DocumentedValuesProperty = "DocumentedValues";
}
