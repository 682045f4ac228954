using BoardingDsl.Generator.Common;

namespace BoardingDsl.Robustness.Tests.Infrastructure;

/// <summary>
/// The names the generator gives, so the random corpus can make "clean" cases (names the generator accepts). The
/// generator's own <see cref="Identifiers"/>, not a restatement that could drift from it.
/// </summary>
internal static class NameRules
{
    /// <summary>A type or property name; empty when the generator finds none. Without the <c>@</c> a keyword gets.</summary>
    public static string Pascal(string name) => Identifiers.ToPascalCase(name).TrimStart('@');

    /// <summary>An enum member name; empty when the generator finds none.</summary>
    public static string EnumMember(string value) => Identifiers.ToEnumMember(value);
}
